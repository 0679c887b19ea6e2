import { Assistant } from '@/lib/controller/assistant';
import { Lifetime } from '@/lib/controller/lifetime';
import { LookupHelper } from '@/lib/controller/lookup';
import { answerLookupWindows } from '@/lib/controller/lookup-answer';
import { logErrorOnce } from '@/lib/util/log';

/**
 * The assistant proper and the help inside the form's lookup windows, in one script, loaded by the
 * content script (entrypoints/caljobs-gate.ts) only where the page's first look says so: the
 * assistant on pages that look like a Create Credential form or a case page, the lookup help in a
 * window that may be Search Activities/Services or Agency Code Search. One script rather than two:
 * they share the reader, the hosts, the dates and the messaging, which two bundles would each carry
 * (issue 15's size budget counts everything the gate can load). Both run in the content script's
 * isolated world, each with its own lifetime (lib/controller/lifetime.ts: it ends when the extension
 * is reloaded or updated).
 */
export default defineUnlistedScript({
  // No global variable for the script's result (WXT's `var assistant = …`): defining it in this world's
  // global at each injection cost the form's load about 0.1 ms, and nothing reads it (README, Performance).
  globalName: false,
  main() {
    const g = globalThis as { __caljobsAssistantStart?: () => void; __caljobsLookupStart?: () => void };
    g.__caljobsAssistantStart = () => {
      try {
        const lifetime = new Lifetime();
        const assistant = new Assistant(lifetime);
        assistant.start();
        // The form's date for its Search Activities/Services window, read as the assistant reads it.
        answerLookupWindows(lifetime.signal, () => assistant.credentialDate());
      } catch (error) {
        logErrorOnce('starting', error);
      }
    };
    g.__caljobsLookupStart = () => {
      try {
        // It recognizes the window by meaning; any other window is left untouched (no lifetime, no
        // host, no message). The lifetime begins only for a recognized lookup (lib/controller/lookup.ts).
        new LookupHelper(() => new Lifetime()).start();
      } catch (error) {
        logErrorOnce('starting in a lookup window', error);
      }
    };
  },
});

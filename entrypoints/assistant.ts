import { Assistant } from '@/lib/controller/assistant';
import { Lifetime } from '@/lib/controller/lifetime';
import { answerLookupWindows } from '@/lib/controller/lookup-answer';
import { logErrorOnce } from '@/lib/util/log';

/**
 * The assistant proper, loaded by the content script (entrypoints/caljobs-gate.ts) only on pages that
 * look like a Create Credential form or a case page. It runs in the content script's isolated world,
* with its own lifetime (lib/controller/lifetime.ts: it ends when the extension is reloaded or updated).
 */
export default defineUnlistedScript(() => {
  (globalThis as { __caljobsAssistantStart?: () => void }).__caljobsAssistantStart = () => {
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
});

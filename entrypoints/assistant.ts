import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { Assistant } from '@/lib/controller/assistant';
import { answerLookupWindows } from '@/lib/controller/lookup-answer';
import { logErrorOnce } from '@/lib/util/log';

/**
 * The assistant proper, loaded by the content script (entrypoints/caljobs-gate.ts) only on pages that
 * look like a Create Credential form or a case page. It runs in the content script's isolated world,
 * with WXT's content-script context (invalidated when the extension is reloaded or updated).
 */
export default defineUnlistedScript(() => {
  (globalThis as { __caljobsAssistantStart?: () => void }).__caljobsAssistantStart = () => {
    try {
      const ctx = new ContentScriptContext('caljobs', { cssInjectionMode: 'manual' } as never);
      new Assistant(ctx).start();
      answerLookupWindows(ctx.signal); // the form's date for its Search Activities/Services window
    } catch (error) {
      logErrorOnce('starting', error);
    }
  };
});

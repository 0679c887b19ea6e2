import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { Assistant } from '@/lib/assistant';
import { logErrorOnce } from '@/lib/log';

/**
 * The assistant proper, loaded by the content script (entrypoints/caljobs.content) only on pages that
 * look like a Create Credential form or a case page. It runs in the content script's isolated world.
 */
export default defineUnlistedScript(() => {
  (globalThis as { __caljobsAssistantStart?: (ctx: ContentScriptContext) => void }).__caljobsAssistantStart = (ctx) => {
    try {
      new Assistant(ctx).start();
    } catch (error) {
      logErrorOnce('starting', error);
    }
  };
});

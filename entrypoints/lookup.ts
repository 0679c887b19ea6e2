import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { LookupHelper } from '@/lib/controller/lookup';
import { logErrorOnce } from '@/lib/util/log';

/**
 * Help inside the credential form's lookup windows (Search Activities/Services, Agency Code Search),
 * loaded by the content script (entrypoints/caljobs-gate.ts) only in a window that may be one.
 * It recognizes the window by meaning and marks its rows; any other window is left untouched (no
 * context, no host, no message). See lib/controller/lookup.ts.
 */
export default defineUnlistedScript(() => {
  (globalThis as { __caljobsLookupStart?: () => void }).__caljobsLookupStart = () => {
    try {
      // The context (invalidated when the extension is reloaded) is made only for a recognized lookup,
      // and tells no page script that it started (no postMessage).
      const context = () => new ContentScriptContext('caljobs-lookup', { cssInjectionMode: 'manual', noScriptStartedPostMessage: true } as never);
      new LookupHelper(context).start();
    } catch (error) {
      logErrorOnce('starting in a lookup window', error);
    }
  };
});

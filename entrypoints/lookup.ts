import { Lifetime } from '@/lib/controller/lifetime';
import { LookupHelper } from '@/lib/controller/lookup';
import { logErrorOnce } from '@/lib/util/log';

/**
 * Help inside the credential form's lookup windows (Search Activities/Services, Agency Code Search),
 * loaded by the content script (entrypoints/caljobs-gate.ts) only in a window that may be one.
 * It recognizes the window by meaning and marks its rows; any other window is left untouched (no
 * lifetime, no host, no message). See lib/controller/lookup.ts.
 */
export default defineUnlistedScript(() => {
  (globalThis as { __caljobsLookupStart?: () => void }).__caljobsLookupStart = () => {
    try {
      // The lifetime (it ends when the extension is reloaded) begins only for a recognized lookup.
      new LookupHelper(() => new Lifetime()).start();
    } catch (error) {
      logErrorOnce('starting in a lookup window', error);
    }
  };
});

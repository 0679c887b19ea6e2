import { logErrorOnce } from '@/lib/util/log';

/**
 * Help inside the credential form's lookup windows (Search Activities/Services, Agency Code Search),
 * loaded by the content script (entrypoints/caljobs-gate.ts) only in a window that may be one.
 * It recognizes the window by meaning and marks its rows; any other window is left untouched.
 */
export default defineUnlistedScript(() => {
  (globalThis as { __caljobsLookupStart?: () => void }).__caljobsLookupStart = () => {
    try {
      // Issue 14: the lookup controller starts here.
    } catch (error) {
      logErrorOnce('starting in a lookup window', error);
    }
  };
});

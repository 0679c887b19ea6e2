import { browser } from 'wxt/browser';
import { logErrorOnce } from '@/lib/log';
import { pageMayNeedAssistant } from '@/lib/reader/gate';

/**
 * Runs on every CalJOBS page, so it is kept tiny: it only looks for a Create Credential form or a case
 * page (now, or when one appears later in the same document) and then loads the assistant.
 */
export default defineContentScript({
  matches: ['https://www.caljobs.ca.gov/*'],
  allFrames: true,
  runAt: 'document_idle',
  cssInjectionMode: 'manual',
  main(ctx) {
    let loading = false;
    let observer: MutationObserver | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = () => {
      loading = true;
      observer?.disconnect();
      import(/* @vite-ignore */ browser.runtime.getURL('/assistant.js'))
        .then(() => {
          const start = (globalThis as { __caljobsAssistantStart?: (c: typeof ctx) => void }).__caljobsAssistantStart;
          if (!ctx.isInvalid) start?.(ctx); // ctx.isInvalid touches the extension API: only now
        })
        .catch((error: unknown) => logErrorOnce('loading the assistant', error));
    };
    const look = () => {
      try {
        if (!loading && !ctx.signal.aborted && pageMayNeedAssistant(document)) load();
      } catch (error) {
        logErrorOnce('looking at the page', error);
      }
    };
    look();
    if (loading) return;
    // The form may arrive later in the same document (a postback from the case page).
    observer = new MutationObserver(() => {
      clearTimeout(timer);
      timer = setTimeout(look, 250); // not ctx.setTimeout: it adds a listener per call

    });
    observer.observe(document.body ?? document.documentElement, { childList: true, subtree: true });
    ctx.onInvalidated(() => {
      observer?.disconnect();
      clearTimeout(timer);
    });
  },
});

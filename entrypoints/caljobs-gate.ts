import { mayBecomeOurs, whatThePageNeeds } from '@/lib/page/gate';

/**
 * The content script that runs on every CalJOBS page (declared in wxt.config.ts). It is kept tiny and
 * does not touch the extension API at all until it is needed: it only looks for a Create Credential
 * form or a case page (now, or when one appears later in the same document) and then loads the
 * assistant (entrypoints/assistant.ts). On any other page it costs one look at the page's text.
 *
 * It is an unlisted script rather than a WXT `defineContentScript`, because WXT's content-script
 * context asks the extension API for the runtime id at start-up, which alone costs about 2 ms per page
 * (README, Performance). The assistant creates that context itself, on credential pages only.
 */
export default defineUnlistedScript(() => {
  const g = globalThis as {
    __caljobsGate?: boolean;
    __caljobsAssistantStart?: () => void;
    __caljobsLookupStart?: () => void;
    browser?: { runtime?: { id?: string; getURL(path: string): string } };
    chrome?: { runtime?: { id?: string; getURL(path: string): string } };
  };
  if (g.__caljobsGate) return; // injected twice into the same world: the first one is in charge
  g.__caljobsGate = true;
  let loading = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let observer: MutationObserver | null = null;

  const fail = (where: string, error: unknown) =>
    console.error(`[CalJOBS Assistant] ${where} failed: ${error instanceof Error ? `${error.name}: ${error.message}` : typeof error}`);

  const load = (what: 'assistant' | 'lookup') => {
    loading = true;
    observer?.disconnect();
    clearTimeout(timer);
    const runtime = g.browser?.runtime?.id ? g.browser.runtime : g.chrome?.runtime;
    if (!runtime?.id) return; // the extension was removed or updated: stay out of the page
    import(/* @vite-ignore */ runtime.getURL(`/${what}.js`))
      .then(() => (what === 'assistant' ? g.__caljobsAssistantStart : g.__caljobsLookupStart)?.())
      .catch((error: unknown) => fail(`loading the ${what}`, error));
  };

  const look = () => {
    try {
      const needed = loading ? null : whatThePageNeeds(document);
      if (needed) load(needed);
    } catch (error) {
      fail('looking at the page', error);
    }
  };

  look();
  if (loading) return;
  // The form may arrive later in the same document (a postback from the case page): look again, once
  // things settle, only when what was added could make it one of ours (most changes are not).
  observer = new MutationObserver((records) => {
    if (timer !== undefined) return; // a look is already due
    for (const record of records) {
      for (const node of Array.from(record.addedNodes)) {
        const text = node.textContent;
        if (text && text.length > 5 && mayBecomeOurs(text)) {
          timer = setTimeout(() => {
            timer = undefined;
            look();
          }, 250);
          return;
        }
      }
    }
  });
  observer.observe(document.body ?? document.documentElement, { childList: true, subtree: true });
});

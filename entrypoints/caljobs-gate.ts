/**
 * The content script on every CalJOBS page and frame (declared in wxt.config.ts), kept as small as a
 * content script can be: it touches no page object and no extension API until the page's own world
 * (entrypoints/page-world.ts, which looks at the page where looking is cheap) says the page may need the
 * assistant or the lookup helper; then it asks the worker to put assistant.js (which holds both) into
 * this frame, and starts the one needed. It is an unlisted script rather than a WXT
 * `defineContentScript`: WXT's content-script context asks the extension API for the runtime id at
 * start-up, which alone costs about 2 ms per page.
 */
type Runtime = { id?: string; sendMessage(message: unknown): Promise<{ res?: unknown; err?: { message?: string } } | undefined> };

export default defineUnlistedScript({
  // No global variable for the script's result (WXT's `var caljobsGate = …`), defined in this world's
  // global on every CalJOBS page and frame for nothing: nothing reads it (README, Performance).
  globalName: false,
  main() {
    const g = globalThis as {
      __caljobsGate?: boolean;
      __caljobsAssistantStart?: () => void;
      __caljobsLookupStart?: () => void;
      browser?: { runtime?: Runtime };
      chrome?: { runtime?: Runtime };
    };
    if (g.__caljobsGate) return; // injected twice into the same world: the first one is in charge
    g.__caljobsGate = true;
    const onNeeded = (event: Event) => {
      const what = (event as CustomEvent<unknown>).detail;
      if (what !== 'assistant' && what !== 'lookup') return;
      removeEventListener('caljobs-assistant-needed', onNeeded);
      dispatchEvent(new CustomEvent('caljobs-assistant-heard'));
      const runtime = g.browser?.runtime?.id ? g.browser.runtime : g.chrome?.runtime;
      if (!runtime?.id) return; // the extension was removed or updated: stay out of the page
      // The worker puts assistant.js (which holds both) into this frame (lib/messaging/page-scripts.ts),
      // asked in @webext-core/messaging's wire format; then the one this page needs starts.
      Promise.resolve(runtime.sendMessage({ id: 0, type: 'loadPageScript', data: { script: 'assistant' }, timestamp: Date.now() }))
        .then((answer) => {
          if (!answer?.res) throw new Error(answer?.err?.message ?? 'it was not loaded');
          (what === 'assistant' ? g.__caljobsAssistantStart : g.__caljobsLookupStart)?.();
        })
        .catch((error: unknown) =>
          console.error(`[CalJOBS Assistant] loading the ${what} failed: ${error instanceof Error ? `${error.name}: ${error.message}` : typeof error}`),
        );
    };
    addEventListener('caljobs-assistant-needed', onNeeded);
  },
});

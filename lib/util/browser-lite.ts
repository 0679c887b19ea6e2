/**
 * The content script's `browser`: the browser's own promise-based API (Chrome/Edge MV3, Firefox),
 * without webextension-polyfill. The polyfill costs several milliseconds on every CalJOBS page load,
 * more than the whole budget for pages that are not a Create Credential form (see README, Performance).
 *
 * The one thing MV3 Chrome does not do natively is let a runtime.onMessage listener answer by returning
 * a promise; the wrapper below adds exactly that, as the polyfill does (adding and removing listeners:
 * nothing in the page asks whether one is there). Extension pages and the worker keep the polyfill
 * (through @wxt-dev/webextension-polyfill).
 */
type Listener = (message: unknown, sender: unknown) => unknown;
type NativeListener = (message: unknown, sender: unknown, sendResponse: (response: unknown) => void) => boolean | undefined;

interface NativeEvent {
  addListener(fn: NativeListener): void;
  removeListener(fn: NativeListener): void;
}

const g = globalThis as unknown as { browser?: { runtime?: { id?: string } }; chrome?: Record<string, unknown> & { runtime?: Record<string, unknown> } };

function wrapOnMessage(event: NativeEvent) {
  const wrapped = new WeakMap<Listener, NativeListener>();
  return {
    addListener(listener: Listener) {
      const nativeListener: NativeListener = (message, sender, sendResponse) => {
        const result = listener(message, sender);
        if (result && typeof (result as Promise<unknown>).then === 'function') {
          (result as Promise<unknown>).then(sendResponse, (error: unknown) =>
            sendResponse({ err: { message: error instanceof Error ? error.message : String(error) } }),
          );
          return true;
        }
        if (result !== undefined) sendResponse(result);
        return false;
      };
      wrapped.set(listener, nativeListener);
      event.addListener(nativeListener);
    },
    removeListener(listener: Listener) {
      const nativeListener = wrapped.get(listener);
      if (nativeListener) event.removeListener(nativeListener);
    },
  };
}

function build(): Record<string, any> {
  const hasNativePromises = !!g.browser?.runtime?.id; // Firefox (and Safari) expose `browser` with promises
  const native = (hasNativePromises ? g.browser : g.chrome) as Record<string, any>;
  if (hasNativePromises || !native) return native;
  const runtime = native.runtime as Record<string, any>;
  let onMessage: ReturnType<typeof wrapOnMessage> | undefined;
  const runtimeLite = Object.create(runtime, {
    onMessage: { get: () => (onMessage ??= wrapOnMessage(runtime.onMessage as NativeEvent)), enumerable: true },
  });
  return Object.create(native, { runtime: { value: runtimeLite, enumerable: true } });
}

/**
 * Built on first use: merely touching `chrome.runtime` makes the browser set up its extension API
 * bindings (about 2 ms per page), and most CalJOBS pages never need them.
 */
let built: Record<string, any> | undefined;
export const browser = new Proxy({} as Record<string, any>, {
  get: (_target, prop) => Reflect.get((built ??= build()), prop),
  has: (_target, prop) => Reflect.has((built ??= build()), prop),
}) as unknown as typeof import('wxt/browser').browser;
export default browser;

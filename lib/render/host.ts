import type { OurHostName } from '../page/ours';

/**
 * One of our hosts on the page: a custom element `caljobs-assistant-*` with an open shadow root holding
 * our styles, so no CSS crosses either way (the host resets itself with `all: initial`), and `anchor` is
 * asked at each mount, so a host follows re-rendered fields. Keyboard events stay inside, so the page's
 * own key handlers never see our buttons. The hosts go away with the assistant's lifetime. (WXT's
 * createShadowRootUi does the same with more: measured, its code was a sixth of the content script.)
 */
export interface Host {
  shadowHost: HTMLElement;
  shadow: ShadowRoot;
  /** Where our UI goes: the body inside the shadow root. */
  uiContainer: HTMLElement;
  /** Puts the host at its anchor (again): after it, before it, or last inside it. */
  mount(): void;
  remove(): void;
}

/** What our UI needs of the assistant's lifetime (lib/controller/lifetime.ts): to go when it ends. */
export interface UiLifetime {
  onInvalidated(fn: () => void): void;
}

export type HostPlacement = 'last' | 'before' | ((anchor: Element, host: Element) => void);

export function createHost(
  lifetime: UiLifetime,
  options: { name: OurHostName; css: string; anchor(): Element | null; append: HostPlacement },
): Promise<Host> {
  const shadowHost = document.createElement(options.name);
  const shadow = shadowHost.attachShadow({ mode: 'open' });
  const html = document.createElement('html');
  html.setAttribute('lang', 'en');
  const head = document.createElement('head');
  const css = `:host{all:initial !important;}\n${options.css}`;
  if (!adoptSheet(shadow, css)) {
    const style = document.createElement('style');
    style.textContent = css;
    head.append(style);
  }
  const body = document.createElement('body');
  for (const type of ['keydown', 'keyup', 'keypress']) body.addEventListener(type, (event) => event.stopPropagation());
  html.append(head, body);
  shadow.append(html);
  const host: Host = {
    shadowHost,
    shadow,
    uiContainer: body,
    mount() {
      const anchor = options.anchor();
      if (!anchor) return;
      if (options.append === 'last') anchor.append(shadowHost);
      else if (options.append === 'before') anchor.before(shadowHost);
      else options.append(anchor, shadowHost);
    },
    remove() {
      shadowHost.remove();
      body.replaceChildren();
    },
  };
  lifetime.onInvalidated(() => host.remove());
  return Promise.resolve(host);
}

/** Each stylesheet is parsed once and shared by every host that uses it (seven notes on a blank form). */
const sheets = new Map<string, CSSStyleSheet>();

function adoptSheet(shadow: ShadowRoot, css: string): boolean {
  try {
    let sheet = sheets.get(css);
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      sheets.set(css, sheet);
    }
    shadow.adoptedStyleSheets = [sheet];
    return shadow.adoptedStyleSheets.length === 1;
  } catch {
    return false; // a browser that will not share a content script's sheet: a <style> of its own
  }
}

/**
 * Runs in the PAGE's own world (entrypoints/page-world.ts, a main-world content script), because only
 * there can a script's `form.submit()` be seen: `__doPostBack` (LinkButtons, AutoPostBack,
 * WebForm_DoPostBackWithOptions) ends in it and it fires no submit event. It wraps
 * `HTMLFormElement.prototype.submit` (once the assistant found a form here and sent
 * `caljobs-assistant-watch`) so that each call first asks, with a cancelable DOM event the
 * assistant's content script can answer synchronously, whether to hold it back:
 *   - `caljobs-assistant-post` (on the form): cancelled by the assistant when this post is a Save it
 *     must ask about; the call is then held, with the __EVENTTARGET and __EVENTARGUMENT it carried.
 *   - `caljobs-assistant-replay` (on the document): posts the held call once, as it was.
 *   - `caljobs-assistant-click` (on a control, cancelable): clicks it from the page's world and
 *     cancels the event to say so. "Save anyway" replays a held click this way, because a LinkButton's
 *     `javascript:__doPostBack(…)` link does not run when the content script's world clicks it.
 * Nobody answering (the extension removed or reloaded, any other page) means: submit as usual. Every
 * other caller works exactly as before; nothing here touches the page otherwise. Self-contained: no
 * imports, no extension API (this world has none), no global left in the page.
 */
/** Marks our wrapper (a property of our own function, not of the page's globals). */
const OURS = Symbol.for('caljobs-assistant-posts');

export function watchPagePosts(win: Window & typeof globalThis): void {
  // Clicks asked for from the content script (Save anyway, a lookup's one-click pick), in any window.
  // A second copy of this script (the extension reloaded) sees the first one's answer and stays out.
  win.document.addEventListener(
    'caljobs-assistant-click',
    (event) => {
      const target = event.target;
      if (event.defaultPrevented || !(target instanceof win.HTMLElement)) return;
      event.preventDefault();
      target.click();
    },
    true,
  );
  // The form's submit is not touched until the assistant finds a Create Credential form here and asks
  // (`caljobs-assistant-watch`).
  const start = () => {
    win.document.removeEventListener('caljobs-assistant-watch', start, true);
    wrapSubmit(win);
  };
  win.document.addEventListener('caljobs-assistant-watch', start, true);
}

function wrapSubmit(win: Window & typeof globalThis): void {
  const proto = win.HTMLFormElement.prototype;
  const nativeSubmit = proto.submit;
  if ((nativeSubmit as { [OURS]?: boolean })[OURS]) return; // wrapped already (the extension was reloaded)
  let held: { form: HTMLFormElement; target: string | null; argument: string | null } | null = null;
  const hidden = (form: HTMLFormElement, name: string): HTMLInputElement | null => {
    const field = form.elements.namedItem(name);
    return field instanceof win.HTMLInputElement ? field : null;
  };
  const submit = function submit(this: HTMLFormElement): void {
    let hold = false;
    try {
      const ask = new win.CustomEvent('caljobs-assistant-post', { bubbles: true, cancelable: true });
      hold = !this.dispatchEvent(ask);
      if (hold) held = { form: this, target: hidden(this, '__EVENTTARGET')?.value ?? null, argument: hidden(this, '__EVENTARGUMENT')?.value ?? null };
    } catch {
      hold = false; // never let our question break the page's post
    }
    if (!hold) nativeSubmit.call(this);
  };
  Object.defineProperty(submit, OURS, { value: true });
  proto.submit = submit;
  win.document.addEventListener('caljobs-assistant-replay', () => {
    const call = held;
    held = null;
    if (!call) return;
    const target = hidden(call.form, '__EVENTTARGET');
    const argument = hidden(call.form, '__EVENTARGUMENT');
    if (target && call.target !== null) target.value = call.target;
    if (argument && call.argument !== null) argument.value = call.argument;
    nativeSubmit.call(call.form);
  });
}

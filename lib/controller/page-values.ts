/**
 * Runs in the PAGE's own world (entrypoints/page-world.ts), where the look said the assistant is needed:
 * it tells the assistant when a form control's value changed without an event the assistant hears (the
 * Today link, a lookup or calendar window writing into this form, a RadComboBox chosen by script, a
 * native select set by script) and when staff pause in typing. Once the assistant has located a Create
 * Credential form it asks with `caljobs-assistant-watch-values` (on the document); from then on this
 * says `caljobs-assistant-values` (on the document, no data) and the assistant reads the form itself,
 * its own way.
 *
 * How it knows, with no timer running while nothing happens (issue 15: on this project's machine each
 * timer task cost the page about 0.3 ms, and the 400 ms poll this replaces was most of the cost of a
 * form left open, of typing and of the form's first second):
 * - **Writes by the page's scripts** go through the DOM's own setters (`value`, `checked`,
 *   `selectedIndex`, an option's `selected`, ...). In this world those setters are the page's, so they
 *   are wrapped once: the browser's setter runs as before (same value, same errors), and when the value
 *   it wrote differs from the one before, the assistant is told at the end of the script's task (one
 *   message per task, however many writes). A lookup window writing into its opener, or a page writing
 *   into a frame, uses the form's own setters, so those are seen too. The content script's own writes
 *   (office defaults) use its world's setters, not these, and it reads after them itself.
 * - **Writes through attributes** (`setAttribute('value', …)`, `defaultValue`, `defaultSelected`, an
 *   option's `selected` attribute) are seen by an observer of those three attributes alone; `form.reset()`
 *   by its `reset` event. Options added or removed (a select refilled) are the assistant's own
 *   observer's to see.
 * - **Typing**: only the first key of a run of typing is heard (a listener per key cost the page about
 *   as much as the page's own handling of the key); one timer then looks at that field's value every
 *   PAUSE_MS until a whole period passed without a change, and the text is told once, 400 to 800 ms
 *   after the last key; then the next key is listened for again (leaving the field reads it at once:
 *   the assistant hears `change`, which also ends the wait). A choice in a select or a box fires
 *   `change` too, so it is read at once as well.
 * - **A safety net** for writes no setter sees (a page that kept the browser's setter aside before this
 *   ran): when staff move to another field or come back to the window (from a lookup window), the
 *   controls' values are compared with the last ones told.
 * Self-contained: no extension API, nothing stored (the last values told are kept in memory to compare),
 * no global left in the page but one symbol-keyed mark; a second copy (the extension reloaded) sees the
 * mark and starts nothing: the first copy's messages reach every assistant, and its setters stay.
 */
export const PAUSE_MS = 400;
export const WATCH_EVENT = 'caljobs-assistant-watch-values';
export const VALUES_EVENT = 'caljobs-assistant-values';

/** Set on the document while a copy watches it (a second copy starts nothing). */
const WATCHED = Symbol.for('caljobs-assistant-watch-values');

type PageWindow = Window & typeof globalThis;
type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** The setters (and the methods) through which a script changes a control's value without an event. */
function hooksOf(win: PageWindow): Array<[object | undefined, string[], string[]]> {
  return [
    [win.HTMLInputElement?.prototype, ['value', 'checked', 'valueAsDate', 'valueAsNumber'], ['setRangeText', 'stepUp', 'stepDown']],
    [win.HTMLSelectElement?.prototype, ['value', 'selectedIndex'], []],
    [win.HTMLOptionElement?.prototype, ['selected'], []],
    [win.HTMLTextAreaElement?.prototype, ['value'], ['setRangeText']],
  ];
}
const WATCHED_ATTRIBUTES = ['value', 'checked', 'selected'];

export function watchPageValues(win: PageWindow, signal?: AbortSignal): void {
  const doc = win.document;
  const start = () => {
    doc.removeEventListener(WATCH_EVENT, start, true);
    const marked = doc as unknown as { [WATCHED]?: boolean };
    if (marked[WATCHED]) return; // another copy watches this document
    marked[WATCHED] = true;
    const undo: Array<() => void> = [() => delete marked[WATCHED]];
    const controls = liveControls(doc);
    let last = valuesOf(doc, controls);
    let due = false;
    let pause: ReturnType<typeof setTimeout> | undefined;
    /** Tells the assistant when the controls' values are not the ones last told. */
    const compare = () => {
      due = false;
      try {
        const now = valuesOf(doc, controls);
        if (sameValues(now, last)) return;
        last = now;
        doc.dispatchEvent(new win.CustomEvent(VALUES_EVENT));
      } catch {
        // never let our look break the page
      }
    };
    /** A value changed in this task: compared once, when the task's scripts are done. */
    const wrote = () => {
      if (due) return;
      due = true;
      win.queueMicrotask(compare);
    };
    for (const [proto, properties, methods] of hooksOf(win)) {
      if (!proto) continue;
      for (const name of properties) undo.push(wrapSetter(proto, name, wrote));
      for (const name of methods) undo.push(wrapMethod(proto, name, wrote));
    }
    const attributes = new win.MutationObserver(wrote);
    attributes.observe(doc.documentElement, { subtree: true, attributes: true, attributeFilter: WATCHED_ATTRIBUTES });
    undo.push(() => attributes.disconnect());
    const listen = (target: EventTarget, type: string, fn: (event: Event) => void) => {
      target.addEventListener(type, fn, { capture: true, passive: true, signal });
    };
    // One timer per pause, and one listener call per pause, not one per key: the first key of a run of
    // typing is heard (the listener then goes), and its field's value is looked at once per PAUSE_MS
    // until a whole period passes without a change; then the values are compared and told, and the next
    // key is listened for again. Keys typed elsewhere meanwhile (another field) are in that comparison.
    let typed: { value?: unknown } | null = null;
    let seen: unknown;
    const onKey = (event: Event) => {
      typed = event.target as { value?: unknown } | null;
      seen = typed?.value;
      clearTimeout(pause);
      pause = setTimeout(paused, PAUSE_MS);
    };
    const listenForKeys = () => doc.addEventListener('input', onKey, { capture: true, passive: true, once: true, signal });
    const paused = () => {
      const now = typed?.value;
      if (now !== seen) {
        seen = now;
        pause = setTimeout(paused, PAUSE_MS);
        return;
      }
      pause = undefined;
      typed = null;
      listenForKeys();
      compare();
    };
    listenForKeys();
    listen(doc, 'change', () => {
      clearTimeout(pause); // the assistant reads it now
      pause = undefined;
      typed = null;
      listenForKeys();
      last = valuesOf(doc, controls);
    });
    listen(doc, 'reset', () => setTimeout(compare, 0)); // the form's values change after its event
    listen(doc, 'focusin', compare);
    listen(win, 'focus', compare);
    undo.push(() => clearTimeout(pause), () => doc.removeEventListener('input', onKey, true));
    signal?.addEventListener('abort', () => {
      for (const step of undo.reverse()) step();
    });
  };
  doc.addEventListener(WATCH_EVENT, start, { capture: true, signal });
}

/**
 * Wraps the setter `name` of `proto`: the browser's own runs first, exactly as before (its errors
 * thrown to the page's script as they were); `wrote` is called when the value it reads back differs.
 * Returns the undo. A property that is missing, not a setter or not configurable is left alone.
 */
function wrapSetter(proto: object, name: string, wrote: () => void): () => void {
  const own = Object.getOwnPropertyDescriptor(proto, name);
  const { get, set } = own ?? {};
  if (!own || !get || !set || !own.configurable) return () => {};
  Object.defineProperty(proto, name, {
    ...own,
    set(this: object, value: unknown) {
      let before: unknown;
      try {
        before = get.call(this);
      } catch {
        before = undefined;
      }
      set.call(this, value);
      try {
        if (!Object.is(get.call(this), before)) wrote();
      } catch {
        // never let our look break the page
      }
    },
  });
  return () => Object.defineProperty(proto, name, own);
}

/** Wraps the method `name` of `proto`: the browser's own runs as before, then `wrote` is called. */
function wrapMethod(proto: object, name: string, wrote: () => void): () => void {
  const own = Object.getOwnPropertyDescriptor(proto, name);
  const method = own?.value as ((...args: unknown[]) => unknown) | undefined;
  if (!own || typeof method !== 'function' || !own.configurable) return () => {};
  Object.defineProperty(proto, name, {
    ...own,
    value: function (this: unknown, ...args: unknown[]) {
      const result = method.apply(this, args);
      wrote();
      return result;
    },
  });
  return () => Object.defineProperty(proto, name, own);
}

/** The page's form controls, as the browser's live lists (kept up to date by the browser, not rebuilt per look). */
function liveControls(doc: Document): ArrayLike<Control>[] {
  return [doc.getElementsByTagName('input'), doc.getElementsByTagName('select'), doc.getElementsByTagName('textarea')];
}

/**
 * Every form control's value (checked state for boxes and radios), in document order per kind. The
 * page's own state fields (`__VIEWSTATE` and the like: large, and changed only by a postback, which
 * changes the page) are left out.
 */
export function valuesOf(doc: Document, controls: ArrayLike<Control>[] = liveControls(doc)): string[] {
  const out: string[] = [];
  for (const list of controls) {
    for (let i = 0; i < list.length; i += 1) {
      const control = list[i]!;
      const type = (control as HTMLInputElement).type;
      if (type === 'hidden' && control.name.startsWith('__')) continue;
      out.push(type === 'checkbox' || type === 'radio' ? ((control as HTMLInputElement).checked ? '1' : '0') : control.value);
    }
  }
  return out;
}

function sameValues(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

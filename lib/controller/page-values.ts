/**
 * Runs in the PAGE's own world (entrypoints/page-world.ts), where the look said the assistant is needed:
 * the poll that finds values the page's scripts write without events (the Today link, a lookup or
 * calendar window writing into this form, a RadComboBox chosen by script) and the pause in staff's
 * typing. Once the assistant has located a Create Credential form it asks with
 * `caljobs-assistant-poll` (on the document); from then on, every POLL_MS, this compares the values of
 * the page's form controls with the last look and, when they changed, says `caljobs-assistant-values`
 * (on the document): the assistant then reads the form.
 *
 * Why here (issue 15): in the content script's isolated world, every timer callback and every look at a
 * control cost the page far more than here (measured: 3.2 ms per poll of the form there, about eight
 * milliseconds a second on a form left open; a key's `input` event cost more there than the page's own
 * handling of it). This world only compares strings: it reads nothing for the assistant, which reads
 * the form itself, its own way, when told. Text a script writes into the page (a lookup's label) is a
 * DOM change, which the assistant's own observer sees.
 *
 * Typing: a key only notes that it came. The poll says nothing while keys come, so staff's typing is
 * read at their pause: the first poll after a whole poll period without a key (0.4 to 0.8 s after the
 * last key; leaving the field reads it at once, by its `change` event). Self-contained: no extension
 * API, no global left in the page (one symbol-keyed mark on the document); a second copy (the
 * extension reloaded) starts no second poll while the first one runs.
 */
export const POLL_MS = 400;
export const POLL_EVENT = 'caljobs-assistant-poll';
export const VALUES_EVENT = 'caljobs-assistant-values';

/**
 * When a copy of this poll last ran in a document (a property of the document, under a symbol): a
 * second copy (the extension reloaded) starts no poll while the first one still runs.
 */
const WATCHED = Symbol.for('caljobs-assistant-values');

export function watchPageValues(win: Window & typeof globalThis, signal?: AbortSignal): void {
  const doc = win.document;
  const start = () => {
    doc.removeEventListener(POLL_EVENT, start, true);
    const marked = doc as unknown as { [WATCHED]?: number };
    const beat = marked[WATCHED];
    if (beat !== undefined && win.performance.now() - beat < POLL_MS * 3) return; // another copy polls here
    marked[WATCHED] = win.performance.now();
    let keyed = false;
    const controls = liveControls(doc);
    let last = valuesOf(doc, controls);
    doc.addEventListener('input', () => (keyed = true), { capture: true, passive: true, signal });
    const timer = win.setInterval(() => {
      try {
        marked[WATCHED] = win.performance.now();
        if (keyed) {
          keyed = false; // staff are typing: their text is read at the pause
          return;
        }
        if (doc.visibilityState === 'hidden') return;
        const now = valuesOf(doc, controls);
        if (sameValues(now, last)) return;
        last = now;
        doc.dispatchEvent(new win.CustomEvent(VALUES_EVENT));
      } catch {
        // never let our look break the page
      }
    }, POLL_MS);
    signal?.addEventListener('abort', () => {
      win.clearInterval(timer);
      delete marked[WATCHED];
    });
  };
  doc.addEventListener(POLL_EVENT, start, { capture: true, signal });
}

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** The page's form controls, as the browser's live lists (kept up to date by the browser, not rebuilt per poll). */
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

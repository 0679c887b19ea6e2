import { mayBecomeOurs, whatThePageNeeds } from './gate';

export type Needed = 'assistant' | 'lookup';

/**
 * The first look at every CalJOBS page, run in the PAGE's own world (entrypoints/page-world.ts): there
 * the DOM's objects already exist (the page's own scripts made them), while a content script's world
 * would have to build its own at a cost near half a millisecond per page, on every page staff open.
 *
 * When the page may need the assistant or the lookup helper, `onNeeded` runs once (the page world's
 * part of the Save guard starts there) and the content script is told with a DOM event,
 * `caljobs-assistant-needed` (detail: "assistant" or "lookup"), again every 50 ms until it answers
 * `caljobs-assistant-heard` (it may start a moment after this look). Pages that are not ours never
 * hear of it, and their content script does nothing at all.
 *
 * A form that arrives later by a partial postback is watched for, cheaply: while the page is still
 * loading and for a second after its load, for two seconds after each thing staff do that starts a
 * postback (a click, by mouse or by key; a choice; a submit), and at the end of each UpdatePanel
 * postback, only added text with our words is looked at again. On a page that is not ours this costs
 * one read of the page's text, one observer (it stops itself at the first change after the watch
 * ends) and three listeners that note the time (a fourth, for the load, while the page loads): no
 * timer, and nothing at all per key or per tick of a page that keeps changing by itself (measured in
 * the README, Performance).
 */
export function lookAtPage(win: Window & typeof globalThis, onNeeded: (what: Needed) => void): void {
  const doc = win.document;
  let needed: Needed | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let observer: MutationObserver | null = null;
  /** Until when (Date.now()) added text is looked at: AFTER_LOAD_MS after load, WATCH_MS after each thing staff do. */
  let until = 0;
  /** Whether the page is still loading (its own scripts may still be adding to it): watched until its load. */
  let loading = doc.readyState !== 'complete';
  const look = () => {
    timer = undefined;
    if (needed) return;
    try {
      needed = whatThePageNeeds(doc);
    } catch {
      needed = null; // never let our look break the page
    }
    if (!needed) return;
    observer?.disconnect();
    observer = null;
    try {
      onNeeded(needed);
    } finally {
      tell(win, needed);
    }
  };
  look();
  const body = doc.body;
  if (needed || !body) return;
  // A form that arrives later comes with something staff did (the postback it starts), or with the
  // page's own loading: watched only then, so a page that keeps changing by itself (a session timer
  // ticking four times a second) is not watched all day long, nor for seconds after its load (each
  // change an observer is told of costs about 0.06 ms there, whatever the callback does).
  const mutations = (records: MutationRecord[]) => {
    if (timer !== undefined || needed) return; // a look is already due
    if (!loading && Date.now() > until) {
      // The watch is over (the page has loaded and nobody did anything since): the next thing staff do starts it again.
      observer?.disconnect();
      observer = null;
      return;
    }
    for (const record of records) {
      for (const node of Array.from(record.addedNodes)) {
        const text = node.textContent;
        if (text && text.length > 5 && mayBecomeOurs(text)) {
          timer = setTimeout(look, 250);
          return;
        }
      }
    }
  };
  // No timer ends the watch (nor is one set per key): the observer stops itself at the first change
  // after `until`, and one that sees no change costs nothing.
  const watchFor = (ms: number) => {
    if (needed) return;
    until = Math.max(until, Date.now() + ms);
    if (!observer) {
      observer = new win.MutationObserver(mutations);
      observer.observe(body, { childList: true, subtree: true });
    }
  };
  watchFor(AFTER_LOAD_MS);
  if (loading) {
    win.addEventListener(
      'load',
      () => {
        loading = false;
        watchFor(AFTER_LOAD_MS);
      },
      { once: true },
    );
  }
  // What starts a postback: a click (by mouse or by key: Enter or Space on a link or button, Enter in
  // a text box through WebForms' default button), a choice (AutoPostBack) or a form's submit. Never a
  // listener per key: staff type case notes and searches on these pages all day.
  const watch = () => watchFor(WATCH_MS);
  for (const type of ['click', 'change', 'submit']) win.addEventListener(type, watch, { capture: true, passive: true });
  // An UpdatePanel's partial postback may end after that (a slow server): look again when it ends.
  const sys = (win as unknown as { Sys?: { WebForms?: { PageRequestManager?: { getInstance(): { add_endRequest(fn: () => void): void } } } } }).Sys;
  try {
    sys?.WebForms?.PageRequestManager?.getInstance().add_endRequest(() => {
      if (!needed) timer ??= setTimeout(look, 50);
    });
  } catch {
    // not a page with partial postbacks
  }
}

/** Tells the content script, every 50 ms until it answers (at most 2 s). */
function tell(win: Window & typeof globalThis, what: Needed): void {
  let heard = false;
  let tries = 0;
  win.addEventListener('caljobs-assistant-heard', () => (heard = true), { once: true });
  const again = () => {
    if (heard || tries++ > 40) return;
    win.dispatchEvent(new win.CustomEvent('caljobs-assistant-needed', { detail: what }));
    if (!heard) setTimeout(again, 50);
  };
  again();
}

/** How long after each thing staff do a form arriving later is watched for. */
const WATCH_MS = 2000;
/**
 * How long after the page's load: what its own scripts do at load (a load handler, jQuery's ready,
 * Telerik's init, a zero timer) is done well within it. A form fetched by the page's own UpdatePanel
 * is seen at that postback's end (above), however long it takes.
 */
const AFTER_LOAD_MS = 1000;

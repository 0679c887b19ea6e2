import { mayBecomeOurs, whatThePageNeeds } from './gate';

/**
 * The first look at every CalJOBS page, run in the PAGE's own world (entrypoints/page-world.ts): there
 * the DOM's objects already exist (the page's own scripts made them), while a content script's world
 * would have to build its own at a cost near half a millisecond per page, on every page staff open.
 * When the page may need the assistant or the lookup helper, it tells the content script with a DOM
 * event, `caljobs-assistant-needed` (detail: "assistant" or "lookup"), which then loads it. A form that
 * arrives later by a partial postback is watched for, cheaply: in the page's first seconds and after
 * each thing staff do (and at the end of each UpdatePanel postback), only added text with our words is
 * looked at again. The page's world is told again every 50 ms until the content script answers
 * `caljobs-assistant-heard` (it may start a moment after this look); pages that are not ours never
 * hear of it, and their content script does nothing at all.
 */
export function lookAtPage(win: Window & typeof globalThis): void {
  const doc = win.document;
  let needed: 'assistant' | 'lookup' | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let observer: MutationObserver | null = null;
  // Told until the content script says it heard (it may start a moment after this look).
  let heard = false;
  let tries = 0;
  const tell = () => {
    if (!needed || heard || tries++ > 40) return;
    win.dispatchEvent(new win.CustomEvent('caljobs-assistant-needed', { detail: needed }));
    if (!heard) setTimeout(tell, 50);
  };
  win.addEventListener('caljobs-assistant-heard', () => {
    heard = true;
  });
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
    tell();
  };
  look();
  if (needed || !doc.body) return;
  const body = doc.body;
  // A form that arrives later comes with something staff did (a click, a choice, Enter: the postback
  // it starts), or in the page's first seconds: watched only then, so a page that keeps changing by
  // itself (a session timer ticking four times a second) is not watched all day long.
  let watching = false;
  let stopTimer: ReturnType<typeof setTimeout> | undefined;
  observer = new win.MutationObserver((records) => {
    if (timer !== undefined || needed) return; // a look is already due
    for (const record of records) {
      for (const node of Array.from(record.addedNodes)) {
        const text = node.textContent;
        if (text && text.length > 5 && mayBecomeOurs(text)) {
          timer = setTimeout(look, 250);
          return;
        }
      }
    }
  });
  const watch = () => {
    if (needed) return;
    if (!watching) observer?.observe(body, { childList: true, subtree: true });
    watching = true;
    clearTimeout(stopTimer);
    stopTimer = setTimeout(() => {
      observer?.takeRecords();
      observer?.disconnect();
      watching = false;
    }, WATCH_MS);
  };
  watch();
  for (const type of ['pointerdown', 'keydown', 'change', 'submit']) win.addEventListener(type, watch, { capture: true, passive: true });
  // An UpdatePanel's partial postback may end after that (a slow server): look again when it ends.
  const prm = (win as unknown as { Sys?: { WebForms?: { PageRequestManager?: { getInstance(): { add_endRequest(fn: () => void): void } } } } }).Sys?.WebForms
    ?.PageRequestManager;
  try {
    prm?.getInstance().add_endRequest(() => {
      if (!needed) timer ??= setTimeout(look, 50);
    });
  } catch {
    // not a page with partial postbacks
  }
}

/** How long after load, and after each thing staff do, a form arriving later is watched for. */
const WATCH_MS = 2000;

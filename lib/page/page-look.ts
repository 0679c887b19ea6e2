import { mayBecomeOurs, whatThePageNeeds } from './gate';

/**
 * The first look at every CalJOBS page, run in the PAGE's own world (entrypoints/page-world.ts): there
 * the DOM's objects already exist (the page's own scripts made them), while a content script's world
 * would have to build its own at a cost near half a millisecond per page, on every page staff open.
 * When the page may need the assistant or the lookup helper, it tells the content script with a DOM
 * event, `caljobs-assistant-needed` (detail: "assistant" or "lookup"), which then loads it. A form that
 * arrives later by a partial postback is watched for, cheaply: only added text with our words is looked
 * at again. The page's world is told again every 50 ms until the content script answers
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
  observer.observe(doc.body, { childList: true, subtree: true });
}

import { clickAsThePage } from '../actions/page-click';
import { leftoverRemoval } from '../page/ours';
import { LOOKUP_ASK_EVENT } from '../messaging/lookup-ask';
import { sendMessage } from '../messaging/page';
import { lookupOpener, readLookupWindow, type LookupOpener, type LookupRow, type LookupWindow } from '../page/lookup-windows';
import { isOurNode } from '../page/ours';
import type { LookupAnswer } from '../rules/lookup-marks';
import { drawLine, drawMarks, LookupHosts, pickButton, type LookupView } from '../render/lookup-marks';
import { logErrorOnce } from '../util/log';
import type { Lifetime } from './lifetime';

/** How long after the page changes (a grid redrawn by a partial postback) the window is read again. */
const SETTLE_MS = 120;

/**
 * Help inside the credential form's lookup windows (issue 14). Reads the window (lib/page), and only
 * when it is a recognized lookup starts its lifetime (lib/controller/lifetime.ts) and marks the rows:
 * training or not and "starts after the credential date" in Search Activities/Services; the office's
 * code (with a one-click pick that clicks the row's own Select) in Agency Code Search. The window sends
 * its rows to the worker, which answers the marks and the line above the grid (lib/messaging/lookups.ts:
 * the rules, the form's date and the office's code are there); the answer is kept in memory. The page's
 * own paging reloads the window; this starts again there.
 */
export class LookupHelper {
  private lifetime: Lifetime | null = null;
  private hosts: LookupHosts | null = null;
  private found: LookupWindow | null = null;
  private opener: LookupOpener | null = null;
  /** The rows `found` lists, as a key (computed once per look): asked again when a partial postback lists others. */
  private listed = '';
  /** The worker's answer for those rows: undefined until it comes. */
  private answer: (LookupAnswer & { rows: string }) | undefined;
  /**
   * Marks left by an earlier copy of this script (the extension was reloaded: Firefox runs the new one
   * in open windows) stay until this copy's first answer comes (or fails), then go.
   */
  private readonly removeLeftovers = leftoverRemoval(document);
  private scrolled = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private observer: MutationObserver | null = null;
  private stopped = false;

  constructor(private readonly makeLifetime: () => Lifetime) {}

  start(): void {
    this.guarded('looking at the window', () => this.look());
    if (this.stopped) return;
    this.observer = new MutationObserver((records) => {
      if (!records.some(changedThePage)) return;
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.guarded('looking at the window', () => this.look()), SETTLE_MS);
    });
    this.observer.observe(document.body ?? document.documentElement, { childList: true, subtree: true });
  }

  /** The hosts drawn (for tests). */
  get drawn(): LookupHosts | null {
    return this.hosts;
  }

  private stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    clearTimeout(this.timer);
    this.observer?.disconnect();
    try {
      this.hosts?.removeAll();
    } catch (error) {
      logErrorOnce('removing the lookup marks', error);
    }
    if (this.lifetime && !this.lifetime.signal.aborted) this.lifetime.abort('stopped');
  }

  private guarded(where: string, fn: () => void): void {
    if (this.stopped) return;
    try {
      if (this.lifetime?.isInvalid) return this.stop(); // the extension was reloaded or updated
      fn();
    } catch (error) {
      logErrorOnce(where, error);
    }
  }

  private look(): void {
    const opener = lookupOpener(window);
    const found = readLookupWindow(document, opener);
    this.found = found;
    this.opener = opener;
    if (!found) {
      this.hosts?.removeAll();
      return;
    }
    if (!this.lifetime) this.begin();
    const listed = rowsKey(found);
    if (listed !== this.listed) {
      this.listed = listed;
      this.ask();
    }
    this.render();
  }

  /** The window is a lookup: from here on it has a lifetime, hosts, and listens for focus. */
  private begin(): void {
    const lifetime = this.makeLifetime();
    this.lifetime = lifetime;
    this.hosts = new LookupHosts(lifetime, (error) => logErrorOnce('drawing the lookup marks', error));
    lifetime.onInvalidated(() => this.stop());
    // Back from the form (the date or the settings may have changed there): ask again.
    window.addEventListener('focus', () => this.guarded('asking again', () => this.ask()), { signal: lifetime.signal });
  }

  /** Sends the rows listed now; their marks are drawn when the worker answers. */
  private ask(): void {
    const found = this.found;
    if (!found) return;
    const rows = this.listed;
    let asked: Promise<LookupAnswer>;
    if (found.kind === 'activities') {
      const opener = this.opener;
      if (!opener) return;
      // A token for the form's document (a DOM event its assistant hears), then the question: only the
      // form that heard this token answers the worker with its date.
      const ask = randomToken();
      opener.doc.dispatchEvent(new CustomEvent(LOOKUP_ASK_EVENT, { detail: ask }));
      asked = sendMessage('activityMarksForLookup', { from: opener.how, ask, rows: found.rows.map(({ code, start }) => ({ code, start })) });
    } else {
      asked = sendMessage('agencyCodesForLookup', { rows: found.rows.map(({ code, name }) => ({ code, name })) });
    }
    asked
      .then((answer) =>
        this.guarded('the lookup marks', () => {
          if (rows !== this.listed) return; // other rows were listed meanwhile: their answer draws
          this.answer = { ...answer, rows };
          this.render();
        }),
      )
      .catch((error: unknown) => {
        logErrorOnce('asking for the lookup marks', error);
        this.guarded('the lookup marks', () => this.removeLeftovers()); // nothing to draw in their place
      });
  }

  // ---- what to draw ---------------------------------------------------------------------------

  private render(): void {
    const found = this.found;
    const hosts = this.hosts;
    const answer = this.answer;
    if (!found || !hosts) return;
    const views: LookupView[] = [];
    let officeRow: LookupRow | undefined;
    // Until the worker answers for the rows listed now, nothing (a few milliseconds).
    if (answer && answer.rows === this.listed) {
      this.removeLeftovers();
      found.rows.forEach((row, i) => {
        const marks = answer.marks[i] ?? [];
        if (!marks.length) return;
        const pick = found.kind === 'agency' && row.select ? row.code : null;
        if (found.kind === 'agency') officeRow ??= row;
        views.push({
          owner: row.row,
          anchor: row.markCell,
          kind: 'mark',
          key: `${marks.map((m) => m.id).join()}|${pick}`,
          draw: (doc) =>
            drawMarks(doc, marks, pick === null ? null : pickButton(doc, 'Select this code', `Select this code: ${pick}, your office's code`, () => this.pick(pick))),
        });
      });
      const line = answer.line;
      if (line !== null) views.push({ owner: found.grid, anchor: found.grid, kind: 'line', key: line, draw: (doc) => drawLine(doc, line) });
    }
    hosts
      .update(views)
      .then(() => {
        if (!officeRow || this.scrolled || !officeRow.row.isConnected) return;
        this.scrolled = true; // once: the user scrolls where they like afterwards
        officeRow.row.scrollIntoView({ block: 'center', behavior: 'auto' });
      })
      .catch((error: unknown) => logErrorOnce('drawing the lookup marks', error));
  }

  /** Does exactly what the row's own Select does: clicks it, from the page's world. */
  private pick(code: string): void {
    this.guarded('picking the office code', () => {
      const fresh = readLookupWindow(document, lookupOpener(window));
      const row = fresh?.kind === 'agency' ? fresh.rows.find((r) => r.code === code) : undefined;
      if (row?.select) clickAsThePage(row.select);
    });
  }
}

/** What the rows say that the worker's answer rests on (the window's kind, each row's code and start date or name). */
function rowsKey(found: LookupWindow): string {
  return JSON.stringify([found.kind, found.rows.map((row) => [row.code, 'start' in row ? row.start : row.name])]);
}

function randomToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A change of the page's own nodes (not only ours). */
function changedThePage(record: MutationRecord): boolean {
  if (isOurNode(record.target)) return false;
  for (const node of Array.from(record.addedNodes)) if (!isOurNode(node)) return true;
  for (const node of Array.from(record.removedNodes)) if (!isOurNode(node)) return true;
  return false;
}

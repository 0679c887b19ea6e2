import { clickAsThePage } from '../actions/page-click';
import { removeOurLeftovers } from '../page/ours';
import { LOOKUP_ASK_EVENT } from '../messaging/lookup-ask';
import { sendMessage } from '../messaging/page';
import { lookupOpener, readLookupWindow, type ActivityRow, type LookupOpener, type LookupRow, type LookupWindow } from '../page/lookup-windows';
import { isOurNode } from '../page/ours';
import { isOfficeCode, MARK_TEXT, MARKS, type ActivityMarksAnswer } from '../rules/lookup-marks';
import { WSD2405 } from '../rules/sources';
import { drawLine, drawMarks, LookupHosts, pickButton, type LookupView } from '../render/lookup-marks';
import { logErrorOnce } from '../util/log';
import type { Lifetime } from './lifetime';

/** How long after the page changes (a grid redrawn by a partial postback) the window is read again. */
const SETTLE_MS = 120;

/**
 * Help inside the credential form's lookup windows (issue 14). Reads the window (lib/page), and only
 * when it is a recognized lookup starts its lifetime (lib/controller/lifetime.ts) and marks the rows: training or
 * not and "starts after the credential date" in Search Activities/Services; the office's code (with a
 * one-click pick that clicks the row's own Select) in Agency Code Search. The activities' marks come
 * from the worker, which asks the form's frame for its date and runs the rules
 * (lib/messaging/lookup-date.ts); the office's code from the settings: both kept in memory.
 * The page's own paging reloads the window; this starts again there.
 */
export class LookupHelper {
  private lifetime: Lifetime | null = null;
  private hosts: LookupHosts | null = null;
  private found: LookupWindow | null = null;
  private opener: LookupOpener | null = null;
  /** The rows of Search Activities/Services last asked about (their codes and start dates, as a key). */
  private askedRows = '';
  /** The worker's marks for those rows, and the form's date: undefined until it answers. */
  private activityAnswer: (ActivityMarksAnswer & { rows: string }) | undefined;
  /** The office's agency code: undefined until the settings arrive. */
  private office: { code: string; name: string } | undefined;
  private scrolled = false;
  private reported = '';
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
    const kindBefore = this.found?.kind;
    this.found = found;
    this.opener = opener;
    if (!found) {
      this.hosts?.removeAll();
      return;
    }
    if (!this.lifetime) this.begin();
    // Asked again when the kind changes, and when a partial postback lists other activities.
    if (found.kind !== kindBefore || (found.kind === 'activities' && rowsKey(found.rows) !== this.askedRows)) this.askWhatTheMarksNeed();
    if (found.kind === 'agency') this.reportCodes(found.rows);
    this.render();
  }

  /** The window is a lookup: from here on it has a lifetime, hosts, and listens for focus. */
  private begin(): void {
    const lifetime = this.makeLifetime();
    this.lifetime = lifetime;
    // Marks left by an earlier copy of this script (the extension was reloaded: Firefox runs the new
    // one in open windows) belong to nobody any more.
    removeOurLeftovers(document);
    this.hosts = new LookupHosts(lifetime, (error) => logErrorOnce('drawing the lookup marks', error));
    lifetime.onInvalidated(() => this.stop());
    // Back from the form (the date or the settings may have changed there): ask again.
    window.addEventListener('focus', () => this.guarded('asking again', () => this.askWhatTheMarksNeed()), { signal: lifetime.signal });
  }

  private askWhatTheMarksNeed(): void {
    if (this.found?.kind === 'activities') {
      const opener = this.opener;
      if (!opener) return;
      const rows = this.found.rows.map(({ code, start }) => ({ code, start }));
      const key = JSON.stringify(rows);
      this.askedRows = key;
      // A token for the form's document (a DOM event its assistant hears), then the question: only the
      // form that heard this token answers the worker with its date.
      const ask = randomToken();
      opener.doc.dispatchEvent(new CustomEvent(LOOKUP_ASK_EVENT, { detail: ask }));
      sendMessage('activityMarksForLookup', { from: opener.how, ask, rows })
        .then((answer) => this.guarded('the activity marks', () => this.onMarks(key, answer)))
        .catch((error: unknown) => logErrorOnce('asking for the activity marks', error));
    } else if (this.found?.kind === 'agency') {
      sendMessage('getSettings')
        .then(({ settings }) => this.guarded('the office code', () => this.onOffice(settings.agencyCode)))
        .catch((error: unknown) => logErrorOnce('loading settings', error));
    }
  }

  private onMarks(rows: string, answer: ActivityMarksAnswer): void {
    if (rows !== this.askedRows) return; // other rows were listed meanwhile: their answer draws
    this.activityAnswer = { ...answer, rows };
    this.render();
  }

  private onOffice(code: { code: string; name: string }): void {
    const office = { code: code.code.trim(), name: code.name.trim() };
    if (this.office && this.office.code === office.code && this.office.name === office.name) return;
    this.office = office;
    this.render();
  }

  /**
   * Issue 13: an Agency Code Search window reports the codes it lists (office codes and names, never
   * participant data) so the options page can offer them; the worker writes only what changed.
   */
  private reportCodes(rows: readonly LookupRow[]): void {
    const codes = rows.filter((r) => r.code && r.name).map((r) => ({ code: r.code, name: r.name }));
    const key = JSON.stringify(codes);
    if (!codes.length || key === this.reported) return;
    this.reported = key;
    sendMessage('rememberAgencyCodes', { codes }).catch((error: unknown) => logErrorOnce('reporting the agency codes', error));
  }

  // ---- what to draw ---------------------------------------------------------------------------

  private render(): void {
    const found = this.found;
    const hosts = this.hosts;
    if (!found || !hosts) return;
    const views = found.kind === 'activities' ? this.activityViews(found) : this.agencyViews(found);
    const officeRow = found.kind === 'agency' && this.office ? found.rows.find((r) => isOfficeCode(r.code, this.office!.code)) : undefined;
    hosts
      .update(views)
      .then(() => {
        if (!officeRow || this.scrolled || !officeRow.row.isConnected) return;
        this.scrolled = true; // once: the user scrolls where they like afterwards
        officeRow.row.scrollIntoView({ block: 'center', behavior: 'auto' });
      })
      .catch((error: unknown) => logErrorOnce('drawing the lookup marks', error));
  }

  private activityViews(found: Extract<LookupWindow, { kind: 'activities' }>): LookupView[] {
    const answer = this.activityAnswer;
    if (!answer || answer.rows !== rowsKey(found.rows)) return []; // until the worker answers for these rows
    const views: LookupView[] = [];
    found.rows.forEach((row, i) => {
      const marks = (answer.marks[i] ?? []).map((id) => MARKS[id]);
      if (marks.length) views.push({ owner: row.row, anchor: row.markCell, kind: 'mark', key: marks.map((m) => m.id).join(), draw: (doc) => drawMarks(doc, marks) });
    });
    const training = `Activities marked "${MARK_TEXT.training}" are education or training activities (${WSD2405.short})`;
    const said = answer.date
      ? `${training}; those marked "${MARK_TEXT['starts-after']}" begin after ${answer.date}, the date on the form.`
      : `${training}. Enter the Date Credential Received on the form to see which start after it.`;
    views.push({ owner: found.grid, anchor: found.grid, kind: 'line', key: said, draw: (doc) => drawLine(doc, said) });
    return views;
  }

  private agencyViews(found: Extract<LookupWindow, { kind: 'agency' }>): LookupView[] {
    const office = this.office;
    if (!office) return []; // the settings have not answered yet
    if (!office.code) {
      const said = "Set your office's agency code in the assistant's options (right-click its toolbar button, then Options) to have it marked here.";
      return [{ owner: found.grid, anchor: found.grid, kind: 'line', key: said, draw: (doc) => drawLine(doc, said) }];
    }
    const row = found.rows.find((r) => isOfficeCode(r.code, office.code));
    if (!row) {
      const said = `Your office's code, ${office.code}, is not on this page of the list. Search for it by its code.`;
      return [{ owner: found.grid, anchor: found.grid, kind: 'line', key: said, draw: (doc) => drawLine(doc, said) }];
    }
    const code = row.code;
    const canPick = !!row.select;
    return [
      {
        owner: row.row,
        anchor: row.markCell,
        kind: 'mark',
        key: `office|${code}|${canPick}`,
        draw: (doc) => drawMarks(doc, [MARKS['office-code']], canPick ? pickButton(doc, 'Select this code', `Select this code: ${code}, your office's code`, () => this.pick(code)) : null),
      },
    ];
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

/** The rows' codes and start dates, as the question to the worker carries them. */
function rowsKey(rows: readonly ActivityRow[]): string {
  return JSON.stringify(rows.map(({ code, start }) => ({ code, start })));
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

import { browser } from 'wxt/browser';
import { activityMarksAnswer } from '../rules/lookup-marks';
import { MAX_ASK_LENGTH } from './lookup-ask';
import { onMessage, sendMessage } from './protocol';

/** The longest date text relayed: anything longer is not a date. */
const MAX_DATE_LENGTH = 40;
/** The most rows one window's grid is answered for, and the longest code or date text of a row. */
const MAX_ROWS = 1000;
const MAX_ROW_TEXT = 200;

/**
 * The worker's side of issue 14's question: a Search Activities/Services window sends the rows it lists
 * and asks for their marks, which depend on the Date Credential Received of the form it belongs to. The
 * worker asks that form's tab (the opener tab of a popup window, the lookup's own tab for a RadWindow
 * frame) for the date, and answers the marks (lib/rules/lookup-marks.ts: the rules and the date parsing
 * live here, not in every CalJOBS page's script; issue 15). Firefox does not give a popup in a window of
 * its own an openerTabId: then every tab is asked, and only the form that received the window's token
 * answers. The rows and the date are held in memory for the length of the call: never stored, never
 * logged. Registered by entrypoints/background.ts.
 */
export function relayCredentialDateForLookups(): void {
  onMessage('activityMarksForLookup', async ({ data, sender }) => {
    const { from, ask, rows } = (data ?? {}) as { from?: unknown; ask?: unknown; rows?: unknown };
    const tab = sender.tab;
    const readable =
      Array.isArray(rows) &&
      rows.length <= MAX_ROWS &&
      rows.every((row: { code?: unknown; start?: unknown } | null) => typeof row?.code === 'string' && typeof row.start === 'string' && row.code.length <= MAX_ROW_TEXT && row.start.length <= MAX_ROW_TEXT);
    if (!readable) throw new Error('Not the rows of a Search Activities/Services window.');
    const listed = (rows as Array<{ code: string; start: string }>).map(({ code, start }) => ({ code, start }));
    if (typeof ask !== 'string' || ask.length === 0 || ask.length > MAX_ASK_LENGTH || !tab) return activityMarksAnswer(listed, null);
    let tabIds: number[] = [];
    if (from === 'frame' && tab.id !== undefined) tabIds = [tab.id];
    else if (from === 'opener' && tab.openerTabId !== undefined) tabIds = [tab.openerTabId];
    else if (from === 'opener') tabIds = (await browser.tabs.query({})).flatMap((t) => (t.id !== undefined && t.id !== tab.id ? [t.id] : []));
    const answers = tabIds.map((tabId) =>
      sendMessage('formCredentialDate', { ask }, tabId).then((date) => {
        if (typeof date !== 'string' || date.length > MAX_DATE_LENGTH) throw new Error('not a date');
        return date;
      }),
    );
    // The first tab that answers is the form's (the others have no frame that knows the token).
    const date = answers.length ? await Promise.any(answers).catch(() => null) : null;
    return activityMarksAnswer(listed, date);
  });
}

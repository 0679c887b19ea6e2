import { browser } from 'wxt/browser';
import { activitiesAnswer, agencyAnswer } from '../rules/lookup-marks';
import { rememberAgencyCodes } from '../settings/choices-store';
import type { EffectiveSettings } from '../settings/defaults';
import { getEffectiveSettings } from '../settings/store';
import { logErrorOnce } from '../util/log';
import { MAX_ASK_LENGTH } from './lookup-ask';
import { ActivityRowsRequest, AgencyRowsRequest, onMessage, sendMessage } from './schemas';

/** The longest date text relayed: anything longer is not a date. */
const MAX_DATE_LENGTH = 40;

/**
 * The worker's side of the credential form's lookup windows (issue 14): a window reads its grid, sends
 * the rows, and draws what comes back (lib/rules/lookup-marks.ts: the rules, the date parsing and the
 * texts are here, in no CalJOBS page's script; issue 15).
 * - Search Activities/Services sends each row's activity code and start date; the marks depend on the
 *   Date Credential Received of the form it belongs to, so the worker asks that form's tab (the opener
 *   tab of a popup window, the lookup's own tab for a RadWindow frame). Firefox does not give a popup
 *   in a window of its own an openerTabId: then every tab is asked, and only the form that received the
 *   window's token answers. The rows and the date are held in memory for the call: never stored or logged.
 * - Agency Code Search sends each row's code and agency name: the office's code (settings) is marked,
 *   and the codes listed are remembered (office codes and names, never participant data) so that the
 *   options page can offer them (issue 13; the store writes only what changed).
 * Registered by entrypoints/background.ts (`settings` and `rememberCodes`: stand-ins in tests).
 */
export function serveLookupWindows(
  settings: () => Promise<EffectiveSettings> = getEffectiveSettings,
  rememberCodes: (codes: Array<{ code: string; name: string }>) => Promise<unknown> = rememberAgencyCodes,
): void {
  onMessage('activityMarksForLookup', async ({ data, sender }) => {
    const request = ActivityRowsRequest.safeParse(data);
    if (!request.success) throw new Error('Not the rows of a Search Activities/Services window.');
    const listed = request.data.rows;
    const { from, ask } = data as { from?: unknown; ask?: unknown };
    const tab = sender.tab;
    if (typeof ask !== 'string' || ask.length === 0 || ask.length > MAX_ASK_LENGTH || !tab) return activitiesAnswer(listed, null);
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
    return activitiesAnswer(listed, date);
  });

  onMessage('agencyCodesForLookup', async ({ data }) => {
    const request = AgencyRowsRequest.safeParse(data);
    if (!request.success) throw new Error('Not the rows of an Agency Code Search window.');
    const listed = request.data.rows;
    const codes = listed.filter((row) => row.code && row.name);
    if (codes.length) rememberCodes(codes).catch((error: unknown) => logErrorOnce('remembering the agency codes', error));
    const { settings: current } = await settings();
    return agencyAnswer(listed, current.agencyCode.code);
  });
}

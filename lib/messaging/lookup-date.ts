import { browser } from 'wxt/browser';
import { MAX_ASK_LENGTH } from './lookup-ask';
import { onMessage, sendMessage } from './protocol';

/** The longest date text relayed: anything longer is not a date. */
const MAX_DATE_LENGTH = 40;

/**
 * The worker's side of issue 14's question: a Search Activities/Services window asks for the Date
 * Credential Received of the form it belongs to; the worker asks that form's tab (the opener tab of a
 * popup window, the lookup's own tab for a RadWindow frame) and passes the answer back. Firefox does
 * not give a popup in a window of its own an openerTabId: then every tab is asked, and only the form
 * that received the window's token answers. Held in memory for the length of the call: never stored,
 * never logged. Registered by entrypoints/background.ts.
 */
export function relayCredentialDateForLookups(): void {
  onMessage('credentialDateForLookup', async ({ data, sender }) => {
    const { from, ask } = (data ?? {}) as { from?: unknown; ask?: unknown };
    const tab = sender.tab;
    if (typeof ask !== 'string' || ask.length === 0 || ask.length > MAX_ASK_LENGTH || !tab) return null;
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
    return answers.length ? Promise.any(answers).catch(() => null) : null;
  });
}

import { browser } from 'wxt/browser';
import { LOOKUP_ASK_EVENT, MAX_ASK_LENGTH } from '../messaging/lookup-ask';
import type { ProtocolMap } from '../messaging/protocol';
import { logErrorOnce } from '../util/log';

const ASKED: keyof ProtocolMap = 'formCredentialDate';
const KEPT_ASKS = 8;

/**
 * The credential form's answer to its lookup windows (issue 14). A Search Activities/Services window
 * first hands this document a random token (a DOM event), then asks the worker, which asks the tabs;
 * the frame that holds a Create Credential form and received that token answers with its Date
 * Credential Received, read fresh (as typed), and nothing else. Every other frame stays silent, so the
 * one answer is the form's: a plain runtime listener (not @webext-core/messaging's, which answers
 * every message of a type it knows) speaking the library's wire format.
 */
export function answerLookupWindows(signal: AbortSignal, credentialDate: () => string | null): void {
  const asks: string[] = [];
  document.addEventListener(
    LOOKUP_ASK_EVENT,
    (event) => {
      const ask = (event as CustomEvent<unknown>).detail;
      if (typeof ask !== 'string' || ask.length > MAX_ASK_LENGTH) return;
      asks.push(ask);
      if (asks.length > KEPT_ASKS) asks.shift();
    },
    { signal },
  );
  const listener = (message: unknown): Promise<{ res: string }> | undefined => {
    const asked = message as { type?: unknown; data?: { ask?: unknown } } | null;
    if (signal.aborted || asked?.type !== ASKED || !asks.includes(asked.data?.ask as string)) return undefined;
    try {
      const date = credentialDate();
      return date === null ? undefined : Promise.resolve({ res: date.slice(0, 40) });
    } catch (error) {
      logErrorOnce('answering a lookup window', error);
      return undefined;
    }
  };
  browser.runtime.onMessage.addListener(listener as never);
  signal.addEventListener('abort', () => {
    try {
      browser.runtime.onMessage.removeListener(listener as never);
    } catch {
      // the extension's APIs are already gone
    }
  });
}

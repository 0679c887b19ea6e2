import { browser } from 'wxt/browser';
import type { ProtocolMap } from './protocol';

/**
 * The protocol (protocol.ts) as the content scripts speak it: the same messages, in the same wire
 * format as @webext-core/messaging, which the worker and the extension pages use (a request
 * `{ id, type, data, timestamp }`, an answer `{ res }` or `{ err: { name, message } }`), without the
 * library and its error serializer in every CalJOBS page (README, Performance). Receiving, only the
 * types this frame listens for are answered; any other message is left to other listeners.
 */
type Data<K extends keyof ProtocolMap> = Parameters<ProtocolMap[K]>[0];
type Answer<K extends keyof ProtocolMap> = ReturnType<ProtocolMap[K]>;

let nextId = Math.floor(Math.random() * 10_000);

/** Sends a message to the worker (and extension pages); resolves with its answer or rejects with its error. */
export async function sendMessage<K extends keyof ProtocolMap>(type: K, ...data: Data<K> extends undefined ? [] : [Data<K>]): Promise<Answer<K>> {
  const response = (await browser.runtime.sendMessage({ id: nextId++, type, data: data[0], timestamp: Date.now() })) as
    | { res?: Answer<K>; err?: { message?: string } }
    | undefined;
  if (!response) throw new Error('No response');
  if (response.err) throw new Error(response.err.message || 'The extension could not answer.');
  return response.res as Answer<K>;
}

/** Answers one type of message sent to this frame (by the side panel). Returns the function that stops it. */
export function onMessage<K extends keyof ProtocolMap>(type: K, handler: (message: { data: Data<K> }) => Answer<K> | Promise<Answer<K>>): () => void {
  const listener = (message: unknown) => {
    const m = message as { type?: unknown; data?: Data<K>; timestamp?: unknown } | null;
    if (!m || m.type !== type || typeof m.timestamp !== 'number') return undefined;
    return Promise.resolve()
      .then(() => handler({ data: m.data as Data<K> }))
      .then(
        (res) => ({ res }),
        (error: unknown) => ({ err: { name: error instanceof Error ? error.name : 'Error', message: error instanceof Error ? error.message : String(error) } }),
      );
  };
  browser.runtime.onMessage.addListener(listener as never);
  return () => browser.runtime.onMessage.removeListener(listener as never);
}

import { browser } from 'wxt/browser';
import type { ProtocolMap } from './protocol';

/**
 * The protocol (protocol.ts) as the content scripts speak it: the same messages, in the same wire
 * format as @webext-core/messaging, which the worker and the extension pages use (a request
 * `{ id, type, data, timestamp }`, an answer `{ res }` or `{ err: { name, message } }`), without the
 * library and its error serializer in every CalJOBS page (README, Performance). Receiving, only the
 * types this frame listens for are answered; any other message is left to other listeners.
 */
export type Data<K extends keyof ProtocolMap> = Parameters<ProtocolMap[K]>[0];
export type Answer<K extends keyof ProtocolMap> = ReturnType<ProtocolMap[K]>;

let nextId = Math.floor(Math.random() * 10_000);

/** A request in the wire format, with the next id. */
const request = (type: string, data: unknown) => ({ id: nextId++, type, data, timestamp: Date.now() });

/** An answer in the wire format: its `res`, or its `err` thrown as an Error. */
function resultOf<T>(answer: { res?: unknown; err?: { message?: string } } | null | undefined): T {
  if (!answer) throw new Error('No response');
  if (answer.err) throw new Error(answer.err.message || 'The extension could not answer.');
  return answer.res as T;
}

/** Sends a message to the worker (and extension pages); resolves with its answer or rejects with its error. */
export async function sendMessage<K extends keyof ProtocolMap>(type: K, ...data: Data<K> extends undefined ? [] : [Data<K>]): Promise<Answer<K>> {
  return resultOf<Answer<K>>(await browser.runtime.sendMessage(request(type, data[0])));
}

/** A handler's answer in the wire format: `{ res }`, or `{ err: { name, message } }` when it throws or rejects. */
export function answerOf<T>(run: () => T | Promise<T>): Promise<{ res: T } | { err: { name: string; message: string } }> {
  return Promise.resolve()
    .then(run)
    .then(
      (res) => ({ res }),
      (error: unknown) => ({ err: { name: error instanceof Error ? error.name : 'Error', message: error instanceof Error ? error.message : String(error) } }),
    );
}

/** Answers one type of message sent to this frame (by the side panel). Returns the function that stops it. */
export function onMessage<K extends keyof ProtocolMap>(type: K, handler: (message: { data: Data<K> }) => Answer<K> | Promise<Answer<K>>): () => void {
  const listener = (message: unknown) => {
    const m = message as { type?: unknown; data?: Data<K>; timestamp?: unknown } | null;
    if (!m || m.type !== type || typeof m.timestamp !== 'number') return undefined;
    return answerOf(() => handler({ data: m.data as Data<K> }));
  };
  browser.runtime.onMessage.addListener(listener as never);
  return () => browser.runtime.onMessage.removeListener(listener as never);
}

/**
 * The name of the port a page's assistant asks the worker on (lib/messaging/worker-port.ts answers it).
 */
export const WORKER_PORT = 'caljobs-assistant-requests';

interface Port {
  postMessage(message: unknown): void;
  onMessage: { addListener(fn: (message: unknown) => void): void };
  onDisconnect: { addListener(fn: () => void): void };
}
type Waiting = { resolve(value: unknown): void; reject(error: Error): void };

/** This frame's port to the worker and the requests waiting on it; null until the first request, and after it closed. */
let channel: { port: Port; waiting: Map<number, Waiting> } | null = null;

/**
 * Asks the worker over one long-lived port per frame instead of a message each: the same request and
 * answer as `sendMessage` (a rejection carries the worker's error message), for the request made at
 * every pause in typing (`checkForm`). The browser opens and closes a channel for each message; on a port
 * it only posts: 0.08 ms less of the page's script time per read of the form, measured side by side
 * (README, Performance). The port opens at the first request and again at the first one after it closed:
 * the worker stops when idle, the extension is updated. Requests waiting on a port that closes are
 * rejected (the assistant asks again).
 */
export function askWorker<K extends keyof ProtocolMap>(type: K, ...data: Data<K> extends undefined ? [] : [Data<K>]): Promise<Answer<K>> {
  return new Promise<Answer<K>>((resolve, reject) => {
    const message = request(type, data[0]);
    try {
      const open = channel ?? connect();
      open.waiting.set(message.id, { resolve: resolve as (value: unknown) => void, reject });
      open.port.postMessage(message);
    } catch (error) {
      channel?.waiting.delete(message.id);
      channel = null; // a port that cannot post is closed: the next request opens another
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}

function connect(): NonNullable<typeof channel> {
  const port = (browser.runtime as unknown as { connect(info: { name: string }): Port }).connect({ name: WORKER_PORT });
  const opened = { port, waiting: new Map<number, Waiting>() };
  port.onMessage.addListener((message) => {
    const m = message as { id?: unknown; res?: unknown; err?: { message?: string } } | null;
    const waiting = typeof m?.id === 'number' ? opened.waiting.get(m.id) : undefined;
    if (!m || !waiting) return;
    opened.waiting.delete(m.id as number);
    try {
      waiting.resolve(resultOf(m));
    } catch (error) {
      waiting.reject(error as Error);
    }
  });
  port.onDisconnect.addListener(() => {
    // Chrome sets runtime.lastError when the port could not connect; read, it is not reported as unchecked.
    void (globalThis as { chrome?: { runtime?: { lastError?: unknown } } }).chrome?.runtime?.lastError;
    if (channel === opened) channel = null;
    for (const waiting of opened.waiting.values()) waiting.reject(new Error('The connection to the extension closed before it answered.'));
    opened.waiting.clear();
  });
  channel = opened;
  return opened;
}

import { browser } from 'wxt/browser';
import { WORKER_PORT, answerOf, type Answer, type Data } from './page';
import type { ProtocolMap } from './protocol';

interface Port {
  name: string;
  postMessage(message: unknown): void;
  onMessage: { addListener(fn: (message: unknown) => void): void };
}

/**
 * The worker's side of `askWorker` (lib/messaging/page.ts): answers the requests of one type that come
 * over a page's port, `{ id, type, data }` → `{ id, res }` or `{ id, err: { name, message } }`, as
 * @webext-core/messaging answers a message. Each type listens for itself (no state kept between events:
 * an MV3 worker may stop at any time). Returns the function that stops it.
 */
export function onPortRequest<K extends keyof ProtocolMap>(
  type: K,
  handler: (message: { data: Data<K> }) => Answer<K> | Promise<Answer<K>>,
): () => void {
  const onConnect = (port: Port) => {
    if (port.name !== WORKER_PORT) return;
    port.onMessage.addListener((message) => {
      const m = message as { id?: unknown; type?: unknown; data?: unknown } | null;
      if (!m || m.type !== type || typeof m.id !== 'number') return;
      void answerOf(() => handler({ data: m.data as Data<K> })).then((answer) => {
        try {
          port.postMessage({ id: m.id, ...answer });
        } catch {
          // the page went away before the answer: nobody waits for it
        }
      });
    });
  };
  const event = (browser.runtime as unknown as { onConnect: { addListener(fn: (port: Port) => void): void; removeListener(fn: (port: Port) => void): void } }).onConnect;
  event.addListener(onConnect);
  return () => event.removeListener(onConnect);
}

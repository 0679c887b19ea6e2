import { browser } from 'wxt/browser';
import type { ProtocolMap } from './protocol';

type Data<K extends keyof ProtocolMap> = Parameters<ProtocolMap[K]>[0];
type Result<K extends keyof ProtocolMap> = ReturnType<ProtocolMap[K]>;

let seq = Math.floor(Math.random() * 1e4);

/**
 * Sends one message of the protocol to the worker, in @webext-core/messaging's own wire format
 * (`{ id, type, data, timestamp }` → `{ res }` or `{ err }`), without the library: the lookup windows'
 * script only ever sends, and the library's error serializer alone weighs about 2 KB gzipped there.
 * The worker receives it with the library's `onMessage` like any other (test/unit/lookup-windows.test.ts
 * proves the two agree).
 */
export async function sendToWorker<K extends keyof ProtocolMap>(type: K, ...args: Data<K> extends undefined ? [] : [Data<K>]): Promise<Result<K>> {
  seq += 1;
  const response = (await browser.runtime.sendMessage({ id: seq, type, data: args[0], timestamp: Date.now() })) as
    | { res?: Result<K>; err?: { message?: string } }
    | undefined;
  if (response == null) throw new Error('No response');
  if (response.err != null) throw new Error(response.err.message ?? 'The worker could not answer');
  return response.res as Result<K>;
}

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { askWorker } from '@/lib/messaging/page';
import { onPortRequest } from '@/lib/messaging/worker-port';
import { installFakePorts } from './support/ports';

/**
 * A page's requests to the worker over one long-lived port (lib/messaging/page.ts, askWorker; the worker's
 * side: lib/messaging/worker-port.ts): the same answers and errors as a message each, one port for many
 * requests, and a port that closes (the worker stopped, the extension updated) fails only the requests
 * waiting on it; the next request opens another.
 */
let ports: ReturnType<typeof installFakePorts>;
let stops: Array<() => void>;

beforeEach(() => {
  fakeBrowser.reset();
  ports = installFakePorts();
  stops = [];
});

afterEach(() => {
  for (const stop of stops) stop();
});

const form = { found: true } as never;

describe('requests to the worker over a port', () => {
  it('answers each request with its own answer, over one port, and carries the worker’s error message', async () => {
    let n = 0;
    stops.push(onPortRequest('checkForm', async () => [{ id: `answer-${++n}` }] as never));
    stops.push(onPortRequest('getSettings', () => Promise.reject(new Error('Settings are not readable now.'))));
    const [a, b] = await Promise.all([askWorker('checkForm', { form }), askWorker('checkForm', { form })]);
    expect([a, b].map((answer) => (answer as Array<{ id: string }>)[0]!.id).sort()).toEqual(['answer-1', 'answer-2']);
    await expect(askWorker('getSettings')).rejects.toThrow('Settings are not readable now.');
    expect(ports.open()).toBe(1); // one port for every request
  });

  it('a request of a type the worker does not serve is not answered by another type’s handler', async () => {
    let asked = 0;
    stops.push(onPortRequest('checkForm', async () => (asked++, [])));
    const waiting = askWorker('getSettings');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(asked).toBe(0);
    ports.disconnectAll(); // the worker stops: nobody will answer
    await expect(waiting).rejects.toThrow('closed before it answered');
  });

  it('the worker stopping fails the requests waiting on the port; the next request opens another and is answered', async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    stops.push(onPortRequest('checkForm', async () => (await held, [])));
    const waiting = askWorker('checkForm', { form });
    await Promise.resolve();
    ports.disconnectAll();
    await expect(waiting).rejects.toThrow('closed before it answered');
    release();
    await expect(askWorker('checkForm', { form })).resolves.toEqual([]);
    expect(ports.open()).toBe(1);
  });

  it('no worker listening (it is starting, or the extension was updated): the request fails, and a later one is answered', async () => {
    await expect(askWorker('checkForm', { form })).rejects.toThrow('closed before it answered');
    stops.push(onPortRequest('checkForm', async () => []));
    await expect(askWorker('checkForm', { form })).resolves.toEqual([]);
  });
});

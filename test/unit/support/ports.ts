import { fakeBrowser } from 'wxt/testing/fake-browser';

/**
 * `runtime.connect` and `runtime.onConnect` for the unit tests (fakeBrowser has neither), as the browser
 * does them: each message is a copy, delivered after the sender's task; a port nobody takes (no
 * `onConnect` listener, as when the worker does not listen) closes; `disconnectAll()` closes every port
 * from the worker's side (the worker stopped). Installed afresh by each test that needs it: the ports of
 * the test before are closed then (a page's port to the worker lives as long as its module).
 */
let previous: { disconnectAll(): void } | null = null;

interface FakePort {
  name: string;
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: FakeEvent<(message: unknown) => void>;
  onDisconnect: FakeEvent<() => void>;
}
type FakeEvent<F> = { addListener(fn: F): void; removeListener(fn: F): void; listeners: Set<F> };

function event<F>(): FakeEvent<F> {
  const listeners = new Set<F>();
  return { listeners, addListener: (fn) => listeners.add(fn), removeListener: (fn) => listeners.delete(fn) };
}

export function installFakePorts(): { disconnectAll(): void; open(): number } {
  previous?.disconnectAll();
  const onConnect = event<(port: FakePort) => void>();
  const ends = new Set<FakePort>();
  const later = (fn: () => void) => void Promise.resolve().then(fn);
  const pair = (name: string): [FakePort, FakePort] => {
    let closed = false;
    const make = (): FakePort => ({
      name,
      onMessage: event(),
      onDisconnect: event(),
      postMessage(message) {
        if (closed) throw new Error('Attempting to use a disconnected port object');
        const copy: unknown = JSON.parse(JSON.stringify(message));
        later(() => {
          if (!closed) for (const fn of other(this).onMessage.listeners) fn(copy);
        });
      },
      disconnect() {
        if (closed) return;
        closed = true;
        ends.delete(a);
        ends.delete(b);
        for (const fn of other(this).onDisconnect.listeners) fn(); // at once: the next request opens another
      },
    });
    const a = make();
    const b = make();
    const other = (end: FakePort) => (end === a ? b : a);
    return [a, b];
  };
  const runtime = fakeBrowser.runtime as unknown as Record<string, unknown>;
  runtime.onConnect = onConnect;
  runtime.connect = ({ name }: { name: string }) => {
    const [page, worker] = pair(name);
    ends.add(worker);
    later(() => {
      if (onConnect.listeners.size === 0) worker.disconnect();
      else for (const fn of onConnect.listeners) fn(worker);
    });
    return page;
  };
  const installed = {
    disconnectAll: () => {
      for (const end of [...ends]) end.disconnect();
    },
    open: () => ends.size,
  };
  previous = installed;
  return installed;
}

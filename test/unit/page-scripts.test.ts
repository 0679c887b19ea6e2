import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { removeAllListeners } from '@/lib/messaging/protocol';
import { servePageScripts } from '@/lib/messaging/page-scripts';

/**
 * The worker's side of `loadPageScript` (lib/messaging/page-scripts.ts): the real handler, reached the
 * way the content script reaches it (the library's wire format through runtime.onMessage), with the
 * browser's scripting API watched.
 */

let injected: unknown[];

beforeEach(() => {
  fakeBrowser.reset();
  injected = [];
  vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation(async (options: unknown) => {
    injected.push(options);
    return [];
  });
  servePageScripts();
});

afterEach(() => {
  removeAllListeners();
  vi.restoreAllMocks();
});

/** What the content script sends (lib/messaging/page.ts, entrypoints/caljobs-gate.ts), from `sender`. */
async function ask(data: unknown, sender: object): Promise<unknown> {
  const answers = await fakeBrowser.runtime.onMessage.trigger({ id: 1, type: 'loadPageScript', data, timestamp: Date.now() }, sender as never);
  return answers.find((answer) => answer !== undefined);
}

describe('loadPageScript', () => {
  it('puts the assistant into the frame that asked, and answers once it has run', async () => {
    expect(await ask({ script: 'assistant' }, { tab: { id: 7 }, frameId: 3 })).toEqual({ res: true });
    expect(injected).toEqual([{ target: { tabId: 7, frameIds: [3] }, files: ['/assistant.js'] }]);
  });

  it('puts the structure report into the top frame when the top frame asks', async () => {
    expect(await ask({ script: 'structure-report' }, { tab: { id: 2 }, frameId: 0 })).toEqual({ res: true });
    expect(injected).toEqual([{ target: { tabId: 2, frameIds: [0] }, files: ['/structure-report.js'] }]);
  });

  it('injects nothing for any other file, a malformed request, or a sender that is not a tab', async () => {
    for (const data of [{ script: 'background' }, { script: '../options.html' }, { script: 'assistant.js' }, 'assistant', null, {}]) {
      expect(await ask(data, { tab: { id: 7 }, frameId: 0 }), JSON.stringify(data)).toEqual({ res: false });
    }
    expect(await ask({ script: 'assistant' }, { frameId: 0 })).toEqual({ res: false }); // an extension page, not a tab
    expect(injected).toEqual([]);
  });

  it('reports a failed injection (the tab went away) as an error, not as loaded', async () => {
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockRejectedValue(new Error('No tab with id: 7.'));
    expect(await ask({ script: 'assistant' }, { tab: { id: 7 }, frameId: 0 })).toMatchObject({ err: { message: 'No tab with id: 7.' } });
  });
});

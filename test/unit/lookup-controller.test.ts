// @vitest-environment happy-dom
import { currentLayout, snapshotOf } from '@/lib/page/read';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Lifetime } from '@/lib/controller/lifetime';
import { answerLookupWindows } from '@/lib/controller/lookup-answer';
import { LookupHelper } from '@/lib/controller/lookup';
import { LOOKUP_ASK_EVENT } from '@/lib/messaging/lookup-ask';
import { serveLookupWindows } from '@/lib/messaging/lookups';
import { activitiesAnswer, agencyAnswer, type LookupAnswer } from '@/lib/rules/lookup-marks';
import { onMessage, removeAllListeners } from '@/lib/messaging/protocol';
import { sendMessage as sendToWorker } from '@/lib/messaging/page';
import { defaultSettings, type EffectiveSettings } from '@/lib/settings/defaults';

/**
 * The lookup windows' controller (lib/controller/lookup.ts) over the messaging it uses: the content
 * scripts' sender speaks @webext-core/messaging's format, the worker relays the question to the form's tab,
 * the form answers only a token it heard. The windows are our own GridView markup, as VOS draws it.
 */
const FIXTURES = join(__dirname, '..', 'fixtures');
const FORM_HTML = readFileSync(join(FIXTURES, 'create-credential-classic.html'), 'utf8')
  .replace(/^<!doctype html>/i, '')
  .replace(/<script[\s\S]*?<\/script>/gi, '');
const ID = 'ctl00_Main_content_ucCredential_';

function gridView(title: string, head: string[], rows: string[][]): string {
  const cells = (tag: string, row: string[]) => row.map((c) => `<${tag}>${c}</${tag}>`).join('');
  return `<head><title>CalJOBS - ${title}</title></head><body><form id="aspnetForm"><h1>${title}</h1><table class="gridview">` +
    `<tr>${cells('th', head)}</tr>${rows.map((r) => `<tr>${cells('td', r)}</tr>`).join('')}</table></form></body>`;
}
const select = (arg: string) => `<a href="javascript:pick('${arg}')">Select</a>`;
const ACTIVITIES = gridView('Search Activities/Services', ['Activity Code', 'Activity/Service', 'Start Date', ''], [
  ['101', 'Orientation', '08/18/2014', select('101')],
  ['328', 'Occupational Skills Training (Non-ETPL)', '09/14/2015', select('328')],
]);
const AGENCIES = gridView('Agency Code Search', ['Code', 'Agency Name', ''], [
  ['LA0210', 'Norwalk Example WorkSource Center', select('LA0210')],
  ['LA0211', 'Example WorkSource Center', select('LA0211')],
]);

let settings: EffectiveSettings;
/** What the form behind the window answers for its Date Credential Received (null: no form answers). */
let formDate: string | null;
let opener: Document;
let made: Lifetime[];
const asked: unknown[] = [];
const reported: unknown[] = [];

beforeEach(() => {
  fakeBrowser.reset();
  removeAllListeners();
  settings = { settings: defaultSettings(), locked: [], problems: [] };
  formDate = '08/08/2015';
  onMessage('getSettings', () => settings);
  // The worker's part (lib/messaging/lookups.ts, whose relay is tested below): the form's date, then
  // the rules' marks for the rows; the office's code from the settings, and the codes remembered.
  onMessage('activityMarksForLookup', ({ data }) => {
    asked.push({ from: data.from, ask: data.ask });
    return activitiesAnswer(data.rows, formDate);
  });
  onMessage('agencyCodesForLookup', ({ data }) => {
    const codes = data.rows.filter((row) => row.code && row.name);
    if (codes.length) reported.push({ codes });
    return agencyAnswer(data.rows, settings.settings.agencyCode.code);
  });
  opener = document.implementation.createHTMLDocument('opener');
  opener.documentElement.innerHTML = FORM_HTML;
  Object.defineProperty(window, 'opener', { value: { closed: false, document: opener }, configurable: true });
  made = [];
  asked.length = 0;
  reported.length = 0;
});

afterEach(() => {
  for (const ctx of made) if (!ctx.signal.aborted) ctx.abort();
  removeAllListeners();
  Object.defineProperty(window, 'opener', { value: null, configurable: true });
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 60));
function start(html: string): void {
  document.documentElement.innerHTML = html;
  new LookupHelper(() => {
    const lifetime = new Lifetime();
    made.push(lifetime);
    return lifetime;
  }).start();
}
const marks = () =>
  Array.from(document.querySelectorAll('table.gridview tr')).slice(1).map((tr) =>
    Array.from(tr.querySelectorAll('caljobs-assistant-lookup-mark')).flatMap((host) =>
      Array.from(host.shadowRoot?.querySelectorAll('[data-mark]') ?? []).map((m) => m.getAttribute('data-mark')),
    ),
  );
const line = () => document.querySelector('caljobs-assistant-lookup-line')?.shadowRoot?.querySelector('[data-lookup-line]')?.textContent ?? '';

describe("the content scripts' sender (lib/messaging/page.ts)", () => {
  it("speaks @webext-core/messaging's format: the library's onMessage answers it, and its errors come back", async () => {
    settings.settings.agencyCode = { code: 'LA0211', name: 'Example' };
    expect(await sendToWorker('getSettings')).toEqual(settings);
    removeAllListeners();
    onMessage('getSettings', () => {
      throw new Error('Settings are damaged');
    });
    await expect(sendToWorker('getSettings')).rejects.toThrow('Settings are damaged');
  });
});

describe('Search Activities/Services', () => {
  it("marks each row with the form's date, after handing the form a token the question carries", async () => {
    const tokens: string[] = [];
    opener.addEventListener(LOOKUP_ASK_EVENT, (event) => tokens.push(String((event as CustomEvent).detail)));
    start(ACTIVITIES);
    await settle();
    expect(marks()).toEqual([['not-training'], ['training', 'starts-after']]);
    expect(line()).toContain('8/8/2015');
    expect(tokens).toHaveLength(1);
    expect(asked).toEqual([{ from: 'opener', ask: tokens[0] }]);
    // Marks are nameless: nothing of ours posts with the page's form.
    expect(document.querySelectorAll('caljobs-assistant-lookup-mark [name], caljobs-assistant-lookup-mark[name]').length).toBe(0);
    for (const host of Array.from(document.querySelectorAll('caljobs-assistant-lookup-mark'))) expect(host.shadowRoot?.querySelector('[name]')).toBeNull();
  });

  it('the rows a partial postback draws are marked too, and the hosts of rows gone are removed', async () => {
    start(ACTIVITIES);
    await settle();
    const grid = document.querySelector('table.gridview')!;
    grid.querySelector('tr:nth-child(2)')?.remove();
    const added = (grid as HTMLTableElement).insertRow();
    for (const text of ['302', 'Adult Education', '05/11/2015']) added.insertCell().textContent = text;
    added.insertCell().innerHTML = select('302');
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(marks()).toEqual([['training', 'starts-after'], ['training']]);
    expect(document.querySelectorAll('caljobs-assistant-lookup-mark')).toHaveLength(2);
    expect(asked).toHaveLength(2); // the new rows are asked about: their marks come from the worker
  });

  it('with no date on the form, the rows get their training marks and the line says to enter the date', async () => {
    formDate = null;
    start(ACTIVITIES);
    await settle();
    expect(marks()).toEqual([['not-training'], ['training']]);
    expect(line()).toMatch(/Enter the Date Credential Received on the form to see which start after it\.$/);
  });

  it('is not a lookup without a credential form behind it: no context, no host, no question', async () => {
    opener.documentElement.innerHTML = '<body><h1>Job Seeker Search</h1></body>';
    start(ACTIVITIES);
    await settle();
    expect(made).toHaveLength(0);
    expect(document.querySelectorAll('caljobs-assistant-lookup-mark, caljobs-assistant-lookup-line').length).toBe(0);
    expect(asked).toEqual([]);
  });

  it("an earlier copy's marks (the extension was updated) stay until this copy's answer comes, then go", async () => {
    let release: () => void = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    removeAllListeners();
    onMessage('activityMarksForLookup', async ({ data }) => {
      await released;
      return activitiesAnswer(data.rows, formDate);
    });
    document.documentElement.innerHTML = ACTIVITIES;
    const old = document.createElement('caljobs-assistant-lookup-line');
    document.querySelector('table.gridview')!.before(old);
    new LookupHelper(() => {
      const lifetime = new Lifetime();
      made.push(lifetime);
      return lifetime;
    }).start();
    await settle();
    expect(old.isConnected).toBe(true); // nothing of this copy's is drawn yet
    release();
    await settle();
    expect(old.isConnected).toBe(false);
    expect(marks()).toEqual([['not-training'], ['training', 'starts-after']]);
    expect(document.querySelectorAll('caljobs-assistant-lookup-line')).toHaveLength(1);
  });

  it('goes away when the extension is reloaded', async () => {
    start(ACTIVITIES);
    await settle();
    made[0]!.abort();
    expect(document.querySelectorAll('caljobs-assistant-lookup-mark, caljobs-assistant-lookup-line')).toHaveLength(0);
  });
});

describe('Agency Code Search', () => {
  it("marks the office's code and picks it through the row's own Select link", async () => {
    settings.settings.agencyCode = { code: 'la0211', name: '' };
    start(AGENCIES);
    await settle();
    expect(marks()).toEqual([[], ['office-code']]);
    // The codes shown go to the worker (issue 13: the options page offers them), once.
    expect(reported).toEqual([{ codes: [{ code: 'LA0210', name: 'Norwalk Example WorkSource Center' }, { code: 'LA0211', name: 'Example WorkSource Center' }] }]);
    const clicked: string[] = [];
    for (const link of Array.from(document.querySelectorAll('a'))) link.addEventListener('click', (e) => {
      e.preventDefault();
      clicked.push(link.getAttribute('href') ?? '');
    });
    const pick = document.querySelector('caljobs-assistant-lookup-mark')?.shadowRoot?.querySelector<HTMLButtonElement>('[data-pick]');
    expect(pick?.getAttribute('aria-label')).toBe("Select this code: LA0211, your office's code");
    pick?.click();
    expect(clicked).toEqual(["javascript:pick('LA0211')"]);
  });

  it("the page's world clicks it when it answers (a javascript: link runs there), and only once", async () => {
    settings.settings.agencyCode = { code: 'LA0211', name: '' };
    start(AGENCIES);
    await settle();
    const fromThePage: string[] = [];
    document.addEventListener('caljobs-assistant-click', (e) => {
      e.preventDefault(); // what lib/actions/page-posts.ts does, then it clicks from the page's world
      fromThePage.push((e.target as Element).getAttribute('href') ?? '');
    });
    let direct = 0;
    document.querySelectorAll('a')[1]!.addEventListener('click', () => (direct += 1));
    document.querySelector('caljobs-assistant-lookup-mark')?.shadowRoot?.querySelector<HTMLButtonElement>('[data-pick]')?.click();
    expect([fromThePage, direct]).toEqual([["javascript:pick('LA0211')"], 0]);
  });

  it('with no code set, one line says where to set it; a code not listed is said too', async () => {
    start(AGENCIES);
    await settle();
    expect(line()).toMatch(/Set your office's agency code in the assistant's options/);
    expect(marks()).toEqual([[], []]);
    settings.settings.agencyCode = { code: 'LA0300', name: '' };
    window.dispatchEvent(new Event('focus'));
    await settle();
    expect(line()).toMatch(/LA0300, is not on this page/);
  });
});

describe("the form's answer, and the worker's relay", () => {
  const ask = (token: string) => fakeBrowser.runtime.onMessage.trigger({ id: 1, type: 'formCredentialDate', data: { ask: token }, timestamp: 1 }, {});

  it('the form answers its date only to a token it heard, and nothing on a page without a form', async () => {
    removeAllListeners();
    document.documentElement.innerHTML = FORM_HTML;
    (document.getElementById(`${ID}txtDateReceived`) as HTMLInputElement).value = '08/08/2015';
    const scope = new AbortController();
    // The assistant's reading of its form (lib/controller/assistant.ts credentialDate), here straight from the reader.
    const formDate = () => {
      const snapshot = snapshotOf(currentLayout(document, null, true));
      return snapshot.page === 'credential-form' && snapshot.form.date.found ? snapshot.form.date.text : null;
    };
    answerLookupWindows(scope.signal, formDate);
    expect(await ask('t1')).toEqual([undefined]);
    document.dispatchEvent(new CustomEvent(LOOKUP_ASK_EVENT, { detail: 't1' }));
    expect(await ask('t1')).toEqual([{ res: '08/08/2015' }]);
    document.body.innerHTML = '<h1>Job Seeker Search</h1>';
    expect(await ask('t1')).toEqual([undefined]);
    scope.abort();
    expect((fakeBrowser.runtime.onMessage as unknown as { hasListeners(): boolean }).hasListeners()).toBe(false);
  });

  it('the worker asks the opener tab, every other tab where the browser does not say, or its own tab for a frame, and answers the marks', async () => {
    removeAllListeners();
    serveLookupWindows(async () => settings);
    const sent: number[] = [];
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 1 }, { id: 2 }, { id: 3 }] as never);
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (tabId: number) => {
      sent.push(tabId);
      return tabId === 3 ? { res: '08/08/2015' } : undefined;
    }) as never);
    const rows = [{ code: '101', start: '08/18/2014' }, { code: '328', start: '09/14/2015' }];
    const relay = async (data: object, tab: object) => {
      const [answer] = (await fakeBrowser.runtime.onMessage.trigger({ id: 1, type: 'activityMarksForLookup', data: { rows, ...data }, timestamp: 1 }, { tab } as never)) as unknown as Array<{ res?: unknown; err?: { message: string } }>;
      if (answer?.err) throw new Error(answer.err.message);
      return answer!.res;
    };
    const ids = (answer: unknown) => (answer as LookupAnswer).marks.map((marks) => marks.map((mark) => mark.id));
    const dated = expect.objectContaining({ line: expect.stringContaining('begin after 8/8/2015, the date on the form.') });
    const undated = expect.objectContaining({ line: expect.stringContaining('Enter the Date Credential Received on the form') });
    expect(ids(await relay({ from: 'opener', ask: 'x' }, { id: 9, openerTabId: 3 }))).toEqual([['not-training'], ['training', 'starts-after']]);
    sent.length = 0;
    expect(await relay({ from: 'opener', ask: 'x' }, { id: 9, openerTabId: 3 })).toEqual(dated);
    expect(sent.splice(0)).toEqual([3]);
    expect(await relay({ from: 'opener', ask: 'x' }, { id: 2 })).toEqual(dated);
    expect(sent.splice(0)).toEqual([1, 3]);
    expect(await relay({ from: 'frame', ask: 'x' }, { id: 1 })).toEqual(undated);
    expect(sent.splice(0)).toEqual([1]);
    expect(await relay({ from: 'opener', ask: '' }, { id: 9, openerTabId: 3 })).toEqual(undated);
    expect(await relay({ from: 'opener', ask: 'y'.repeat(65) }, { id: 9, openerTabId: 3 })).toEqual(undated);
    expect(sent).toEqual([]);
    // Rows that are not a grid's codes and dates are refused, with a message naming none of them.
    await expect(relay({ from: 'opener', ask: 'x', rows: [{ code: 101, start: '08/18/2014' }] }, { id: 9, openerTabId: 3 })).rejects.toThrow('Not the rows of a Search Activities/Services window.');
    await expect(relay({ from: 'opener', ask: 'x', rows: 'x'.repeat(10) }, { id: 9, openerTabId: 3 })).rejects.toThrow('Not the rows');
    expect(sent).toEqual([]);
    vi.restoreAllMocks();
  });

  it('the worker marks the office code in an Agency Code Search window, says where to set it, and remembers the codes listed', async () => {
    removeAllListeners();
    const remembered: unknown[] = [];
    serveLookupWindows(async () => settings, async (codes) => remembered.push(codes));
    const ask = async (rows: unknown) => {
      const [answer] = (await fakeBrowser.runtime.onMessage.trigger({ id: 1, type: 'agencyCodesForLookup', data: { rows }, timestamp: 1 }, { tab: { id: 1 } } as never)) as unknown as Array<{ res?: LookupAnswer; err?: { message: string } }>;
      if (answer?.err) throw new Error(answer.err.message);
      return answer!.res!;
    };
    const rows = [{ code: 'LA0210', name: 'Norwalk Example WorkSource Center' }, { code: 'LA0211', name: 'Example WorkSource Center' }, { code: 'LA0212', name: '' }];
    expect((await ask(rows)).line).toMatch(/^Set your office's agency code in the assistant's options/);
    expect(remembered).toEqual([rows.slice(0, 2)]); // a code without a name is not offered
    settings.settings.agencyCode = { code: ' la0211 ', name: '' };
    const found = await ask(rows);
    expect([found.line, found.marks.map((marks) => marks.map((mark) => mark.id))]).toEqual([null, [[], ['office-code'], []]]);
    settings.settings.agencyCode = { code: 'LA0300', name: '' };
    expect((await ask(rows)).line).toBe("Your office's code, LA0300, is not on this page of the list. Search for it by its code.");
    await expect(ask([{ code: 'LA0211' }])).rejects.toThrow('Not the rows of an Agency Code Search window.');
    await expect(ask(Array(1001).fill({ code: 'LA0211', name: 'x' }))).rejects.toThrow('Not the rows');
    await expect(ask([{ code: 'LA0211', name: 'x'.repeat(201) }])).rejects.toThrow('Not the rows'); // a cell longer than 200
    expect(remembered).toHaveLength(3); // nothing of a refused list is remembered
  });
});

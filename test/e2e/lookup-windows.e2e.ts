// Help inside the credential form's lookup windows (issue 14): Search Activities/Services marks each
// activity (training or not, starts after the form's credential date), Agency Code Search marks the
// office's code and picks it with one click; both as real VOSPopup windows (pu=1, window.opener) and
// inside page B's RadWindow frame. The windows' own postbacks (paging) keep working; unrelated popups
// (calendar, document manager) get nothing. The fixture pages' own scripts do the writes and posts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectChecks, finish, launch, pageUrl, sleep, type Browser, type Tab, saveOfficeProfile } from './helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await finish(browser);
});

const A = '#ctl00_Main_content_ucCredentialInfo_';
const B = '#ctl00_Main_content_ucCredentialEdit_';
const C = '#ctl00_Main_content_ucCredential_';
const MARK = 'caljobs-assistant-lookup-mark';
const LINE = 'caljobs-assistant-lookup-line';

/** One fixture tab (every other tab closed), its summary drawn. */
async function form(name: 'cascade' | 'telerik' | 'aria', sample: string): Promise<Tab> {
  const page = await browser.newTab();
  for (const old of browser.tabs()) if (old !== page) await old.close();
  await page.goto(pageUrl(name, { case: sample }));
  await page.waitFor('[data-check-summary]', { timeout: 10_000 });
  return page;
}

/** The VOSPopup window the form opened (pu=1 in its address), once loaded. */
async function popupOf(path: RegExp): Promise<Tab> {
  let popup: Tab | undefined;
  await expect
    .poll(
      async () => {
        for (const tab of browser.tabs()) {
          const url = await tab.url().catch(() => '');
          if (url.includes('pu=1') && path.test(url)) popup = tab;
        }
        return !!popup;
      },
      { timeout: 8000 },
    )
    .toBe(true);
  await popup!.waitForFunction(() => document.readyState === 'complete');
  return popup!;
}

/**
 * Each data row of the lookup's grid: its code, and the marks we drew in it (ids, in order). Runs in
 * the page; `frame`: the name of the iframe holding the lookup (page B's RadWindow), or '' for the
 * window itself.
 */
function rowMarks(frame: string): Array<{ code: string; marks: string[] }> {
  const doc = frame ? document.querySelector<HTMLIFrameElement>(`iframe[name=${frame}]`)?.contentDocument : document;
  const grid = doc?.querySelector('table.gridview');
  return Array.from(grid?.querySelectorAll(':scope > tbody > tr') ?? [])
    .filter((tr) => tr.querySelector('td') && !tr.querySelector('table'))
    .map((tr) => ({
      code: (tr.querySelector('td')?.textContent ?? '').trim(),
      marks: Array.from(tr.querySelectorAll('caljobs-assistant-lookup-mark')).flatMap((host) =>
        Array.from(host.shadowRoot?.querySelectorAll('[data-mark]') ?? []).map((m) => m.getAttribute('data-mark') ?? ''),
      ),
    }));
}

const marksIn = (tab: Tab, frame = '') => tab.evaluate(rowMarks, frame);

/** The line above the grid, as text. */
const lineIn = (tab: Tab, frame = '') =>
  tab.evaluate((name) => {
    const doc = name ? document.querySelector<HTMLIFrameElement>(`iframe[name=${name}]`)?.contentDocument : document;
    return doc?.querySelector('caljobs-assistant-lookup-line')?.shadowRoot?.querySelector('[data-lookup-line]')?.textContent ?? '';
  }, frame);

const T = 'training';
const N = 'not-training';
const S = 'starts-after';

// The activities of the fixture (vos-lookup-activities.html), 10 per page, with the clean case's credential date 08/08/2015.
const PAGE_1 = [['101', N], ['102', N], ['103', N], ['106', N], ['201', N], ['205', N], ['210', N], ['214', N], ['220', N], ['300', T]];
const PAGE_3_DATED = [['302', T], ['423', N], ['106', N], ['328', T, S], ['320', T, S], ['205', N, S], ['102', N, S], ['101', N, S]];
const expected = (rows: string[][]) => rows.map(([code, ...marks]) => ({ code: code!, marks }));

/** Sets the agency code of the office profile in use (the options page itself is tested elsewhere). */
const saveAgencyCode = (code: string) => saveOfficeProfile(browser, { agencyCode: { code, name: '' } });

describe('Search Activities/Services in a VOSPopup window', () => {
  it("marks every activity, and the ones that start after the form's credential date; paging posts back and the marks come back", async () => {
    const page = await form('cascade', 'clean');
    await page.click(`${A}lnkSearchActivities`);
    const popup = await popupOf(/ActivitySearch/i);
    await expect.poll(() => marksIn(popup), { timeout: 8000 }).toEqual(expected(PAGE_1));
    await expect.poll(() => lineIn(popup)).toContain('8/8/2015');
    // The page's own paging: a postback; the window reloads and the marks are drawn again.
    const before = browser.posts.length;
    await popup.click('a[href*="Page$3"]');
    await popup.waitForFunction(() => (window as unknown as { __fixturePageIndex?: number }).__fixturePageIndex === 2, { timeout: 8000 });
    expect(browser.posts.slice(before).map((p) => [p.path, p.fields.__EVENTARGUMENT])).toEqual([['/vosnet/Staff/Case/Lookups/ActivitySearch.aspx', 'Page$3']]);
    await expect.poll(() => marksIn(popup), { timeout: 8000 }).toEqual(expected(PAGE_3_DATED));
  });
});


describe('Search Activities/Services: what the marks rest on', () => {
  it('without a credential date on the form, only training or not is said, and the line says how to get more', async () => {
    const page = await form('aria', 'blank');
    await page.click(`${C}lnkSearchActivities`);
    const popup = await popupOf(/ActivitySearch/i);
    await expect.poll(() => marksIn(popup), { timeout: 8000 }).toEqual(expected(PAGE_1));
    await expect.poll(() => lineIn(popup)).toMatch(/Enter the Date Credential Received on the form/);
    // The date typed on the form afterwards is asked for again when the window comes back to the front.
    await page.fill(`${C}txtDateReceived`, '08/08/2015');
    await popup.click('a[href*="Page$3"]');
    await popup.waitForFunction(() => (window as unknown as { __fixturePageIndex?: number }).__fixturePageIndex === 2, { timeout: 8000 });
    await expect.poll(() => marksIn(popup), { timeout: 8000 }).toEqual(expected(PAGE_3_DATED));
  });

  it('a date that is not valid on the form marks no row as starting after it', async () => {
    const page = await form('aria', 'blank');
    await page.fill(`${C}txtDateReceived`, '13/45/2015');
    await page.click(`${C}lnkSearchActivities`);
    const popup = await popupOf(/ActivitySearch/i);
    await popup.click('a[href*="Page$3"]');
    await popup.waitForFunction(() => (window as unknown as { __fixturePageIndex?: number }).__fixturePageIndex === 2, { timeout: 8000 });
    await expect.poll(() => marksIn(popup), { timeout: 8000 }).toEqual(expected(PAGE_3_DATED.map((row) => row.filter((m) => m !== S))));
  });

  it("the row's own Select still posts back and writes the activity into the form", async () => {
    const page = await form('cascade', 'clean');
    await page.click(`${A}lnkSearchActivities`);
    const popup = await popupOf(/ActivitySearch/i);
    await expect.poll(() => marksIn(popup), { timeout: 8000 }).toEqual(expected(PAGE_1));
    const before = browser.posts.length;
    await popup.click('#ctl00_Main_content_gvActivities_ctl11_lnkSelect'); // row 10: code 300, training
    await expect.poll(() => page.text(`${A}lblActivity`), { timeout: 8000 }).toContain('300 - Occupational Skills Training');
    expect(browser.posts.slice(before).map((p) => p.fields.__EVENTARGUMENT)).toEqual(['Select$9']);
    await expectChecks(page, []);
  });

  it('reads screen-reader text with the row: the marks are text inside the name cell', async () => {
    const page = await form('cascade', 'clean');
    await page.click(`${A}lnkSearchActivities`);
    const popup = await popupOf(/ActivitySearch/i);
    await popup.waitFor(`${MARK} [data-mark]`, { timeout: 8000 });
    const row = await popup.evaluate(() => {
      const cell = document.querySelector('#ctl00_Main_content_gvActivities_ctl11_lnkSelect')?.closest('tr')?.cells[1];
      const host = cell?.querySelector('caljobs-assistant-lookup-mark');
      return { name: cell?.firstChild?.textContent, said: host?.shadowRoot?.querySelector('.marks')?.textContent, hidden: host?.shadowRoot?.querySelector('[aria-hidden=true]')?.textContent };
    });
    expect(row).toEqual({ name: 'Occupational Skills Training', said: '\u2713Training: can be linked', hidden: '\u2713' });
    expect(await popup.axe()).toEqual([]);
    // Nothing of ours has a name: nothing posts with the page's form.
    const named = await popup.evaluate(() =>
      Array.from(document.querySelectorAll('caljobs-assistant-lookup-mark, caljobs-assistant-lookup-line')).reduce(
        (n, host) => n + (host.hasAttribute('name') ? 1 : 0) + (host.shadowRoot?.querySelectorAll('[name]').length ?? 0),
        0,
      ),
    );
    expect(named).toBe(0);
  });
});

describe('Agency Code Search in a VOSPopup window', () => {
  it("with no office code set, one line says where to set it, and no row is marked", async () => {
    const page = await form('aria', 'missing-agency');
    await page.click(`${C}lnkAgencyCodeSearch`);
    const popup = await popupOf(/AgencyCodeSearch/i);
    await expect.poll(() => lineIn(popup), { timeout: 8000 }).toMatch(/Set your office's agency code in the assistant's options/);
    expect(await popup.count(MARK)).toBe(0);
    // The codes the window shows reach the worker (issue 13): the options page's Agency Code picker offers them.
    const options = await browser.openExtensionPage('options.html');
    const codes = async () =>
      options.evaluate(async () => {
        type Api = { runtime: { sendMessage(m: unknown): Promise<{ res?: { agencyCodes: Array<{ code: string }> } }> } };
        const g = globalThis as unknown as { browser?: Api; chrome: Api };
        const answer = await (g.browser ?? g.chrome).runtime.sendMessage({ id: 1, type: 'getRememberedChoices', timestamp: Date.now() });
        return (answer.res?.agencyCodes ?? []).map((c) => c.code).sort();
      });
    await expect.poll(codes, { timeout: 5000 }).toContain('LA0211');
    expect(await codes()).toHaveLength(20);
    await options.close();
  });

  it("marks the office's code, scrolls to it once, and picks it with one click: the form's warning goes", async () => {
    await saveAgencyCode('LA0211');
    const page = await form('aria', 'missing-agency');
    await expectChecks(page, ['agency-code-missing']);
    await page.click(`${C}lnkAgencyCodeSearch`);
    const popup = await popupOf(/AgencyCodeSearch/i);
    await expect.poll(() => marksIn(popup), { timeout: 8000 }).toContainEqual({ code: 'LA0211', marks: ['office-code'] });
    expect((await marksIn(popup)).filter((r) => r.marks.length)).toEqual([{ code: 'LA0211', marks: ['office-code'] }]);
    expect(await popup.count(LINE)).toBe(0);
    expect(await popup.axe()).toEqual([]);
    // Scrolled into view: in a short window the row is brought into view at load.
    await popup.setViewport(760, 220);
    await popup.reload();
    await popup.waitFor(`${MARK} [data-pick]`, { timeout: 8000 });
    await expect
      .poll(() =>
        popup.evaluate(() => {
          const box = document.querySelector('#ctl00_Main_content_gvAgency_ctl12_lnkSelect')?.getBoundingClientRect();
          return !!box && scrollY > 0 && box.top >= 0 && box.bottom <= innerHeight;
        }),
      )
      .toBe(true);
    // The pick does what the row's own Select does: writes the code into the form and closes the window.
    expect(await popup.attr(`${MARK} [data-pick]`, 'aria-label')).toBe("Select this code: LA0211, your office's code");
    await popup.click(`${MARK} [data-pick]`);
    await expect.poll(() => page.text(`${C}lblAgencyCode`), { timeout: 8000 }).toBe('LA0211 - Example WorkSource Center');
    expect(await page.value(`${C}hfAgencyCode`)).toBe('LA0211');
    await expectChecks(page, [], 1500);
  });

  it("says when the office's code is not on this page of the list, and the list's paging still works", async () => {
    await saveAgencyCode('LA0300');
    const page = await form('aria', 'missing-agency');
    await page.click(`${C}lnkAgencyCodeSearch`);
    const popup = await popupOf(/AgencyCodeSearch/i);
    await expect.poll(() => lineIn(popup), { timeout: 8000 }).toMatch(/LA0300, is not on this page/);
    await popup.click('a[href*="Page$3"]');
    await popup.waitForFunction(() => (window as unknown as { __fixturePageIndex?: number }).__fixturePageIndex === 2, { timeout: 8000 });
    await expect.poll(() => marksIn(popup), { timeout: 8000 }).toContainEqual({ code: 'LA0300', marks: ['office-code'] });
    expect(await popup.count(LINE)).toBe(0);
  });
});

describe("in page B's RadWindow frame", () => {
  /** Page B with its RadWindow showing the lookup behind `link`, loaded. */
  async function radWindow(sample: string, link: string, grid: string): Promise<Tab> {
    const page = await form('telerik', sample);
    await page.click(`${B}${link}`);
    await page.waitForFunction((id) => !!document.querySelector<HTMLIFrameElement>('iframe[name=rwLookup]')?.contentDocument?.getElementById(id), grid, 8000);
    return page;
  }

  it('marks the activities with the date of the form around the frame', async () => {
    const page = await radWindow('clean', 'hlSearchActivities', 'ctl00_Main_content_gvActivities');
    await expect.poll(() => marksIn(page, 'rwLookup'), { timeout: 8000 }).toEqual(expected(PAGE_1));
    await expect.poll(() => lineIn(page, 'rwLookup')).toContain('8/8/2015');
    await page.evaluate(() => document.querySelector<HTMLIFrameElement>('iframe[name=rwLookup]')?.contentDocument?.querySelector<HTMLAnchorElement>('a[href*="Page$3"]')?.click());
    await expect.poll(() => marksIn(page, 'rwLookup'), { timeout: 8000 }).toEqual(expected(PAGE_3_DATED));
    // Nothing of ours on the page around the frame but the form's own notes.
    expect(await page.count(`${MARK}, ${LINE}`)).toBe(0);
  });

  it("marks the office's code and picks it with one click; the form's warning goes", async () => {
    await saveAgencyCode('LA0211');
    const page = await radWindow('missing-agency', 'hlAgencyCodeSearch', 'ctl00_Main_content_gvAgency');
    await expectChecks(page, ['agency-code-missing']);
    await expect.poll(() => marksIn(page, 'rwLookup'), { timeout: 8000 }).toContainEqual({ code: 'LA0211', marks: ['office-code'] });
    await page.evaluate(() => {
      const doc = document.querySelector<HTMLIFrameElement>('iframe[name=rwLookup]')?.contentDocument;
      doc?.querySelector('caljobs-assistant-lookup-mark')?.shadowRoot?.querySelector<HTMLButtonElement>('[data-pick]')?.click();
    });
    await expect.poll(() => page.text(`${B}lblAgencyCode`), { timeout: 8000 }).toBe('LA0211 - Example WorkSource Center');
    await expectChecks(page, [], 1500);
  });
});

describe('other popups stay untouched', () => {
  it.each([
    ['the calendar', `${A}hlCalendar`, /Calendar\.aspx/i],
    ['the document manager', '#ctl00_hlDocuments', /DocumentManager\.aspx/i],
  ] as const)('%s: no host, no extension script (Chromium lists its requests), no request but its own', async (_name, link, path) => {
    const page = await form('cascade', 'clean');
    const before = browser.requests.length;
    await page.click(link);
    const popup = await popupOf(path);
    await sleep(1200);
    expect(await popup.evaluate(() => document.querySelectorAll('[data-lookup-line], caljobs-assistant-lookup-mark, caljobs-assistant-lookup-line, caljobs-assistant-note, caljobs-assistant-summary').length)).toBe(0);
    const made = browser.requests.slice(before).filter((r) => !r.url.endsWith('/favicon.ico'));
    expect(made.map((r) => new URL(r.url).pathname)).toEqual([new URL(await popup.url()).pathname]);
  });
});

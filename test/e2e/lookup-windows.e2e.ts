// Help inside the credential form's lookup windows (issue 14): Search Activities/Services marks each
// activity (training or not, starts after the form's credential date), Agency Code Search marks the
// office's code and picks it with one click; both as real VOSPopup windows (pu=1, window.opener) and
// inside page B's RadWindow frame. The windows' own postbacks (paging) keep working; unrelated popups
// (calendar, document manager) get nothing. The fixture pages' own scripts do the writes and posts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byLabel, byRole, expectChecks, finish, launch, pageUrl, sleep, type Browser, type Tab } from './helpers';

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

async function saveAgencyCode(code: string): Promise<void> {
  const page = await browser.openExtensionPage('options.html');
  const field = byLabel('Agency Code', { exact: true });
  await page.waitFor(field);
  await page.fill(field, code);
  await page.click(byRole('button', 'Save', { exact: true }));
  await expect.poll(() => page.text('#save-status')).toContain('Settings saved');
  await page.close();
}

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

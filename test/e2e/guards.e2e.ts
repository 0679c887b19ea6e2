import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byRole, byText, expectChecks, finish, inlineChecks, launch, nth, pageUrl, sleep, within, type Browser } from './helpers';

const PARTICIPANT_DATA: string[] = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'participant-data.json'), 'utf8'));
const FORMS = ['classic', 'responsive', 'postback'] as const;
const CASES = ['blank', 'clean', 'missing-agency', 'after-max', 'not-exited', 'other-no-name', 'wrong-activity'];

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await finish(browser);
});

/** Every participant value that shows up in `text` (case-insensitive). */
function leaks(text: string): string[] {
  const lower = text.toLowerCase();
  return PARTICIPANT_DATA.filter((value) => lower.includes(value.toLowerCase()));
}

describe('privacy', () => {
  it('after using every fixture, no storage area holds participant data', async () => {
    for (const name of FORMS) {
      for (const sample of CASES) {
        const { page, panel } = await browser.openWithPanel(name, sample);
        await page.waitFor('[data-check-summary]');
        await page.click(nth(byText('Search Activities/Services'), 0));
        await page.click('[data-test-pick="320"]');
        await expect.poll(() => panel.text('[role=tabpanel]:not([hidden])'), { timeout: 5000 }).not.toContain('Looking at the page');
      }
    }
    for (const name of ['case', 'unrelated'] as const) await browser.openWithPanel(name);
    const storage = await browser.extensionStorage();
    expect(storage).not.toBeNull();
    const text = JSON.stringify(storage);
    expect(leaks(text)).toEqual([]);
    expect(text).not.toMatch(/\d{1,2}\/\d{1,2}\/\d{4}/); // no dates of any kind
  });

  it('"Copy page structure" gives support a report with no participant data', async () => {
    const { panel } = await browser.openWithPanel('classic', 'clean');
    // Keep what the panel copies (the test cannot read the clipboard back in a headless browser).
    await panel.evaluate(() => {
      const clipboard = navigator.clipboard;
      const write = clipboard.writeText.bind(clipboard);
      clipboard.writeText = (text: string) => {
        (window as unknown as { __copied: string }).__copied = text;
        return write(text);
      };
    });
    await panel.click(byRole('button', 'Copy page structure'));
    await expect.poll(() => panel.text('.structure-status'), { timeout: 5000 }).toMatch(/copied|selected below/);
    const report = (await panel.count('.structure-text'))
      ? await panel.value('.structure-text')
      : await panel.evaluate(() => (window as unknown as { __copied: string }).__copied);
    expect(report).toContain('page structure report');
    expect(report).toContain('data-assistant="control:date kind:text"');
    expect(leaks(report)).toEqual([]);
    expect(report).not.toMatch(/\d{1,2}\/\d{1,2}\/\d{4}/);
  });
});

describe('resilience', () => {
  it('starts when the form appears later in the same document (a postback from another page)', async () => {
    const formHtml = readFileSync(join(__dirname, '..', 'fixtures', 'create-credential-classic.html'), 'utf8');
    const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(formHtml)?.[1] ?? '';
    for (const start of ['unrelated', 'case'] as const) {
      const page = await browser.open(pageUrl(start));
      await sleep(500);
      expect(await page.count('caljobs-assistant-note')).toBe(0);
      await page.evaluate((html) => {
        document.body.innerHTML = html.replace(/<script[\s\S]*?<\/script>/gi, '');
      }, body);
      await expectChecks(page, ['region-missing', 'office-missing', 'credential-missing', 'verification-missing', 'date-missing', 'activity-missing', 'agency-code-missing'], 5000);
      await page.close();
    }
  });

  it('1,000 edits and postbacks leave no extra nodes, listeners or hosts behind', async () => {
    const page = await browser.open(pageUrl('postback', { case: 'blank' }));
    await page.waitFor('[data-check-summary]');
    const measure = async () => {
      await sleep(600);
      return {
        hosts: await page.count('caljobs-assistant-note, caljobs-assistant-summary, caljobs-assistant-dialog, caljobs-assistant-highlight'),
        shadowNodes: await page.evaluate(() =>
          Array.from(document.querySelectorAll('caljobs-assistant-note, caljobs-assistant-summary')).reduce(
            (n, host) => n + (host.shadowRoot?.querySelectorAll('*').length ?? 0),
            0,
          ),
        ),
        // Listener counts where the browser lets a driver see them (Chromium); Firefox has no such
        // inspection (driver/index.ts, Capabilities.listenerCounts): hosts and nodes are checked there.
        ...(browser.capabilities.listenerCounts ? await browser.listenerCounts(page) : {}),
      };
    };
    const before = await measure();
    await page.evaluate(async () => {
      const w = window as unknown as { __simulatePostback(): void };
      const values = ['', '13/01/2015', '08/08/2015', '09/01/2015', '02/30/2015'];
      for (let i = 0; i < 1000; i += 1) {
        const date = document.querySelector<HTMLInputElement>('#ctl00_Main_content_ucCredentialEntry_txtDateRecv');
        if (date) {
          date.value = values[i % values.length] as string;
          date.dispatchEvent(new Event('input', { bubbles: true }));
        }
        if (i % 2 === 1) w.__simulatePostback();
        if (i % 25 === 0) await new Promise((resolve) => setTimeout(resolve, 70)); // let re-reads happen
      }
      const date = document.querySelector<HTMLInputElement>('#ctl00_Main_content_ucCredentialEntry_txtDateRecv');
      if (date) {
        date.value = '';
        date.dispatchEvent(new Event('input', { bubbles: true }));
      }
    });
    // The emptied date is read at staff's pause (the first poll after a poll period without a key).
    await expect.poll(() => inlineChecks(page), { timeout: 5000 }).toContain('date-missing');
    const after = await measure();
    expect(after).toEqual(before);
    await page.close();
  });

  // Firefox runs the new version's content script in the open page at once: the new assistant removes
  // the old one's UI (its code is gone before it can) and takes over. Chromium leaves the old script
  // orphaned, and it removes its own UI.
  it('when the extension is reloaded mid-session, stale UI goes away and the page keeps working', async () => {
    // A browser of its own: reloading the extension must not disturb the other tests' browser.
    const own = await launch();
    try {
      await reloadMidSession(own);
    } finally {
      await finish(own);
    }
  });
});

const SAVE = '#ctl00_Main_content_ucCredential_btnSave';

async function reloadMidSession(browser: Browser): Promise<void> {
  const page = await browser.open(pageUrl('classic', { case: 'missing-agency' }));
  await expectChecks(page, ['agency-code-missing']);
  await browser.reloadExtension();
  const before = browser.posts.length;
  if (browser.capabilities.injectsIntoOpenTabs) {
    // The new version takes the open page over: from then on one set of UI (the new one, live),
    // never the old beside it, and its save guard; Save anyway posts once.
    for (const end = Date.now() + 3000; Date.now() < end; await sleep(100)) {
      expect(await inlineChecks(page)).toEqual(['agency-code-missing']);
      expect(await page.count('caljobs-assistant-summary')).toBe(1);
    }
    await page.click(SAVE);
    await page.click(within(byRole('alertdialog'), byRole('button', 'Save anyway')));
  } else {
    // The old, orphaned script removes its UI, and the page's own Save posts untouched.
    await expect.poll(() => page.count('caljobs-assistant-note, caljobs-assistant-summary'), { timeout: 5000 }).toBe(0);
    await page.click(SAVE);
  }
  await page.waitFor('#saved', { timeout: 5000 });
  expect(browser.posts.length).toBe(before + 1);
  // The next page load gets the new version (once the browser has re-registered it).
  let shown: string[] = [];
  for (let attempt = 0; attempt < 4 && shown.length === 0; attempt += 1) {
    await page.goto(pageUrl('classic', { case: 'missing-agency' }));
    shown = await expect
      .poll(() => inlineChecks(page), { timeout: 5000, interval: 200 })
      .toEqual(['agency-code-missing'])
      .then(() => ['agency-code-missing'])
      .catch(() => []);
  }
  expect(shown).toEqual(['agency-code-missing']);
  await page.close();
}

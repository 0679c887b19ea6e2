import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dumpExtensionStorage } from '../../scripts/browser.mjs';
import { expectChecks, finish, inlineChecks, launch, openWithPanel, pageUrl, type Browser } from './helpers';

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
        const { page, panel } = await openWithPanel(browser, name, sample);
        await page.locator('[data-check-summary]').waitFor({ state: 'attached' });
        await page.getByText('Search Activities/Services').first().click();
        await page.locator('[data-test-pick="320"]').click();
        await expect.poll(() => panel.locator('[role=tabpanel]:not([hidden])').textContent(), { timeout: 5000 }).not.toContain('Looking at the page');
      }
    }
    for (const name of ['case', 'unrelated'] as const) await openWithPanel(browser, name);
    const storage = await dumpExtensionStorage(browser.context);
    expect(storage).not.toBeNull();
    const text = JSON.stringify(storage);
    expect(leaks(text)).toEqual([]);
    expect(text).not.toMatch(/\d{1,2}\/\d{1,2}\/\d{4}/); // no dates of any kind
  });

  it('"Copy page structure" gives support a report with no participant data', async () => {
    const { panel } = await openWithPanel(browser, 'classic', 'clean');
    // Keep what the panel copies (the test cannot read the clipboard back in headless Chromium).
    await panel.evaluate(() => {
      const clipboard = navigator.clipboard;
      const write = clipboard.writeText.bind(clipboard);
      clipboard.writeText = (text: string) => {
        (window as unknown as { __copied: string }).__copied = text;
        return write(text);
      };
    });
    await panel.getByRole('button', { name: 'Copy page structure' }).click();
    await expect.poll(() => panel.locator('.structure-status').textContent(), { timeout: 5000 }).toMatch(/copied|selected below/);
    const report = (await panel.locator('.structure-text').count())
      ? await panel.locator('.structure-text').inputValue()
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
      const page = await browser.context.newPage();
      await page.goto(pageUrl(start));
      await page.waitForTimeout(500);
      expect(await page.locator('caljobs-assistant-note').count()).toBe(0);
      await page.evaluate((html) => {
        document.body.innerHTML = html.replace(/<script[\s\S]*?<\/script>/gi, '');
      }, body);
      await expectChecks(page, ['region-missing', 'office-missing', 'credential-missing', 'verification-missing', 'date-missing', 'activity-missing', 'agency-code-missing'], 5000);
      await page.close();
    }
  });

  it('1,000 edits and postbacks leave no extra nodes, listeners or hosts behind', async () => {
    const page = await browser.context.newPage();
    await page.goto(pageUrl('postback', { case: 'blank' }));
    await page.locator('[data-check-summary]').waitFor({ state: 'attached' });
    const cdp = await browser.context.newCDPSession(page);
    const measure = async () => {
      await page.waitForTimeout(600);
      const listeners = async (expression: string) => {
        const { result } = await cdp.send('Runtime.evaluate', { expression });
        const { listeners: list } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId!, depth: -1, pierce: true });
        return list.length;
      };
      return {
        hosts: await page.locator('caljobs-assistant-note, caljobs-assistant-summary, caljobs-assistant-dialog, caljobs-assistant-highlight').count(),
        shadowNodes: await page.evaluate(() =>
          Array.from(document.querySelectorAll('caljobs-assistant-note, caljobs-assistant-summary')).reduce(
            (n, host) => n + (host.shadowRoot?.querySelectorAll('*').length ?? 0),
            0,
          ),
        ),
        windowListeners: await listeners('window'),
        documentListeners: await listeners('document'),
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
    const after = await measure();
    expect(after).toEqual(before);
    expect(await inlineChecks(page)).toContain('date-missing');
    await page.close();
  });

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

async function reloadMidSession(browser: Browser): Promise<void> {
  {
    const page = await browser.context.newPage();
    page.on('console', (m) => process.env.DEBUG_E2E && console.log('page console:', m.text()));
    await page.goto(pageUrl('classic', { case: 'missing-agency' }));
    await expectChecks(page, ['agency-code-missing']);
    const [worker] = browser.context.serviceWorkers();
    await worker?.evaluate(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload()).catch(() => undefined);
    await expect.poll(() => page.locator('caljobs-assistant-note, caljobs-assistant-summary').count(), { timeout: 5000 }).toBe(0);
    // The page's own Save now posts untouched (no guard from the old, orphaned script).
    const before = browser.posts.length;
    await page.locator('#ctl00_Main_content_ucCredential_btnSave').click();
    await page.locator('#saved').waitFor({ timeout: 5000 });
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
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, expectChecks, finish, launch, noteFields, openWithPanel, pageUrl, type Browser } from './helpers';

const OTHER = '#ctl00_Main_content_ucCredential_txtOtherCredential';
const note = (page: Page) => page.locator('caljobs-assistant-note [data-check="credential-never-counts"]');

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await finish(browser);
});

async function form(sample: string): Promise<Page> {
  for (const old of browser.context.pages()) await old.close();
  const page = await browser.context.newPage();
  await page.goto(pageUrl('classic', { case: sample }));
  await page.locator('[data-check-summary]').waitFor({ state: 'attached', timeout: 10_000 });
  return page;
}

describe('the inline check credential-never-counts', () => {
  it('warns next to Other Credential as "osha 10 card" is typed, with why and its source', async () => {
    const page = await form('other-no-name');
    await expectChecks(page, ['other-credential-missing']);
    await page.locator(OTHER).pressSequentially('osha 10 card');
    await expectChecks(page, ['credential-never-counts']);
    expect((await noteFields(page))['credential-never-counts']).toBe('otherCredential');
    expect(await note(page).getAttribute('data-severity')).toBe('warning');
    expect(await note(page).locator('.message').textContent()).toBe('OSHA 10-hour card does not count: general safety training.');
    await note(page).getByRole('button', { name: 'Why?' }).click();
    const source = note(page).locator('a.source');
    expect(await source.getAttribute('href')).toBe('https://www.dol.gov/agencies/eta/advisories/training-and-employment-notice-25-19');
    expect(await page.locator(OTHER).inputValue()).toBe('osha 10 card'); // the user's text is untouched
  });

  it('gives a note for a GED and says nothing of a credential that depends', async () => {
    const page = await form('other-no-name');
    await page.locator(OTHER).fill('GED');
    await expect.poll(() => note(page).getAttribute('data-severity'), { timeout: 3000 }).toBe('info');
    await page.locator(OTHER).fill('Forklift operator card');
    await expectChecks(page, []);
  });

  it('is listed on the options page, and switching it off takes the warning away', async () => {
    const page = await form('other-no-name');
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const toggle = options.getByRole('switch', { name: /Other Credential names a credential that never counts/ });
    const save = async (on: boolean) => {
      await toggle.setChecked(on);
      await options.getByRole('button', { name: 'Save', exact: true }).click();
      await expect.poll(() => options.locator('#save-status').textContent()).toContain('Settings saved');
    };
    expect(await toggle.isChecked()).toBe(true);
    try {
      await save(false);
      await page.locator(OTHER).fill('CPR');
      await expectChecks(page, []);
    } finally {
      await save(true);
    }
    await expectChecks(page, ['credential-never-counts']);
  });

  it('keeps the search library and the rest of the catalogue out of the content script', () => {
    const script = readFileSync(join(process.cwd(), '.output', 'chrome-mv3', 'assistant.js'), 'utf8');
    expect(script).toContain('OSHA 10-hour card');
    expect(script).not.toContain('MiniSearch');
    expect(script).not.toContain('Cisco CCNA'); // an entry that counts: panel only
    expect(script).not.toContain('Forklift operator card'); // an entry that depends: panel only
  });
});

describe('the "Does it count?" tab', () => {
  it('opens with the form\'s Other Credential, then search, pick, and walk the tree pre-answered', async () => {
    const { page, panel } = await openWithPanel(browser, 'classic', 'clean');
    await page.locator(OTHER).fill('osha 10 card');
    await expectChecks(page, ['credential-never-counts']);
    await panel.getByRole('tab', { name: 'Does it count?' }).click();
    const search = panel.getByRole('combobox', { name: 'Credential name' });
    await expect.poll(() => search.inputValue(), { timeout: 5000 }).toBe('osha 10 card');
    const first = panel.getByRole('option').first();
    expect(await first.getAttribute('data-entry')).toBe('osha-10');
    expect(await first.textContent()).toContain('Does not count');

    await search.fill('serv safe food handlr');
    await expect.poll(() => first.getAttribute('data-entry')).toBe('servsafe-food-handler');
    await search.press('ArrowDown');
    expect(await search.getAttribute('aria-activedescendant')).toBe(await first.getAttribute('id'));
    await search.press('Enter');
    const result = panel.locator('article.dic-result');
    expect(await result.getAttribute('data-entry')).toBe('servsafe-food-handler');
    expect(await result.textContent()).toContain('Named in federal guidance');
    expect(await axeViolations(panel)).toEqual([]);

    await result.getByRole('button', { name: 'Walk the decision tree' }).click();
    expect(await panel.getByRole('tab', { name: 'Decision tree' }).getAttribute('aria-selected')).toBe('true');
    expect(await panel.locator('.dt-catalogue').textContent()).toContain('Pre-answered from “ServSafe Food Handler”');
    expect(await panel.evaluate(() => document.activeElement?.textContent ?? '')).toMatch(/^Pre-answered from/); // focus followed
    await panel.getByRole('radio', { name: /^Yes/ }).check();
    await panel.getByRole('button', { name: 'Next' }).click();
    // The date on the clean form falls in the window: that suggestion comes from the page.
    expect(await panel.getByRole('radio', { name: 'During participation, or within one year after exit' }).isChecked()).toBe(true);
    await panel.getByRole('button', { name: 'Next' }).click();
    // Issuer, type and skills come from the catalogue entry: selected, waiting for Next.
    expect(await panel.getByRole('radio', { name: /professional, industry or employer organization/ }).isChecked()).toBe(true);
    expect(await panel.locator('.dt-prenote').textContent()).toContain('Suggested from “ServSafe Food Handler”');
    await panel.getByRole('button', { name: 'Next' }).click();
    expect(await panel.getByRole('radio', { name: /^Occupational certificate/ }).isChecked()).toBe(true);
    await panel.getByRole('button', { name: 'Next' }).click();
    expect(await panel.getByRole('radio', { name: /^Hygiene or food handling/ }).isChecked()).toBe(true);
    await panel.getByRole('button', { name: 'Next' }).click();
    await expect.poll(() => panel.locator('[data-outcome]').getAttribute('data-outcome')).toBe('does-not-count');
  });
});

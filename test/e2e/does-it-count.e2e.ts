import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byRole, expectChecks, finish, launch, noteFields, nth, within, type Browser, type Tab } from './helpers';

const OTHER = '#ctl00_Main_content_ucCredential_txtOtherCredential';
const NOTE = 'caljobs-assistant-note [data-check="credential-never-counts"]';

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await finish(browser);
});

async function form(sample: string): Promise<Tab> {
  const page = await browser.openFixture('classic', sample);
  for (const old of browser.tabs()) if (old !== page) await old.close();
  await page.waitFor('[data-check-summary]');
  return page;
}

describe('the inline check credential-never-counts', () => {
  it('warns next to Other Credential as "osha 10 card" is typed, with why and its source', async () => {
    const page = await form('other-no-name');
    await expectChecks(page, ['other-credential-missing']);
    await page.type(OTHER, 'osha 10 card');
    await expectChecks(page, ['credential-never-counts']);
    expect((await noteFields(page))['credential-never-counts']).toBe('otherCredential');
    expect(await page.attr(NOTE, 'data-severity')).toBe('warning');
    expect(await page.text(`${NOTE} .message`)).toBe('OSHA 10-hour card does not count: general safety training.');
    await page.click(within(NOTE, byRole('button', 'Why?')));
    expect(await page.attr(`${NOTE} a.source`, 'href')).toBe('https://www.dol.gov/agencies/eta/advisories/training-and-employment-notice-25-19');
    expect(await page.value(OTHER)).toBe('osha 10 card'); // the user's text is untouched
  });

  it('gives a note for a GED and says nothing of a credential that depends', async () => {
    const page = await form('other-no-name');
    await page.fill(OTHER, 'GED');
    await expect.poll(() => page.attrs(NOTE, 'data-severity'), { timeout: 3000 }).toEqual(['info']);
    await page.fill(OTHER, 'Forklift operator card');
    await expectChecks(page, []);
  });

  it('is listed on the options page, and switching it off takes the warning away', async () => {
    const page = await form('other-no-name');
    const options = await browser.openExtensionPage('options.html');
    const toggle = byRole('switch', /Other Credential names a credential that never counts/);
    const save = async (on: boolean) => {
      await options.setChecked(toggle, on);
      await options.click(byRole('button', 'Save', { exact: true }));
      await expect.poll(() => options.text('#save-status')).toContain('Settings saved');
    };
    expect(await options.isChecked(toggle)).toBe(true);
    try {
      await save(false);
      await page.fill(OTHER, 'CPR');
      await expectChecks(page, []);
    } finally {
      await save(true);
    }
    await expectChecks(page, ['credential-never-counts']);
  });

  it('keeps the catalogue out of the page: the inline check runs in the worker, with no search library and no entry that counts', () => {
    const script = readFileSync(join(browser.buildDir, 'assistant.js'), 'utf8');
    const worker = readFileSync(join(browser.buildDir, 'background.js'), 'utf8');
    expect(script).not.toContain('OSHA 10-hour card'); // the checks run in the worker (lib/messaging/check-form.ts)
    expect(worker).toContain('OSHA 10-hour card');
    for (const code of [script, worker]) {
      expect(code).not.toContain('MiniSearch');
      expect(code).not.toContain('Cisco CCNA'); // an entry that counts: panel only
      expect(code).not.toContain('Forklift operator card'); // an entry that depends: panel only
    }
  });
});

describe('the "Does it count?" tab', () => {
  it("opens with the form's Other Credential, then search, pick, and walk the tree pre-answered", async () => {
    const { page, panel } = await browser.openWithPanel('classic', 'clean');
    await page.fill(OTHER, 'osha 10 card');
    await expectChecks(page, ['credential-never-counts']);
    await panel.click(byRole('tab', 'Does it count?'));
    const search = byRole('combobox', 'Credential name');
    const first = nth(byRole('option'), 0);
    await expect.poll(() => panel.value(search), { timeout: 5000 }).toBe('osha 10 card');
    expect(await panel.attr(first, 'data-entry')).toBe('osha-10');
    expect(await panel.text(first)).toContain('Does not count');

    await panel.fill(search, 'serv safe food handlr');
    await expect.poll(() => panel.attr(first, 'data-entry')).toBe('servsafe-food-handler');
    await panel.focus(search);
    await panel.press('ArrowDown');
    expect(await panel.attr(search, 'aria-activedescendant')).toBe(await panel.attr(first, 'id'));
    await panel.press('Enter');
    const result = 'article.dic-result';
    expect(await panel.attr(result, 'data-entry')).toBe('servsafe-food-handler');
    expect(await panel.text(result)).toContain('Named in federal guidance');
    expect(await panel.axe()).toEqual([]);

    await panel.click(within(result, byRole('button', 'Walk the decision tree')));
    expect(await panel.attr(byRole('tab', 'Decision tree'), 'aria-selected')).toBe('true');
    expect(await panel.text('.dt-catalogue')).toContain('Pre-answered from “ServSafe Food Handler”');
    expect(await panel.evaluate(() => document.activeElement?.textContent ?? '')).toMatch(/^Pre-answered from/); // focus followed
    const next = byRole('button', 'Next');
    await panel.setChecked(byRole('radio', /^Yes/), true);
    await panel.click(next);
    // The date on the clean form falls in the window: that suggestion comes from the page.
    expect(await panel.isChecked(byRole('radio', 'During participation, or within one year after exit'))).toBe(true);
    await panel.click(next);
    // Issuer, type and skills come from the catalogue entry: selected, waiting for Next.
    expect(await panel.isChecked(byRole('radio', /professional, industry or employer organization/))).toBe(true);
    expect(await panel.text('.dt-prenote')).toContain('Suggested from “ServSafe Food Handler”');
    await panel.click(next);
    expect(await panel.isChecked(byRole('radio', /^Occupational certificate/))).toBe(true);
    await panel.click(next);
    expect(await panel.isChecked(byRole('radio', /^Hygiene or food handling/))).toBe(true);
    await panel.click(next);
    await expect.poll(() => panel.attr('[data-outcome]', 'data-outcome')).toBe('does-not-count');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectChecks, inlineChecks, launch, pageUrl, finish, type Browser } from './helpers';

const P = '#ctl00_Main_content_ucCredential_';
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await finish(browser);
});

async function options(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await page.getByLabel('LWIA/Region', { exact: true }).waitFor();
  return page;
}

async function saveDefaults(values: { region: string; office: string; code: string; autoFill?: boolean; require?: boolean }): Promise<void> {
  const page = await options();
  await page.getByLabel('LWIA/Region', { exact: true }).fill(values.region);
  await page.getByLabel('Office Location', { exact: true }).fill(values.office);
  await page.getByLabel('Agency Code', { exact: true }).fill(values.code);
  await page.getByLabel('Fill office defaults automatically').setChecked(values.autoFill ?? false);
  await page.getByLabel('Require an agency code').setChecked(values.require ?? true);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect.poll(() => page.locator('#save-status').textContent()).toContain('Settings saved');
  await page.close();
}

async function form(sample = 'blank'): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(pageUrl('classic', { case: sample }));
  await page.locator('[data-check-summary]').waitFor({ state: 'attached' });
  return page;
}

describe('office defaults', () => {
  it('are offered on a form opened afterwards, applied by the button, and never over a choice', async () => {
    await saveDefaults({ region: 'los angeles  county', office: 'Example WorkSource Center', code: 'LA0211' });
    const page = await form();
    // The agency-code warning names the office's code, with a copy button.
    const note = page.locator('caljobs-assistant-note [data-check=agency-code-missing]');
    await expect.poll(() => note.textContent()).toContain('LA0211');
    expect(await note.getByRole('button', { name: 'Copy LA0211' }).count()).toBe(1);
    // The user already chose a region: the defaults must not overwrite it.
    await page.locator(`${P}ddlRegion`).selectOption({ label: 'City of Los Angeles' });
    await page.getByRole('button', { name: 'Apply office defaults' }).click();
    await expect.poll(() => page.locator(`${P}ddlOffice option:checked`).textContent()).toBe('Example WorkSource Center');
    expect(await page.locator(`${P}ddlRegion option:checked`).textContent()).toBe('City of Los Angeles');
    await expect.poll(() => inlineChecks(page)).not.toContain('office-missing');
    await page.close();
  });

  it('are filled in by themselves once when "Fill automatically" is on, and the summary says so', async () => {
    await saveDefaults({ region: 'Los Angeles County', office: 'Example WorkSource Center', code: 'LA0211', autoFill: true });
    const page = await form();
    await expect.poll(() => page.locator(`${P}ddlRegion option:checked`).textContent()).toBe('Los Angeles County');
    await expect.poll(() => page.locator(`${P}ddlOffice option:checked`).textContent()).toBe('Example WorkSource Center');
    expect(await page.locator('[data-check-summary]').textContent()).toContain('filled in automatically');
    await page.close();
  });

  it('waits for the office list a region postback brings, then picks the office', async () => {
    await saveDefaults({ region: 'Los Angeles County', office: 'Example WorkSource Center', code: 'LA0211', autoFill: true });
    const page = await browser.context.newPage();
    await page.goto(pageUrl('postback', { case: 'blank' }));
    const E = '#ctl00_Main_content_ucCredentialEntry_';
    await expect.poll(() => page.locator(`${E}ddlLWIA option:checked`).textContent(), { timeout: 5000 }).toBe('Los Angeles County');
    await expect.poll(() => page.locator(`${E}ddlOffice option:checked`).textContent(), { timeout: 5000 }).toBe('Example WorkSource Center');
    await expect.poll(() => inlineChecks(page)).not.toContain('office-missing');
    await page.close();
  });

  it('turning the agency-code requirement off removes the warning from an open form', async () => {
    await saveDefaults({ region: '', office: '', code: '' });
    const page = await form('missing-agency');
    await expectChecks(page, ['agency-code-missing']);
    await saveDefaults({ region: '', office: '', code: '', require: false });
    await expectChecks(page, [], 3000);
    await saveDefaults({ region: '', office: '', code: '' });
    await expectChecks(page, ['agency-code-missing'], 3000);
    await page.close();
  });
});

describe('import', () => {
  it('an invalid file shows an alert and changes nothing', async () => {
    await saveDefaults({ region: 'Los Angeles County', office: 'Example WorkSource Center', code: 'LA0211' });
    const page = await options();
    for (const body of ['{ not json', JSON.stringify({ format: 'something-else', version: 2, settings: {} })]) {
      await page.getByLabel('Import settings').setInputFiles({ name: 'settings.json', mimeType: 'application/json', buffer: Buffer.from(body) });
      await expect.poll(() => page.getByRole('alert').count()).toBeGreaterThan(0);
    }
    await page.reload();
    await expect.poll(() => page.getByLabel('Agency Code', { exact: true }).inputValue()).toBe('LA0211');
    expect(await page.getByLabel('LWIA/Region', { exact: true }).inputValue()).toBe('Los Angeles County');
    await page.close();
  });
});

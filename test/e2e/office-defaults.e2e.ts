import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byLabel, byRole, expectChecks, finish, inlineChecks, launch, pageUrl, within, type Browser, type Tab } from './helpers';

const P = '#ctl00_Main_content_ucCredential_';
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await finish(browser);
});

const REGION = byLabel('LWIA/Region', { exact: true });
const OFFICE = byLabel('Office Location', { exact: true });
const AGENCY_CODE = byLabel('Agency Code', { exact: true });

async function options(): Promise<Tab> {
  const page = await browser.openExtensionPage('options.html');
  await page.waitFor(REGION);
  return page;
}

async function saveDefaults(values: { region: string; office: string; code: string; autoFill?: boolean; require?: boolean }): Promise<void> {
  const page = await options();
  await page.fill(REGION, values.region);
  await page.fill(OFFICE, values.office);
  await page.fill(AGENCY_CODE, values.code);
  await page.setChecked(byLabel('Fill office defaults automatically'), values.autoFill ?? false);
  await page.setChecked(byLabel('Require an agency code'), values.require ?? true);
  // Focus leaves the pickers first, as a person's does, so their open lists close.
  await page.focus(byRole('button', 'Save', { exact: true }));
  await page.click(byRole('button', 'Save', { exact: true }));
  await expect.poll(() => page.text('#save-status')).toContain('Settings saved');
  await page.close();
}

async function form(sample = 'blank'): Promise<Tab> {
  const page = await browser.openFixture('classic', sample);
  await page.waitFor('[data-check-summary]');
  return page;
}

describe('office defaults', () => {
  it('are offered on a form opened afterwards, applied by the button, and never over a choice', async () => {
    await saveDefaults({ region: 'los angeles  county', office: 'Example WorkSource Center', code: 'LA0211' });
    const page = await form();
    // The agency-code warning names the office's code, with a copy button.
    const note = 'caljobs-assistant-note [data-check=agency-code-missing]';
    await expect.poll(() => page.text(note)).toContain('LA0211');
    expect(await page.count(within(note, byRole('button', 'Copy LA0211')))).toBe(1);
    // The user already chose a region: the defaults must not overwrite it.
    await page.select(`${P}ddlRegion`, { label: 'City of Los Angeles' });
    await page.click(byRole('button', 'Apply office defaults'));
    await expect.poll(() => page.text(`${P}ddlOffice option:checked`)).toBe('Example WorkSource Center');
    expect(await page.text(`${P}ddlRegion option:checked`)).toBe('City of Los Angeles');
    await expect.poll(() => inlineChecks(page)).not.toContain('office-missing');
    await page.close();
  });

  it('are filled in by themselves once when "Fill automatically" is on, and the summary says so', async () => {
    await saveDefaults({ region: 'Los Angeles County', office: 'Example WorkSource Center', code: 'LA0211', autoFill: true });
    const page = await form();
    await expect.poll(() => page.text(`${P}ddlRegion option:checked`)).toBe('Los Angeles County');
    await expect.poll(() => page.text(`${P}ddlOffice option:checked`)).toBe('Example WorkSource Center');
    expect(await page.text('[data-check-summary]')).toContain('filled in automatically');
    await page.close();
  });

  it('waits for the office list a region postback brings, then picks the office', async () => {
    await saveDefaults({ region: 'Los Angeles County', office: 'Example WorkSource Center', code: 'LA0211', autoFill: true });
    const page = await browser.open(pageUrl('postback', { case: 'blank' }));
    const E = '#ctl00_Main_content_ucCredentialEntry_';
    await expect.poll(() => page.text(`${E}ddlLWIA option:checked`), { timeout: 5000 }).toBe('Los Angeles County');
    await expect.poll(() => page.text(`${E}ddlOffice option:checked`), { timeout: 5000 }).toBe('Example WorkSource Center');
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
    for (const contents of ['{ not json', JSON.stringify({ format: 'something-else', version: 2, settings: {} })]) {
      await page.setInputFile(byLabel('Import settings'), { name: 'settings.json', mimeType: 'application/json', contents });
      await expect.poll(() => page.count(byRole('alert'))).toBeGreaterThan(0);
    }
    await page.reload();
    await expect.poll(() => page.value(AGENCY_CODE)).toBe('LA0211');
    expect(await page.value(REGION)).toBe('Los Angeles County');
    await page.close();
  });
});

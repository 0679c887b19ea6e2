import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byLabel, byRole, capabilities, expectChecks, finish, launch, pageUrl, sleep, type Browser } from './helpers';

/**
 * IT policy: the values IT pushes reach the extension's storage.managed, win over the user's, show
 * read-only on the options page and apply on the credential form. The browser gets the policy the way
 * IT gives it (Firefox: policies.json, `3rdparty.Extensions.<add-on id>`), for this browser alone.
 */
const POLICY = {
  region: 'Los Angeles County',
  office: 'Example WorkSource Center',
  agencyCode: 'LA0211',
  agencyName: 'Example Agency',
  requireAgencyCode: false,
  autoFill: true,
  disabledChecks: ['date-is-today'],
};
const P = '#ctl00_Main_content_ucCredential_';
const REGION = byLabel('LWIA/Region', { exact: true });
const AGENCY_CODE = byLabel('Agency Code', { exact: true });

// Chromium on Linux takes extension policy only from machine-wide files, which every other Chromium on
// the machine would read too (driver/index.ts, Capabilities.extensionPolicy).
describe.skipIf(!capabilities.extensionPolicy)('enterprise policy', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch({ extensionPolicy: POLICY });
  });
  afterAll(async () => {
    await finish(browser);
  });

  it('reaches storage.managed exactly as written', async () => {
    expect(await browser.managedStorage()).toEqual(POLICY);
  });

  it('shows on the options page, read-only and marked as managed', async () => {
    const page = await browser.openExtensionPage('options.html');
    await expect.poll(() => page.value(REGION)).toBe('Los Angeles County');
    expect(await page.value(byLabel('Office Location', { exact: true }))).toBe('Example WorkSource Center');
    expect(await page.value(AGENCY_CODE)).toBe('LA0211');
    expect(await page.value(byLabel('Agency name'))).toBe('Example Agency');
    for (const field of [REGION, AGENCY_CODE]) expect(await page.evaluateOn(field, (el) => (el as HTMLInputElement).readOnly)).toBe(true);
    for (const [label, checked] of [['Require an agency code', false], ['Fill office defaults automatically', true]] as const) {
      expect(await page.isChecked(byLabel(label)), label).toBe(checked);
      expect(await page.evaluateOn(byLabel(label), (el) => (el as HTMLInputElement).disabled), label).toBe(true);
    }
    // The check switches: locked, with the one the policy switched off shown off.
    const switches = await page.evaluateAll('.checks input[role=switch]', (els) =>
      els.map((el) => ({ id: el.id, on: (el as HTMLInputElement).checked, locked: (el as HTMLInputElement).disabled })),
    );
    expect(switches.length).toBeGreaterThan(10);
    for (const s of switches) expect(s).toEqual({ id: s.id, on: s.id !== 'check-date-is-today', locked: true });
    expect(await page.text('.managed-summary')).toContain('managed by your IT department');
    expect(await page.count('.managed-note')).toBeGreaterThanOrEqual(5);
    await page.close();
  });

  it('a user cannot change a managed value: typing does nothing, saving keeps the policy', async () => {
    const page = await browser.openExtensionPage('options.html');
    await expect.poll(() => page.value(AGENCY_CODE)).toBe('LA0211');
    await page.type(AGENCY_CODE, 'XX99');
    expect(await page.value(AGENCY_CODE)).toBe('LA0211');
    await page.click(byRole('button', 'Save', { exact: true }));
    await expect.poll(() => page.text('#save-status')).toContain('Settings saved');
    await page.reload();
    await expect.poll(() => page.value(AGENCY_CODE)).toBe('LA0211');
    expect(await browser.managedStorage()).toEqual(POLICY);
    await page.close();
  });

  it('applies on the credential form: office filled in, agency code not required, "date is today" off', async () => {
    const page = await browser.open(pageUrl('classic', { case: 'blank' }));
    await expect.poll(() => page.text(`${P}ddlRegion option:checked`), { timeout: 5000 }).toBe('Los Angeles County');
    await expect.poll(() => page.text(`${P}ddlOffice option:checked`), { timeout: 5000 }).toBe('Example WorkSource Center');
    await expectChecks(page, ['credential-missing', 'verification-missing', 'date-missing', 'activity-missing']);
    await page.goto(pageUrl('classic', { case: 'not-exited' }));
    await page.waitFor('[data-check-summary]');
    await page.click(`${P}lnkToday`);
    await sleep(1000); // the assistant notices a scripted write within half a second
    await expectChecks(page, []);
    await page.close();
  });
});

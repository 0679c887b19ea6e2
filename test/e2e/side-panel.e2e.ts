import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, launch, openWithPanel, finish, type Browser } from './helpers';

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await finish(browser);
});

const panelChecks = (panel: Page) =>
  panel.locator('[role=tabpanel] [data-check]').evaluateAll((els) => els.map((el) => el.getAttribute('data-check')).sort());

async function answer(panel: Page, label: string | RegExp): Promise<void> {
  await panel.getByRole('radio', { name: label }).check();
  await panel.getByRole('button', { name: 'Next' }).click();
}

describe('Checks tab', () => {
  it("lists the attached tab's checks and follows changes within a second", async () => {
    const { page, panel } = await openWithPanel(browser, 'classic', 'missing-agency');
    await expect.poll(() => panelChecks(panel), { timeout: 5000 }).toEqual(['agency-code-missing']);
    const item = panel.locator('[data-check=agency-code-missing]');
    expect(await item.getAttribute('data-severity')).toBe('error');
    expect(await item.textContent()).toContain('Help Sheet 14');
    await page.locator('#ctl00_Main_content_ucCredential_txtDateReceived').fill('09/09/2015');
    await expect.poll(() => panelChecks(panel), { timeout: 1000, interval: 50 }).toEqual(['agency-code-missing', 'date-after-max']);
  });

  it('Show me scrolls to, focuses and highlights the field', async () => {
    const { page, panel } = await openWithPanel(browser, 'classic', 'after-max');
    await panel.getByRole('button', { name: 'Show me: Date Credential Received' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('ctl00_Main_content_ucCredential_txtDateReceived');
    expect(await page.locator('caljobs-assistant-highlight[data-highlight]').count()).toBe(1);
  });

  it('says when the page is not a Create Credential form and points to the walkthrough', async () => {
    const { panel } = await openWithPanel(browser, 'unrelated');
    // The assistant does not even load on pages without a form or case: the panel hears nothing.
    await expect.poll(() => panel.locator('[data-panel-page]').textContent(), { timeout: 5000 }).toContain('no Create Credential form');
    await panel.getByRole('button', { name: 'walkthrough' }).click();
    expect(await panel.getByRole('tab', { name: 'Walkthrough' }).getAttribute('aria-selected')).toBe('true');
  });
});

describe('Decision tree tab', () => {
  it('walks to "counts" for a CNA license, with Back and Start over', async () => {
    const { panel } = await openWithPanel(browser, 'unrelated');
    await panel.getByRole('tab', { name: 'Decision tree' }).click();
    await answer(panel, /^Yes/);
    await answer(panel, 'During participation, or within one year after exit');
    await answer(panel, /government agency that issues a license/);
    await panel.getByRole('button', { name: 'Back' }).click();
    await answer(panel, /government agency that issues a license/);
    await answer(panel, /Occupational license/);
    await answer(panel, /Technical or occupational skills/);
    await answer(panel, /^Yes/);
    await expect.poll(() => panel.locator('[data-outcome]').getAttribute('data-outcome')).toBe('counts');
    await panel.getByRole('button', { name: 'Start over' }).click();
    expect(await panel.locator('[data-outcome]').count()).toBe(0);
  });

  it('walks to "does-not-count" for an OSHA-10 card', async () => {
    const { panel } = await openWithPanel(browser, 'unrelated');
    await panel.getByRole('tab', { name: 'Decision tree' }).click();
    await answer(panel, /^Yes/);
    await answer(panel, 'During participation, or within one year after exit');
    await answer(panel, /Another kind of organization/);
    await answer(panel, /General safety/);
    await expect.poll(() => panel.locator('[data-outcome]').getAttribute('data-outcome')).toBe('does-not-count');
  });

  it('walks to "counts-if" for a high-school diploma, pre-answered from the page', async () => {
    const { page, panel } = await openWithPanel(browser, 'classic', 'clean');
    await page.locator('#ctl00_Main_content_ucCredential_ddlCredential').selectOption({ label: 'High School Diploma' });
    await panel.getByRole('tab', { name: 'Decision tree' }).click();
    await answer(panel, /^Yes/);
    // Timing comes from the page's dates (08/08/2015 is inside the window): already selected.
    expect(await panel.getByRole('radio', { name: 'During participation, or within one year after exit' }).isChecked()).toBe(true);
    await panel.getByRole('button', { name: 'Next' }).click();
    await answer(panel, /A state agency/);
    await panel.getByRole('button', { name: /Use the credential chosen on the page/ }).click();
    expect(await panel.getByRole('radio', { name: /High-school diploma/ }).isChecked()).toBe(true);
    await panel.getByRole('button', { name: 'Next' }).click();
    await answer(panel, /Not known yet/);
    const outcome = panel.locator('[data-outcome]');
    await expect.poll(() => outcome.getAttribute('data-outcome')).toBe('counts-if');
    expect(await outcome.textContent()).toMatch(/employed|enrolled/i);
  });
});

describe('Walkthrough tab', () => {
  const states = (panel: Page) =>
    panel.locator('[data-step]').evaluateAll((els) => els.map((el) => `${el.getAttribute('data-step')}=${el.getAttribute('data-step-state')}`));

  it('follows the case page as the user expands it', async () => {
    const { page, panel } = await openWithPanel(browser, 'case');
    await panel.getByRole('tab', { name: 'Walkthrough' }).click();
    await expect.poll(() => states(panel), { timeout: 5000 }).toEqual([
      'expand-application=current', 'open-credentials=todo', 'general-information=todo', 'credential-information=todo', 'check-grid=todo',
    ]);
    await panel.getByRole('button', { name: /Show me: .*WIOA application/ }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id ?? '')).toMatch(/lnkExpand$/);
    await page.keyboard.press('Enter');
    await expect.poll(() => states(panel), { timeout: 3000 }).toContain('open-credentials=current');
    await page.locator('[id$=lnkExpandCredentials]').click();
    await panel.getByRole('button', { name: /Show me: .*Create Credential/ }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id ?? '')).toMatch(/lnkCreateCredential$/);
  });

  it('shows where the user is on the form', async () => {
    const { panel } = await openWithPanel(browser, 'classic');
    await panel.getByRole('tab', { name: 'Walkthrough' }).click();
    await expect.poll(() => states(panel), { timeout: 5000 }).toEqual([
      'expand-application=done', 'open-credentials=done', 'general-information=current', 'credential-information=todo', 'check-grid=todo',
    ]);
  });
});

describe('accessibility', () => {
  it('each tab has no serious or critical axe violation', async () => {
    const { panel } = await openWithPanel(browser, 'classic', 'missing-agency');
    await expect.poll(() => panelChecks(panel), { timeout: 5000 }).toEqual(['agency-code-missing']);
    for (const tab of ['Checks', 'Decision tree', 'Walkthrough']) {
      await panel.getByRole('tab', { name: tab }).click();
      expect(await axeViolations(panel), tab).toEqual([]);
    }
  });

  it('tabs work from the keyboard', async () => {
    const { panel } = await openWithPanel(browser, 'unrelated');
    await panel.getByRole('tab', { name: 'Checks' }).focus();
    await panel.keyboard.press('ArrowRight');
    expect(await panel.getByRole('tab', { name: 'Decision tree' }).getAttribute('aria-selected')).toBe('true');
    await panel.keyboard.press('End');
    expect(await panel.getByRole('tab', { name: 'Walkthrough' }).getAttribute('aria-selected')).toBe('true');
  });
});

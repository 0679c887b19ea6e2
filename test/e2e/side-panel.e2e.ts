import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byRole, finish, launch, type Browser, type Tab, type TextMatch } from './helpers';

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await finish(browser);
});

const panelChecks = async (panel: Tab) => (await panel.attrs('[role=tabpanel] [data-check]', 'data-check')).sort();

async function answer(panel: Tab, label: TextMatch): Promise<void> {
  await panel.setChecked(byRole('radio', label), true);
  await panel.click(byRole('button', 'Next'));
}

describe('Checks tab', () => {
  it("lists the attached tab's checks and follows changes within a second", async () => {
    const { page, panel } = await browser.openWithPanel('classic', 'missing-agency');
    await expect.poll(() => panelChecks(panel), { timeout: 5000 }).toEqual(['agency-code-missing']);
    const item = '[data-check=agency-code-missing]';
    expect(await panel.attr(item, 'data-severity')).toBe('error');
    expect(await panel.text(item)).toContain('Help Sheet 14');
    await page.fill('#ctl00_Main_content_ucCredential_txtDateReceived', '09/09/2015');
    await expect.poll(() => panelChecks(panel), { timeout: 1000, interval: 50 }).toEqual(['agency-code-missing', 'date-after-max']);
  });

  it('Show me scrolls to, focuses and highlights the field', async () => {
    const { page, panel } = await browser.openWithPanel('classic', 'after-max');
    await panel.click(byRole('button', 'Show me: Date Credential Received'));
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('ctl00_Main_content_ucCredential_txtDateReceived');
    expect(await page.count('caljobs-assistant-highlight[data-highlight]')).toBe(1);
  });

  it('says when the page is not a Create Credential form and points to the walkthrough', async () => {
    const { panel } = await browser.openWithPanel('unrelated');
    // The assistant does not even load on pages without a form or case: the panel hears nothing.
    await expect.poll(() => panel.text('[data-panel-page]'), { timeout: 5000 }).toContain('no Create Credential form');
    await panel.click(byRole('button', 'walkthrough'));
    expect(await panel.attr(byRole('tab', 'Walkthrough'), 'aria-selected')).toBe('true');
  });
});

describe('Decision tree tab', () => {
  it('walks to "counts" for a CNA license, with Back and Start over', async () => {
    const { panel } = await browser.openWithPanel('unrelated');
    await panel.click(byRole('tab', 'Decision tree'));
    await answer(panel, /^Yes/);
    await answer(panel, 'During participation, or within one year after exit');
    await answer(panel, /government agency that issues a license/);
    await panel.click(byRole('button', 'Back'));
    await answer(panel, /government agency that issues a license/);
    await answer(panel, /Occupational license/);
    await answer(panel, /Technical or occupational skills/);
    await answer(panel, /^Yes/);
    await expect.poll(() => panel.attr('[data-outcome]', 'data-outcome')).toBe('counts');
    await panel.click(byRole('button', 'Start over'));
    expect(await panel.count('[data-outcome]')).toBe(0);
  });

  it('walks to "does-not-count" for an OSHA-10 card', async () => {
    const { panel } = await browser.openWithPanel('unrelated');
    await panel.click(byRole('tab', 'Decision tree'));
    await answer(panel, /^Yes/);
    await answer(panel, 'During participation, or within one year after exit');
    await answer(panel, /Another kind of organization/);
    await answer(panel, /General safety/);
    await expect.poll(() => panel.attr('[data-outcome]', 'data-outcome')).toBe('does-not-count');
  });

  it('walks to "counts-if" for a high-school diploma, pre-answered from the page', async () => {
    const { page, panel } = await browser.openWithPanel('classic', 'clean');
    await page.select('#ctl00_Main_content_ucCredential_ddlCredential', { label: 'High School Diploma' });
    await panel.click(byRole('tab', 'Decision tree'));
    await answer(panel, /^Yes/);
    // Timing comes from the page's dates (08/08/2015 is inside the window): already selected.
    expect(await panel.isChecked(byRole('radio', 'During participation, or within one year after exit'))).toBe(true);
    await panel.click(byRole('button', 'Next'));
    await answer(panel, /A state agency/);
    await panel.click(byRole('button', /Use the credential chosen on the page/));
    expect(await panel.isChecked(byRole('radio', /High-school diploma/))).toBe(true);
    await panel.click(byRole('button', 'Next'));
    await answer(panel, /Not known yet/);
    await expect.poll(() => panel.attr('[data-outcome]', 'data-outcome')).toBe('counts-if');
    expect(await panel.text('[data-outcome]')).toMatch(/employed|enrolled/i);
  });
});

describe('Walkthrough tab', () => {
  const states = (panel: Tab) =>
    panel.evaluateAll('[data-step]', (els) => els.map((el) => `${el.getAttribute('data-step')}=${el.getAttribute('data-step-state')}`));

  /**
   * Opens the case page (`sample`) with the panel on its walkthrough and expands it as a user would: Show
   * me the WIOA application, Enter, the Credentials toggle; then Show me: Create Credential must focus the
   * control whose id matches `createId`.
   */
  async function walkCasePage(sample: string, createId: RegExp): Promise<void> {
    const { page, panel } = await browser.openWithPanel('case', sample);
    if (sample !== 'blank') expect(await page.evaluate(() => document.body.textContent?.toLowerCase().includes('create credential')), sample).toBe(false);
    await panel.click(byRole('tab', 'Walkthrough'));
    await expect.poll(() => states(panel), { timeout: 5000 }).toEqual([
      'expand-application=current', 'open-credentials=todo', 'general-information=todo', 'credential-information=todo', 'check-grid=todo',
    ]);
    await panel.click(byRole('button', /Show me: .*WIOA application/));
    await expect.poll(() => page.evaluate(() => document.activeElement?.id ?? '')).toMatch(/lnkExpand$/);
    await page.press('Enter');
    await expect.poll(() => states(panel), { timeout: 3000 }).toContain('open-credentials=current');
    await page.click('[id$=lnkExpandCredentials]');
    await panel.click(byRole('button', /Show me: .*Create Credential/));
    await expect.poll(() => page.evaluate(() => document.activeElement?.id ?? ''), { message: sample }).toMatch(createId);
  }

  it('follows the case page as the user expands it', async () => {
    await walkCasePage('blank', /lnkCreateCredential$/);
  });

  it('follows a case page whose Create Credential is an <input> button or an icon link (no text names it)', async () => {
    await walkCasePage('input-button', /btnCreateCredential$/);
    await walkCasePage('icon-link', /lnkCreateCredential$/);
  });

  it('shows where the user is on the form', async () => {
    const { panel } = await browser.openWithPanel('classic');
    await panel.click(byRole('tab', 'Walkthrough'));
    await expect.poll(() => states(panel), { timeout: 5000 }).toEqual([
      'expand-application=done', 'open-credentials=done', 'general-information=current', 'credential-information=todo', 'check-grid=todo',
    ]);
  });
});

describe('accessibility', () => {
  it('each tab has no serious or critical axe violation', async () => {
    const { panel } = await browser.openWithPanel('classic', 'missing-agency');
    await expect.poll(() => panelChecks(panel), { timeout: 5000 }).toEqual(['agency-code-missing']);
    for (const tab of ['Checks', 'Decision tree', 'Walkthrough']) {
      await panel.click(byRole('tab', tab));
      expect(await panel.axe(), tab).toEqual([]);
    }
  });

  it('tabs work from the keyboard', async () => {
    const { panel } = await browser.openWithPanel('unrelated');
    await panel.focus(byRole('tab', 'Checks'));
    await panel.press('ArrowRight');
    expect(await panel.attr(byRole('tab', 'Decision tree'), 'aria-selected')).toBe('true');
    await panel.press('End');
    expect(await panel.attr(byRole('tab', 'Walkthrough'), 'aria-selected')).toBe('true');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { format } from 'date-fns';
import type { Page } from 'playwright-core';
import { EXTENSION_DIR } from '../../scripts/browser.mjs';
import { axeViolations, expectChecks, finish, launch, openWithPanel, pageUrl, type Browser } from './helpers';

/**
 * Office profiles and the CalJOBS lists, on the built extension: lists a form reports (sent from the
 * content script's own world, as the assistant does) become the options page's pickers; a profile
 * switch in the side panel header changes what an open form checks; "Make these my office defaults"
 * saves into the profile in use, with undo; IT policy (a real Chromium policy file) locks it all.
 */

const P = '#ctl00_Main_content_ucCredential_';
const TODAY = format(new Date(), 'MMMM d, yyyy');
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await finish(browser);
});

/**
 * Sends a protocol message from the extension's content-script world in `page` (found with the
 * DevTools protocol), in @webext-core/messaging's format, and returns the worker's `{ res }` or `{ err }`.
 */
async function fromContentScript(page: Page, extensionId: string, type: string, data: unknown): Promise<{ res?: unknown; err?: { message: string } }> {
  const cdp = await page.context().newCDPSession(page);
  const contexts: Array<{ id: number; origin: string; auxData?: { type?: string } }> = [];
  cdp.on('Runtime.executionContextCreated', (event: { context: (typeof contexts)[number] }) => contexts.push(event.context));
  await cdp.send('Runtime.enable');
  const world = () => contexts.find((c) => c.origin === `chrome-extension://${extensionId}` && c.auxData?.type === 'isolated');
  await expect.poll(() => world() !== undefined, { timeout: 5000 }).toBe(true);
  const expression = `(async (type, data) => chrome.runtime.sendMessage({ id: 1, type, data, timestamp: Date.now() }))(${JSON.stringify(type)}, ${JSON.stringify(data)})`;
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { contextId: world()!.id, expression, awaitPromise: true, returnByValue: true });
  await cdp.detach();
  if (exceptionDetails) throw new Error(`content script: ${exceptionDetails.text}`);
  return result.value as { res?: unknown; err?: { message: string } };
}

/** What the assistant reports when it reads a form: the option texts of its lists, without the placeholder. */
async function reportLists(page: Page, extensionId: string): Promise<void> {
  const texts = (id: string) => page.locator(`${P}${id} option`).evaluateAll((options) => options.filter((o) => (o as HTMLOptionElement).value !== '').map((o) => o.textContent ?? ''));
  const chosen = page.locator(`${P}ddlRegion option:checked`);
  const region = (await chosen.getAttribute('value')) ? await chosen.textContent() : null;
  const answer = await fromContentScript(page, extensionId, 'rememberFormChoices', { regions: await texts('ddlRegion'), region, offices: await texts('ddlOffice') });
  expect(answer).toEqual({ res: true });
  const codes = await fromContentScript(page, extensionId, 'rememberAgencyCodes', { codes: [{ code: 'LA0211', name: 'Example WorkSource Center' }, { code: 'LA0300', name: "Sample America's Job Center" }] });
  expect(codes).toEqual({ res: true });
}

async function options(b: Browser): Promise<Page> {
  const page = await b.context.newPage();
  await page.goto(`chrome-extension://${b.extensionId}/options.html`);
  await page.getByLabel('LWIA/Region', { exact: true }).waitFor();
  return page;
}

async function save(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect.poll(() => page.locator('#save-status').textContent()).toContain('Settings saved');
}

/** Picks `text` in a picker from the keyboard: type part of it, arrow down to it, Enter. */
async function pick(page: Page, label: string, typed: string, text: string): Promise<void> {
  const input = page.getByLabel(label, { exact: true });
  await input.fill(typed);
  const listbox = page.getByRole('listbox', { name: `${label}: choices seen on CalJOBS` });
  await expect.poll(() => listbox.getByRole('option').allTextContents()).toContainEqual(expect.stringContaining(text));
  const index = (await listbox.getByRole('option').allTextContents()).findIndex((t) => t.startsWith(text));
  for (let i = 0; i <= index; i += 1) await input.press('ArrowDown');
  await input.press('Enter');
  // The picked text reaches the field on React's next render, a moment after the key.
  await expect.poll(() => input.inputValue()).toBe(text);
}

async function form(b: Browser, sample = 'blank'): Promise<Page> {
  const page = await b.context.newPage();
  await page.goto(pageUrl('classic', { case: sample }));
  await page.locator('[data-check-summary]').waitFor({ state: 'attached' });
  return page;
}

const agencyNote = (page: Page) => page.locator('caljobs-assistant-note [data-check=agency-code-missing]').textContent();

describe('remember → pick → apply', () => {
  it('the options page offers the lists a form reported, with the day seen, and the picked office is applied', async () => {
    const caljobs = await form(browser);
    await reportLists(caljobs, browser.extensionId!);
    await caljobs.close();

    const page = await options(browser);
    await pick(page, 'LWIA/Region', 'county', 'Los Angeles County');
    await expect.poll(() => page.locator('#region-seen').textContent()).toBe(`Last seen on CalJOBS on ${TODAY}.`);
    await pick(page, 'Office Location', 'example', 'Example WorkSource Center');
    await pick(page, 'Agency Code', 'LA02', 'LA0211');
    expect(await page.getByLabel('Agency name (optional)').inputValue()).toBe('Example WorkSource Center');
    await page.getByLabel('Office Location', { exact: true }).fill('Not A Real Office');
    await expect.poll(() => page.locator('#office-seen').textContent()).toMatch(/not seen on a CalJOBS form yet/);
    expect(await axeViolations(page)).toEqual([]);
    // And with the list open.
    await page.getByLabel('Office Location', { exact: true }).fill('center');
    await page.getByRole('listbox', { name: 'Office Location: choices seen on CalJOBS' }).getByRole('option').first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await pick(page, 'Office Location', 'example', 'Example WorkSource Center');
    await save(page);
    await page.close();

    const again = await form(browser);
    await again.getByRole('button', { name: 'Apply office defaults' }).click();
    await expect.poll(() => again.locator(`${P}ddlRegion option:checked`).textContent()).toBe('Los Angeles County');
    await expect.poll(() => again.locator(`${P}ddlOffice option:checked`).textContent()).toBe('Example WorkSource Center');
    await again.close();
  });
});

describe('profiles', () => {
  it('a switch in the side panel header changes what an open form checks', async () => {
    const page = await options(browser);
    await page.getByLabel('Profile name').fill('Downtown');
    await page.getByLabel('Agency Code', { exact: true }).fill('LA0211');
    await page.getByRole('button', { name: 'Add a profile' }).click();
    await page.getByLabel('Profile name').fill('Eastside');
    await page.getByLabel('Agency Code', { exact: true }).fill('LA0300');
    await save(page);
    await page.close();

    const { page: caljobs, panel } = await openWithPanel(browser, 'classic', 'missing-agency');
    await expect.poll(() => agencyNote(caljobs)).toContain('LA0211');
    const group = panel.getByRole('group', { name: 'Office profile' });
    expect(await group.getByRole('button', { pressed: true }).textContent()).toContain('Downtown');
    await group.getByRole('button', { name: 'Eastside' }).click();
    await expect.poll(() => agencyNote(caljobs), { timeout: 3000 }).toContain('LA0300');
    expect(await group.getByRole('button', { pressed: true }).textContent()).toContain('Eastside');
    expect(await axeViolations(panel, ['.panel-header'])).toEqual([]);
    await group.getByRole('button', { name: 'Downtown' }).click();
    await expect.poll(() => agencyNote(caljobs), { timeout: 3000 }).toContain('LA0211');
  });

  it('"Make these my office defaults" saves into the profile in use, and undo puts it back', async () => {
    const caljobs = await form(browser, 'clean');
    const made = await fromContentScript(caljobs, browser.extensionId!, 'makeOfficeDefaults', {
      region: 'City of Los Angeles',
      office: "Sample America's Job Center",
      agencyCode: 'LA0300',
      agencyName: "Sample America's Job Center",
    });
    const res = made.res as { profileName: string; undo: unknown; effective: { settings: { agencyCode: { code: string } } } };
    expect(res.profileName).toBe('Downtown');
    expect(res.effective.settings.agencyCode.code).toBe('LA0300');
    const page = await options(browser);
    await expect.poll(() => page.getByLabel('Office Location', { exact: true }).inputValue()).toBe("Sample America's Job Center");
    expect(await fromContentScript(caljobs, browser.extensionId!, 'undoOfficeDefaults', { undo: res.undo })).toHaveProperty('res');
    await expect.poll(() => page.getByLabel('Agency Code', { exact: true }).inputValue()).toBe('LA0211');
    await page.close();
    await caljobs.close();
  });
});

describe('IT policy', () => {
  /** Chromium on Linux reads policy files here; "3rdparty" policy reaches the extension's managed storage. */
  const POLICY_DIR = '/etc/chromium/policies/managed';
  /** An unpacked extension's id: the SHA-256 of its folder's path, as letters a–p. */
  const extensionId = [...createHash('sha256').update(EXTENSION_DIR).digest('hex').slice(0, 32)].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
  const policyFile = `${POLICY_DIR}/caljobs-assistant-e2e-${extensionId}.json`;
  let managed: Browser | undefined;

  beforeAll(async () => {
    try {
      mkdirSync(POLICY_DIR, { recursive: true });
      const policy = { region: 'Los Angeles County', office: 'Example WorkSource Center', agencyCode: 'LA0999', agencyName: 'County Agency' };
      writeFileSync(policyFile, JSON.stringify({ '3rdparty': { extensions: { [extensionId]: policy } } }));
    } catch (error) {
      throw new Error(`This test writes a Chromium policy file to ${POLICY_DIR} (Linux, as root, as CI runs): ${String(error)}`);
    }
    managed = await launch();
    expect(managed.extensionId).toBe(extensionId);
  });
  afterAll(async () => {
    rmSync(policyFile, { force: true });
    await finish(managed);
  });

  it('locks the office fields in every profile, hides the panel switch and refuses "Make these my office defaults"', async () => {
    const page = await options(managed!);
    await page.getByLabel('Profile name').fill('Downtown');
    await page.getByRole('button', { name: 'Add a profile' }).click();
    await page.getByLabel('Profile name').fill('Eastside');
    await save(page);
    for (const profile of ['Downtown', 'Eastside']) {
      await page.getByLabel('Profile to edit').selectOption({ label: profile === 'Downtown' ? 'Downtown (in use)' : profile });
      const office = page.getByLabel('Office Location', { exact: true });
      expect(await office.inputValue()).toBe('Example WorkSource Center');
      expect(await office.getAttribute('readonly')).not.toBeNull();
      expect(await page.locator('#office-managed').textContent()).toBe('Managed by your IT department');
      expect(await page.getByLabel('Agency Code', { exact: true }).inputValue()).toBe('LA0999');
    }
    await page.close();

    const { page: caljobs, panel } = await openWithPanel(managed!, 'classic', 'missing-agency');
    await expect.poll(() => agencyNote(caljobs)).toContain('LA0999');
    await panel.getByRole('tab', { name: 'Checks' }).waitFor();
    expect(await panel.getByRole('group', { name: 'Office profile' }).count()).toBe(0);
    const refused = await fromContentScript(caljobs, managed!.extensionId!, 'makeOfficeDefaults', { region: 'City of Los Angeles', office: 'X', agencyCode: 'LA0300', agencyName: '' });
    expect(refused.err?.message).toMatch(/Your IT department manages LWIA\/Region, Office Location, Agency Code/);
    await expectChecks(caljobs, ['agency-code-missing']);
  });
});

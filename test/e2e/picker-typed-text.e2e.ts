// The options page's pickers keep what a supervisor typed (components/options/ChoicePicker.tsx): leaving
// the field, with the pointer merely resting on the open list, used to put the choice under the pointer
// in its place (Downshift picks the highlighted choice on blur): typed "LA0", Tab, and the field said
// "LA0300"; saved as such. In the real browsers, with a real pointer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byLabel, byRole, finish, launch, saveOfficeProfile, toWorker, within, type Browser, type Tab } from './helpers';

const AGENCY_CODE = byLabel('Agency Code', { exact: true });
const LIST = byRole('listbox', 'Agency Code: choices seen on CalJOBS', { exact: true });
const OPTIONS = within(LIST, byRole('option'));
const option = (code: string) => within(LIST, byRole('option', code));
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
  const page = await browser.openExtensionPage('options.html');
  await page.waitFor(AGENCY_CODE);
  const codes = [
    { code: 'LA0211', name: 'Example WorkSource Center' },
    { code: 'LA0300', name: "Sample America's Job Center" },
  ];
  await toWorker(page, 'agencyCodesForLookup', { rows: codes }); // as an Agency Code Search window sends them
  await page.close();
});
afterAll(async () => {
  await finish(browser);
});

type Mouse = { move(x: number, y: number): Promise<void> };
const mouse = (page: Tab) => (page.native as { mouse: Mouse }).mouse;
async function hover(page: Tab, target: Parameters<Tab['evaluateOn']>[0]): Promise<void> {
  const box = await page.evaluateOn(target, (el) => {
    el.scrollIntoView({ block: 'center' });
    const r = el.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  });
  await mouse(page).move(box.x, box.y);
  await expect.poll(() => page.count('[aria-selected="true"]')).toBe(1);
}
async function savedCode(page: Tab): Promise<string> {
  const got = (await toWorker(page, 'getSettings')).res as { profiles: Array<{ id: string; agencyCode: { code: string } }>; activeProfileId: string };
  return got.profiles.find((p) => p.id === got.activeProfileId)!.agencyCode.code;
}
async function fresh(): Promise<Tab> {
  await saveOfficeProfile(browser, { agencyCode: { code: 'LA0999', name: '' } });
  const page = await browser.openExtensionPage('options.html');
  await page.waitFor(AGENCY_CODE);
  await expect.poll(() => page.value(AGENCY_CODE)).toBe('LA0999');
  return page;
}
async function typeOpen(page: Tab, text: string): Promise<void> {
  await page.focus(AGENCY_CODE);
  await page.evaluate((t: string) => {
    const input = document.getElementById('agency-code') as HTMLInputElement;
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, t);
    input.dispatchEvent(new InputEvent('input', { bubbles: true }));
  }, text);
  expect(await page.value(AGENCY_CODE)).toBe(text);
  await expect.poll(() => page.count(OPTIONS)).toBeGreaterThan(0);
}

describe('the agency code picker keeps what was typed', () => {
  for (const hovered of [null, 'LA0300']) {
    it(hovered ? 'typed, the pointer resting on the list, Tab' : 'typed, list open, Tab', async () => {
      const page = await fresh();
      await typeOpen(page, 'LA0');
      if (hovered) await hover(page, option(hovered));
      await page.press('Tab');
      await expect.poll(() => page.count('[aria-expanded="true"]')).toBe(0);
      expect(await page.value(AGENCY_CODE)).toBe('LA0');
      await page.close();
    });
  }
  it('typed, the pointer resting on the list, focus moved to Save by script, then clicked', async () => {
    const page = await fresh();
    await typeOpen(page, 'LA0');
    await hover(page, option('LA0211'));
    await page.focus(byRole('button', 'Save', { exact: true }));
    await page.click(byRole('button', 'Save', { exact: true }));
    await expect.poll(() => page.text('#save-status')).toContain('Settings saved');
    expect(await savedCode(page)).toBe('LA0');
    await page.close();
  });
});

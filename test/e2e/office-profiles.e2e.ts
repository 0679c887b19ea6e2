import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { format } from 'date-fns';
import { BUILD_DIRS } from './driver';
import { byLabel, byRole, expectChecks, finish, launch, toWorker, within, type Browser, type Tab } from './helpers';

/**
 * Office profiles and the CalJOBS lists, on the built extension: lists reported to the worker (with
 * the message a form's content script sends) become the options page's pickers; a profile switch in
 * the side panel header changes what an open form checks; "Make these my office defaults" saves into
 * the profile in use, with undo; IT policy (the browser's own managed storage) locks it all.
 */

const P = '#ctl00_Main_content_ucCredential_';
const TODAY = format(new Date(), 'MMMM d, yyyy');
const REGION = byLabel('LWIA/Region', { exact: true });
const OFFICE = byLabel('Office Location', { exact: true });
const AGENCY_CODE = byLabel('Agency Code', { exact: true });
const PROFILE_NAME = byLabel('Profile name');
const AGENCY_NOTE = 'caljobs-assistant-note [data-check=agency-code-missing]';
const SWITCHER = byRole('group', 'Office profile');

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await finish(browser);
});

async function options(b: Browser): Promise<Tab> {
  const page = await b.openExtensionPage('options.html');
  await page.waitFor(REGION);
  return page;
}

/**
 * Clicks a button on the options page as a person does after typing in a picker: its list of choices
 * closes when focus leaves the field (in Firefox the open list can lie over the buttons below it).
 */
async function press(page: Tab, button: string): Promise<void> {
  const target = byRole('button', button, { exact: true });
  await page.focus(target);
  // Leaving the field closes its list, and the page re-renders: click once it has, as a person would
  // (in Firefox a click aimed while the list was closing could land beside the button: no save).
  await expect.poll(() => page.count('[aria-expanded="true"]')).toBe(0);
  await page.click(target);
}

async function save(page: Tab): Promise<void> {
  await press(page, 'Save');
  // Saving goes through the worker and storage: on a loaded CI machine Firefox took over the default 1 s.
  await expect.poll(() => page.text('#save-status'), { timeout: 5000 }).toContain('Settings saved');
}

/** Picks `text` in a picker from the keyboard: type part of it, arrow down to it, Enter. */
async function pick(page: Tab, label: string, typed: string, text: string): Promise<void> {
  const input = byLabel(label, { exact: true });
  await page.fill(input, typed);
  const options = within(byRole('listbox', `${label}: choices seen on CalJOBS`, { exact: true }), byRole('option'));
  await expect.poll(() => page.texts(options)).toContainEqual(expect.stringContaining(text));
  const index = (await page.texts(options)).findIndex((t) => t.startsWith(text));
  await page.focus(input);
  for (let i = 0; i <= index; i += 1) await page.press('ArrowDown');
  await page.press('Enter');
  // The picked text reaches the field on React's next render, a moment after the key.
  await expect.poll(() => page.value(input)).toBe(text);
}

async function form(b: Browser, sample = 'blank'): Promise<Tab> {
  const page = await b.openFixture('classic', sample);
  await page.waitFor('[data-check-summary]');
  return page;
}

const pressedProfile = async (panel: Tab) => {
  const buttons = within(SWITCHER, byRole('button'));
  const [names, pressed] = await Promise.all([panel.texts(buttons), panel.attrs(buttons, 'aria-pressed')]);
  return names.filter((_, i) => pressed[i] === 'true').map((name) => name.replace('✓', '').trim());
};

describe('remember → pick → apply', () => {
  it('the options page offers the lists a form showed, with the day seen, and the picked office is applied', async () => {
    // Opening a Create Credential form is enough: the assistant reports its lists (option texts only).
    const caljobs = await form(browser);
    await caljobs.close();

    const page = await options(browser);
    const codes = [{ code: 'LA0211', name: 'Example WorkSource Center' }, { code: 'LA0300', name: "Sample America's Job Center" }];
    // What an Agency Code Search window sends (its rows): the worker remembers the codes it lists.
    expect(await toWorker(page, 'agencyCodesForLookup', { rows: codes })).toMatchObject({ res: { marks: [expect.any(Array), expect.any(Array)] } });
    await expect.poll(() => page.text('.remembered')).toMatch(/2 regions, 2 offices and 2 agency codes/);

    await pick(page, 'LWIA/Region', 'county', 'Los Angeles County');
    await expect.poll(() => page.text('#region-seen')).toBe(`Last seen on CalJOBS on ${TODAY}.`);
    await pick(page, 'Office Location', 'example', 'Example WorkSource Center');
    await pick(page, 'Agency Code', 'LA02', 'LA0211');
    expect(await page.value(byLabel('Agency name (optional)'))).toBe('Example WorkSource Center');
    await page.fill(OFFICE, 'Not A Real Office');
    await expect.poll(() => page.text('#office-seen')).toMatch(/not seen on a CalJOBS form yet/);
    expect(await page.axe()).toEqual([]);
    // And with the list open.
    await page.fill(OFFICE, 'center');
    await page.waitFor(within(byRole('listbox', 'Office Location: choices seen on CalJOBS'), byRole('option', 'Example WorkSource Center')));
    expect(await page.axe()).toEqual([]);
    await pick(page, 'Office Location', 'example', 'Example WorkSource Center');
    await save(page);
    await page.close();

    const again = await form(browser);
    await again.click(byRole('button', 'Apply office defaults'));
    await expect.poll(() => again.text(`${P}ddlRegion option:checked`)).toBe('Los Angeles County');
    await expect.poll(() => again.text(`${P}ddlOffice option:checked`)).toBe('Example WorkSource Center');
    await again.close();
  });
});

describe('profiles', () => {
  it('a switch in the side panel header changes what an open form checks', async () => {
    const page = await options(browser);
    await page.fill(PROFILE_NAME, 'Downtown');
    await page.fill(AGENCY_CODE, 'LA0211');
    await press(page, 'Add a profile');
    await page.fill(PROFILE_NAME, 'Eastside');
    await page.fill(AGENCY_CODE, 'LA0300');
    await save(page);
    await page.close();

    const { page: caljobs, panel } = await browser.openWithPanel('classic', 'missing-agency');
    await expect.poll(() => caljobs.text(AGENCY_NOTE)).toContain('LA0211');
    await expect.poll(() => pressedProfile(panel)).toEqual(['Downtown']);
    await panel.click(within(SWITCHER, byRole('button', 'Eastside')));
    await expect.poll(() => caljobs.text(AGENCY_NOTE), { timeout: 3000 }).toContain('LA0300');
    expect(await pressedProfile(panel)).toEqual(['Eastside']);
    expect(await panel.axe(['.panel-header'])).toEqual([]);
    await panel.click(within(SWITCHER, byRole('button', 'Downtown')));
    await expect.poll(() => caljobs.text(AGENCY_NOTE), { timeout: 3000 }).toContain('LA0211');
  });

  it('"Make these my office defaults" on a filled form saves into the profile in use, and Undo puts it back', async () => {
    // A form with another region, office and agency code than the profile in use (Downtown, LA0211).
    const caljobs = await form(browser, 'clean');
    await caljobs.select(`${P}ddlRegion`, { label: 'City of Los Angeles' });
    await caljobs.select(`${P}ddlOffice`, { label: "Sample America's Job Center" });
    await caljobs.evaluate(() => {
      (document.getElementById('ctl00_Main_content_ucCredential_lblAgencyCode') as HTMLElement).textContent = "LA0300 - Sample America's Job Center";
    });
    const setup = '[data-office-setup]';
    await expect.poll(() => caljobs.text(setup), { timeout: 3000 }).toContain("City of Los Angeles · Sample America's Job Center · LA0300");
    await caljobs.click(byRole('button', 'Make these my office defaults'));
    expect(await caljobs.text(setup)).toContain("Make City of Los Angeles, Sample America's Job Center and agency code LA0300 your office defaults?");
    await caljobs.click(byRole('button', 'Yes, make them my defaults'));
    await expect.poll(() => caljobs.text(within(setup, byRole('status'))), { timeout: 5000 }).toContain('are now the office defaults of profile "Downtown"');
    const page = await options(browser);
    await expect.poll(() => page.value(OFFICE)).toBe("Sample America's Job Center");
    expect(await page.value(AGENCY_CODE)).toBe('LA0300');
    await caljobs.click(byRole('button', 'Undo'));
    await expect.poll(() => caljobs.text(within(setup, byRole('status')))).toContain('earlier office defaults are back');
    await expect.poll(() => page.value(AGENCY_CODE)).toBe('LA0211');
    await page.close();
    await caljobs.close();
  });
});

describe('IT policy', () => {
  /**
   * The policy, where each browser reads it for this extension: Chromium on Linux from
   * /etc/chromium/policies/managed ("3rdparty" policy for the unpacked build's id, the SHA-256 of its
   * folder as letters a–p, so no other checkout is affected); Firefox from the add-on's managed-storage
   * manifest in ~/.mozilla/managed-storage. Both are written (each browser reads only its own) and
   * removed afterwards. Needs root for /etc, as CI runs.
   */
  const POLICY = { region: 'Los Angeles County', office: 'Example WorkSource Center', agencyCode: 'LA0999', agencyName: 'County Agency' };
  const chromeId = [...createHash('sha256').update(BUILD_DIRS.chromium).digest('hex').slice(0, 32)].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
  const GECKO_ID = 'caljobs-credential-assistant@lacounty.example';
  const files = [
    { dir: '/etc/chromium/policies/managed', name: `caljobs-assistant-e2e-${chromeId}.json`, body: { '3rdparty': { extensions: { [chromeId]: POLICY } } } },
    { dir: join(homedir(), '.mozilla', 'managed-storage'), name: `${GECKO_ID}.json`, body: { name: GECKO_ID, description: 'end-to-end test policy', type: 'storage', data: POLICY } },
  ];
  let managed: Browser | undefined;

  beforeAll(async () => {
    for (const file of files) {
      try {
        mkdirSync(file.dir, { recursive: true });
        writeFileSync(join(file.dir, file.name), JSON.stringify(file.body));
      } catch (error) {
        throw new Error(`This test writes a browser policy to ${file.dir} (as root on Linux, as CI runs): ${String(error)}`);
      }
    }
    managed = await launch();
    expect(await managed.managedStorage()).toEqual(POLICY);
  });
  afterAll(async () => {
    for (const file of files) rmSync(join(file.dir, file.name), { force: true });
    await finish(managed);
  });

  it('locks the office fields in every profile, hides the panel switch and refuses "Make these my office defaults"', async () => {
    const page = await options(managed!);
    await page.fill(PROFILE_NAME, 'Downtown');
    await press(page, 'Add a profile');
    await page.fill(PROFILE_NAME, 'Eastside');
    await save(page);
    for (const label of ['Downtown (in use)', 'Eastside']) {
      await page.select(byLabel('Profile to edit'), { label });
      await expect.poll(() => page.value(OFFICE)).toBe('Example WorkSource Center');
      expect(await page.attr(OFFICE, 'readonly')).not.toBeNull();
      expect(await page.text('#office-managed')).toBe('Managed by your IT department');
      expect(await page.value(AGENCY_CODE)).toBe('LA0999');
    }
    const refused = await toWorker(page, 'makeOfficeDefaults', { region: 'City of Los Angeles', office: 'X', agencyCode: 'LA0300', agencyName: '' });
    expect(refused.err?.message).toMatch(/Your IT department manages LWIA\/Region, Office Location, Agency Code/);
    await page.close();

    const { page: caljobs, panel } = await managed!.openWithPanel('classic', 'missing-agency');
    await expect.poll(() => caljobs.text(AGENCY_NOTE)).toContain('LA0999');
    await panel.waitFor(byRole('tab', 'Checks'));
    expect(await panel.count(SWITCHER)).toBe(0);
    await expectChecks(caljobs, ['agency-code-missing']);
    // A filled form never offers to make its office the defaults: the policy owns them.
    await caljobs.evaluate(() => {
      (document.getElementById('ctl00_Main_content_ucCredential_lblAgencyCode') as HTMLElement).textContent = "LA0300 - Sample America's Job Center";
    });
    await expectChecks(caljobs, []);
    expect(await caljobs.count('[data-office-setup]')).toBe(0);
  });
});

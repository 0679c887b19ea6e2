import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_BLANK, byRole, expectChecks, finish, injectedNamedControls, inlineChecks, launch, noteFields, nth, pageUrl, sleep, summaryCounts, within, type Browser, type Tab } from './helpers';

const P = '#ctl00_Main_content_ucCredential_';

let browser: Browser;
let page: Tab;

beforeAll(async () => {
  browser = await launch();
  page = await browser.newTab();
});
afterAll(async () => {
  await finish(browser);
});

async function open(name: 'classic' | 'responsive' | 'postback', sample = 'blank'): Promise<void> {
  await page.goto(pageUrl(name, { case: sample }));
  await page.waitFor('[data-check-summary]', { timeout: 10_000 });
}

async function pick(link: string, value: string): Promise<void> {
  await page.click(link);
  await page.click(`[data-test-pick="${value}"]`);
}

describe('classic table layout with ASP.NET ids', () => {
  it('shows each missing field next to that field, and the counts in the summary', async () => {
    await open('classic');
    await expectChecks(page, ALL_BLANK);
    const fields = await noteFields(page);
    expect(fields['date-missing']).toBe('date');
    expect(fields['agency-code-missing']).toBe('agencyCode');
    // Each warning sits in the value cell of its own row.
    const dateRowHasNote = await page.evaluateOn(`${P}txtDateReceived`, (input) => !!input.closest('td')?.querySelector('caljobs-assistant-note'));
    expect(dateRowHasNote).toBe(true);
    const counts = await summaryCounts(page);
    expect(counts).toMatchObject({ errors: 5, warnings: 2, infos: 0 });
    expect(counts.text).toContain('5 errors, 2 warnings');
    expect(await injectedNamedControls(page)).toBe(0);
  });

  it('says "Ready to save" on a clean credential', async () => {
    await open('classic', 'clean');
    await expectChecks(page, []);
    const counts = await summaryCounts(page);
    expect(counts).toMatchObject({ errors: 0, warnings: 0, infos: 0 });
    expect(counts.text).toMatch(/Ready to save/);
  });

  it('re-checks the date as the user types', async () => {
    await open('classic', 'clean');
    const date = `${P}txtDateReceived`;
    await page.fill(date, '');
    await expectChecks(page, ['date-missing']);
    await page.type(date, '02/30/2015');
    await expectChecks(page, ['date-invalid']);
    await page.fill(date, '');
    await page.type(date, '1/2/15');
    await expectChecks(page, ['date-invalid']);
    await page.fill(date, '08/19/2015'); // the day after the maximum 8/18/2015
    await expectChecks(page, ['date-after-max']);
    await page.fill(date, '08/18/2015'); // the maximum itself is fine
    await expectChecks(page, []);
    await page.fill(date, '08/17/2014'); // the day before participation began
    await expectChecks(page, ['date-before-participation']);
    await page.fill(date, '12/01/2099');
    await expectChecks(page, ['date-after-max', 'date-in-future']);
  });

  it('notices the Today link, which writes the date without events', async () => {
    await open('classic', 'not-exited');
    await expectChecks(page, []);
    await page.click(`${P}lnkToday`);
    await expectChecks(page, ['date-is-today'], 1500);
  });

  it("notices every way a page's script writes a native select or a text box without events, at once", async () => {
    await open('classic');
    await expectChecks(page, ALL_BLANK);
    for (const way of ['value', 'selectedIndex', 'option.selected', "jQuery's val() (each option's selected)"]) {
      // The page's own script (this runs in the page's world), with no event: choose, then clear again.
      await page.evaluate((how: string) => {
        const region = document.getElementById('ctl00_Main_content_ucCredential_ddlRegion') as HTMLSelectElement;
        const set = (value: string) => {
          if (how === 'value') region.value = value;
          else if (how === 'selectedIndex') region.selectedIndex = Array.from(region.options).findIndex((o) => o.value === value);
          else if (how === 'option.selected') Array.from(region.options).find((o) => o.value === value)!.selected = true;
          else for (const option of Array.from(region.options)) option.selected = option.value === value;
        };
        set('12');
        setTimeout(() => set(''), 400);
      }, way);
      await expect.poll(() => inlineChecks(page), { timeout: 1000, message: way }).not.toContain('region-missing');
      await expect.poll(() => inlineChecks(page), { timeout: 1000, message: way }).toContain('region-missing');
    }
    // The value attribute of a text box nobody typed in is its value.
    await page.evaluate(() => document.getElementById('ctl00_Main_content_ucCredential_txtDateReceived')!.setAttribute('value', 'not a date'));
    await expect.poll(() => inlineChecks(page), { timeout: 1000 }).toContain('date-invalid');
  });

  it('notices lookup windows writing back without events', async () => {
    await open('classic');
    await pick(`${P}lnkSearchActivities`, '102');
    await expect.poll(() => inlineChecks(page), { timeout: 1500 }).toContain('activity-not-training');
    await pick(`${P}lnkSearchActivities`, '320');
    await pick(`${P}lnkAgencyCodeSearch`, 'LA0211');
    await pick(`${P}lnkVerify`, 'copy');
    await expectChecks(page, ['region-missing', 'office-missing', 'credential-missing', 'date-missing'], 2000);
  });

  it('asks for the Other Credential name when an "Other" type is chosen', async () => {
    await open('classic', 'other-no-name');
    await expectChecks(page, ['other-credential-missing']);
    await page.fill(`${P}txtOtherCredential`, 'Forklift operator certification');
    await expectChecks(page, []);
  });

  it('flags a graduate degree outside VR and a diploma that needs follow-up', async () => {
    await open('classic', 'clean');
    await page.select(`${P}ddlCredential`, { label: 'Graduate/Post Graduate Degree' });
    await expectChecks(page, ['graduate-degree-vr-only']);
    await page.select(`${P}ddlCredential`, { label: 'High School Diploma' });
    await expectChecks(page, ['diploma-needs-followup']);
  });

  it('does not check the date against a maximum when the participant has not exited', async () => {
    await open('classic', 'not-exited');
    await page.fill(`${P}txtDateReceived`, '06/15/2026');
    await expectChecks(page, []);
  });
});

describe('the injected UI is accessible', () => {
  it('has no serious axe violations, and "Why?" works from the keyboard', async () => {
    await open('classic');
    await expectChecks(page, ALL_BLANK);
    expect(await page.axe(['caljobs-assistant-note', 'caljobs-assistant-summary'])).toEqual([]);
    const why = within('caljobs-assistant-note[data-assistant-field=date]', byRole('button', 'Why?'));
    await page.focus(why);
    await page.press('Enter');
    expect(await page.attr(why, 'aria-expanded')).toBe('true');
    expect(await page.isVisible('caljobs-assistant-note[data-assistant-field=date] .detail')).toBe(true);
    // The summary is a polite live region.
    expect(await page.attr('[data-check-summary] [role=status]', 'aria-live')).toBe('polite');
  });
});

describe('the save guard', () => {
  const dialog = byRole('alertdialog');

  it('stops Save while errors show; Esc goes back with nothing posted and nothing lost', async () => {
    await open('classic', 'missing-agency');
    const before = browser.posts.length;
    await page.click(`${P}btnSave`);
    await expect.poll(() => page.isVisible(dialog)).toBe(true);
    expect(await page.text(dialog)).toContain('Agency Code');
    // Focus is inside the dialog, on "Go back".
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('CALJOBS-ASSISTANT-DIALOG');
    await expect.poll(() => page.isFocused(within(dialog, byRole('button', 'Go back')))).toBe(true);
    await page.press('Escape');
    await expect.poll(() => page.isVisible(dialog)).toBe(false);
    expect(browser.posts.length).toBe(before);
    expect(await page.value(`${P}txtDateReceived`)).toBe('08/08/2015');
  });

  it('"Save anyway" posts exactly what the page would, once', async () => {
    await open('classic', 'missing-agency');
    const before = browser.posts.length;
    await page.click(`${P}btnSave`);
    await page.click(byRole('button', 'Save anyway'));
    await page.waitFor('#saved', { timeout: 5000 });
    expect(browser.posts.length).toBe(before + 1);
    const body = new URLSearchParams(browser.posts.at(-1)?.body ?? '');
    expect(body.get('ctl00$Main_content$ucCredential$btnSave')).toBe('Save');
    expect(body.get('ctl00$Main_content$ucCredential$txtDateReceived')).toBe('08/08/2015');
    expect(body.has('__VIEWSTATE')).toBe(true);
    // Nothing of ours is posted: every posted name is the page's own.
    for (const name of body.keys()) expect(name).toMatch(/^(ctl00\$|__)/);
  });

  it('lets a clean credential save at once, untouched', async () => {
    await open('classic', 'clean');
    await expectChecks(page, []);
    const before = browser.posts.length;
    await page.click(`${P}btnSave`);
    await page.waitFor('#saved', { timeout: 5000 });
    expect(browser.posts.length).toBe(before + 1);
    expect(new URLSearchParams(browser.posts.at(-1)?.body ?? '').get('ctl00$Main_content$ucCredential$btnSave')).toBe('Save');
  });

  it('stops Enter in a field too, and "Go back" returns focus to it', async () => {
    await open('classic', 'after-max');
    const before = browser.posts.length;
    const other = `${P}txtOtherCredential`;
    await page.focus(other);
    await page.press('Enter');
    await expect.poll(() => page.isVisible(dialog)).toBe(true);
    await page.click(within(dialog, byRole('button', 'Go back')));
    await expect.poll(() => page.evaluateOn(other, (el) => el === document.activeElement)).toBe(true);
    expect(browser.posts.length).toBe(before);
  });
});

describe('responsive layout with a Telerik date box', () => {
  it('finds the fields through label[for] on wrappers and checks them live', async () => {
    await open('responsive');
    await expectChecks(page, ALL_BLANK);
    await page.fill('#ctl00_Main_content_ucCred_rdpDateReceived_dateInput', '13/01/2015');
    await expectChecks(page, ALL_BLANK.filter((id) => id !== 'date-missing').concat('date-invalid'));
    await page.select(nth('select', 0), { index: 1 });
    await expect.poll(() => inlineChecks(page)).not.toContain('region-missing');
  });

  it('reads the clean case as ready to save', async () => {
    await open('responsive', 'clean');
    await expectChecks(page, []);
    expect((await summaryCounts(page)).text).toMatch(/Ready to save/);
  });

  it('reads the after-max and wrong-activity cases', async () => {
    await open('responsive', 'after-max');
    await expectChecks(page, ['date-after-max']);
    await open('responsive', 'wrong-activity');
    await expectChecks(page, ['activity-not-training']);
  });
});

describe('a form re-rendered by partial postbacks', () => {
  it('re-attaches warnings to the new fields, never duplicated, and keeps what was typed', async () => {
    await open('postback');
    await expectChecks(page, ALL_BLANK);
    const date = '#ctl00_Main_content_ucCredentialEntry_txtDateRecv';
    await page.fill(date, '13/01/2015');
    const expected = ALL_BLANK.filter((id) => id !== 'date-missing').concat('date-invalid');
    await expectChecks(page, expected);
    const oldDate = await page.handle(date);
    await page.select('#ctl00_Main_content_ucCredentialEntry_ddlLWIA', { index: 1 }); // simulated UpdatePanel postback
    await page.waitForFunction(() => ((window as unknown as { __postbackCount?: number }).__postbackCount ?? 0) >= 1);
    expect(await oldDate.evaluate((el) => el.isConnected)).toBe(false); // the page replaced the nodes
    const afterRegion = expected.filter((id) => id !== 'region-missing');
    await expectChecks(page, afterRegion);
    for (let i = 0; i < 5; i += 1) await page.evaluate(() => (window as unknown as { __simulatePostback(): void }).__simulatePostback());
    await expectChecks(page, afterRegion);
    expect(await page.value(date)).toBe('13/01/2015');
    expect(await page.count('caljobs-assistant-note')).toBe(new Set(afterRegion.map((id) => (id.startsWith('date') ? 'date' : id))).size);
    expect(await page.count('caljobs-assistant-summary')).toBe(1);
    // Every note sits next to its (new) field: the date note in the date field's cell.
    expect(await page.evaluateOn(date, (input) => !!input.closest('td')?.querySelector('caljobs-assistant-note[data-assistant-field=date]'))).toBe(true);
  });
});

describe('pages that are not a Create Credential form', () => {
  it('injects nothing on the case page or an unrelated CalJOBS page', async () => {
    for (const name of ['case', 'unrelated'] as const) {
      await page.goto(pageUrl(name));
      await sleep(1200);
      const injected = await page.count('caljobs-assistant-note, caljobs-assistant-summary, caljobs-assistant-dialog');
      expect(injected, name).toBe(0);
    }
  });
});

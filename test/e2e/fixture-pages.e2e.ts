// The VOS fixture pages' own scripts, driven WITHOUT the extension: proof that what the assistant's
// tests rely on really happens on the pages (each Save path posts once with the right target, the
// validators stop an invalid post, lists refill, popups open as VOSPopup with pu=1 and write back into
// their opener, paging posts back, frames and busy pages behave). If one of these fails, a failure in
// an assistant test says nothing about the assistant.
//
// These are tests of the fixture pages, not of the extension: they run once, in Chromium through
// playwright-core directly (scripts/browser.mjs), not through the two-browser seam.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { launch, pageUrl } from '../../scripts/browser.mjs';

type Browser = Awaited<ReturnType<typeof launch>>;
const once = process.env.E2E_BROWSER === undefined || process.env.E2E_BROWSER === 'chromium';

let browser: Browser;
beforeAll(async () => {
  if (once) browser = await launch({ extension: false });
});
afterAll(async () => {
  if (!browser) return;
  try {
    expect(browser.foreign, 'requests that left for somewhere other than CalJOBS').toEqual([]);
    expect(browser.pageErrors, `errors thrown into pages: ${browser.pageErrors.join(' / ')}`).toEqual([]);
  } finally {
    await browser.close();
  }
});

type Posted = Browser['posts'][number];
/** Full postbacks (an UpdatePanel's partial postback carries __ASYNCPOST=true). */
const fullPosts = (): Posted[] => browser.posts.filter((p) => p.fields.__ASYNCPOST !== 'true');
const asyncPosts = (): Posted[] => browser.posts.filter((p) => p.fields.__ASYNCPOST === 'true');

async function open(name: Parameters<typeof pageUrl>[0], query: Record<string, string> = {}): Promise<Page> {
  for (const old of browser.context.pages()) await old.close();
  const page = await browser.context.newPage();
  await page.goto(pageUrl(name, query));
  return page;
}

/** Records DOM input/change events in a document (script writes must fire none). */
async function watchEvents(target: Page | Frame): Promise<void> {
  await target.evaluate(() => {
    const w = window as unknown as { __events: string[] };
    w.__events = [];
    for (const type of ['input', 'change']) document.addEventListener(type, (e) => w.__events.push(`${type}:${(e.target as Element).id}`), true);
  });
}
const eventsIn = (target: Page | Frame): Promise<string[]> => target.evaluate(() => (window as unknown as { __events: string[] }).__events);

/** Runs `act`, which must post the page once (a full postback), and returns that post. */
async function postsOnce(page: Page, act: () => Promise<unknown>): Promise<Posted> {
  const before = fullPosts().length;
  await Promise.all([page.waitForEvent('load'), act()]);
  const made = fullPosts().slice(before);
  expect(made).toHaveLength(1);
  return made[0]!;
}

/** Runs `act` and checks that nothing was posted within a moment. */
async function postsNothing(page: Page, act: () => Promise<unknown>): Promise<void> {
  const before = browser.posts.length;
  await act();
  await page.waitForTimeout(400);
  expect(browser.posts.length).toBe(before);
}

/** Clicks a control that closes its (popup) page: the click may end with the page already gone. */
async function clickClosing(popup: Page, selector: string): Promise<void> {
  await Promise.all([
    popup.waitForEvent('close'),
    popup.click(selector).catch((error: unknown) => {
      if (!popup.isClosed()) throw error;
    }),
  ]);
}

/** Clicks a link that opens the VOS popup and returns the popup, loaded. */
async function popupFrom(page: Page | Frame, selector: string): Promise<Page> {
  const owner = 'page' in page ? page.page() : page;
  const [popup] = await Promise.all([owner.waitForEvent('popup'), page.click(selector)]);
  await popup.waitForLoadState();
  return popup;
}

const A = '#ctl00_Main_content_ucCredentialInfo_';
const SAVE_A = '#ctl00_Main_content_ucWizardButtons_btnSave';

describe.runIf(once)('A: native selects, UpdatePanel cascade, validators (vos-native-cascade.html)', () => {
  it('Save on a blank form: the validators show and nothing is posted', async () => {
    const page = await open('cascade', { case: 'blank' });
    await postsNothing(page, () => page.click(SAVE_A));
    for (const v of ['rfvLWIARegion', 'rfvOfficeLocation', 'rfvCredentialReceived']) {
      expect(await page.locator(`${A}${v}`).evaluate((el) => (el as HTMLElement).style.visibility)).toBe('visible');
    }
    await expect.poll(() => page.locator(`${A}rfvDateReceived`).isVisible()).toBe(true);
    expect(await page.locator('#ctl00_Main_content_vsCredential').textContent()).toContain('Office Location is required.');
  });

  it('choosing a region makes a partial postback, shows "Please wait", and refills Office Location with new nodes', async () => {
    const page = await open('cascade', { case: 'blank' });
    const before = asyncPosts().length;
    const fullBefore = fullPosts().length;
    const oldOffice = await page.locator(`${A}ddlOfficeLocation`).elementHandle();
    expect(await page.locator(`${A}ddlOfficeLocation option`).count()).toBe(1);
    await page.selectOption(`${A}ddlLWIARegion`, { label: 'City of Los Angeles' });
    await expect.poll(() => page.locator('#ctl00_Main_content_uprgOffice .upBox').isVisible()).toBe(true);
    expect(await page.locator('#ctl00_Main_content_uprgOffice .upBox').textContent()).toContain('Please wait');
    await page.waitForFunction(() => (window as unknown as { __asyncPostbackCount: number }).__asyncPostbackCount === 1);
    expect(await page.locator('#ctl00_Main_content_uprgOffice .upBox').isVisible()).toBe(false);
    expect(await oldOffice!.evaluate((el) => el.isConnected)).toBe(false);
    expect(await page.locator(`${A}ddlOfficeLocation option`).allTextContents()).toEqual([
      '-- Select One --', 'Downtown Example WorkSource Center', 'Harbor Sample WorkSource Center', 'Example WorkSource Center - West',
    ]);
    const made = asyncPosts().slice(before);
    expect(made).toHaveLength(1);
    expect(made[0]!.fields.__EVENTTARGET).toBe('ctl00$Main_content$ucCredentialInfo$ddlLWIARegion');
    expect(made[0]!.fields['ctl00$ScriptManager1']).toBe('ctl00$Main_content$ucCredentialInfo$upOffice|ctl00$Main_content$ucCredentialInfo$ddlLWIARegion');
    expect(fullPosts().length).toBe(fullBefore);
    // The validator follows the new node: an office still has to be chosen.
    await page.selectOption(`${A}ddlCredentialReceived`, '6');
    await page.fill(`${A}txtDateReceived`, '08/08/2015');
    await postsNothing(page, () => page.click(SAVE_A));
    expect(await page.locator(`${A}rfvOfficeLocation`).evaluate((el) => (el as HTMLElement).style.visibility)).toBe('visible');
    await page.selectOption(`${A}ddlOfficeLocation`, '402');
    const post = await postsOnce(page, () => page.click(SAVE_A));
    expect(post.fields['ctl00$Main_content$ucCredentialInfo$ddlOfficeLocation']).toBe('402');
  });

  it('Save on a clean form posts once, as the submit button, with an empty __EVENTTARGET', async () => {
    const page = await open('cascade', { case: 'clean' });
    const post = await postsOnce(page, () => page.click(SAVE_A));
    expect(post.path).toBe('/vosnet/Staff/Case/Credentials/AddCredential.aspx');
    expect(post.fields['ctl00$Main_content$ucWizardButtons$btnSave']).toBe('Save Credential');
    expect(post.fields.__EVENTTARGET).toBe('');
    expect(post.fields['ctl00$Main_content$ucWizardButtons$btnBack']).toBeUndefined();
    expect(post.fields['ctl00$Main_content$ucCredentialInfo$hfAgencyCode']).toBe('LA0211');
  });

  it('Enter in the date box goes through WebForm_FireDefaultButton to Save; a bad date stops it', async () => {
    const page = await open('cascade', { case: 'clean' });
    await page.fill(`${A}txtDateReceived`, '13/45/2015');
    await postsNothing(page, () => page.press(`${A}txtDateReceived`, 'Enter'));
    expect(await page.locator(`${A}revDateReceived`).isVisible()).toBe(true);
    await page.fill(`${A}txtDateReceived`, '08/08/2015');
    const post = await postsOnce(page, () => page.press(`${A}txtDateReceived`, 'Enter'));
    expect(post.fields['ctl00$Main_content$ucWizardButtons$btnSave']).toBe('Save Credential');
  });

  it('WebForms quirk kept: after Enter was stopped by the validators, the next Enter submits the first button (Back)', async () => {
    const page = await open('cascade', { case: 'clean' });
    await page.selectOption(`${A}ddlCredentialReceived`, '');
    await postsNothing(page, () => page.press(`${A}txtOtherCredential`, 'Enter'));
    expect(await page.locator(`${A}rfvCredentialReceived`).evaluate((el) => (el as HTMLElement).style.visibility)).toBe('visible');
    const post = await postsOnce(page, () => page.press(`${A}txtOtherCredential`, 'Enter'));
    expect(post.fields['ctl00$Main_content$ucWizardButtons$btnBack']).toBe('Back');
    expect(post.fields['ctl00$Main_content$ucWizardButtons$btnSave']).toBeUndefined();
  });

  it('Cancel and Back post without validation', async () => {
    let page = await open('cascade', { case: 'blank' });
    let post = await postsOnce(page, () => page.click('#ctl00_Main_content_ucWizardButtons_btnCancel'));
    expect(post.fields['ctl00$Main_content$ucWizardButtons$btnCancel']).toBe('Cancel');
    page = await open('cascade', { case: 'blank' });
    post = await postsOnce(page, () => page.click('#ctl00_Main_content_ucWizardButtons_btnBack'));
    expect(post.fields['ctl00$Main_content$ucWizardButtons$btnBack']).toBe('Back');
    expect(post.fields['ctl00$Main_content$ucWizardButtons$btnSave']).toBeUndefined();
  });

  it('reads dates as .NET writes them and the Today link fills the box without an event', async () => {
    const page = await open('cascade', { case: 'not-exited' });
    expect(await page.locator(`${A}lblAppDate`).textContent()).toBe('2/23/2026 12:00:00 AM');
    expect(await page.locator(`${A}lblExitDate`).textContent()).toBe('\u00a0');
    await page.fill(`${A}txtDateReceived`, '');
    await page.click('h1');
    await watchEvents(page);
    await page.click(`${A}lnkToday`);
    expect(await page.inputValue(`${A}txtDateReceived`)).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    expect(await eventsIn(page)).toEqual([]);
  });
});

describe.runIf(once)('E: lookup windows as VOS popups (pu=1), writing back into the opener', () => {
  it('Search Activities/Services: a VOSPopup window, paging by postback, Select by postback writes back and closes', async () => {
    const page = await open('cascade', { case: 'blank' });
    await watchEvents(page);
    const popup = await popupFrom(page, `${A}lnkSearchActivities`);
    expect(new URL(popup.url()).searchParams.get('pu')).toBe('1');
    expect(await popup.evaluate(() => window.name)).toBe('VOSPopup');
    expect(await popup.evaluate(() => window.opener !== null)).toBe(true);
    expect(await popup.title()).toContain('Search Activities/Services');
    expect(await popup.locator('#ctl00_Main_content_gvActivities th').allTextContents()).toEqual(
      expect.arrayContaining(['Activity Code', 'Activity/Service', 'Start Date', 'End Date', 'Provider']),
    );
    const rows = popup.locator('#ctl00_Main_content_gvActivities tr:has(a[id$=_lnkSelect])');
    expect(await rows.count()).toBe(10);
    const before = fullPosts().length;
    await Promise.all([popup.waitForEvent('load'), popup.click('#ctl00_Main_content_gvActivities a[href*="Page$2"]')]);
    const paging = fullPosts().slice(before);
    expect(paging).toHaveLength(1);
    expect(paging[0]!.fields.__EVENTTARGET).toBe('ctl00$Main_content$gvActivities');
    expect(paging[0]!.fields.__EVENTARGUMENT).toBe('Page$2');
    expect(await popup.evaluate(() => (window as unknown as { __fixturePageIndex: number }).__fixturePageIndex)).toBe(1);
    expect(await rows.first().locator('td').first().textContent()).toBe('301');
    // Row 4 of page 2 is 320 (Approved ETPL) 01/05/2015.
    await clickClosing(popup, '#ctl00_Main_content_gvActivities_ctl05_lnkSelect');
    expect(await page.locator(`${A}lblActivity`).textContent()).toBe('320 - Occupational Skills Training (Approved ETPL) 01/05/2015');
    expect(await page.inputValue(`${A}hfActivityID`)).toBe('40718233');
    expect(await eventsIn(page)).toEqual([]);
  });

  it('Agency Code Search: search and paging post back; SelectAgency writes "LA0211 - …" and the code, and closes', async () => {
    const page = await open('cascade', { case: 'blank' });
    await watchEvents(page);
    const popup = await popupFrom(page, `${A}lnkAgencyCodeSearch`);
    expect(await popup.title()).toContain('Agency Code Search');
    expect(await popup.locator('#ctl00_Main_content_gvAgency a[href*="SelectAgency"]').count()).toBe(20);
    expect(await popup.locator(`a[href="javascript:SelectAgency('LA0211','Example WorkSource Center')"]`).count()).toBe(1);
    await Promise.all([popup.waitForEvent('load'), popup.click('#ctl00_Main_content_gvAgency a[href*="Page$3"]')]);
    expect(await popup.locator('a[href*="LA0300"]').count()).toBe(1);
    await popup.fill('#ctl00_Main_content_txtSearch', 'la021');
    await Promise.all([popup.waitForEvent('load'), popup.press('#ctl00_Main_content_txtSearch', 'Enter')]);
    expect(fullPosts().at(-1)!.fields['ctl00$Main_content$btnSearch']).toBe('Search');
    expect(await popup.locator('#ctl00_Main_content_gvAgency td:first-child').allTextContents()).toEqual(
      ['LA0210', 'LA0211', 'LA0212', 'LA0213', 'LA0214', 'LA0215', 'LA0216', 'LA0217', 'LA0218', 'LA0219'],
    );
    await clickClosing(popup, 'a[href*="LA0211"]');
    expect(await page.locator(`${A}lblAgencyCode`).textContent()).toBe('LA0211 - Example WorkSource Center');
    expect(await page.inputValue(`${A}hfAgencyCode`)).toBe('LA0211');
    expect(await eventsIn(page)).toEqual([]);
  });

  it('Verify: the verification window writes the document back and closes', async () => {
    const page = await open('cascade', { case: 'blank' });
    const popup = await popupFrom(page, `${A}lnkScan`);
    expect(await popup.locator('#ctl00_Main_content_lblInstructions').textContent()).toContain('Scan');
    await popup.click('#ctl00_Main_content_btnSelect');
    expect(await popup.locator('#ctl00_Main_content_lblMessage').isVisible()).toBe(true);
    await popup.check('#ctl00_Main_content_rblDocument_1');
    await clickClosing(popup, '#ctl00_Main_content_btnSelect');
    expect(await page.locator(`${A}lblVerification`).textContent()).toBe('School Record');
    expect(await page.inputValue(`${A}hfVerification`)).toBe('school');
  });

  it('unrelated popups: the calendar (month postback, day written into the box) and the Document Manager', async () => {
    const page = await open('cascade', { case: 'clean' });
    const calendar = await popupFrom(page, `${A}hlCalendar`);
    expect(await calendar.evaluate(() => window.name)).toBe('VOSPopup');
    expect(await calendar.evaluate(() => (window as unknown as { __calendarMonth: string }).__calendarMonth)).toBe('2015-08');
    await Promise.all([calendar.waitForEvent('load'), calendar.click('a[title="Go to the next month"]')]);
    expect(await calendar.evaluate(() => (window as unknown as { __calendarMonth: string }).__calendarMonth)).toBe('2015-09');
    await clickClosing(calendar, 'a[title="September 3"]');
    expect(await page.inputValue(`${A}txtDateReceived`)).toBe('09/03/2015');
    const docs = await popupFrom(page, '#ctl00_hlDocuments');
    expect(await docs.title()).toBe('CalJOBS - Document Manager');
    expect(new URL(docs.url()).searchParams.get('pu')).toBe('1');
    await docs.close();
  });
});

const B = 'ctl00_Main_content_ucCredentialEdit_';
type ComboState = { text: string; value: string; count: number; clientState: { value: string; text: string } };
async function combo(page: Page | Frame, name: string): Promise<ComboState> {
  return page.evaluate((id) => {
    const find = (window as unknown as { $find(id: string): { get_text(): string; get_value(): string; get_items(): { get_count(): number } } }).$find;
    const c = find(id);
    const state = (document.getElementById(`${id}_ClientState`) as HTMLInputElement).value;
    return { text: c.get_text(), value: c.get_value(), count: c.get_items().get_count(), clientState: JSON.parse(state) };
  }, B + name);
}

describe.runIf(once)('B: Telerik RadComboBox, RadDatePicker, image-button Save, RadWindow lookups (vos-telerik.html)', () => {
  it('the combobox client API reads and picks; a pick fires no DOM event; a region reloads the offices', async () => {
    const page = await open('telerik', { case: 'blank' });
    const postsBefore = browser.posts.length;
    expect(await combo(page, 'rcbLWIARegion')).toMatchObject({ text: '-- Select One --', value: '', count: 6 });
    expect(await combo(page, 'rcbOffice')).toMatchObject({ text: '-- Select One --', count: 1 });
    // The item lists sit at the end of <body>, outside the control.
    expect(await page.locator('body > div.rcbSlide > div.RadComboBoxDropDown > div.rcbScroll > ul.rcbList > li.rcbItem').count()).toBe(6 + 1 + 10);
    expect(await page.locator(`#${B}rcbLWIARegion_Input`).getAttribute('readonly')).not.toBeNull();
    await watchEvents(page);
    await page.evaluate((id) => {
      const find = (window as unknown as { $find(id: string): { findItemByText(t: string): { select(): void } } }).$find;
      find(id).findItemByText('Los Angeles County').select();
    }, `${B}rcbLWIARegion`);
    expect(await combo(page, 'rcbLWIARegion')).toMatchObject({ text: 'Los Angeles County', value: '12', clientState: { value: '12', text: 'Los Angeles County' } });
    expect(await page.inputValue(`#${B}rcbLWIARegion_Input`)).toBe('Los Angeles County');
    expect(await combo(page, 'rcbOffice')).toMatchObject({ text: 'Loading...' });
    await page.waitForFunction(() => (window as unknown as { __officeLoads: number }).__officeLoads === 1);
    expect(await combo(page, 'rcbOffice')).toMatchObject({ text: '-- Select One --', value: '', count: 5 });
    // A person: open the list, click the item.
    await page.click(`#${B}rcbOffice_Arrow`);
    expect(await page.locator(`#${B}rcbOffice_DropDown`).isVisible()).toBe(true);
    await page.click(`#${B}rcbOffice_DropDown li >> text="Example WorkSource Center"`);
    expect(await page.locator(`#${B}rcbOffice_DropDown`).isVisible()).toBe(false);
    expect(await combo(page, 'rcbOffice')).toMatchObject({ text: 'Example WorkSource Center', value: '301' });
    // The keyboard: ArrowDown on the closed box selects the next item.
    await page.focus(`#${B}rcbCredentialReceived_Input`);
    await page.keyboard.press('ArrowDown');
    expect(await combo(page, 'rcbCredentialReceived')).toMatchObject({ text: 'High School Diploma', value: '1' });
    expect(await eventsIn(page)).toEqual([]);
    expect(browser.posts.length).toBe(postsBefore);
  });

  it('the RadDateInput reformats on blur and keeps the hidden value and ClientState; the calendar popup sets a date', async () => {
    const page = await open('telerik', { case: 'blank' });
    await page.fill(`#${B}rdpDateReceived_dateInput`, '13/45/2015');
    await page.click(`#${B}txtOtherCredential`);
    expect(await page.getAttribute(`#${B}rdpDateReceived_dateInput`, 'class')).toContain('riError');
    expect(JSON.parse(await page.inputValue(`#${B}rdpDateReceived_dateInput_ClientState`)).validationText).toBe('');
    expect(await page.inputValue(`#${B}rdpDateReceived`)).toBe('');
    await page.fill(`#${B}rdpDateReceived_dateInput`, '8/8/15');
    await page.click(`#${B}txtOtherCredential`);
    expect(await page.inputValue(`#${B}rdpDateReceived_dateInput`)).toBe('08/08/2015');
    expect(await page.getAttribute(`#${B}rdpDateReceived_dateInput`, 'class')).not.toContain('riError');
    expect(await page.inputValue(`#${B}rdpDateReceived`)).toBe('2015-08-08');
    expect(JSON.parse(await page.inputValue(`#${B}rdpDateReceived_dateInput_ClientState`)).validationText).toBe('2015-08-08-00-00-00');
    await watchEvents(page);
    await page.click(`#${B}rdpDateReceived_popupButton`);
    await page.click(`#${B}rdpDateReceived_calendar a[title="August 20, 2015"]`);
    expect(await page.inputValue(`#${B}rdpDateReceived_dateInput`)).toBe('08/20/2015');
    expect(await page.inputValue(`#${B}rdpDateReceived`)).toBe('2015-08-20');
    expect(await page.locator(`#${B}rdpDateReceived_calendar`).isVisible()).toBe(false);
    expect(await eventsIn(page)).toEqual([]);
  });

  it('Save is an image button: a click posts once with btnSave.x/.y; Enter in a text box submits through it', async () => {
    let page = await open('telerik', { case: 'clean' });
    let post = await postsOnce(page, () => page.click('#ctl00_Main_content_btnSave'));
    expect(post.fields['ctl00$Main_content$btnSave.x']).toBeDefined();
    expect(post.fields['ctl00$Main_content$btnSave.y']).toBeDefined();
    expect(post.fields.__EVENTTARGET).toBe('');
    expect(post.fields['ctl00$Main_content$ucCredentialEdit$rcbOffice']).toBe('Example WorkSource Center');
    expect(JSON.parse(post.fields['ctl00_Main_content_ucCredentialEdit_rcbOffice_ClientState']!).value).toBe('301');
    page = await open('telerik', { case: 'clean' });
    post = await postsOnce(page, () => page.press(`#${B}txtOtherCredential`, 'Enter'));
    expect(post.fields['ctl00$Main_content$btnSave.x']).toBeDefined();
    expect(post.fields['ctl00$Main_content$btnCancel.x']).toBeUndefined();
  });

  it('lookups open in a RadWindow iframe and write back through GetRadWindow().BrowserWindow', async () => {
    const page = await open('telerik', { case: 'blank' });
    await watchEvents(page);
    await page.click(`#${B}hlAgencyCodeSearch`);
    const wrapper = page.locator('#RadWindowWrapper_ctl00_Main_content_rwLookup');
    expect(await wrapper.isVisible()).toBe(true);
    const frame = page.frameLocator('iframe[name=rwLookup]');
    await frame.locator('a[href*="LA0211"]').waitFor();
    expect(await page.locator('iframe[name=rwLookup]').evaluate((f) => 'radWindow' in f)).toBe(true);
    expect(new URL((await page.locator('iframe[name=rwLookup]').getAttribute('src'))!, 'https://x').searchParams.get('pu')).toBeNull();
    await frame.locator('#ctl00_Main_content_gvAgency a[href*="Page$2"]').click();
    await frame.locator('a[href*="LA0221"]').waitFor();
    await frame.locator('a[href*="LA0221"]').click();
    await expect.poll(() => page.locator(`#${B}lblAgencyCode`).textContent()).toBe('LA0221 - Downey Sample WorkSource Center');
    expect(await page.inputValue(`#${B}hfAgencyCode`)).toBe('LA0221');
    expect(await wrapper.isVisible()).toBe(false);
    expect(await eventsIn(page)).toEqual([]);
  });
});

const C = '#ctl00_Main_content_ucCredential_';
async function fillC(page: Page): Promise<void> {
  await page.click(`${C}txtLWDARegion`);
  await page.keyboard.type('los');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.click(`${C}txtOfficeLocation`);
  await page.keyboard.type('example w');
  await page.locator('#ac_results li').first().waitFor();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.check(`${C}rblCredential_5`);
}

describe.runIf(once)('C: ARIA combobox, autocomplete, radio list, LinkButton and scripted Saves (vos-aria-linkbutton.html)', () => {
  it('the ARIA combobox works by keyboard and writes its pick without an event', async () => {
    const page = await open('aria', { case: 'blank' });
    const input = page.locator(`${C}txtLWDARegion`);
    expect(await input.getAttribute('role')).toBe('combobox');
    await input.click();
    await page.keyboard.type('city');
    expect(await input.getAttribute('aria-expanded')).toBe('true');
    expect(await page.locator(`${C}lbLWDARegion [role=option]`).allTextContents()).toEqual(['City of Los Angeles']);
    await page.keyboard.press('ArrowDown');
    expect(await input.getAttribute('aria-activedescendant')).toBe('ctl00_Main_content_ucCredential_lbLWDARegion_opt13');
    await watchEvents(page);
    await page.keyboard.press('Enter');
    expect(await input.inputValue()).toBe('City of Los Angeles');
    expect(await page.inputValue(`${C}hfLWDARegionID`)).toBe('13');
    expect(await input.getAttribute('aria-expanded')).toBe('false');
    expect(await eventsIn(page)).toEqual([]);
  });

  it('the office autocomplete lists suggestions in div#ac_results and keeps the id; text that is no office is cleared', async () => {
    const page = await open('aria', { case: 'blank' });
    await page.click(`${C}txtOfficeLocation`);
    await page.keyboard.type('harb');
    await page.locator('#ac_results li').first().waitFor();
    expect(await page.locator('body > div#ac_results.ac_results > ul > li').allTextContents()).toEqual(['Harbor Sample WorkSource Center']);
    await page.click('#ac_results li');
    expect(await page.inputValue(`${C}txtOfficeLocation`)).toBe('Harbor Sample WorkSource Center');
    expect(await page.inputValue(`${C}hfOfficeLocationID`)).toBe('402');
    await page.fill(`${C}txtOfficeLocation`, 'nowhere');
    await page.click('h1');
    await expect.poll(() => page.inputValue(`${C}txtOfficeLocation`)).toBe('');
    expect(await page.inputValue(`${C}hfOfficeLocationID`)).toBe('');
  });

  it.each([
    ['link', '#ctl00_Main_content_lnkSave', 'ctl00$Main_content$lnkSave', 0],
    ['close', '#ctl00_Main_content_lnkSaveClose', 'ctl00$Main_content$lnkSaveClose', 0],
    ['submit', '#ctl00_Main_content_btnSave', 'ctl00$Main_content$btnSave', 0],
    ['request', '#ctl00_Main_content_btnSave', 'ctl00$Main_content$btnSave', 1],
  ])('?save=%s: a click on %s posts once with __EVENTTARGET %s', async (save, selector, target, submitEvents) => {
    const page = await open('aria', { case: 'blank', save });
    await fillC(page);
    // Submit events counted across the navigation (the saved page has the same origin).
    await page.evaluate(() => {
      sessionStorage.setItem('submits', '0');
      document.forms[0]!.addEventListener('submit', () => sessionStorage.setItem('submits', String(Number(sessionStorage.getItem('submits')) + 1)));
    });
    const post = await postsOnce(page, () => page.click(selector));
    expect(post.fields.__EVENTTARGET).toBe(target);
    expect(post.fields['ctl00$Main_content$ucCredential$hfLWDARegionID']).toBe('12');
    expect(post.fields['ctl00$Main_content$ucCredential$hfOfficeLocationID']).toBe('301');
    expect(post.fields['ctl00$Main_content$ucCredential$rblCredential']).toBe('6');
    expect(await page.evaluate(() => Number(sessionStorage.getItem('submits')))).toBe(submitEvents);
  });

  it('Cancel is a LinkButton of its own; captions, one-node dates and the agency validator message', async () => {
    let page = await open('aria', { case: 'blank' });
    expect(await page.locator(`${C}cvAgencyCode`).isVisible()).toBe(true);
    expect(await page.locator(`${C}tdAgencyCode`).textContent()).toContain('Agency Code is required.');
    const post = await postsOnce(page, () => page.click('#ctl00_Main_content_lnkCancel'));
    expect(post.fields.__EVENTTARGET).toBe('ctl00$Main_content$lnkCancel');
    page = await open('aria', { case: 'clean' });
    expect(await page.locator(`${C}tdExitDate`).textContent()).toBe('Exit Date: 8/18/2014 12:00:00 AM');
    expect(await page.locator(`${C}cvAgencyCode`).isVisible()).toBe(false);
    expect(await page.locator(`label[for="${C.slice(1)}txtLWDARegion"]`).textContent()).toBe('LWDA/Region:');
    page = await open('aria', { case: 'not-exited', caption: 'local-area' });
    expect(await page.locator(`${C}tdExitDate`).textContent()).toBe('Exit Date: Not Exited');
    expect(await page.locator(`label[for="${C.slice(1)}txtLWDARegion"]`).textContent()).toBe('Local Area:');
  });
});

describe.runIf(once)('D: frames', () => {
  it('the form in a Case Workspace iframe; its lookup popup writes back into the frame', async () => {
    const page = await open('frame-host', { case: 'blank' });
    const frame = page.frame({ name: 'ifrWorkspace' })!;
    await frame.waitForLoadState();
    expect(new URL(frame.url()).pathname).toBe('/vosnet/Staff/Case/Credentials/CredentialFrame.aspx');
    expect(await page.locator(`${A}ddlLWIARegion`).count()).toBe(0);
    const popup = await popupFrom(frame, `${A}lnkAgencyCodeSearch`);
    expect(await popup.evaluate(() => window.opener !== null && window.opener !== window.opener.top)).toBe(true);
    await clickClosing(popup, 'a[href*="LA0211"]');
    expect(await frame.locator(`${A}lblAgencyCode`).textContent()).toBe('LA0211 - Example WorkSource Center');
    await frame.selectOption(`${A}ddlLWIARegion`, '12');
    await frame.waitForFunction(() => (window as unknown as { __asyncPostbackCount: number }).__asyncPostbackCount === 1);
    expect(await frame.locator(`${A}ddlOfficeLocation option`).count()).toBe(5);
    const post = await Promise.all([frame.waitForNavigation(), frame.click('#ctl00_Main_content_ucWizardButtons_btnCancel')]).then(() => fullPosts().at(-1)!);
    expect(post.fields['ctl00$Main_content$ucWizardButtons$btnCancel']).toBe('Cancel');
  });

  it('?form=telerik and ?form=aria put those forms in the frame; the menu loads other pages into it', async () => {
    for (const [form, path] of [['telerik', '/vosnet/Staff/Case/Credentials/CredentialEdit.aspx'], ['aria', '/vosnet/Staff/Case/WIOA/CredentialEntry.aspx']]) {
      const page = await open('frame-host', { case: 'clean', form: form! });
      const frame = page.frame({ name: 'ifrWorkspace' })!;
      await frame.waitForLoadState();
      expect(new URL(frame.url()).pathname).toBe(path);
      expect(await frame.evaluate(() => (window as unknown as { __fixtureCase: string }).__fixtureCase)).toBe('clean');
    }
    const page = browser.context.pages()[0]!;
    await Promise.all([page.frame({ name: 'ifrWorkspace' })!.waitForNavigation(), page.click('#ctl00_Main_content_hlCaseSummary')]);
    expect(new URL(page.frame({ name: 'ifrWorkspace' })!.url()).pathname).toBe('/vosnet/Staff/Case/CaseSummary.aspx');
  });

  it('the frameset workspace (no <body>, not a form) holds a menu and an unrelated content page', async () => {
    const page = await open('frame-menu-host');
    await expect.poll(() => page.frames().length).toBe(3);
    expect(await page.evaluate(() => document.body?.tagName)).toBe('FRAMESET');
    const content = page.frame({ name: 'content' })!;
    await content.waitForLoadState();
    expect(new URL(content.url()).pathname).toBe('/vosnet/Staff/JobSeekers/JobSeekerSearch.aspx');
    await Promise.all([content.waitForNavigation(), page.frame({ name: 'menu' })!.click('#lnkCaseSummary')]);
    expect(new URL(page.frame({ name: 'content' })!.url()).pathname).toBe('/vosnet/Staff/Case/CaseSummary.aspx');
  });
});

describe.runIf(once)('F: large pages', () => {
  it('the busy page has 1,000 rows and its countdown rewrites the text about 4 times a second', async () => {
    const page = await open('unrelated-busy');
    expect(await page.locator('#ctl00_Main_content_gvJobSeekers tbody tr').count()).toBe(1000);
    const mutations = await page.evaluate(() => new Promise<number>((resolve) => {
      let n = 0;
      new MutationObserver((list) => (n += list.length)).observe(document.getElementById('ctl00_lblSessionTimer')!, { childList: true, characterData: true, subtree: true });
      setTimeout(() => resolve(n), 2000);
    }));
    expect(mutations).toBeGreaterThanOrEqual(5);
    expect(mutations).toBeLessThanOrEqual(9);
    expect(await page.locator('#ctl00_lblSessionTimer').textContent()).toMatch(/^(20:00|19:5\d)$/);
  });

  it('the case page has 300 credential rows', async () => {
    const page = await open('case-300');
    expect(await page.locator('#ctl00_Main_content_ucPrograms_ucWIOA_rgCredentials_body tr').count()).toBe(300);
    await page.click('#ctl00_Main_content_ucPrograms_rgPrograms_ctl00_ctl04_lnkExpand');
    await page.click('#ctl00_Main_content_ucPrograms_ucWIOA_lnkExpandCredentials');
    expect(await page.locator('#ctl00_Main_content_ucPrograms_ucWIOA_rgCredentials_body tr').last().isVisible()).toBe(true);
  });
});

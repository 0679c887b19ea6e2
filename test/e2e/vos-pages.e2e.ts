// Real VOS pages (issue 11): every kind of choice control read and filled, every Save path guarded and
// replayed once, other postbacks untouched, lookups in popup windows and RadWindow frames, the form
// inside a frame. The fixture pages' own scripts do the writes, refills and posts (their behaviour
// without the extension is proven by fixture-pages.e2e.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byRole, expectChecks, finish, inlineChecks, launch, pageUrl, saveOfficeProfile, sleep, within, type Browser, type Tab } from './helpers';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await finish(browser);
});

const A = '#ctl00_Main_content_ucCredentialInfo_';
const B = '#ctl00_Main_content_ucCredentialEdit_';
const C = '#ctl00_Main_content_ucCredential_';
const BLANK = ['activity-missing', 'agency-code-missing', 'credential-missing', 'date-missing', 'office-missing', 'region-missing', 'verification-missing'];

/** One fixture tab (popups and extension pages closed), its summary drawn. */
async function open(name: 'cascade' | 'telerik' | 'aria', query: Record<string, string> = {}): Promise<Tab> {
  const page = await browser.newTab();
  for (const old of browser.tabs()) if (old !== page) await old.close();
  await page.goto(pageUrl(name, { case: 'blank', ...query }));
  await page.waitFor('[data-check-summary]', { timeout: 10_000 });
  return page;
}

const postsSince = (count: number) => browser.posts.slice(count).filter((p) => p.fields.__ASYNCPOST !== 'true');

/** Clicks Save on a form with errors: the guard asks; Save anyway posts once. Returns that post. */
async function guardedSave(page: Tab, save: () => Promise<void>): Promise<(typeof browser.posts)[number]> {
  const before = browser.posts.length;
  await save();
  await page.waitFor(byRole('alertdialog'));
  await sleep(300);
  expect(postsSince(before), 'nothing posted while the guard asks').toEqual([]);
  await page.click(within(byRole('alertdialog'), byRole('button', 'Save anyway')));
  await expect.poll(() => postsSince(before).length, { timeout: 5000 }).toBe(1);
  await sleep(400);
  const posts = postsSince(before);
  expect(posts, 'exactly one POST').toHaveLength(1);
  return posts[0]!;
}

/** On a clean form Save posts at once, without a dialog. */
async function cleanSave(page: Tab, save: () => Promise<void>): Promise<(typeof browser.posts)[number]> {
  const before = browser.posts.length;
  await save();
  await expect.poll(() => postsSince(before).length, { timeout: 5000 }).toBe(1);
  expect(await page.count(byRole('alertdialog')).catch(() => 0)).toBe(0);
  return postsSince(before)[0]!;
}

describe('native selects refilled by script, Save with WebForm_DoPostBackWithOptions (page A)', () => {
  it('reads the form, and follows the office list an UpdatePanel refills after a region choice', async () => {
    const page = await open('cascade');
    await expectChecks(page, BLANK);
    await page.select(`${A}ddlLWIARegion`, { label: 'Los Angeles County' });
    await page.waitFor(`${A}ddlOfficeLocation option[value="301"]`, { timeout: 5000 });
    await expectChecks(page, BLANK.filter((id) => id !== 'region-missing'));
    await page.select(`${A}ddlOfficeLocation`, { label: 'Example WorkSource Center' });
    await expectChecks(page, BLANK.filter((id) => id !== 'region-missing' && id !== 'office-missing'));
    // The partial postback re-rendered the office block: its note moved with it, and no Save was held.
    expect(browser.posts.filter((p) => p.fields.__ASYNCPOST === 'true').length).toBeGreaterThan(0);
  });

  it('guards Save: holds it, then replays it once with its own validators and name', async () => {
    const page = await open('cascade', { case: 'missing-agency' });
    await expectChecks(page, ['agency-code-missing']);
    const post = await guardedSave(page, () => page.click(`#ctl00_Main_content_ucWizardButtons_btnSave`));
    expect(post.fields['ctl00$Main_content$ucWizardButtons$btnSave']).toBe('Save Credential');
  });

  it('Enter in the date box (WebForm_FireDefaultButton) is guarded too, and Go back returns to the box', async () => {
    const page = await open('cascade', { case: 'missing-agency' });
    await expectChecks(page, ['agency-code-missing']);
    const before = browser.posts.length;
    await page.focus(`${A}txtDateReceived`);
    await page.press('Enter');
    await page.waitFor(byRole('alertdialog'));
    await page.click(within(byRole('alertdialog'), byRole('button', 'Go back')));
    expect(await page.isFocused(`${A}txtDateReceived`)).toBe(true);
    await sleep(300);
    expect(postsSince(before)).toEqual([]);
  });

  it('a clean form saves at once; Cancel and Back are never held', async () => {
    const page = await open('cascade', { case: 'clean' });
    await expectChecks(page, []);
    const post = await cleanSave(page, () => page.click('#ctl00_Main_content_ucWizardButtons_btnSave'));
    expect(post.fields['ctl00$Main_content$ucWizardButtons$btnSave']).toBe('Save Credential');
    const withErrors = await open('cascade', { case: 'missing-agency' });
    await expectChecks(withErrors, ['agency-code-missing']);
    const cancel = await cleanSave(withErrors, () => withErrors.click('#ctl00_Main_content_ucWizardButtons_btnCancel'));
    expect(cancel.fields['ctl00$Main_content$ucWizardButtons$btnCancel']).toBeDefined();
  });

  it('office defaults go into the native selects and wait for the refilled office list', async () => {
    await saveOfficeDefaults({ region: 'Los Angeles County', office: 'Example WorkSource Center' });
    const page = await open('cascade');
    await page.click(within('[data-check-summary]', byRole('button', 'Apply office defaults')));
    await expect.poll(() => page.value(`${A}ddlOfficeLocation`), { timeout: 8000 }).toBe('301');
    expect(await page.value(`${A}ddlLWIARegion`)).toBe('12');
    await expectChecks(page, BLANK.filter((id) => id !== 'region-missing' && id !== 'office-missing'));
  });
});

describe('Telerik RadComboBoxes and an image-button Save (page B)', () => {
  it('reads RadComboBox choices written by script (no DOM events), with notes after the widget', async () => {
    const page = await open('telerik');
    await expectChecks(page, BLANK);
    const insideWidget = await page.evaluate(() => document.querySelectorAll('.RadComboBox caljobs-assistant-note, .RadInput caljobs-assistant-note').length);
    expect(insideWidget).toBe(0);
    await page.evaluate(() => {
      const find = (window as unknown as { $find(id: string): { findItemByText(t: string): { select(): void } } }).$find;
      find('ctl00_Main_content_ucCredentialEdit_rcbCredentialReceived').findItemByText('Occupational Certification').select();
    });
    await expectChecks(page, BLANK.filter((id) => id !== 'credential-missing'));
  });

  it('office defaults open the RadComboBoxes and click the items, then wait for the offices the region loads', async () => {
    await saveOfficeDefaults({ region: 'Los Angeles County', office: 'Example WorkSource Center' });
    const page = await open('telerik');
    await page.click(within('[data-check-summary]', byRole('button', 'Apply office defaults')));
    const state = (id: string) => page.evaluate((control) => (window as unknown as { $find(id: string): { get_value(): string } }).$find(control).get_value(), id);
    await expect.poll(() => state('ctl00_Main_content_ucCredentialEdit_rcbLWIARegion'), { timeout: 8000 }).toBe('12');
    await expect.poll(() => state('ctl00_Main_content_ucCredentialEdit_rcbOffice'), { timeout: 8000 }).toBe('301');
    await expectChecks(page, BLANK.filter((id) => id !== 'region-missing' && id !== 'office-missing'));
  });

  it('guards the image button and Enter in a text box, and replays the image button once', async () => {
    const page = await open('telerik', { case: 'missing-agency' });
    await expectChecks(page, ['agency-code-missing']);
    const before = browser.posts.length;
    await page.focus(`${B}txtOtherCredential`);
    await page.press('Enter');
    await page.waitFor(byRole('alertdialog'));
    await page.click(within(byRole('alertdialog'), byRole('button', 'Go back')));
    expect(await page.isFocused(`${B}txtOtherCredential`)).toBe(true);
    expect(postsSince(before)).toEqual([]);
    const post = await guardedSave(page, () => page.click('#ctl00_Main_content_btnSave'));
    expect(Object.keys(post.fields)).toContain('ctl00$Main_content$btnSave.x');
  });

  it('a pick in the RadWindow lookup frame reaches the form within half a second and clears its warning', async () => {
    const page = await open('telerik', { case: 'missing-agency' });
    await expectChecks(page, ['agency-code-missing']);
    await page.click(`${B}hlAgencyCodeSearch`);
    await page.waitForFunction(() => {
      const frame = document.querySelector<HTMLIFrameElement>('iframe[name=rwLookup]');
      return !!frame?.contentDocument?.querySelector('a[href*="SelectAgency(\'LA0211\'"]');
    });
    await page.evaluate(() => {
      const frame = document.querySelector<HTMLIFrameElement>('iframe[name=rwLookup]');
      frame?.contentDocument?.querySelector<HTMLAnchorElement>('a[href*="SelectAgency(\'LA0211\'"]')?.click();
    });
    await expectChecks(page, [], 1500);
  });
});

describe('ARIA combobox, autocomplete, radio list and LinkButton Saves (page C)', () => {
  it('reads every kind, "LWDA/Region" and "Local Area" captions, and a validator message is no agency code', async () => {
    for (const caption of ['lwda', 'local-area']) {
      const page = await open('aria', caption === 'lwda' ? {} : { caption });
      await expectChecks(page, BLANK);
      await page.click(`${C}rblCredential_3`);
      await expectChecks(page, BLANK.filter((id) => id !== 'credential-missing'));
    }
    const clean = await open('aria', { case: 'clean' });
    await expectChecks(clean, []);
  });

  it('office defaults pick in the ARIA combobox and type-and-pick in the autocomplete', async () => {
    await saveOfficeDefaults({ region: 'Los Angeles County', office: 'Example WorkSource Center' });
    const page = await open('aria');
    await page.click(within('[data-check-summary]', byRole('button', 'Apply office defaults')));
    await expect.poll(() => page.value(`${C}hfLWDARegionID`), { timeout: 8000 }).toBe('12');
    await expect.poll(() => page.value(`${C}hfOfficeLocationID`), { timeout: 8000 }).toBe('301');
    expect(await page.value(`${C}txtOfficeLocation`)).toBe('Example WorkSource Center');
    await expectChecks(page, BLANK.filter((id) => id !== 'region-missing' && id !== 'office-missing'));
  });

  const SAVES: Array<[string, string, string]> = [
    ['link', '#ctl00_Main_content_lnkSave', 'ctl00$Main_content$lnkSave'],
    ['close', '#ctl00_Main_content_lnkSaveClose', 'ctl00$Main_content$lnkSaveClose'],
    ['submit', '#ctl00_Main_content_btnSave', 'ctl00$Main_content$btnSave'],
    ['request', '#ctl00_Main_content_btnSave', 'ctl00$Main_content$btnSave'],
  ];
  it.each(SAVES)('Save by %s is held and replayed once with the same __EVENTTARGET; clean, it posts at once', async (save, control, target) => {
    const page = await open('aria', { case: 'missing-agency', save });
    await expectChecks(page, ['agency-code-missing']);
    const post = await guardedSave(page, () => page.click(control));
    expect(post.fields.__EVENTTARGET).toBe(target);
    const clean = await open('aria', { case: 'clean', save });
    await expectChecks(clean, []);
    const direct = await cleanSave(clean, () => clean.click(control));
    expect(direct.fields.__EVENTTARGET).toBe(target);
  });

  it("a script's own __doPostBack for Save (no click on Save) is held; Cancel's postback is not", async () => {
    const page = await open('aria', { case: 'missing-agency' });
    await expectChecks(page, ['agency-code-missing']);
    const before = browser.posts.length;
    await page.evaluate(() => (window as unknown as { __doPostBack(t: string, a: string): void }).__doPostBack('ctl00$Main_content$lnkSave', ''));
    await page.waitFor(byRole('alertdialog'));
    await page.click(within(byRole('alertdialog'), byRole('button', 'Go back')));
    await sleep(300);
    expect(postsSince(before)).toEqual([]);
    await page.click('#ctl00_Main_content_lnkCancel');
    await expect.poll(() => postsSince(before).map((p) => p.fields.__EVENTTARGET), { timeout: 5000 }).toEqual(['ctl00$Main_content$lnkCancel']);
  });

  it('says so, in the summary, when no Save can be found', async () => {
    const page = await open('aria', { case: 'missing-agency' });
    await page.evaluate(() => {
      for (const id of ['lnkSave', 'lnkSaveClose', 'btnSave']) document.getElementById(`ctl00_Main_content_${id}`)?.remove();
    });
    await page.waitFor('[data-save-unwatched]', { timeout: 5000 });
    expect(await page.text('[data-save-unwatched]')).toMatch(/Save is not watched on this page/);
    expect(await inlineChecks(page)).toEqual(['agency-code-missing']);
  });
});

describe('lookups in popup windows, and the form in a frame', () => {
  it('a pick in a VOSPopup window (pu=1) is written back into the opener and noticed within half a second', async () => {
    const page = await open('cascade', { case: 'missing-agency' });
    await expectChecks(page, ['agency-code-missing']);
    await page.click(`${A}lnkAgencyCodeSearch`);
    let popup: Tab | undefined;
    await expect.poll(async () => {
      for (const tab of browser.tabs()) if ((await tab.url().catch(() => '')).includes('pu=1')) popup = tab;
      return !!popup;
    }, { timeout: 8000 }).toBe(true);
    await popup!.waitFor('a[href*="LA0211"]', { timeout: 8000 });
    await popup!.evaluate(() => document.querySelector<HTMLAnchorElement>('a[href*="SelectAgency(\'LA0211\'"]')?.click());
    await expectChecks(page, [], 1500);
  });

  it('checks the form inside a frame, and puts nothing on the page around it', async () => {
    const page = await browser.newTab();
    for (const old of browser.tabs()) if (old !== page) await old.close();
    await page.goto(pageUrl('frame-host', { case: 'blank' }));
    const notesInFrame = () =>
      page.evaluate(() => {
        const doc = document.querySelector<HTMLIFrameElement>('iframe[name=ifrWorkspace]')?.contentDocument;
        return Array.from(doc?.querySelectorAll('caljobs-assistant-note') ?? [])
          .flatMap((host) => Array.from(host.shadowRoot?.querySelectorAll('[data-check]') ?? []).map((n) => n.getAttribute('data-check') ?? ''))
          .sort();
      });
    await expect.poll(notesInFrame, { timeout: 10_000 }).toEqual(BLANK);
    expect(await page.count('caljobs-assistant-note, caljobs-assistant-summary')).toBe(0);
  });
});

describe('the structure report names the kind of each field and of Save', () => {
  it.each([
    ['telerik', ['region (radcombobox)', 'office (radcombobox)', 'credential (radcombobox)', 'date (text)'], 'image'],
    ['aria', ['region (aria-combobox)', 'office (autocomplete)', 'credential (radio-list)'], 'link-postback'],
    ['cascade', ['region (select)', 'office (select)', 'agencyCode (lookup)'], 'postback-with-options'],
  ] as const)('%s', async (name, kinds, path) => {
    const { panel } = await browser.openWithPanel(name, 'blank');
    await panel.evaluate(() => {
      const clipboard = navigator.clipboard;
      clipboard.writeText = (text: string) => {
        (window as unknown as { __copied: string }).__copied = text;
        return Promise.resolve();
      };
    });
    await panel.click(byRole('button', 'Copy page structure'));
    await expect.poll(() => panel.evaluate(() => (window as unknown as { __copied?: string }).__copied ?? ''), { timeout: 8000 }).toContain('page structure report');
    const report = await panel.evaluate(() => (window as unknown as { __copied: string }).__copied);
    for (const kind of kinds) expect(report).toContain(kind);
    expect(report).toContain(`posted by ${path}`);
  });
});

// ---- office defaults ----------------------------------------------------------------------------

/** The office profile in use gets this region and office (the options page is tested elsewhere). */
const saveOfficeDefaults = (values: { region: string; office: string }) => saveOfficeProfile(browser, values);

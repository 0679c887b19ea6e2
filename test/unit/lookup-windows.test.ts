// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window as HappyWindow } from 'happy-dom';
import { beforeAll, describe, expect, it } from 'vitest';
import { whatThePageNeeds } from '@/lib/page/gate';
import { lookupOpener, readLookupWindow, type LookupOpener, type LookupRow } from '@/lib/page/lookup-windows';
import { TRAINING_ACTIVITY_CODES } from '@/lib/rules/credential-types';
import { activityMarks, isOfficeCode } from '@/lib/rules/lookup-marks';

/**
 * The lookup windows' reader (lib/page/lookup-windows.ts): recognized by title, grid captions and an
 * opener holding a Create Credential form; rows read whatever the column order; null for any other
 * window. And the marks' rules (lib/rules/lookup-marks.ts).
 */
const FIXTURES = join(__dirname, '..', 'fixtures');
const served = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

function docFrom(html: string): Document {
  const doc = document.implementation.createHTMLDocument('fixture');
  doc.documentElement.innerHTML = html.replace(/^<!doctype html>/i, '');
  return doc;
}

/**
 * The page after its own script drew the grid (happy-dom with the fixture's trusted script on). The
 * script adds the rows with `tbody.insertAdjacentHTML('beforeend', '<tr>…')`, which happy-dom parses
 * without the table context (the rows' tags are dropped): that one call is parsed inside a <table>.
 */
async function rendered(name: string): Promise<string> {
  const win = new HappyWindow({
    url: `https://www.caljobs.ca.gov/vosnet/Staff/Case/Lookups/${name}.aspx?enc=abc&pu=1`,
    settings: { enableJavaScriptEvaluation: true, suppressInsecureJavaScriptEnvironmentWarning: true, disableIframePageLoading: true },
  });
  const proto = win.HTMLElement.prototype as unknown as { insertAdjacentHTML(this: HTMLElement, where: string, html: string): void };
  const native = proto.insertAdjacentHTML;
  proto.insertAdjacentHTML = function (where, html) {
    if (this.localName !== 'tbody' || where !== 'beforeend') return native.call(this, where, html);
    const table = this.ownerDocument.createElement('table');
    table.innerHTML = `<tbody>${html}</tbody>`;
    this.append(...Array.from(table.rows));
  };
  try {
    win.document.write(served(name));
    await win.happyDOM.waitUntilComplete();
    return `<!DOCTYPE html>${win.document.documentElement.outerHTML}`;
  } finally {
    await win.happyDOM.close();
  }
}

const FORM: LookupOpener = { how: 'opener', doc: docFrom(served('create-credential-classic.html')) };
const NOT_A_FORM: LookupOpener = { how: 'opener', doc: docFrom(served('unrelated-page.html')) };
let activities = '';
let agency = '';
beforeAll(async () => {
  activities = await rendered('vos-lookup-activities.html');
  agency = await rendered('vos-lookup-agency.html');
}, 30_000);

/** A lookup window of our own markup: a title, a heading and one grid. */
function lookupPage(title: string, head: string[], rows: string[][], extra = ''): Document {
  const cells = (tag: string, row: string[]) => row.map((c) => `<${tag}>${c}</${tag}>`).join('');
  return docFrom(
    `<html><head><title>${title}</title></head><body><h2>${title}</h2>${extra}<table id="grid">` +
      `<tr>${cells('th', head)}</tr>${rows.map((r) => `<tr>${cells('td', r)}</tr>`).join('')}</table></body></html>`,
  );
}

describe('Search Activities/Services, the fixture window', () => {
  it('is recognized with its opener form, and its rows read: code, name, start date, Select', () => {
    const found = readLookupWindow(docFrom(activities), FORM);
    expect(found?.kind).toBe('activities');
    if (found?.kind !== 'activities') return;
    expect(found.grid.id).toBe('ctl00_Main_content_gvActivities');
    expect(found.rows.map((r) => r.code)).toEqual(['101', '102', '103', '106', '201', '205', '210', '214', '220', '300']);
    expect(found.rows[9]).toMatchObject({ code: '300', name: 'Occupational Skills Training', start: '10/06/2014' });
    expect(found.rows[9]!.select?.id).toBe('ctl00_Main_content_gvActivities_ctl11_lnkSelect');
    expect(found.rows[9]!.markCell.textContent).toBe('Occupational Skills Training');
  });

  it('is no lookup without a Create Credential form behind it, or with none at all', () => {
    expect(readLookupWindow(docFrom(activities), NOT_A_FORM)).toBeNull();
    expect(readLookupWindow(docFrom(activities), null)).toBeNull();
  });
});

describe('Agency Code Search, the fixture window', () => {
  it('reads the 20 codes of the page, each with its own Select link', () => {
    const found = readLookupWindow(docFrom(agency), { how: 'frame', doc: FORM.doc });
    expect(found?.kind).toBe('agency');
    expect(found?.rows).toHaveLength(20);
    const office = found?.rows.find((r) => r.code === 'LA0211');
    expect(office).toMatchObject({ name: 'Example WorkSource Center' });
    expect(office?.select?.getAttribute('href')).toBe("javascript:SelectAgency('LA0211','Example WorkSource Center')");
    expect((found?.rows as LookupRow[]).indexOf(office!)).toBe(10);
  });
});

describe('markup variations', () => {
  const A_ROW = ['<a href="#">Select</a>', '320', 'Occupational Skills Training (Approved ETPL)', '8/18/2014 12:00:00 AM', 'Open'];
  it('column order, extra columns, &nbsp; and colons in captions, .NET dates', () => {
    const doc = lookupPage('Search Activities/Services', ['&nbsp;', 'Activity&nbsp;Code:', 'Activity / Service:', 'Start&nbsp;Date', 'Status'], [A_ROW]);
    const found = readLookupWindow(doc, FORM);
    expect(found?.kind === 'activities' && found.rows).toEqual([
      expect.objectContaining({ code: '320', name: 'Occupational Skills Training (Approved ETPL)', start: '8/18/2014' }),
    ]);
    expect(found?.rows[0]!.select?.textContent).toBe('Select');
  });

  it('the actual start date wins over a projected one; ISO dates; a program column before the activity', () => {
    const doc = lookupPage(
      'CalJOBS',
      ['Program', 'Code', 'Activity', 'Projected Start Date', 'Actual Start Date', 'End Date'],
      [['WIOA Adult', '300', 'Occupational Skills Training', '2015-01-02', '2015-02-03T00:00:00', '']],
      '<h1>Activity Search</h1>',
    );
    const found = readLookupWindow(doc, FORM);
    expect(found?.kind === 'activities' && found.rows[0]).toMatchObject({ code: '300', name: 'Occupational Skills Training', start: '2/3/2015' });
  });

  it('a RadGrid: captions in <thead> with sort links, rows in <tbody>', () => {
    const doc = docFrom(`<html><head><title>Agency Code Lookup</title></head><body><table class="rgMasterTable">
      <thead><tr><th class="rgHeader"><a href="#">Agency Name</a></th><th class="rgHeader"><a href="#">Agency Code</a></th><th class="rgHeader"></th></tr></thead>
      <tbody><tr class="rgRow"><td>Example WorkSource Center</td><td>LA0211</td><td><input type="button" value="Choose"></td></tr>
      <tr class="rgAltRow"><td>Sample Career Center</td><td>LA0203</td><td><input type="button" value="Choose"></td></tr></tbody>
      <tfoot><tr class="rgPager"><td colspan="3"><a href="#">2</a></td></tr></tfoot></table></body></html>`);
    const found = readLookupWindow(doc, FORM);
    expect(found?.kind).toBe('agency');
    expect(found?.rows.map((r) => [r.code, r.name, (r.select as HTMLInputElement | null)?.value])).toEqual([
      ['LA0211', 'Example WorkSource Center', 'Choose'],
      ['LA0203', 'Sample Career Center', 'Choose'],
    ]);
  });

  it('the code shown with the name in one column ("300 - Occupational Skills Training")', () => {
    const doc = lookupPage('Search Activities/Services', ['Activity/Service', 'Begin Date', ''], [
      ['300 - Occupational Skills Training', '10/06/2014', '<a href="#">Select</a>'],
      ['101 - Orientation', '08/18/2014', '<a href="#">Select</a>'],
    ]);
    const found = readLookupWindow(doc, FORM);
    expect(found?.rows.map((r) => [r.code, r.name])).toEqual([['300', 'Occupational Skills Training'], ['101', 'Orientation']]);
  });

  it('skips the pager, "no records" rows and our own hosts when reading', () => {
    const doc = lookupPage('Agency Code Search', ['Code', 'Agency Name', ''], [
      ['LA0211', 'Example WorkSource Center<caljobs-assistant-lookup-mark>Your office\'s code</caljobs-assistant-lookup-mark>', '<a href="#">Select</a>'],
    ]);
    const grid = doc.getElementById('grid') as HTMLTableElement;
    grid.insertAdjacentHTML(
      'beforeend',
      '<tr><td colspan="3">No agency codes match your search.</td></tr>' +
        '<tr><td colspan="3"><table><tr><td>1</td><td><a href="#">2</a></td></tr></table></td></tr>' +
        '<tr><td><span>1</span></td><td><a href="#">2</a></td><td><a href="#">...</a></td></tr>',
    );
    expect(readLookupWindow(doc, FORM)?.rows.map((r) => [r.code, r.name])).toEqual([['LA0211', 'Example WorkSource Center']]);
  });
});

describe('not a lookup', () => {
  it.each([
    ['a title that is not a lookup, with a code grid', lookupPage('My Job Seekers', ['Code', 'Agency Name'], [['LA0211', 'Example']])],
    ['a lookup title, but no grid of its captions', lookupPage('Search Activities/Services', ['Date', 'Note'], [['1/2/2015', 'x']])],
    ['an agency title over an activity grid without names', lookupPage('Agency Code Search', ['Start Date', 'End Date'], [['1/2/2015', '2/2/2015']])],
    ['the calendar popup', docFrom(served('vos-popup-calendar.html'))],
    ['the document manager popup', docFrom(served('vos-popup-documents.html'))],
    ['the verification lookup', docFrom(served('vos-lookup-verification.html'))],
  ])('%s', (_what, doc) => {
    expect(readLookupWindow(doc, FORM)).toBeNull();
  });

  it('unrelated popups do not even load the lookup script (the gate says nothing)', () => {
    for (const name of ['vos-popup-calendar.html', 'vos-popup-documents.html']) expect(whatThePageNeeds(docFrom(served(name)))).toBeNull();
    expect(whatThePageNeeds(docFrom(served('vos-lookup-activities.html')))).toBe('lookup');
    expect(whatThePageNeeds(docFrom(served('vos-lookup-agency.html')))).toBe('lookup');
    // Every title the reader knows also loads it: one list of titles.
    for (const title of ['Activity Search', 'Search for Activities', 'Agency Code Lookup', 'Find an Agency']) {
      expect(whatThePageNeeds(lookupPage(title, ['Code', 'Name'], [['1', 'a']])), title).toBe('lookup');
    }
  });
});

describe('the window a lookup writes back into', () => {
  const doc = docFrom('<p>form</p>');
  const win = (props: Record<string, unknown>) => {
    const self = { ...props } as Record<string, unknown>;
    if (!('parent' in props)) self.parent = self;
    return self as unknown as Window;
  };
  it('its opener (a VOS popup), else the parent frame (a RadWindow), else none', () => {
    expect(lookupOpener(win({ opener: { closed: false, document: doc } }))).toEqual({ how: 'opener', doc });
    expect(lookupOpener(win({ opener: { closed: true, document: doc }, parent: { closed: false, document: doc } }))).toEqual({ how: 'frame', doc });
    expect(lookupOpener(win({ opener: null }))).toBeNull();
  });
  it('none when the browser refuses (another origin)', () => {
    const foreign = {
      closed: false,
      get document(): Document {
        throw new DOMException('Blocked a frame', 'SecurityError');
      },
    };
    expect(lookupOpener(win({ opener: foreign, parent: foreign }))).toBeNull();
  });
});

describe('the marks', () => {
  const date = new Date(2015, 7, 8);
  it('every training code of the one list is "training"; any other code is not; no code says nothing', () => {
    for (const code of TRAINING_ACTIVITY_CODES) expect(activityMarks({ code, start: '' }, null).map((m) => m.id)).toEqual(['training']);
    for (const code of ['101', '301', '401', '999', 'A12']) expect(activityMarks({ code, start: '' }, null).map((m) => m.id)).toEqual(['not-training']);
    expect(activityMarks({ code: '', start: '' }, null)).toEqual([]);
  });
  it('"starts after the credential date" only for a later readable start date', () => {
    const ids = (start: string, credential: Date | null) => activityMarks({ code: '', start }, credential).map((m) => m.id);
    expect(ids('8/9/2015', date)).toEqual(['starts-after']);
    expect(ids('8/8/2015', date)).toEqual([]); // the same day is not after
    expect(ids('8/7/2015', date)).toEqual([]);
    expect(ids('soon', date)).toEqual([]);
    expect(ids('', date)).toEqual([]);
    expect(ids('8/9/2015', null)).toEqual([]);
  });
  it('every mark is text with an icon beside it, never colour alone', () => {
    for (const mark of activityMarks({ code: '300', start: '9/1/2015' }, date)) {
      expect(mark.text.length).toBeGreaterThan(5);
      expect(mark.icon).not.toBe('');
    }
  });
  it("the office's code, without case or spaces", () => {
    expect(isOfficeCode('LA0211', 'la0211 ')).toBe(true);
    expect(isOfficeCode('LA0212', 'LA0211')).toBe(false);
    expect(isOfficeCode('', '')).toBe(false);
  });
});

// @vitest-environment happy-dom
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { Window } from 'happy-dom';
import { readPage } from '@/lib/page/validated';
import type { PageLayout } from '@/lib/page/read';
import {
  REPORT_TITLE,
  STRUCTURAL_WORDS,
  scrubToken,
  shapeOf,
  structureReport,
  urlShape,
} from '@/lib/page/structure-report';
import { REPORT_READER } from '@/lib/page/report-reader';
import type { CredentialForm } from '@/lib/page/snapshot';

const FIXTURES = join(__dirname, '..', 'fixtures');
const STRUCTURE = join(FIXTURES, 'structure');
const PARTICIPANT_DATA: string[] = JSON.parse(readFileSync(join(FIXTURES, 'participant-data.json'), 'utf8'));
const PAGES = readdirSync(FIXTURES).filter((name) => name.endsWith('.html')).sort();
const FORM_PAGES = [
  'create-credential-classic.html',
  'create-credential-responsive.html',
  'create-credential-postback.html',
  'vos-native-cascade.html',
  'vos-aria-linkbutton.html',
];
/**
 * Forms whose own script happy-dom cannot run (the Telerik page writes its controls with nested
 * document.write calls): only checked as served here; their reports are read back in a real browser
 * in test/e2e/vos-pages.e2e.ts.
 */
const BROWSER_ONLY_FORMS = ['vos-telerik.html'];
/** Pages that are not Create Credential forms, rendered once by their own script. */
const OTHER_PAGES = PAGES_OTHER();
function PAGES_OTHER(): string[] {
  return readdirSync(join(__dirname, '..', 'fixtures')).filter(
    (name) => name.endsWith('.html') && !FORM_PAGES.includes(name) && !BROWSER_ONLY_FORMS.includes(name) && name !== 'case-page.html',
  );
}
const FORM_CASES = ['blank', 'clean', 'missing-agency', 'after-max', 'not-exited', 'other-no-name', 'wrong-activity'];
const CASES: Record<string, string[]> = {
  'case-page.html': ['blank', 'with-credential'],
  ...Object.fromEntries(OTHER_PAGES.map((page) => [page, ['blank']])),
  ...Object.fromEntries(FORM_PAGES.map((page) => [page, FORM_CASES])),
  ...Object.fromEntries(BROWSER_ONLY_FORMS.map((page) => [page, ['blank']])),
};
const DATE = /\d{1,2}\/\d{1,2}\/\d{4}|\d{4}-\d{1,2}-\d{1,2}/;

/** A document from saved markup, as in reader.test.ts. Scripts do not run: the page as the server sent it. */
function docFrom(html: string): Document {
  const doc = document.implementation.createHTMLDocument('fixture');
  doc.documentElement.innerHTML = html.replace(/^<!doctype html>/i, '');
  return doc;
}

function served(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

/**
 * The page after its own script ran with `?case=…`, serialized: what staff see (the postback page
 * builds its whole form by script). Rendered in a separate happy-dom window with the fixture's own,
 * trusted script enabled, then loaded into this window so the reader's `instanceof` checks hold.
 */
async function rendered(name: string, sampleCase: string): Promise<string> {
  const page = name.replace(/\.html$/, '');
  const win = new Window({
    url: `https://www.caljobs.ca.gov/vosnet/${page}.aspx?enc=abc&case=${sampleCase}`,
    // Frames are not loaded (their pages are fixtures of their own), and a page's endless timers (the
    // busy page's session countdown) stop after a few rounds so the page can be taken as it stands.
    settings: {
      enableJavaScriptEvaluation: true,
      suppressInsecureJavaScriptEnvironmentWarning: true,
      disableIframePageLoading: true,
      timer: { maxIntervalIterations: 4 },
    },
  });
  try {
    win.document.write(served(name));
    await win.happyDOM.waitUntilComplete();
    return `<!DOCTYPE html>${win.document.documentElement.outerHTML}`;
  } finally {
    await win.happyDOM.close();
  }
}

const renderedPages = new Map<string, string>();
beforeAll(async () => {
  for (const [name, cases] of Object.entries(CASES)) {
    for (const sampleCase of cases) renderedPages.set(`${name}?${sampleCase}`, await rendered(name, sampleCase));
  }
}, 60_000);

/** Every variant of every fixture: as served, and rendered with each of its sample cases. */
function variants(): Array<[string, string]> {
  return [...PAGES.map((name): [string, string] => [`${name} (served)`, served(name)]), ...renderedPages.entries()];
}

function fieldKeys(layout: PageLayout | null): string[] {
  return layout?.kind === 'credential-form' ? [...layout.fields.keys()].sort() : [];
}

function caseParts(layout: PageLayout | null): Record<string, boolean> {
  if (layout?.kind !== 'case-page') return {};
  const { applicationToggle, credentialsToggle, createLink, credentialsCaption, grid } = layout;
  return Object.fromEntries(
    Object.entries({ applicationToggle, credentialsToggle, createLink, credentialsCaption, grid }).map(([k, v]) => [k, v !== null]),
  );
}

/** What the checks learn about presence: each choice chosen or not, each text empty or not. */
function presence(form: CredentialForm): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(form).map(([key, value]) => [
      key,
      typeof value === 'boolean' ? value : { found: value.found, filled: 'chosen' in value ? value.chosen : value.text !== '' },
    ]),
  );
}

function reportOf(html: string, options?: { maxNodes?: number }): string {
  return structureReport(docFrom(html), REPORT_READER, options);
}

/** The report of `html` as if made on the CalJOBS page at `url` (the report shows the page's address shape). */
function reportAt(url: string, html: string): string {
  const happyDOM = (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM;
  const before = window.location.href;
  happyDOM.setURL(url);
  try {
    return reportOf(html);
  } finally {
    happyDOM.setURL(before);
  }
}

const CLASSIC_URL = 'https://www.caljobs.ca.gov/vosnet/CreateCredential.aspx?enc=abc&case=blank';

afterEach(() => {
  vi.useRealTimers();
});

describe('shapes', () => {
  it('keeps only the shape of a text or value', () => {
    expect(shapeOf('14720945')).toBe('[digits 8]');
    expect(shapeOf('04/12/1988')).toBe('[date]');
    expect(shapeOf('8/18/2014')).toBe('[date]');
    expect(shapeOf('2015-08-08-00-00-00')).toBe('[date]');
    expect(shapeOf('Maria Delgado-Testperson')).toBe('[text 24]');
    expect(shapeOf(' \u00a0 ')).toBe('[empty]');
    expect(shapeOf(' - ')).toBe('-');
    expect(shapeOf('|')).toBe('|');
    expect(shapeOf('320 - Occupational Skills Training 01/05/2015')).toBe('[text 45]');
  });

  it('keeps a URL path, never its query, fragment or odd segments', () => {
    expect(urlShape('./CreateCredential.aspx?enc=XYZ')).toBe('./CreateCredential.aspx?[query]');
    expect(urlShape('https://www.caljobs.ca.gov/vosnet/CaseDetails.aspx?enc=abc&case=clean#top')).toBe(
      'https://www.caljobs.ca.gov/vosnet/CaseDetails.aspx?[query]#[fragment]',
    );
    expect(urlShape('#')).toBe('#');
    expect(urlShape('javascript:void(0);')).toBe('javascript:[script]');
    expect(urlShape('mailto:maria@example.org')).toBe('mailto:[removed]');
    expect(urlShape('/people/14720945/Delgado-Testperson')).toBe('/people/[segment]/[segment]');
    expect(urlShape('https://user:secret@host.example/x')).toBe('https://host.example/x');
  });

  it('scrubs record ids and dates out of ids and names', () => {
    expect(scrubToken('ctl00_Main_content_ucCredential_ddlRegion')).toBe('ctl00_Main_content_ucCredential_ddlRegion');
    expect(scrubToken('rgCredentials_5166661_row')).toBe('rgCredentials_#######_row');
    expect(scrubToken('row_8/18/2014')).toBe('row_#/##/####');
    expect(scrubToken('a@b.example')).toBe('[email]');
  });
});

describe('the report of the classic fixture', () => {
  const report = reportOf(served('create-credential-classic.html'));

  it('starts with a header that says what it is, without a date', () => {
    expect(report.startsWith('<!doctype html>\n<!--\n')).toBe(true);
    expect(report).toContain(REPORT_TITLE);
    expect(report).toMatch(/values and texts replaced by placeholders/i);
    expect(report).toContain('Reader: Create Credential form.');
    expect(report).toContain('Fields not found: none.');
    expect(report).toContain('Save: found, 1 control, posted by submit.');
    expect(report).toMatch(/Fields found: [^\n]*region \(select\)[^\n]*date \(text\)[^\n]*agencyCode \(lookup\)/);
  });

  it('shows the page address without its query', () => {
    const report = reportAt('https://www.caljobs.ca.gov/vosnet/CreateCredential.aspx?enc=abc&person=14720945#top', served('create-credential-classic.html'));
    expect(report).toContain('  Page: https://www.caljobs.ca.gov/vosnet/CreateCredential.aspx?[query]#[fragment]\n');
    expect(report).not.toContain('14720945');
  });

  it('is the same whenever it is made: no clock, no date', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date(2026, 0, 2, 3, 4, 5));
    const first = reportOf(served('create-credential-classic.html'));
    vi.setSystemTime(new Date(2031, 11, 30, 23, 59, 59));
    expect(reportOf(served('create-credential-classic.html'))).toBe(first);
    expect(first).not.toMatch(/2026|2031/);
  });

  it('marks the captions, containers and controls the reader recognized, and the Save button', () => {
    expect(report).toContain('<label for="ctl00_Main_content_ucCredential_txtDateReceived">Date&nbsp;Credential&nbsp;Received:</label>');
    expect(report).toMatch(/<td class="caption required" data-assistant="caption:date">/);
    expect(report).toContain('<td data-assistant="container:date">');
    expect(report).toContain(
      '<input name="ctl00$Main_content$ucCredential$txtDateReceived" type="text" maxlength="10" size="12" id="ctl00_Main_content_ucCredential_txtDateReceived" data-assistant="control:date kind:text">',
    );
    expect(report).toMatch(/id="ctl00_Main_content_ucCredential_btnSave" value="Save" data-assistant="save:submit">/);
    expect(report).toMatch(/<form [^>]*data-assistant="form">/);
  });

  it('keeps the field types: selects with their option count and placeholder, inputs with their type', () => {
    expect(report).toContain('<!-- select: 10 options, placeholder first, 1 selected -->');
    expect(report).toContain('<option value="" selected="selected">-- Select One --</option>');
    expect(report).toContain('<option value="[digits 1]">[text 45]</option>');
    expect(report).toMatch(/<input type="hidden" name="ctl00\$Main_content\$ucCredential\$hdnAgencyCode" id="[^"]+" value="">/);
  });

  it('replaces every other text and value by its shape', () => {
    expect(report).toContain('<span id="ctl00_Main_content_ucCredential_lblAppNumber">[digits 8]</span>');
    expect(report).toContain('<span id="ctl00_Main_content_ucCredential_lblName">[text 24]</span>');
    expect(report).toContain('<span id="ctl00_Main_content_ucCredential_lblDOB">[date]</span>');
    expect(report).toContain('<input type="hidden" name="__VSTATE" id="__VSTATE" value="[text 1202]">');
    expect(report).toContain('action="./CreateCredential.aspx?[query]"');
    expect(report).toContain('onclick="[script]"');
    expect(report).toContain('href="javascript:[script]"');
    expect(report).toContain('<script>[removed]</script>');
    expect(report).toContain('<style>[removed]</style>');
    // A validator message is not a caption: "LWIA/Region is required." is a shape.
    expect(report).toMatch(/class="validator" style="visibility:hidden">\[text 24\]</);
    expect(report).not.toMatch(/Los Angeles|WorkSource|Diploma|is required/);
  });

  it('keeps the structural words and known captions only', () => {
    for (const word of ['Save', 'Cancel']) expect(report).toContain(`value="${word}"`);
    for (const word of ['Today', 'Verify', 'Scan', 'Upload', 'Link', 'Search Activities/Services', 'Agency Code Search']) {
      expect(report).toContain(`>${word}<`);
    }
    for (const heading of ['General Information', 'Credential Information', 'Create Credential']) expect(report).toContain(`>${heading}<`);
    expect(STRUCTURAL_WORDS.every((word) => !DATE.test(word) && !/\d/.test(word))).toBe(true);
  });
});

describe('the report of a rendered page', () => {
  it('shows the current values by shape: chosen options, filled dates and lookups', () => {
    const report = reportOf(renderedPages.get('create-credential-classic.html?clean') ?? '');
    // Which option is chosen shows as `selected` on a shape; its text never shows.
    expect(report).toMatch(/<option value="\[digits 1\]" selected="selected">\[text \d+\]<\/option>/);
    expect(report).not.toContain('<option value="" selected="selected">-- Select One --</option>');
    expect(report).toMatch(/id="ctl00_Main_content_ucCredential_txtDateReceived" value="\[date\]" data-assistant="control:date kind:text">/);
    expect(report).toContain('<span id="ctl00_Main_content_ucCredential_lblAgencyCode">[text 34]</span>');
    expect(report).toMatch(/id="ctl00_Main_content_ucCredential_hdnActivityID" value="\[digits 3\]">/);
    expect(report).not.toContain('?case=');
  });

  it('splits "Caption: value" text so the caption stays and the value is a shape', () => {
    const report = reportOf('<body><p>Exit Date: 8/18/2014</p><p>Program: WIOA Adult</p></body>');
    expect(report).toContain('<p>Exit Date:<!--same text-->[date]</p>');
    expect(report).toContain('<p>Program:<!--same text-->[text 10]</p>');
  });
});

describe('privacy guard: no participant data, no dates', () => {
  it.each(PAGES.map((name) => [name]))('%s, as served and rendered with every sample case', (name) => {
    const all = variants().filter(([label]) => label.startsWith(name));
    expect(all.length).toBeGreaterThan(1);
    for (const [label, html] of all) {
      const report = reportOf(html).toLowerCase();
      for (const secret of PARTICIPANT_DATA) expect(report.includes(secret.toLowerCase()), `${label}: ${secret}`).toBe(false);
      expect(report, label).not.toMatch(DATE);
      expect(report, label).not.toContain('14720945');
      // Nor any other long run of digits (record and application numbers).
      expect(report, label).not.toMatch(/\d{5,}/);
    }
  });

  it('drops data in captions\' parentheses, attributes, ids, comments and our own hosts', () => {
    const report = reportOf(`<body><form>
      <!-- participant Maria Delgado-Testperson 14720945 -->
      <table id="grid_14720945"><tr><td title="Maria Delgado-Testperson" data-person="Delgado-Testperson">Program (Delgado-Testperson)</td>
      <td><span aria-label="DOB 04/12/1988" style="background:url(https://x.example/?who=Maria)">x</span></td></tr></table>
      <label for="txt_5166661">Date Credential Received</label><input id="txt_5166661" value="04/12/1988" placeholder="Maria">
      <img alt="Maria Delgado-Testperson" src="/photos/Delgado-Testperson.png?id=14720945">
      <table><tr><td>Exit Date <small>(<b>Maria</b> Delgado-Testperson)</small></td><td>x</td></tr></table>
      <input type="password" value="Maria1988">
      <caljobs-assistant-note><p>Maria Delgado-Testperson</p></caljobs-assistant-note>
      <caljobs-assistant-summary data-x="1"></caljobs-assistant-summary>
    </form></body>`);
    expect(report.toLowerCase()).not.toMatch(/maria|delgado|testperson|14720945|5166661|1988/);
    expect(report).toContain('<table id="grid_########">');
    // Still the Program caption to the reader, without what the parentheses held.
    expect(report).toContain('data-person="[text 18]">Program ([text 18])</td>');
    expect(report).toContain('<label for="txt_#######">Date Credential Received</label>');
    expect(report).toContain('<input id="txt_#######" placeholder="[text 5]" value="[date]">');
    expect(report).not.toContain('caljobs-assistant-');
    expect(report).toContain('src="/photos/[file].png?[query]"');
    // A caption split over elements keeps its words; what its parentheses hold is a shape.
    expect(report).toContain('<td>Exit Date <small>(<b>[text 5]</b> [text 18])</small></td>');
    expect(report).toContain('<input type="password" value="[password]">');
  });
});

describe('the report loads as a fixture: the reader finds what it found on the page', () => {
  it.each(FORM_PAGES.map((name) => [name]))('%s: the same fields, Save and presence of values', (name) => {
    const all = variants().filter(([label]) => label.startsWith(name));
    let compared = 0;
    for (const [label, html] of all) {
      const original = readPage(docFrom(html));
      if (original.snapshot.page !== 'credential-form') {
        // Pages whose form is built by their own script (the postback page's empty UpdatePanel, the
        // Telerik page's RadComboBoxes) are no form as served; their rendered cases are compared.
        expect(label).toBe('create-credential-postback.html (served)');
        continue;
      }
      const again = readPage(docFrom(reportOf(html)));
      expect(again.snapshot.page, label).toBe('credential-form');
      expect(fieldKeys(again.layout), label).toEqual(fieldKeys(original.layout));
      expect(fieldKeys(again.layout)).toHaveLength(13);
      if (again.snapshot.page === 'credential-form') {
        expect(presence(again.snapshot.form), label).toEqual(presence(original.snapshot.form));
      }
      compared += 1;
    }
    expect(compared).toBeGreaterThanOrEqual(FORM_CASES.length);
  });

  it('the case page stays a case page with the same parts; the unrelated page stays "other"', () => {
    for (const [label, html] of variants().filter(([l]) => l.startsWith('case-page'))) {
      const original = readPage(docFrom(html));
      const again = readPage(docFrom(reportOf(html)));
      expect(again.snapshot.page, label).toBe('case-page');
      expect(caseParts(again.layout), label).toEqual(caseParts(original.layout));
    }
    for (const [label, html] of variants().filter(([l]) => l.startsWith('unrelated-page'))) {
      expect(readPage(docFrom(reportOf(html))).snapshot.page, label).toBe('other');
    }
  });
});

describe('support snapshots in test/fixtures/structure/ are regression tests', () => {
  const files = readdirSync(STRUCTURE).filter((name) => name.endsWith('.html')).sort();

  it('has at least the example made from the classic fixture', () => {
    expect(files).toContain('create-credential-classic.html');
  });

  it.each(files.map((name) => [name]))('%s: a report, without data, that the reader recognizes', (name) => {
    const report = readFileSync(join(STRUCTURE, name), 'utf8');
    // Only reports belong here, never a raw page.
    expect(report).toContain(REPORT_TITLE);
    expect(report).not.toMatch(DATE);
    expect(report).not.toMatch(/\d{5,}/);
    for (const secret of PARTICIPANT_DATA) expect(report.toLowerCase()).not.toContain(secret.toLowerCase());
    const { snapshot, layout } = readPage(docFrom(report));
    const expected = name.startsWith('case-page') ? 'case-page' : 'credential-form';
    expect(snapshot.page).toBe(expected);
    // Every field the reader found when the snapshot was taken is still found.
    const listed = /Fields found: ([^.\n]*)\./.exec(report)?.[1];
    if (listed && listed !== 'none') {
      const found = fieldKeys(layout);
      for (const entry of listed.split(', ')) {
        // "region (radcombobox)": the field, and the kind of control the reader saw it drawn with.
        const [, key = entry, kind] = /^(\w+)(?: \(([\w-]+)\))?$/.exec(entry) ?? [];
        expect(found, entry).toContain(key);
        if (kind && layout?.kind === 'credential-form') expect(layout.fields.get(key as never)?.kind, entry).toBe(kind);
      }
    }
  });

  // Regenerate the example after changing the report: WRITE_STRUCTURE_EXAMPLE=1 npx vitest run test/unit/structure-report
  it.runIf(process.env.WRITE_STRUCTURE_EXAMPLE === '1')('writes the example', () => {
    mkdirSync(STRUCTURE, { recursive: true });
    writeFileSync(join(STRUCTURE, 'create-credential-classic.html'), reportAt(CLASSIC_URL, served('create-credential-classic.html')));
  });
});

describe('bounds', () => {
  it('stops at maxNodes and says so', () => {
    const report = reportOf(served('unrelated-page.html'), { maxNodes: 60 });
    expect(report).toContain('TRUNCATED: stopped after 60 nodes (maxNodes 60)');
    expect(report).toContain('<!-- TRUNCATED: maxNodes 60 reached -->');
    expect(report.split('\n').length).toBeLessThan(120);
    expect(() => docFrom(report)).not.toThrow();
  });

  it('summarizes long runs of plain rows and options, keeping rows with captions or controls', () => {
    const rows = Array.from({ length: 40 }, (_, i) => `<tr><td>Person ${i}</td><td>${21000000 + i}</td></tr>`).join('');
    const fields = Array.from({ length: 14 }, (_, i) => `<tr><td>Other Credential</td><td><input id="f${i}"></td></tr>`).join('');
    const options = Array.from({ length: 60 }, (_, i) => `<option value="${i + 1}">Office ${i}</option>`).join('');
    const doc = docFrom(`<body><table id="people">${rows}</table><table id="form">${fields}</table>
      <select id="office"><option value="">-- Select One --</option>${options}</select></body>`);
    // The option the user chose (the 51st office), not what the markup says.
    (doc.getElementById('office') as HTMLSelectElement).value = '51';
    const report = structureReport(doc, REPORT_READER);
    expect(report).toContain('<!-- 30 more <tr> elements like the ones above not shown -->');
    expect(report.match(/<input id="f\d+">/g)).toHaveLength(14);
    expect(report).toContain('<!-- select: 61 options, placeholder first, 1 selected -->');
    expect(report).toContain('<!-- 35 more options not shown -->');
    expect(report).toContain('<option value="[digits 2]" selected="selected">[text 9]</option>');
    expect(report).toContain('repeated rows, items or options summarized');
  });

  it('survives very deep nesting and odd input', () => {
    const deep = `${'<div>'.repeat(3000)}Credential Received${'</div>'.repeat(3000)}`;
    expect(reportOf(deep)).toContain('<!-- deeper nodes not shown -->');
    expect(structureReport(document.implementation.createHTMLDocument(''), REPORT_READER, { maxNodes: Number.NaN })).toContain(REPORT_TITLE);
    expect(structureReport(document.implementation.createHTMLDocument(''), REPORT_READER, { maxNodes: -5 })).toContain('maxNodes 1');
  });
});

describe('property: any markup', () => {
  const secret = fc.constantFrom(...PARTICIPANT_DATA.slice(0, 12), '8/18/2014', '04/12/1988', '2015-08-08');
  const caption = fc.constantFrom(
    'Credential Received:', 'Date Credential Received (mm/dd/yyyy)', 'LWIA/Region', 'Office Location', 'Agency Code',
    'Exit Date:', 'Maximum date to record after exit', 'Other Credential', 'Credential Verification',
    'Associate to Training/Activity record', 'Program', 'Credentials', 'Create Credential', 'Save', 'random text', '',
  );
  const text = fc.oneof(caption, secret, secret.map((s) => `Exit Date: ${s}`), secret.map((s) => `Program (${s})`));
  const control = fc.constantFrom(
    '<input type="text" value="8/18/2014">', '<input>', '<select><option value="">-- Select One --</option><option value="1">X</option></select>',
    '<select></select>', '<span> - </span>', '<input type="hidden" value="5">', '<a href="#">Today</a>', '<span>320 - Training</span>',
    '<input type="submit" value="Save">', '<script>var who = "Maria";</script>', '<!-- 14720945 -->', '<caljobs-assistant-note>Maria</caljobs-assistant-note>', '',
  );
  const attr = fc.oneof(
    fc.constant(''),
    secret.map((s) => ` title="${s}"`),
    secret.map((s) => ` data-x="${s}"`),
    secret.map((s) => ` href="./P.aspx?n=${s}"`),
    fc.constant(' id="row_5166661"'),
    fc.constant(' style="display:none"'),
  );
  const markup = (tags: string[], ownTextNodes = false): fc.Arbitrary<string> =>
    fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        // A comment keeps each text its own text node, as on a real page ("Create Credential" is not
        // glued to a name); the report keeps that split.
        ownTextNodes ? text.map((t) => `${t}<!---->`) : text,
        control,
        fc.tuple(fc.constantFrom(...tags), attr, fc.array(tie('node'), { maxLength: 4 }), fc.boolean()).map(
          ([t, a, kids, withFor]) => `<${t}${a}${withFor && t === 'label' ? ' for="x"' : ''}${t === 'span' ? ' id="x"' : ''}>${kids.join('')}</${t}>`,
        ),
      ),
    })).node as fc.Arbitrary<string>;
  const node = markup(['div', 'td', 'th', 'span', 'label', 'p', 'li', 'dt', 'dd', 'b', 'a', 'tr', 'table', 'select', 'option', 'svg']);
  // Markup a parser can rebuild: text directly inside <table>/<tr> is moved by the HTML parser, so
  // a report of such a tree cannot be loaded back into the same tree (the live page never has one).
  const flowNode = markup(['div', 'td', 'th', 'span', 'label', 'p', 'li', 'dt', 'dd', 'b', 'a', 'ul'], true);

  it('never throws, stays within maxNodes, leaks nothing and loads back as HTML', () => {
    fc.assert(
      fc.property(fc.array(node, { maxLength: 8 }), fc.integer({ min: 1, max: 400 }), (parts, maxNodes) => {
        const html = `<body><form><table><tr>${parts.join('')}</tr></table>${parts.join('')}</form></body>`;
        const report = reportOf(html, { maxNodes });
        expect(report).toContain(REPORT_TITLE);
        const lower = report.toLowerCase();
        for (const s of ['maria', 'delgado', 'aguirre', '14720945', '5166661']) expect(lower).not.toContain(s);
        expect(report).not.toMatch(DATE);
        const nodes = /(?:stopped after|Nodes:) (\d+)/.exec(report)?.[1];
        expect(Number(nodes)).toBeLessThanOrEqual(maxNodes);
        expect(() => readPage(docFrom(report))).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });

  it('the report of a page finds the same fields as the page', () => {
    fc.assert(
      fc.property(fc.array(flowNode, { maxLength: 8 }), (parts) => {
        const html = `<body><form>${parts.join('')}<table><tr><td>${parts.join('</td><td>')}</td></tr></table><input type="submit" value="Save"></form></body>`;
        const original = readPage(docFrom(html));
        const again = readPage(docFrom(reportOf(html)));
        expect(again.snapshot.page).toBe(original.snapshot.page);
        expect(fieldKeys(again.layout)).toEqual(fieldKeys(original.layout));
      }),
      { numRuns: 300 },
    );
  }, 30_000);
});

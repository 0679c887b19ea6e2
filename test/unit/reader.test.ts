// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { captionKey, isPlaceholderOption, normalizeCaption } from '@/lib/page/captions';
import { readPage } from '@/lib/page/validated';
import { PageSnapshot } from '@/lib/page/snapshot-schema';

const FIXTURES = join(__dirname, '..', 'fixtures');

/** A document from saved markup. Scripts do not run: this is the page as the server sent it. */
function docFrom(html: string): Document {
  const doc = document.implementation.createHTMLDocument('fixture');
  doc.documentElement.innerHTML = html.replace(/^<!doctype html>/i, '');
  return doc;
}

function fixture(name: string): Document {
  return docFrom(readFileSync(join(FIXTURES, name), 'utf8'));
}

function formOf(doc: Document) {
  const { snapshot } = readPage(doc);
  if (snapshot.page !== 'credential-form') throw new Error(`expected a credential form, read ${snapshot.page}`);
  return snapshot.form;
}

describe('captions', () => {
  it('normalizes case, spaces, &nbsp;, colons, asterisks and hints', () => {
    expect(normalizeCaption('  Date\u00a0Credential   Received: (mm/dd/yyyy) ')).toBe('date credential received');
    expect(normalizeCaption('* LWIA / Region:')).toBe('lwia/region');
    expect(captionKey('Credential Received:')).toBe('credential');
    expect(captionKey('Date Credential Received')).toBe('date');
    // By meaning: the words of the date field, in another order, are still the date field.
    expect(captionKey('Credential Received Date')).toBe('date');
    expect(captionKey('Date of Birth')).toBeUndefined();
    expect(captionKey('Please select the office where the participant was served')).toBeUndefined();
  });

  it('knows select placeholders', () => {
    expect(isPlaceholderOption('-- Select One --', 'x')).toBe(true);
    expect(isPlaceholderOption('None Selected', '5')).toBe(true);
    expect(isPlaceholderOption('Los Angeles County', '')).toBe(true);
    expect(isPlaceholderOption('Los Angeles County', '12')).toBe(false);
  });
});

describe('the classic fixture, as served', () => {
  const form = formOf(fixture('create-credential-classic.html'));

  it('reads the General Information block from text', () => {
    expect(form.program).toEqual({ found: true, text: 'WIOA' });
    expect(form.participationDate.text).toBe('8/18/2014');
    expect(form.exitDate.text).toBe('8/18/2014');
    expect(form.maximumDate.text).toBe('8/18/2015');
  });

  it('treats placeholders, " - " and empty lookups as unchosen', () => {
    expect(form.region).toMatchObject({ found: true, chosen: false });
    expect(form.office).toMatchObject({ found: true, chosen: false });
    expect(form.credential).toMatchObject({ found: true, chosen: false });
    expect(form.agencyCode).toMatchObject({ found: true, chosen: false, text: '' });
    expect(form.activity).toMatchObject({ found: true, chosen: false });
    expect(form.verification).toMatchObject({ found: true, chosen: false });
    expect(form.date).toEqual({ found: true, text: '' });
    expect(form.saveFound).toBe(true);
  });
});

describe('the responsive fixture, as served', () => {
  const doc = fixture('create-credential-responsive.html');
  const form = formOf(doc);

  it('finds the Telerik date input through the wrapper its label points at', () => {
    const { layout } = readPage(doc);
    const date = layout?.kind === 'credential-form' ? layout.fields.get('date')?.control : null;
    expect(date?.id).toMatch(/_dateInput$/);
  });

  it('reads every field', () => {
    for (const key of ['region', 'office', 'credential', 'verification', 'activity', 'agencyCode'] as const) {
      expect(form[key].found, key).toBe(true);
      expect(form[key].chosen, key).toBe(false);
    }
    expect(form.otherCredential.found).toBe(true);
    expect(form.exitDate.text).toBe('8/18/2014');
  });
});

describe('other pages', () => {
  it('reads the case page as a case page, collapsed', () => {
    const { snapshot } = readPage(fixture('case-page.html'));
    expect(snapshot).toEqual({
      page: 'case-page',
      casePage: { applicationExpanded: false, credentialsExpanded: false, createLinkFound: true, credentialRows: 0 },
    });
  });

  it('reads an unrelated page as other', () => {
    expect(readPage(fixture('unrelated-page.html')).snapshot).toEqual({ page: 'other' });
  });
});

describe('markup it has not seen', () => {
  const page = (body: string) => formOf(docFrom(`<body><form name="aspnetForm">${body}<input type="submit" value="Save"></form></body>`));

  it('never confuses "Credential Received" with "Date Credential Received", whatever the order', () => {
    const form = page(`
      <div><label for="d">Date Credential Received:</label><input id="d" value="08/08/2015"></div>
      <div><label for="c">Credential Received:</label><select id="c"><option value="">-- Select One --</option><option value="5" selected>AA/AS Degree</option></select></div>`);
    expect(form.date.text).toBe('08/08/2015');
    expect(form.credential).toMatchObject({ chosen: true, text: 'AA/AS Degree' });
  });

  it('reads captions split by &nbsp; and tags, with hints, and table cells without labels', () => {
    const form = page(`<table>
      <tr><td>Credential&nbsp;<b>Received</b>:</td><td><select><option value="0">None Selected</option></select></td></tr>
      <tr><th>* Date Credential Received: <small>(mm/dd/yyyy)</small></th><td><input type="text" value="1/2/2015"> (mm/dd/yyyy) <a href="#">Today</a></td></tr>
      <tr><td>Agency Code:</td><td><span> - </span><input type="hidden" value=""> [<a href="#">Agency Code Search</a>]</td></tr>
      <tr><td>Associate to Training/Activity record:</td><td><span>320 - Occupational Skills Training 01/05/2015</span> [<a href="#">Search Activities/Services</a>]</td></tr>
    </table>`);
    expect(form.credential).toMatchObject({ found: true, chosen: false });
    expect(form.date.text).toBe('1/2/2015');
    expect(form.agencyCode).toMatchObject({ found: true, chosen: false });
    expect(form.activity).toMatchObject({ chosen: true, code: '320' });
  });

  it('reads a caption and its value in one element', () => {
    const form = page(`<p>Exit Date: 8/18/2014</p><p><span>Program Participation Date</span> <span>3/2/2014</span></p>
      <p>Credential Received: <select><option selected value="7">BA/BS Degree</option></select></p>
      <p>Date Credential Received <input value=""></p>`);
    expect(form.exitDate.text).toBe('8/18/2014');
    expect(form.participationDate.text).toBe('3/2/2014');
    expect(form.credential.text).toBe('BA/BS Degree');
  });

  it('ignores validator messages and reads a lookup filled only in its hidden input', () => {
    const form = page(`<table>
      <tr><td>Credential Received</td><td><select><option selected value="6">Occupational Certification</option></select></td></tr>
      <tr><td>Date Credential Received</td><td><input value=""></td></tr>
      <tr><td>Credential Verification</td><td><span></span><input type="hidden" value="88412"> [<a href="#">Verify</a>]</td></tr>
      <tr><td>Agency Code</td><td><span> - </span><span id="x_rfvAgency" style="color:Red;">Agency Code is required.</span> [<a href="#">Agency Code Search</a>]</td></tr>
    </table>`);
    expect(form.verification.chosen).toBe(true);
    expect(form.agencyCode.chosen).toBe(false);
  });

  it('is not a credential form without the credential and date fields', () => {
    const { snapshot } = readPage(docFrom('<body><p>Credential received from partner agencies is listed in reports.</p></body>'));
    expect(snapshot.page).toBe('other');
  });
});

describe('property: reading never throws on arbitrary markup', () => {
  const caption = fc.constantFrom(
    'Credential Received:', 'Date Credential Received (mm/dd/yyyy)', 'LWIA/Region', 'Office Location', 'Agency Code',
    'Exit Date:', 'Maximum date to record after exit', 'Other Credential', 'Credential Verification',
    'Associate to Training/Activity record', 'Program', 'Credentials', 'Create Credential', 'random text', '',
  );
  const control = fc.constantFrom(
    '<input type="text" value="8/18/2014">', '<input>', '<select><option value="">-- Select One --</option><option value="1">X</option></select>',
    '<select></select>', '<span> - </span>', '<input type="hidden" value="5">', '<a href="#">Today</a>', '<span>320 - Training</span>', '',
  );
  const tag = fc.constantFrom('div', 'td', 'th', 'span', 'label', 'p', 'li', 'dt', 'dd', 'b');
  const node: fc.Arbitrary<string> = fc.letrec((tie) => ({
    node: fc.oneof(
      { depthSize: 'small' },
      caption,
      control,
      fc.tuple(tag, fc.array(tie('node'), { maxLength: 4 }), fc.boolean()).map(
        ([t, kids, withFor]) => `<${t}${withFor && t === 'label' ? ' for="x"' : ''}${t === 'span' ? ' id="x"' : ''}>${kids.join('')}</${t}>`,
      ),
    ),
  })).node as fc.Arbitrary<string>;

  it('returns a valid snapshot', () => {
    fc.assert(
      fc.property(fc.array(node, { maxLength: 8 }), (parts) => {
        const doc = docFrom(`<body><form><table><tr>${parts.join('')}</tr></table>${parts.join('')}</form></body>`);
        const { snapshot } = readPage(doc);
        expect(PageSnapshot.safeParse(snapshot).success).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { captionKey, isPlaceholderOption, normalizeCaption } from '@/lib/page/captions';
import { readPage } from '@/lib/page/validated';

const FIXTURES = join(__dirname, '..', 'fixtures');

/** A document from saved markup. Scripts do not run: this is the page as the server sent it. */
function docFrom(html: string): Document {
  const doc = document.implementation.createHTMLDocument('fixture');
  doc.documentElement.innerHTML = html.replace(/^<!doctype html>/i, '');
  // happy-dom picks the wrong option of a list parsed with a `selected` one: choose it as browsers do.
  for (const select of Array.from(doc.querySelectorAll('select'))) {
    const index = Array.from(select.options).findIndex((option) => option.hasAttribute('selected'));
    if (index >= 0) select.selectedIndex = index;
  }
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

  it('reads a case page whose Create Credential is an <input> button, or an icon link or button named by its title or aria-label', () => {
    // As the fixture's ?case=input-button and ?case=icon-link draw it (the words are in no text node).
    const link = /<a id="ctl00_Main_content_ucPrograms_ucWIOA_lnkCreateCredential"[^>]*>Create Credential<\/a>/;
    const html = readFileSync(join(FIXTURES, 'case-page.html'), 'utf8');
    expect(html).toMatch(link);
    for (const control of [
      '<input type="submit" name="ctl00$Main_content$ucPrograms$ucWIOA$btnCreateCredential" value="Create Credential" class="formbutt">',
      '<a href="./CreateCredential.aspx" title="Create Credential"><i class="fa fa-plus-circle" aria-hidden="true"></i></a>',
      '<button type="button" aria-label="Create credential"><i class="fa fa-plus"></i></button>',
    ]) {
      const doc = docFrom(html.replace(link, control).replace(/<script>[\s\S]*?<\/script>/g, ''));
      expect(doc.body.textContent?.toLowerCase(), control).not.toContain('create credential');
      expect(readPage(doc).snapshot, control).toEqual({
        page: 'case-page',
        casePage: { applicationExpanded: false, credentialsExpanded: false, createLinkFound: true, credentialRows: 0 },
      });
    }
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

describe('property: the same fields, whatever the markup', () => {
  // One field as a page may draw it: its caption's wording and the control kind vary; the truth (what
  // a person would read) is known, and the reader must find exactly that.
  interface Drawn {
    key: 'region' | 'office' | 'credential' | 'date' | 'agencyCode' | 'exitDate';
    caption: string;
    value: string;
    truth: { chosen?: boolean; text: string };
  }
  const words = (text: string) => fc.constantFrom(text, text.toUpperCase(), text.replace(/ /g, '&nbsp;'), `* ${text}`, `${text}:`, `${text} :`);
  const choice = (id: string, options: string[]) =>
    fc.tuple(fc.constantFrom('select', 'radcombobox', 'aria', 'radio', 'autocomplete'), fc.option(fc.constantFrom(...options), { nil: undefined })).map(([kind, picked]) => {
      const text = picked ?? '';
      let value: string;
      if (kind === 'select') {
        value = `<select id="${id}"><option value="">-- Select One --</option>${options.map((o, i) => `<option value="${i + 1}"${o === picked ? ' selected' : ''}>${o}</option>`).join('')}</select>`;
      } else if (kind === 'radcombobox') {
        value = `<div id="${id}" class="RadComboBox RadComboBox_Default"><table><tr><td class="rcbInputCell"><input id="${id}_Input" class="rcbInput" readonly value="${picked ?? '-- Select One --'}"></td><td class="rcbArrowCell"><a id="${id}_Arrow">select</a></td></tr></table><input id="${id}_ClientState" type="hidden" value='{"value":"${picked ? '7' : ''}","text":"${text}"}'></div>`;
      } else if (kind === 'aria') {
        value = `<input id="${id}" role="combobox" aria-autocomplete="list" aria-expanded="false" aria-controls="${id}_lb" value="${text}"><ul id="${id}_lb" role="listbox" hidden></ul>`;
      } else if (kind === 'radio') {
        value = `<table id="${id}">${options.map((o, i) => `<tr><td><input id="${id}_${i}" type="radio" name="${id}" value="${i + 1}"${o === picked ? ' checked' : ''}><label for="${id}_${i}">${o}</label></td></tr>`).join('')}</table>`;
      } else {
        value = `<input id="${id}" class="ac_input" autocomplete="off" value="${text}"><input type="hidden" id="${id}ID" value="${picked ? '42' : ''}">`;
      }
      return { value, truth: { chosen: picked !== undefined, text } };
    });
  const field = (key: Drawn['key']): fc.Arbitrary<Drawn> => {
    switch (key) {
      case 'region':
        return fc.tuple(fc.constantFrom('LWIA/Region', 'LWDA/Region', 'Local Area', 'LWIA / Region').chain(words), choice('f_region', ['Los Angeles County', 'South Bay'])).map(([caption, c]) => ({ key, caption, ...c }));
      case 'office':
        return fc.tuple(words('Office Location'), choice('f_office', ['Example WorkSource Center', 'Sample Center'])).map(([caption, c]) => ({ key, caption, ...c }));
      case 'credential':
        return fc.tuple(fc.constantFrom('Credential Received', 'Credential Type', 'Type of Credential').chain(words), choice('f_cred', ['AA/AS Degree', 'Occupational Certification'])).map(([caption, c]) => ({ key, caption, ...c }));
      case 'date':
        return fc.tuple(fc.constantFrom('Date Credential Received', 'Date Credential Received (mm/dd/yyyy)').chain(words), fc.constantFrom('', '08/08/2015', '13/40/2015')).map(([caption, text]) => ({
          key,
          caption,
          value: `<input type="text" id="f_date" value="${text}"> (mm/dd/yyyy) <a href="#">Today</a>`,
          truth: { text },
        }));
      case 'agencyCode':
        return fc.tuple(words('Agency Code'), fc.boolean(), fc.boolean()).map(([caption, filled, validator]) => ({
          key,
          caption,
          value: `<span id="f_agency">${filled ? 'LA0211 - Example WorkSource Center' : ' - '}</span>${validator && !filled ? '<span style="color:Red">Agency Code is required.</span>' : ''}<input type="hidden" value="${filled ? 'LA0211' : ''}"> [<a href="#">Agency Code Search</a>]`,
          truth: { chosen: filled, text: filled ? 'LA0211 - Example WorkSource Center' : '' },
        }));
      case 'exitDate':
        return fc.tuple(words('Exit Date'), fc.constantFrom(['8/18/2014', '8/18/2014'], ['8/18/2014 12:00:00 AM', '8/18/2014'], ['2014-08-18', '8/18/2014'], ['Not Exited', ''], ['N/A', ''], ['&nbsp;', ''])).map(
          ([caption, [shown, text]]) => ({ key, caption, value: `<span id="f_exit">${shown}</span>`, truth: { text: text ?? '' } }),
        );
    }
  };
  /** A row: caption and value as a table row, a Bootstrap row (label + div), or a definition list. */
  const row = (layout: 'table' | 'bootstrap' | 'dl', d: Drawn, wrap: boolean) => {
    const caption = wrap ? `<span class="lbl">${d.caption}</span>` : d.caption;
    if (layout === 'table') return `<tr><td class="caption">${caption}</td><td>${d.value}</td></tr>`;
    if (layout === 'bootstrap') return `<div class="form-group row"><label class="col-sm-4 col-form-label">${caption}</label><div class="col-sm-8">${d.value}</div></div>`;
    return `<dl><dt>${caption}</dt><dd>${d.value}</dd></dl>`;
  };
  const OPTIONAL = ['region', 'office', 'agencyCode', 'exitDate'] as const;
  const page = fc.record({
    layout: fc.constantFrom('table' as const, 'bootstrap' as const, 'dl' as const),
    wrap: fc.boolean(),
    present: fc.subarray([...OPTIONAL]),
    fields: fc.record({ region: field('region'), office: field('office'), credential: field('credential'), date: field('date'), agencyCode: field('agencyCode'), exitDate: field('exitDate') }),
  });

  it('finds each field drawn, with the value a person reads, and reports the others as not found; never throws', () => {
    fc.assert(
      fc.property(page, ({ layout, wrap, present, fields }) => {
        const drawn = [fields.exitDate, fields.region, fields.office, fields.credential, fields.date, fields.agencyCode].filter(
          (d) => d.key === 'credential' || d.key === 'date' || (present as readonly string[]).includes(d.key),
        );
        const rows = drawn.map((d) => row(layout, d, wrap)).join('');
        const html = `<body><form id="aspnetForm">${layout === 'table' ? `<table>${rows}</table>` : rows}<input type="submit" value="Save"></form></body>`;
        const form = formOf(docFrom(html));
        for (const key of ['region', 'office', 'agencyCode', 'exitDate'] as const) {
          if (!(present as readonly string[]).includes(key)) expect(form[key].found, `${key} is not on the page`).toBe(false);
        }
        for (const d of drawn) {
          const read = form[d.key];
          expect(read.found, `${d.key} drawn as ${d.value.slice(0, 60)}`).toBe(true);
          if (d.truth.chosen !== undefined) expect('chosen' in read && read.chosen, `${d.key} chosen`).toBe(d.truth.chosen);
          // What was chosen, as shown (an unchosen list may show its placeholder: only "not chosen" counts).
          if (d.truth.chosen !== false) expect(read.text, d.key).toBe(d.truth.text);
        }
        expect(form.saveFound).toBe(true);
      }),
      { numRuns: 400 },
    );
  }, 30_000);
});


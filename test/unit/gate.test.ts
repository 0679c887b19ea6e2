// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { controlName, hasCreateControl, mayBeCasePage, mayBeCredentialForm, whatThePageNeeds } from '@/lib/page/gate';

/** The first look's hints (lib/page/gate.ts), on the page's text as `textContent` gives it. */
describe('the first look, its hints', () => {
  it('captions split by line breaks, tabs, no-break and double spaces, in any case, are found', () => {
    expect(mayBeCredentialForm('General Information ...\n  Date\u00a0Credential\n\t Received: [ ]   Type  of\r\nCREDENTIAL: [v]')).toBe(true);
    expect(mayBeCredentialForm('DATE ATTAINED  ...  CREDENTIAL TYPE')).toBe(true);
    expect(mayBeCasePage('Credentials (+)\n   Create\n   Credential')).toBe(true);
  });

  it('a page that only mentions credentials is neither', () => {
    const menu = 'Job Seeker Search\n  Credentials Report\n  Performance Dashboard\n  Training Credentials';
    expect(mayBeCredentialForm(menu)).toBe(false);
    expect(mayBeCasePage(menu)).toBe(false);
    // One hint alone (a date caption, no type caption) is not a form.
    expect(mayBeCredentialForm('Search by Credential Date: [ ]')).toBe(false);
  });
});

/** Controls whose name is not in the page's text: an `<input>` button, an icon link. */
describe('the first look, a Create Credential control named outside the text', () => {
  const doc = (body: string) => {
    const d = document.implementation.createHTMLDocument('page');
    d.body.innerHTML = body;
    return d;
  };

  it('an <input> button, or a link or button named by its title or aria-label, makes a case page', () => {
    for (const control of [
      '<input type="submit" value="Create Credential" class="formbutt">',
      '<input type="button" value="  CREATE   credential ">',
      '<a href="#" title="Create Credential"><i class="fa fa-plus"></i></a>',
      '<button type="button" aria-label="Create credential"><img src="plus.gif" alt=""></button>',
    ]) {
      const page = doc(`<h2>Credentials</h2>${control}<table><tr><th>Credential</th><th>Date Received</th></tr></table>`);
      expect(hasCreateControl(page), control).toBe(true);
      expect(whatThePageNeeds(page), control).toBe('assistant');
    }
  });

  it('other controls that mention credentials, and text boxes holding the words, are not one', () => {
    for (const control of [
      '<input type="submit" value="Credentials Report">',
      '<a href="#" title="Training Credentials">Training</a>',
      '<input type="text" value="Create Credential">',
      '<input type="hidden" value="Create Credential">',
    ]) {
      const page = doc(`<ul><li><a href="#">Job Seeker Search</a></li></ul>${control}`);
      expect(hasCreateControl(page), control).toBe(false);
      expect(whatThePageNeeds(page), control).toBeNull();
    }
  });

  it('the controls are looked at only where a credentials grid is near a credential word', () => {
    const button = '<input type="submit" value="Create Credential">';
    // The grid's "Date Received" column, or its "There are no records to display.", near "Credential(s)".
    expect(whatThePageNeeds(doc(`<h2>Credentials</h2>${button}<p>There are no records to display.</p>`))).toBe('assistant');
    // A page that mentions credentials elsewhere (a menu) is not asked for its controls (a query per page).
    const page = doc(`<ul><li><a href="#">Training Credentials</a></li></ul><p>${'Job seekers. '.repeat(10)}</p>${button}`);
    expect(hasCreateControl(page)).toBe(true);
    expect(whatThePageNeeds(page)).toBeNull();
  });

  it("a control's name: an <input>'s value, else its text, else its aria-label or title", () => {
    const page = doc('<input id="i" type="submit" value="Save"><a id="a" title="t" aria-label="l"> Text </a><a id="b" title="t" aria-label="l"></a><a id="c" title="t"></a>');
    expect(['i', 'a', 'b', 'c'].map((id) => controlName(page.getElementById(id)!))).toEqual(['Save', 'Text', 'l', 't']);
  });
});

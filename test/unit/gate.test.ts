import { describe, expect, it } from 'vitest';
import { mayBeCasePage, mayBeCredentialForm } from '@/lib/page/gate';

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

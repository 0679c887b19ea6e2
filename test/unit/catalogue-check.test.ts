import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runChecks, type Finding } from '@/lib/checks';
import check from '@/lib/checks/credential-never-counts';
import { CATALOGUE } from '@/lib/rules/catalogue/catalogue';
import { inlineSeverity } from '@/lib/rules/catalogue/page-index-source';
import { blankForm, type CredentialForm } from '@/lib/page/snapshot';
import { defaultSettings } from '@/lib/settings/schema';
import { SOURCES } from '@/lib/rules/sources';

const TODAY = new Date(2026, 10, 30);
const OTHER = 'Other Recognized Diploma, Degree, or Certificate (specify)';

function form(otherCredential: string, credential = OTHER, program = 'WIOA Adult'): CredentialForm {
  const f = blankForm();
  f.program = { found: true, text: program };
  f.credential = { found: true, chosen: credential !== '', text: credential };
  f.otherCredential = { found: true, text: otherCredential };
  return f;
}

function finding(f: CredentialForm, settings = defaultSettings()): Finding | undefined {
  return runChecks({ form: f, settings, today: TODAY }).find((x) => x.id === 'credential-never-counts');
}

describe('credential-never-counts', () => {
  it('warns next to Other Credential when it names a credential that never counts, with why and source', () => {
    const said = finding(form('osha 10 card'));
    expect(said).toMatchObject({ severity: 'warning', field: 'otherCredential', source: 'ten2519' });
    expect(said?.message).toBe('OSHA 10-hour card does not count: general safety training.');
    expect(said?.detail).toMatch(/Federal guidance names it/);
    expect(SOURCES[said!.source].url).toMatch(/^https:/);
  });

  it("takes the entry's own source", () => {
    expect(finding(form('Class C driver license'))?.source).toBe('wioa352');
  });

  it('gives a note, not a warning, for a diploma or equivalency with its follow-up condition', () => {
    const said = finding(form('GED'));
    expect(said).toMatchObject({ severity: 'info', source: 'tegl1016' });
    expect(said?.message).toBe('GED counts only with a job or further training after exit.');
    expect(said?.detail).toMatch(/Condition: Within one year after exit/);
    const all = runChecks({ form: form('GED'), settings: defaultSettings(), today: TODAY });
    expect(all.at(-1)?.id).toBe('credential-never-counts'); // notes after errors and warnings
  });

  it('gives a note for a graduate degree: it counts only in Vocational Rehabilitation', () => {
    expect(finding(form('MBA'))).toMatchObject({ severity: 'info', message: expect.stringMatching(/Vocational Rehabilitation/) });
  });

  it('leaves the note to the Credential Received checks when the choice already says it', () => {
    expect(finding(form('GED', 'Secondary / High School Equivalency'))).toBeUndefined();
    expect(finding(form('MBA', 'Graduate/Post Graduate Degree'))).toBeUndefined();
    // A warning is never left out: the choice does not make OSHA-10 count.
    expect(finding(form('OSHA 10', 'Occupational Skills Certificate or Credential'))?.severity).toBe('warning');
  });

  it.each(['Forklift operator card', 'ServSafe Manager', 'OSHA 30', 'Certified Nurse Assistant', 'Class A CDL', 'CompTIA A+', 'Welding', ''])(
    'says nothing of "%s" (counts, or depends)',
    (text) => {
      expect(finding(form(text))).toBeUndefined();
    },
  );

  it('says nothing when the reader found no Other Credential field, or when the check is switched off', () => {
    const f = form('CPR');
    f.otherCredential = { found: false, text: 'CPR' };
    expect(finding(f)).toBeUndefined();
    const settings = defaultSettings();
    settings.checks['credential-never-counts'] = false;
    expect(finding(form('CPR'), settings)).toBeUndefined();
  });

  it('follows the text as it changes (the last-answer cache never goes stale)', () => {
    expect(finding(form('CPR'))?.message).toMatch(/^CPR certification/);
    expect(finding(form('CPR'))?.message).toMatch(/^CPR certification/);
    expect(finding(form('BLS/CPR'))).toBeUndefined();
    expect(finding(form('First aid'))?.message).toMatch(/^First aid certificate/);
    expect(finding(form('CPR'))?.message).toMatch(/^CPR certification/);
  });

  it('speaks of every entry the page carries, and of no other', () => {
    for (const entry of CATALOGUE) {
      const said = finding(form(entry.name, ''));
      const severity = inlineSeverity(entry);
      expect(said?.severity, entry.id).toBe(severity ?? undefined);
      if (said) expect(said.message.startsWith(entry.name)).toBe(true);
    }
  });

  it('never throws, and only ever names a catalogue entry (any text)', () => {
    const names = CATALOGUE.map((e) => e.name);
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), (text) => {
        const said = check.run({ form: form(text), settings: defaultSettings(), today: TODAY });
        return said === null || names.some((name) => said.message.startsWith(name));
      }),
    );
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CHECKS, CHECK_IDS, countBySeverity, runChecks } from '@/lib/checks';
import { classifyCredential, isOtherCredential } from '@/lib/rules/credential-types';
import { defaultSettings, type Settings } from '@/lib/settings/schema';
import type { CredentialForm as Form } from '@/lib/page/snapshot';
import { CredentialForm } from '@/lib/page/snapshot-schema';
import { SOURCES } from '@/lib/rules/sources';

const TODAY = new Date(2026, 10, 30, 10, 30);

/** A clean form, as the reader reads the help sheet's example. */
function cleanForm(): Form {
  return {
    program: { found: true, text: 'WIOA' },
    applicationDate: { found: true, text: '8/18/2014' },
    participationDate: { found: true, text: '8/18/2014' },
    exitDate: { found: true, text: '8/18/2014' },
    maximumDate: { found: true, text: '8/18/2015' },
    region: { found: true, chosen: true, text: 'Los Angeles County' },
    office: { found: true, chosen: true, text: 'Example WorkSource Center' },
    credential: { found: true, chosen: true, text: 'Occupational Skills Certificate or Credential' },
    otherCredential: { found: true, text: '' },
    verification: { found: true, chosen: true, text: 'Copy of Credential' },
    date: { found: true, text: '08/08/2015' },
    activity: { found: true, chosen: true, text: '320 - Occupational Skills Training 01/05/2015', code: '320' },
    agencyCode: { found: true, chosen: true, text: 'LA0211 - Example WorkSource Center', code: 'LA0211' },
    saveFound: true,
  };
}

function ids(form: Form, settings: Settings = defaultSettings(), today = TODAY): string[] {
  return runChecks({ form, settings, today }).map((f) => f.id).sort();
}

function withForm(change: (form: Form) => void): Form {
  const form = cleanForm();
  change(form);
  return form;
}

describe('the check registry', () => {
  it('has the checks of the issues, each with a unique id, a source and a title', () => {
    expect([...CHECK_IDS].sort()).toEqual(
      [
        'credential-missing', 'other-credential-missing', 'date-missing', 'date-invalid', 'date-in-future',
        'date-after-max', 'date-before-participation', 'region-missing', 'office-missing', 'agency-code-missing',
        'activity-missing', 'activity-not-training', 'verification-missing', 'graduate-degree-vr-only',
        'diploma-needs-followup', 'date-is-today', 'credential-never-counts',
      ].sort(),
    );
    for (const check of CHECKS) {
      expect(SOURCES[check.source]).toBeDefined();
      expect(check.title.length).toBeGreaterThan(10);
    }
  });

  it('finds nothing on a clean credential', () => {
    expect(ids(cleanForm())).toEqual([]);
  });

  it('orders errors before warnings before notes', () => {
    const form = withForm((f) => {
      f.activity = { found: true, chosen: false, text: '' };
      f.region = { found: true, chosen: false, text: '-- Select One --' };
      f.credential = { found: true, chosen: true, text: 'High School Diploma' };
    });
    const severities = runChecks({ form, settings: defaultSettings(), today: TODAY }).map((f) => f.severity);
    expect(severities).toEqual(['error', 'warning', 'info']);
  });
});

describe('required fields', () => {
  it.each([
    ['credential-missing', (f: Form) => (f.credential = { found: true, chosen: false, text: '' })],
    ['region-missing', (f: Form) => (f.region = { found: true, chosen: false, text: 'None Selected' })],
    ['office-missing', (f: Form) => (f.office = { found: true, chosen: false, text: '' })],
    ['date-missing', (f: Form) => (f.date = { found: true, text: '  ' })],
    ['activity-missing', (f: Form) => (f.activity = { found: true, chosen: false, text: '' })],
    ['verification-missing', (f: Form) => (f.verification = { found: true, chosen: false, text: '' })],
    ['agency-code-missing', (f: Form) => (f.agencyCode = { found: true, chosen: false, text: '' })],
  ])('%s', (id, change) => {
    expect(ids(withForm(change))).toEqual([id]);
  });

  it('says nothing about a field the reader did not find', () => {
    expect(ids(withForm((f) => (f.agencyCode = { found: false, chosen: false, text: '' })))).toEqual([]);
    expect(ids(withForm((f) => (f.date = { found: false, text: '' })))).toEqual([]);
  });
});

describe('Other credential', () => {
  it('needs a name when an "Other…" type is chosen', () => {
    const other = 'Other Recognized Diploma, Degree, or Certificate (specify)';
    expect(ids(withForm((f) => (f.credential.text = other)))).toEqual(['other-credential-missing']);
    expect(ids(withForm((f) => ((f.credential.text = other), (f.otherCredential.text = 'Forklift'))))).toEqual([]);
  });

  it('recognizes "Other" choices by meaning', () => {
    expect(isOtherCredential('Other')).toBe(true);
    expect(isOtherCredential('Certificate (Specify)')).toBe(true);
    expect(isOtherCredential('Occupational Certification')).toBe(false);
  });
});

describe('the date', () => {
  const at = (text: string, change?: (f: Form) => void) =>
    ids(withForm((f) => {
      f.date.text = text;
      change?.(f);
    }));

  it.each(['02/30/2015', '13/01/2015', '1/2/15', 'yesterday'])('%s is invalid', (text) => {
    expect(at(text)).toEqual(['date-invalid']);
  });

  it('on the maximum itself is fine; the day after is not', () => {
    expect(at('08/18/2015')).toEqual([]);
    expect(at('8/19/2015')).toEqual(['date-after-max']);
  });

  it('uses exit + 1 year when the page shows no maximum; Feb 29 exit gives Feb 28', () => {
    const leap = (f: Form) => {
      f.participationDate.text = '1/4/2016';
      f.exitDate.text = '2/29/2016';
      f.maximumDate = { found: true, text: '' };
    };
    expect(at('02/28/2017', leap)).toEqual([]);
    expect(at('03/01/2017', leap)).toEqual(['date-after-max']);
  });

  it('has no window before exit', () => {
    const open = (f: Form) => {
      f.exitDate.text = '';
      f.maximumDate.text = '';
    };
    expect(at('11/29/2026', open)).toEqual([]);
  });

  it('cannot be in the future', () => {
    const open = (f: Form) => {
      f.exitDate.text = '';
      f.maximumDate.text = '';
    };
    expect(at('12/01/2026', open)).toEqual(['date-in-future']);
  });

  it('cannot be before participation', () => {
    expect(at('08/17/2014')).toEqual(['date-before-participation']);
    expect(at('08/18/2014')).toEqual([]);
  });

  it('today is possible but worth a second look', () => {
    const open = (f: Form) => {
      f.exitDate.text = '';
      f.maximumDate.text = '';
    };
    expect(at('11/30/2026', open)).toEqual(['date-is-today']);
    const findings = runChecks({ form: withForm((f) => ((f.date.text = '11/30/2026'), open(f))), settings: defaultSettings(), today: TODAY });
    expect(findings[0]?.severity).toBe('info');
  });
});

describe('the activity', () => {
  it('warns when the activity is not an education or training code', () => {
    expect(ids(withForm((f) => (f.activity = { found: true, chosen: true, text: '102 - Initial Assessment', code: '102' })))).toEqual([
      'activity-not-training',
    ]);
    expect(ids(withForm((f) => (f.activity = { found: true, chosen: true, text: '430 - Youth occupational skills', code: '430' })))).toEqual([]);
  });

  it('cannot judge an activity chosen without a readable code', () => {
    expect(ids(withForm((f) => (f.activity = { found: true, chosen: true, text: '' })))).toEqual([]);
  });
});

describe('credential types', () => {
  it('warns about a graduate degree outside VR, and not in VR', () => {
    const grad = (f: Form) => (f.credential.text = 'Graduate/Post Graduate Degree');
    expect(ids(withForm(grad))).toEqual(['graduate-degree-vr-only']);
    expect(ids(withForm((f) => (grad(f), (f.program.text = 'Vocational Rehabilitation'))))).toEqual([]);
  });

  it('notes the follow-up a secondary diploma needs', () => {
    expect(ids(withForm((f) => (f.credential.text = 'High School Diploma')))).toEqual(['diploma-needs-followup']);
    expect(ids(withForm((f) => (f.credential.text = 'Secondary / High School Equivalency')))).toEqual(['diploma-needs-followup']);
  });

  it.each([
    ['High School Diploma', 'secondary'],
    ['GED', 'secondary'],
    ['AA/AS Degree', 'associate'],
    ['BA/BS Degree', 'bachelor'],
    ['Occupational Skills License', 'license'],
    ['Occupational Skills Certificate or Credential', 'certificate'],
    ['Occupational Certification', 'certification'],
    ['Graduate/Post Graduate Degree', 'graduate'],
    ["Master's Degree", 'graduate'],
    ['Other Recognized Diploma, Degree, or Certificate (specify)', 'other'],
    ['', 'unknown'],
  ])('classifies %s as %s', (text, kind) => expect(classifyCredential(text)).toBe(kind));
});

describe('settings', () => {
  it('the agency-code rule can be switched off, and names the office code when set', () => {
    const form = withForm((f) => (f.agencyCode = { found: true, chosen: false, text: '' }));
    const settings = defaultSettings();
    settings.agencyCode = { code: 'LA0211', name: 'Example WorkSource Center' };
    const [finding] = runChecks({ form, settings, today: TODAY });
    expect(finding?.message).toContain('LA0211');
    settings.requireAgencyCode = false;
    expect(ids(form, settings)).toEqual([]);
  });

  it('a check switched off is not shown', () => {
    const settings = defaultSettings();
    settings.checks['date-after-max'] = false;
    expect(ids(withForm((f) => (f.date.text = '8/19/2015')), settings)).toEqual([]);
  });

  it('counts by severity', () => {
    const findings = runChecks({ form: withForm((f) => ((f.region.chosen = false), (f.activity.chosen = false))), settings: defaultSettings(), today: TODAY });
    expect(countBySeverity(findings)).toEqual({ error: 1, warning: 1, info: 0 });
  });
});

describe('property: every check, called on its own, is total and deterministic', () => {
  const text = fc.record({ found: fc.boolean(), text: fc.oneof(fc.string(), fc.constantFrom('8/18/2014', '02/29/2016', '13/13/2013', '')) });
  const choice = fc.record(
    { found: fc.boolean(), chosen: fc.boolean(), text: fc.string(), code: fc.option(fc.string(), { nil: undefined }), options: fc.option(fc.array(fc.string()), { nil: undefined }) },
    { requiredKeys: ['found', 'chosen', 'text'] },
  );
  const form = fc.record({
    program: text, applicationDate: text, participationDate: text, exitDate: text, maximumDate: text,
    region: choice, office: choice, credential: choice, otherCredential: text, verification: choice,
    date: text, activity: choice, agencyCode: choice, saveFound: fc.boolean(),
  });
  it('on arbitrary snapshots and days: no throw (runChecks would hide one), a real message, the same answer twice', () => {
    fc.assert(
      fc.property(form, fc.date({ noInvalidDate: true }), fc.boolean(), (f, today, require) => {
        expect(CredentialForm.safeParse(f).success).toBe(true);
        const settings = defaultSettings();
        settings.requireAgencyCode = require;
        for (const check of CHECKS) {
          const ctx = { form: f as Form, settings, today };
          const said = check.run(ctx); // called directly: a throw fails the property
          expect(check.run(ctx)).toEqual(said);
          if (said) {
            expect(said.message.trim().length, check.id).toBeGreaterThan(10);
            expect(said.detail.trim().length, check.id).toBeGreaterThan(said.message.trim().length / 2);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

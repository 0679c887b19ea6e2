import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  formFromSettings,
  mergeRefreshed,
  sameForm,
  settingsFromForm,
  validateField,
  validateForm,
  type FormValues,
} from '@/components/options/form';
import { Settings, defaultSettings } from '@/lib/settings/schema';

const IDS = ['region-missing', 'office-missing', 'date-is-today'];

const SAMPLE: Settings = {
  region: 'Los Angeles County',
  office: 'Example WorkSource Center',
  agencyCode: { code: 'LA0211', name: 'Example Agency' },
  requireAgencyCode: true,
  autoFill: false,
  checks: { 'date-is-today': false, 'from-a-newer-build': false },
};

describe('options form values', () => {
  it('maps settings to the form and back', () => {
    const form = formFromSettings(SAMPLE, IDS);
    expect(form).toEqual({
      region: 'Los Angeles County',
      office: 'Example WorkSource Center',
      agencyCode: 'LA0211',
      agencyName: 'Example Agency',
      requireAgencyCode: true,
      autoFill: false,
      checks: { 'region-missing': true, 'office-missing': true, 'date-is-today': false },
    });
    // Switches of checks this build does not know are kept as they were.
    expect(settingsFromForm(form, SAMPLE, IDS)).toEqual(SAMPLE);
  });

  it('trims text and stores only switched-off checks', () => {
    const form: FormValues = {
      ...formFromSettings(defaultSettings(), IDS),
      region: '  Los Angeles County ',
      agencyCode: ' LA0211 ',
      checks: { 'region-missing': true, 'office-missing': false, 'date-is-today': true },
    };
    const settings = settingsFromForm(form, defaultSettings(), IDS);
    expect(settings.region).toBe('Los Angeles County');
    expect(settings.agencyCode.code).toBe('LA0211');
    expect(settings.checks).toEqual({ 'office-missing': false });
    expect(Settings.safeParse(settings).success).toBe(true);
  });

  it('explains a wrong agency code', () => {
    expect(validateField('agencyCode', 'LA 0211')).toMatch(/cannot contain spaces/);
    expect(validateField('agencyCode', 'LA_0211')).toMatch(/letters, digits and dashes only/);
    expect(validateField('agencyCode', 'A'.repeat(21))).toMatch(/at most 20/);
    expect(validateField('agencyCode', ' LA-0211 ')).toBeUndefined();
    expect(validateField('agencyCode', '')).toBeUndefined();
  });

  it('limits the text fields', () => {
    expect(validateField('region', 'x'.repeat(121))).toMatch(/LWIA\/Region can be at most 120/);
    expect(validateField('office', 'x'.repeat(121))).toMatch(/Office Location can be at most 120/);
    expect(validateField('agencyName', 'x'.repeat(121))).toMatch(/at most 120/);
    expect(validateField('region', `${'x'.repeat(120)}   `)).toBeUndefined();
  });

  it('does not validate locked fields', () => {
    const form = { ...formFromSettings(defaultSettings(), IDS), agencyCode: 'LA 0211', office: 'x'.repeat(200) };
    expect(Object.keys(validateForm(form))).toEqual(['office', 'agencyCode']);
    expect(validateForm(form, ['agencyCode', 'office'])).toEqual({});
  });

  it('a form that passes validation always gives valid settings', () => {
    const formArb = fc.record({
      region: fc.string({ maxLength: 130 }),
      office: fc.string({ maxLength: 130 }),
      agencyCode: fc.string({ maxLength: 25 }),
      agencyName: fc.string({ maxLength: 130 }),
      requireAgencyCode: fc.boolean(),
      autoFill: fc.boolean(),
      checks: fc.record({ 'region-missing': fc.boolean(), 'office-missing': fc.boolean(), 'date-is-today': fc.boolean() }),
    });
    fc.assert(
      fc.property(formArb, (form) => {
        const valid = Object.keys(validateForm(form)).length === 0;
        expect(Settings.safeParse(settingsFromForm(form, defaultSettings(), IDS)).success).toBe(valid);
      }),
      { numRuns: 500 },
    );
  });
});

describe('refreshing an open form', () => {
  const baseline = formFromSettings(SAMPLE, IDS);

  it('takes new values for fields the user has not touched and keeps the edits', () => {
    const form = { ...baseline, office: 'My edit', checks: { ...baseline.checks, 'office-missing': false } };
    const next = formFromSettings({ ...SAMPLE, region: 'Elsewhere', office: 'Theirs', autoFill: true }, IDS);
    const merged = mergeRefreshed(form, baseline, next, []);
    expect(merged.region).toBe('Elsewhere');
    expect(merged.office).toBe('My edit');
    expect(merged.autoFill).toBe(true);
    expect(merged.checks['office-missing']).toBe(false);
  });

  it('always takes locked (policy) values', () => {
    const form = { ...baseline, region: 'My edit', checks: { ...baseline.checks, 'region-missing': false } };
    const next = formFromSettings({ ...SAMPLE, region: 'Policy', checks: {} }, IDS);
    const merged = mergeRefreshed(form, baseline, next, ['region', 'checks']);
    expect(merged.region).toBe('Policy');
    expect(merged.checks).toEqual(next.checks);
  });

  it('compares forms', () => {
    expect(sameForm(baseline, formFromSettings(SAMPLE, IDS))).toBe(true);
    expect(sameForm(baseline, { ...baseline, autoFill: true })).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DOWNTOWN, EASTSIDE, sampleUserSettings } from './support/settings';
import {
  addProfile,
  formFromSettings,
  mergeRefreshed,
  removeProfile,
  settingsFromForm,
  updateProfile,
  validateField,
  validateForm,
  type FormValues,
} from '@/components/options/form';
import { LIMITS, UserSettings, flattenSettings, type EffectiveSettingsWithProfiles } from '@/lib/settings/schema';
import { effectiveSettings } from '@/lib/settings/policy';

const IDS = ['region-missing', 'office-missing', 'date-is-today'];

function effective(user: UserSettings, policy = {}): EffectiveSettingsWithProfiles {
  return { ...effectiveSettings(user, policy), problems: [] };
}

const USER: UserSettings = { ...sampleUserSettings(), checks: { 'date-is-today': false, 'from-a-newer-build': false } };

describe('options form values', () => {
  it('maps settings to the form and back, every profile included', () => {
    const form = formFromSettings(effective(USER), IDS);
    expect(form.profiles[1]).toEqual({ id: EASTSIDE.id, name: 'Eastside', region: EASTSIDE.region, office: EASTSIDE.office, agencyCode: 'LA0300', agencyName: EASTSIDE.agencyCode.name });
    expect(form.activeProfileId).toBe(DOWNTOWN.id);
    expect(form.checks).toEqual({ 'region-missing': true, 'office-missing': true, 'date-is-today': false });
    // Switches of checks this build does not know are kept as they were.
    expect(settingsFromForm(form, USER.checks, IDS)).toEqual(USER);
  });

  it('trims text and stores only switched-off checks', () => {
    let form = formFromSettings(effective(sampleUserSettings()), IDS);
    form = updateProfile(form, DOWNTOWN.id, { name: ' Main ', region: '  Los Angeles County ', agencyCode: ' LA0211 ' });
    form = { ...form, checks: { 'region-missing': true, 'office-missing': false, 'date-is-today': true } };
    const settings = settingsFromForm(form, {}, IDS);
    expect(settings.profiles[0]).toMatchObject({ name: 'Main', region: 'Los Angeles County', agencyCode: { code: 'LA0211', name: 'Example Agency' } });
    expect(settings.checks).toEqual({ 'office-missing': false });
    expect(UserSettings.safeParse(settings).success).toBe(true);
  });

  it('explains a wrong agency code, with limits taken from the schema', () => {
    expect(validateField('agencyCode', 'LA 0211')).toMatch(/cannot contain spaces/);
    expect(validateField('agencyCode', 'LA_0211')).toMatch(/letters, digits and dashes only/);
    expect(validateField('agencyCode', 'A'.repeat(LIMITS.agencyCode + 1))).toBe(`The agency code can be at most ${LIMITS.agencyCode} characters.`);
    expect(validateField('agencyCode', ' LA-0211 ')).toBeUndefined();
    expect(validateField('agencyCode', '')).toBeUndefined();
  });

  it('limits the text fields as the schema does', () => {
    expect(validateField('region', 'x'.repeat(LIMITS.text + 1))).toBe(`LWIA/Region can be at most ${LIMITS.text} characters.`);
    expect(validateField('office', 'x'.repeat(LIMITS.text + 1))).toBe(`Office Location can be at most ${LIMITS.text} characters.`);
    expect(validateField('agencyName', 'x'.repeat(LIMITS.text + 1))).toMatch(/agency name can be at most 120/);
    expect(validateField('name', 'x'.repeat(LIMITS.profileName + 1))).toBe(`The profile name can be at most ${LIMITS.profileName} characters.`);
    expect(validateField('name', '   ')).toMatch(/Give the profile a name/);
    expect(validateField('region', `${'x'.repeat(LIMITS.text)}   `)).toBeUndefined();
  });

  it('finds two profiles with one name, and does not validate locked fields', () => {
    let form = formFromSettings(effective(sampleUserSettings()), IDS);
    form = updateProfile(form, EASTSIDE.id, { name: 'downtown ', agencyCode: 'LA 0300', office: 'x'.repeat(200) });
    expect(validateForm(form)).toEqual({
      [EASTSIDE.id]: { name: expect.stringMatching(/Another profile has this name/), office: expect.any(String), agencyCode: expect.any(String) },
    });
    expect(validateForm(form, ['agencyCode', 'office'])).toEqual({ [EASTSIDE.id]: { name: expect.any(String) } });
  });

  it('a form that passes validation always gives valid settings', () => {
    const profileArb = fc.record({
      id: fc.constantFrom('a', 'b', 'c'),
      name: fc.string({ maxLength: 70 }),
      region: fc.string({ maxLength: 130 }),
      office: fc.string({ maxLength: 130 }),
      agencyCode: fc.string({ maxLength: 25 }),
      agencyName: fc.string({ maxLength: 130 }),
    });
    const formArb = fc.uniqueArray(profileArb, { minLength: 1, maxLength: 3, selector: (p) => p.id }).chain((profiles) =>
      fc.record({
        profiles: fc.constant(profiles),
        activeProfileId: fc.constantFrom(...profiles.map((p) => p.id)),
        requireAgencyCode: fc.boolean(),
        autoFill: fc.boolean(),
        checks: fc.record({ 'region-missing': fc.boolean(), 'office-missing': fc.boolean(), 'date-is-today': fc.boolean() }),
      }),
    );
    fc.assert(
      fc.property(formArb, (form: FormValues) => {
        const valid = Object.keys(validateForm(form)).length === 0;
        expect(UserSettings.safeParse(settingsFromForm(form, {}, IDS)).success).toBe(valid);
      }),
      { numRuns: 500 },
    );
  });
});

describe('adding and removing profiles', () => {
  const form = formFromSettings(effective(sampleUserSettings()), IDS);

  it('adds an empty profile with a free name', () => {
    const added = addProfile(addProfile(form, 'p-3'), 'p-4');
    expect(added.profiles.slice(2)).toEqual([
      { id: 'p-3', name: 'Office 3', region: '', office: '', agencyCode: '', agencyName: '' },
      { id: 'p-4', name: 'Office 4', region: '', office: '', agencyCode: '', agencyName: '' },
    ]);
    expect(added.activeProfileId).toBe(DOWNTOWN.id);
  });

  it('removes a profile; the one in use falls back to the first; never the last one', () => {
    const removed = removeProfile(form, DOWNTOWN.id);
    expect(removed.profiles.map((p) => p.id)).toEqual([EASTSIDE.id]);
    expect(removed.activeProfileId).toBe(EASTSIDE.id);
    expect(removeProfile(removed, EASTSIDE.id)).toBe(removed);
  });
});

describe('refreshing an open form when settings change elsewhere', () => {
  const baseline = formFromSettings(effective(USER), IDS);

  it('takes new values for fields the user has not touched and keeps the edits', () => {
    const form = { ...updateProfile(baseline, DOWNTOWN.id, { office: 'My edit' }), checks: { ...baseline.checks, 'office-missing': false } };
    const theirs = structuredClone(USER);
    theirs.profiles[0]!.region = 'Elsewhere';
    theirs.profiles[0]!.office = 'Theirs';
    theirs.autoFill = true;
    const merged = mergeRefreshed(form, baseline, formFromSettings(effective(theirs), IDS), []);
    expect(merged.profiles[0]).toMatchObject({ region: 'Elsewhere', office: 'My edit' });
    expect(merged.autoFill).toBe(true);
    expect(merged.checks['office-missing']).toBe(false);
  });

  it('follows a profile switch made in the side panel, unless the user chose another one here', () => {
    const next = formFromSettings(effective({ ...USER, activeProfileId: EASTSIDE.id }), IDS);
    expect(mergeRefreshed(baseline, baseline, next, []).activeProfileId).toBe(EASTSIDE.id);
    const mine = addProfile(baseline, 'p-new');
    expect(mergeRefreshed({ ...mine, activeProfileId: 'p-new' }, baseline, next, []).activeProfileId).toBe('p-new');
  });

  it('takes profiles added elsewhere, but keeps the user’s own added profile', () => {
    const theirs = { ...USER, profiles: [...USER.profiles, { ...EASTSIDE, id: 'p-west', name: 'Westside' }] };
    const next = formFromSettings(effective(theirs), IDS);
    expect(mergeRefreshed(baseline, baseline, next, []).profiles.map((p) => p.id)).toEqual([DOWNTOWN.id, EASTSIDE.id, 'p-west']);
    const mine = addProfile(baseline, 'p-mine');
    expect(mergeRefreshed(mine, baseline, next, []).profiles.map((p) => p.id)).toEqual([DOWNTOWN.id, EASTSIDE.id, 'p-mine']);
  });

  it('always takes locked (policy) values, in every profile, also a profile added here', () => {
    const form = updateProfile(addProfile(baseline, 'p-mine'), DOWNTOWN.id, { region: 'My edit' });
    const next = formFromSettings(effective(USER, { region: 'Policy', disabledChecks: [] }), IDS);
    const merged = mergeRefreshed(form, baseline, next, ['region', 'checks']);
    expect(merged.profiles.map((p) => p.region)).toEqual(['Policy', 'Policy', 'Policy']);
    expect(merged.checks).toEqual(next.checks);
    expect(flattenSettings(USER).region).toBe(DOWNTOWN.region);
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DOWNTOWN, EASTSIDE, sampleUserSettings, sampleV2, validSettingsArb, validUserSettingsArb } from './support/settings';
import {
  DEFAULT_SETTINGS,
  LIMITS,
  SETTINGS_VERSION,
  Settings,
  UserSettings,
  defaultSettings,
  defaultUserSettings,
  flattenSettings,
  migrateV1toV2,
  migrateV2toV3,
  profileNameFor,
} from '@/lib/settings/schema';
import { repairUserSettings } from '@/lib/settings/repair';

describe('settings schema and defaults', () => {
  it('has the documented defaults: one empty profile, "My office", in use', () => {
    expect(SETTINGS_VERSION).toBe(3);
    expect(defaultUserSettings()).toEqual({
      profiles: [{ id: 'office-1', name: 'My office', region: '', office: '', agencyCode: { code: '', name: '' } }],
      activeProfileId: 'office-1',
      requireAgencyCode: true,
      autoFill: false,
      checks: {},
    });
    expect(UserSettings.safeParse(defaultUserSettings()).success).toBe(true);
    expect(flattenSettings(defaultUserSettings())).toEqual(DEFAULT_SETTINGS);
  });

  it('hands out fresh copies of the defaults', () => {
    const a = defaultSettings();
    a.agencyCode.code = 'LA0211';
    a.checks['date-is-today'] = false;
    expect(defaultSettings()).toEqual(DEFAULT_SETTINGS);
    expect(Object.isFrozen(DEFAULT_SETTINGS)).toBe(true);
    const b = defaultUserSettings();
    b.profiles[0]!.region = 'Changed';
    expect(defaultUserSettings().profiles[0]!.region).toBe('');
  });

  it('flattens the ACTIVE profile with the shared switches: the shape the checks have always taken', () => {
    const user = sampleUserSettings();
    expect(flattenSettings(user)).toEqual({
      region: DOWNTOWN.region,
      office: DOWNTOWN.office,
      agencyCode: DOWNTOWN.agencyCode,
      requireAgencyCode: true,
      autoFill: false,
      checks: { 'date-is-today': false },
    });
    expect(flattenSettings({ ...user, activeProfileId: EASTSIDE.id }).agencyCode).toEqual(EASTSIDE.agencyCode);
  });

  it('rejects an agency code with spaces or other characters, and text over the limits', () => {
    const bad = { ...defaultSettings(), agencyCode: { code: 'LA 0211', name: '' } };
    expect(Settings.safeParse(bad).success).toBe(false);
    expect(Settings.safeParse({ ...bad, agencyCode: { code: 'LA_0211', name: '' } }).success).toBe(false);
    expect(Settings.safeParse({ ...bad, agencyCode: { code: 'LA-0211', name: 'Example' } }).success).toBe(true);
    expect(Settings.safeParse({ ...defaultSettings(), region: 'x'.repeat(LIMITS.text) }).success).toBe(true);
    expect(Settings.safeParse({ ...defaultSettings(), region: 'x'.repeat(LIMITS.text + 1) }).success).toBe(false);
    expect(Settings.safeParse({ ...defaultSettings(), agencyCode: { code: 'A'.repeat(LIMITS.agencyCode + 1), name: '' } }).success).toBe(false);
  });

  it.each([
    ['no profile', (u: UserSettings) => ({ ...u, profiles: [] })],
    ['too many profiles', (u: UserSettings) => ({ ...u, profiles: Array.from({ length: LIMITS.profiles + 1 }, (_, i) => ({ ...DOWNTOWN, id: `p${i}`, name: `P${i}` })) })],
    ['two profiles with one id', (u: UserSettings) => ({ ...u, profiles: [DOWNTOWN, { ...EASTSIDE, id: DOWNTOWN.id }] })],
    ['two profiles with one name (case and spaces aside)', (u: UserSettings) => ({ ...u, profiles: [DOWNTOWN, { ...EASTSIDE, name: ' downtown ' }] })],
    ['an empty profile name', (u: UserSettings) => ({ ...u, profiles: [{ ...DOWNTOWN, name: '  ' }] })],
    ['a profile name too long', (u: UserSettings) => ({ ...u, profiles: [{ ...DOWNTOWN, name: 'x'.repeat(LIMITS.profileName + 1) }] })],
    ['an active profile that is not there', (u: UserSettings) => ({ ...u, activeProfileId: 'gone' })],
    ['an id with spaces', (u: UserSettings) => ({ ...u, profiles: [{ ...DOWNTOWN, id: 'office 1' }], activeProfileId: 'office 1' })],
  ])('refuses stored settings with %s', (_name, change) => {
    expect(UserSettings.safeParse(sampleUserSettings()).success).toBe(true);
    expect(UserSettings.safeParse(change(sampleUserSettings())).success).toBe(false);
  });
});

describe('migrations', () => {
  it('v1 → v2 splits the one-string agency code and renames laCountyRule', () => {
    expect(migrateV1toV2({ region: 'Los Angeles County', agencyCode: 'LA0211 - Example Agency - East', laCountyRule: false })).toEqual({
      region: 'Los Angeles County',
      agencyCode: { code: 'LA0211', name: 'Example Agency - East' },
      requireAgencyCode: false,
    });
    expect(migrateV1toV2({ agencyCode: 'LA0211' })).toEqual({ agencyCode: { code: 'LA0211', name: '' } });
    expect(migrateV1toV2({ office: 'X' })).toEqual({ office: 'X', agencyCode: { code: '', name: '' } });
    expect(migrateV1toV2(null)).toBeNull();
    expect(migrateV1toV2('x')).toBe('x');
  });

  it('v2 → v3 makes the one office the one profile, named after the office, in use', () => {
    const v2 = sampleV2();
    expect(migrateV2toV3(v2)).toEqual({
      profiles: [{ id: 'office-1', name: 'Example WorkSource Center', region: v2.region, office: v2.office, agencyCode: v2.agencyCode }],
      activeProfileId: 'office-1',
      requireAgencyCode: v2.requireAgencyCode,
      autoFill: v2.autoFill,
      checks: v2.checks,
    });
    // What the checks see is unchanged by the migration.
    expect(flattenSettings(migrateV2toV3(v2) as UserSettings)).toEqual(v2);
  });

  it('v2 → v3 names a profile without an office "My office", shortens a long one, and leaves format 3 alone', () => {
    expect(profileNameFor('')).toBe('My office');
    expect(profileNameFor(undefined)).toBe('My office');
    expect(profileNameFor('  Example   WorkSource  ')).toBe('Example WorkSource');
    const long = profileNameFor('x'.repeat(100));
    expect(long).toHaveLength(LIMITS.profileName);
    expect(long.endsWith('…')).toBe(true);
    const v3 = sampleUserSettings();
    expect(migrateV2toV3(v3)).toBe(v3);
  });

  it('v2 → v3 keeps every valid format 2 value exactly, through repair', () => {
    fc.assert(
      fc.property(validSettingsArb, (v2) => {
        const { settings, problems } = repairUserSettings(migrateV2toV3(v2));
        expect(problems).toEqual([]);
        expect(flattenSettings(settings)).toEqual(v2);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on junk and always yields valid settings after repair', () => {
    fc.assert(
      fc.property(fc.anything(), (raw) => {
        const migrated = migrateV2toV3(migrateV1toV2(raw));
        expect(UserSettings.safeParse(repairUserSettings(migrated).settings).success).toBe(true);
      }),
    );
  });
});

describe('repairUserSettings', () => {
  it('gives the defaults, without problems, when nothing is stored', () => {
    expect(repairUserSettings(undefined)).toEqual({ settings: defaultUserSettings(), problems: [] });
    expect(repairUserSettings(null)).toEqual({ settings: defaultUserSettings(), problems: [] });
  });

  it.each([['a string'], [42], [true], [['region']]])('resets unreadable settings (%j) to the defaults', (raw) => {
    const { settings, problems } = repairUserSettings(raw);
    expect(settings).toEqual(defaultUserSettings());
    expect(problems).toEqual(['The stored settings were unreadable and have been reset to the defaults.']);
  });

  it('is the identity, without problems, on valid stored settings', () => {
    fc.assert(
      fc.property(validUserSettingsArb, (value) => {
        expect(repairUserSettings(value)).toEqual({ settings: value, problems: [] });
      }),
      { numRuns: 300 },
    );
  });

  it('reads a format 2 value (an older build on another synced browser) as its one profile, silently', () => {
    expect(repairUserSettings(sampleV2())).toEqual({ settings: migrateV2toV3(sampleV2()), problems: [] });
  });

  it('repairs each field of each profile on its own, naming the profile', () => {
    const { settings, problems } = repairUserSettings({
      ...sampleUserSettings(),
      requireAgencyCode: 'yes',
      checks: { 'date-is-today': false, 'office-missing': 'off' },
      profiles: [
        { ...DOWNTOWN, region: 7, agencyCode: { code: 'LA 0211', name: 'Example Agency' } },
        { ...EASTSIDE, office: ['x'] },
      ],
    });
    expect(settings.profiles).toEqual([
      { ...DOWNTOWN, region: '', agencyCode: { code: '', name: 'Example Agency' } },
      { ...EASTSIDE, office: '' },
    ]);
    expect(settings.requireAgencyCode).toBe(true);
    expect(settings.checks).toEqual({ 'date-is-today': false });
    expect(problems).toEqual([
      'The stored value of "requireAgencyCode" was not valid and has been reset to its default.',
      'The switch for check "office-missing" was not on/off and has been reset to on.',
      'Office profile "Downtown": the stored value of "region" was not valid and has been cleared.',
      'Office profile "Downtown": part of the agency code was unreadable and has been cleared.',
      'Office profile "Eastside": the stored value of "office" was not valid and has been cleared.',
    ]);
  });

  it('drops unreadable profiles, renames clashing ones, re-ids duplicates and keeps at most the limit', () => {
    const many = Array.from({ length: LIMITS.profiles + 2 }, (_, i) => ({ ...DOWNTOWN, id: `p${i}`, name: `Office ${i}` }));
    const { settings, problems } = repairUserSettings({
      ...sampleUserSettings(),
      profiles: ['junk', { ...DOWNTOWN }, { ...EASTSIDE, id: DOWNTOWN.id, name: 'downtown' }, ...many],
    });
    expect(settings.profiles).toHaveLength(LIMITS.profiles);
    expect(settings.profiles[0]).toEqual(DOWNTOWN);
    expect(settings.profiles[1]!.id).not.toBe(DOWNTOWN.id);
    expect(settings.profiles[1]!.name).toBe('Office 2');
    expect(settings.profiles[1]!.office).toBe(EASTSIDE.office);
    expect(UserSettings.safeParse(settings).success).toBe(true);
    expect(problems.join(' ')).toMatch(/An office profile was unreadable/);
    expect(problems.join(' ')).toMatch(/Only the first 8 office profiles/);
    expect(problems.join(' ')).toMatch(/now called "Office 2"/);
  });

  it('puts the first profile in use when the one in use is missing, and says so', () => {
    const { settings, problems } = repairUserSettings({ ...sampleUserSettings(), activeProfileId: 'gone' });
    expect(settings.activeProfileId).toBe(DOWNTOWN.id);
    expect(problems).toEqual(['The office profile in use could not be found; "Downtown" is in use now.']);
  });

  it('makes one empty profile when the list is empty or unreadable', () => {
    for (const profiles of [[], 'x', [1, 2]]) {
      const { settings, problems } = repairUserSettings({ ...sampleUserSettings(), profiles });
      expect(settings.profiles).toEqual(defaultUserSettings().profiles);
      expect(problems.length).toBeGreaterThan(0);
    }
  });

  it('never throws on junk shaped like stored settings and always yields valid ones, keeping valid profiles', () => {
    const junk = fc.oneof(fc.anything(), fc.string({ maxLength: 200 }), fc.boolean(), fc.constant(null));
    const profile = fc.record(
      { id: junk, name: junk, region: junk, office: junk, agencyCode: fc.oneof(junk, fc.record({ code: junk, name: junk }, { requiredKeys: [] })) },
      { requiredKeys: [] },
    );
    const shaped = fc.record(
      {
        profiles: fc.oneof(junk, fc.array(fc.oneof(profile, junk), { maxLength: 12 })),
        activeProfileId: junk,
        requireAgencyCode: junk,
        autoFill: junk,
        checks: fc.oneof(junk, fc.dictionary(fc.string(), junk)),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(shaped, (raw) => {
        const { settings } = repairUserSettings(raw);
        expect(UserSettings.safeParse(settings).success).toBe(true);
        for (const key of ['requireAgencyCode', 'autoFill'] as const) {
          if (typeof raw[key] === 'boolean') expect(settings[key]).toBe(raw[key]);
        }
      }),
      { numRuns: 500 },
    );
  });
});

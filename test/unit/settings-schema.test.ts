import { describe, expect, it } from 'vitest';
import { validSettingsArb } from './support/settings';
import fc from 'fast-check';
import {
  DEFAULT_SETTINGS,
  SETTINGS_VERSION,
  Settings,
  applyPolicy,
  defaultSettings,
  migrateV1toV2,
  readPolicy,
  repairSettings,
} from '@/lib/settings/schema';


describe('Settings schema and defaults', () => {
  it('has the documented defaults', () => {
    expect(SETTINGS_VERSION).toBe(2);
    expect(DEFAULT_SETTINGS).toEqual({
      region: '',
      office: '',
      agencyCode: { code: '', name: '' },
      requireAgencyCode: true,
      autoFill: false,
      checks: {},
    });
    expect(Settings.safeParse(DEFAULT_SETTINGS).success).toBe(true);
  });

  it('hands out fresh copies of the defaults', () => {
    const a = defaultSettings();
    a.agencyCode.code = 'LA0211';
    a.checks['date-is-today'] = false;
    expect(defaultSettings()).toEqual(DEFAULT_SETTINGS);
    expect(Object.isFrozen(DEFAULT_SETTINGS)).toBe(true);
  });

  it('rejects an agency code with spaces or other characters', () => {
    const bad = { ...defaultSettings(), agencyCode: { code: 'LA 0211', name: '' } };
    expect(Settings.safeParse(bad).success).toBe(false);
    expect(Settings.safeParse({ ...bad, agencyCode: { code: 'LA_0211', name: '' } }).success).toBe(false);
    expect(Settings.safeParse({ ...bad, agencyCode: { code: 'LA-0211', name: 'Example' } }).success).toBe(true);
  });

  it('limits text lengths', () => {
    expect(Settings.safeParse({ ...defaultSettings(), region: 'x'.repeat(120) }).success).toBe(true);
    expect(Settings.safeParse({ ...defaultSettings(), region: 'x'.repeat(121) }).success).toBe(false);
    expect(Settings.safeParse({ ...defaultSettings(), agencyCode: { code: 'A'.repeat(21), name: '' } }).success).toBe(false);
  });
});

describe('repairSettings', () => {
  it('gives the defaults, without problems, when nothing is stored', () => {
    expect(repairSettings(undefined)).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
    expect(repairSettings(null)).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
  });

  it.each([['a string'], [42], [true], [['region']]])('resets unreadable settings (%j) to the defaults', (raw) => {
    const { settings, problems } = repairSettings(raw);
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(problems).toHaveLength(1);
  });

  it('keeps a valid value unchanged', () => {
    const value: Settings = {
      region: 'Los Angeles County',
      office: 'Example WorkSource Center',
      agencyCode: { code: 'LA0211', name: 'Example Agency' },
      requireAgencyCode: false,
      autoFill: true,
      checks: { 'date-is-today': false, 'office-missing': true },
    };
    expect(repairSettings(value)).toEqual({ settings: value, problems: [] });
  });

  it('repairs each field on its own, keeping the valid ones', () => {
    const { settings, problems } = repairSettings({
      region: 7,
      office: 'Example WorkSource Center',
      agencyCode: { code: 'LA 0211', name: 'Example Agency' },
      requireAgencyCode: 'yes',
      autoFill: true,
      checks: { 'date-is-today': false, 'office-missing': 'off' },
    });
    expect(settings).toEqual({
      region: '',
      office: 'Example WorkSource Center',
      agencyCode: { code: '', name: 'Example Agency' },
      requireAgencyCode: true,
      autoFill: true,
      checks: { 'date-is-today': false },
    });
    expect(problems).toHaveLength(4);
    expect(problems.join(' ')).toMatch(/region/);
    expect(problems.join(' ')).toMatch(/requireAgencyCode/);
    expect(problems.join(' ')).toMatch(/office-missing/);
  });

  it('clears an unreadable agency code and resets unreadable check switches', () => {
    const { settings, problems } = repairSettings({ agencyCode: 'LA0211', checks: ['date-is-today'] });
    expect(settings.agencyCode).toEqual({ code: '', name: '' });
    expect(settings.checks).toEqual({});
    expect(problems).toHaveLength(2);
  });

  it('drops keys it does not know, silently', () => {
    const { settings, problems } = repairSettings({ ...defaultSettings(), laCountyRule: true, extra: { a: 1 } });
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(problems).toEqual([]);
  });

  it('never throws on arbitrary junk and always yields valid Settings', () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withObjectString: true, withBoxedValues: true }), (raw) => {
        const { settings, problems } = repairSettings(raw);
        expect(Settings.safeParse(settings).success).toBe(true);
        expect(Array.isArray(problems)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on junk shaped like settings (field by field) and always yields valid Settings', () => {
    const junkField = fc.oneof(fc.anything(), fc.string({ maxLength: 200 }), fc.boolean(), fc.constant(null));
    const shaped = fc.record(
      {
        region: junkField,
        office: junkField,
        agencyCode: fc.oneof(junkField, fc.record({ code: junkField, name: junkField }, { requiredKeys: [] })),
        requireAgencyCode: junkField,
        autoFill: junkField,
        checks: fc.oneof(junkField, fc.dictionary(fc.string(), junkField)),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(shaped, (raw) => {
        const { settings } = repairSettings(raw);
        expect(Settings.safeParse(settings).success).toBe(true);
        // Each field that was valid on its own is kept.
        for (const key of ['region', 'office', 'requireAgencyCode', 'autoFill'] as const) {
          if (Settings.def.shape[key].safeParse(raw[key]).success) expect(settings[key]).toBe(raw[key]);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('is the identity, without problems, on valid settings', () => {
    fc.assert(
      fc.property(validSettingsArb, (value) => {
        expect(repairSettings(value)).toEqual({ settings: value, problems: [] });
      }),
    );
  });
});

describe('migrateV1toV2', () => {
  it('splits the one-string agency code and renames laCountyRule', () => {
    expect(
      migrateV1toV2({ region: 'Los Angeles County', agencyCode: 'LA0211 - Example Agency - East', laCountyRule: false }),
    ).toEqual({
      region: 'Los Angeles County',
      agencyCode: { code: 'LA0211', name: 'Example Agency - East' },
      requireAgencyCode: false,
    });
  });

  it('handles a code without a name, and no code at all', () => {
    expect(migrateV1toV2({ agencyCode: 'LA0211' })).toEqual({ agencyCode: { code: 'LA0211', name: '' } });
    expect(migrateV1toV2({ office: 'X' })).toEqual({ office: 'X', agencyCode: { code: '', name: '' } });
  });

  it('leaves non-objects alone, and never throws', () => {
    expect(migrateV1toV2(null)).toBeNull();
    expect(migrateV1toV2('x')).toBe('x');
    fc.assert(
      fc.property(fc.anything(), (raw) => {
        const migrated = migrateV1toV2(raw);
        expect(Settings.safeParse(repairSettings(migrated).settings).success).toBe(true);
      }),
    );
  });
});

describe('policy', () => {
  it('reads valid policy keys and reports invalid ones', () => {
    const { policy, problems } = readPolicy({
      region: 'Los Angeles County',
      agencyCode: 'LA 0211',
      autoFill: 1,
      disabledChecks: ['date-is-today'],
      somethingElse: true,
    });
    expect(policy).toEqual({ region: 'Los Angeles County', disabledChecks: ['date-is-today'] });
    expect(problems).toHaveLength(2);
  });

  it('treats a missing or junk policy as none', () => {
    expect(readPolicy(undefined)).toEqual({ policy: {}, problems: [] });
    expect(readPolicy('x')).toEqual({ policy: {}, problems: [] });
  });

  it('overrides and locks what the policy sets, and only that', () => {
    const user: Settings = {
      ...defaultSettings(),
      region: 'Mine',
      office: 'My office',
      agencyCode: { code: 'LA0001', name: 'Mine' },
      checks: { 'office-missing': false },
    };
    const { settings, locked } = applyPolicy(user, {
      region: 'Los Angeles County',
      agencyCode: 'LA0211',
      requireAgencyCode: false,
      disabledChecks: ['date-is-today'],
    });
    expect(settings).toEqual({
      ...user,
      region: 'Los Angeles County',
      agencyCode: { code: 'LA0211', name: '' },
      requireAgencyCode: false,
      checks: { 'date-is-today': false },
    });
    expect(locked.sort()).toEqual(['agencyCode', 'checks', 'region', 'requireAgencyCode']);
    expect(user.region).toBe('Mine');
  });
});

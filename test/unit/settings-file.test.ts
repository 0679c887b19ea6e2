import { describe, expect, it } from 'vitest';
import { DOWNTOWN, EASTSIDE, sampleSettings, sampleUserSettings, validSettingsArb, validUserSettingsArb } from './support/settings';
import fc from 'fast-check';
import {
  MAX_SETTINGS_FILE_BYTES,
  SETTINGS_FILE_FORMAT,
  exportSettingsFile,
  parseSettingsFile,
} from '@/lib/settings/file';
import { Settings, UserSettings, defaultSettings, flattenSettings, migrateV2toV3 } from '@/lib/settings/schema';

/** A format 2 (one office) file's settings. */
const SAMPLE: Settings = sampleSettings();
/** A format 3 file's settings: two office profiles. */
const USER: UserSettings = sampleUserSettings();
const v2File = (settings: unknown) => JSON.stringify({ format: SETTINGS_FILE_FORMAT, version: 2, settings });

const bytes = (text: string) => new TextEncoder().encode(text).byteLength;
const parse = (text: string) => parseSettingsFile(text, bytes(text));
const file = (body: unknown) => JSON.stringify(body);
const errorOf = (result: ReturnType<typeof parseSettingsFile>) => (result.ok ? '' : result.error);

describe('exportSettingsFile', () => {
  it('writes the marker, the version and the settings (every profile) as pretty JSON', () => {
    const text = exportSettingsFile(USER);
    expect(JSON.parse(text)).toEqual({ format: SETTINGS_FILE_FORMAT, version: 3, settings: USER });
    expect(text).toContain('\n  "format": "caljobs-credential-assistant-settings"');
    expect(text.endsWith('\n')).toBe(true);
  });

  it('round-trips every valid settings value', () => {
    fc.assert(
      fc.property(validUserSettingsArb, (settings) => {
        const result = parse(exportSettingsFile(settings));
        expect(result).toEqual({ ok: true, settings });
      }),
      { numRuns: 300 },
    );
  });
});

describe('parseSettingsFile', () => {
  it('accepts a file exported by this version, with its profiles', () => {
    expect(parse(exportSettingsFile(USER))).toEqual({ ok: true, settings: USER });
  });

  it('accepts a format 2 file (one office, before profiles): its office becomes the one profile', () => {
    const result = parse(v2File(SAMPLE));
    expect(result).toEqual({ ok: true, settings: migrateV2toV3(SAMPLE) });
    if (!result.ok) return;
    expect(result.settings.profiles).toEqual([{ id: 'office-1', name: 'Example WorkSource Center', region: SAMPLE.region, office: SAMPLE.office, agencyCode: SAMPLE.agencyCode }]);
    expect(flattenSettings(result.settings)).toEqual(SAMPLE);
  });

  it('accepts every valid format 2 file, and the checks see the same settings', () => {
    fc.assert(
      fc.property(validSettingsArb, (settings) => {
        const result = parse(v2File(settings));
        expect(result.ok).toBe(true);
        if (result.ok) expect(flattenSettings(result.settings)).toEqual(settings);
      }),
      { numRuns: 200 },
    );
  });

  it('accepts a byte-order mark and Windows line ends', () => {
    const text = `\uFEFF${exportSettingsFile(USER).replace(/\n/g, '\r\n')}`;
    expect(parse(text)).toEqual({ ok: true, settings: USER });
  });

  it.each([
    ['no profile', { ...USER, profiles: [] }, /Office profiles \(settings\.profiles\): Keep at least one office profile/],
    ['two profiles with one name', { ...USER, profiles: [DOWNTOWN, { ...EASTSIDE, name: 'DOWNTOWN' }] }, /same name/],
    ['a profile in use that is not there', { ...USER, activeProfileId: 'gone' }, /Profile in use \(settings\.activeProfileId\): The profile in use is not one of the profiles/],
    ['a wrong code in the second profile', { ...USER, profiles: [DOWNTOWN, { ...EASTSIDE, agencyCode: { code: 'LA 0300', name: '' } }] }, /Office profile "Eastside": Agency Code \(settings\.profiles\.1\.agencyCode\.code\)/],
    ['an empty profile name', { ...USER, profiles: [{ ...DOWNTOWN, name: ' ' }] }, /Office profile 1: Profile name \(settings\.profiles\.0\.name\): Give the profile a name/],
  ])('rejects a format 3 file with %s, naming the profile and field', (_name, settings, message) => {
    expect(errorOf(parse(JSON.stringify({ format: SETTINGS_FILE_FORMAT, version: 3, settings })))).toMatch(message);
  });

  it('rejects a file over 64 KB on its size, before reading it', () => {
    const result = parseSettingsFile(exportSettingsFile(USER), MAX_SETTINGS_FILE_BYTES + 1);
    expect(result.ok).toBe(false);
    expect(errorOf(result)).toMatch(/too large/);
    expect(errorOf(result)).toMatch(/64 KB/);
    expect(errorOf(parseSettingsFile('', 5_000_000))).toMatch(/too large \(4883 KB\)/);
    expect(errorOf(parseSettingsFile('{}', Number.NaN))).toMatch(/too large/);
  });

  it('accepts a file of exactly 64 KB', () => {
    const base = exportSettingsFile(USER);
    const padded = base.replace('{', `{${' '.repeat(MAX_SETTINGS_FILE_BYTES - bytes(base))}`);
    expect(bytes(padded)).toBe(MAX_SETTINGS_FILE_BYTES);
    expect(parse(padded).ok).toBe(true);
  });

  it.each([
    ['an empty file', '', /empty/],
    ['only spaces', '   \n', /empty/],
    ['text', 'region=Los Angeles County', /not valid JSON/],
    ['cut-off JSON', exportSettingsFile(USER).slice(0, 40), /not valid JSON/],
  ])('rejects %s', (_name, text, message) => {
    const result = parse(text);
    expect(result.ok).toBe(false);
    expect(errorOf(result)).toMatch(message);
  });

  it.each([
    ['a JSON list', '[1, 2]'],
    ['a JSON string', '"caljobs-credential-assistant-settings"'],
    ['null', 'null'],
    ['no marker', file({ version: 2, settings: SAMPLE })],
    ['another marker', file({ format: 'something-else', version: 2, settings: SAMPLE })],
    ['bare settings', file(SAMPLE)],
  ])('rejects %s as not a settings file', (_name, text) => {
    expect(errorOf(parse(text))).toMatch(/not a CalJOBS Credential Assistant settings file.*"format"/);
  });

  it.each([
    ['missing', undefined, /no valid version/],
    ['a string', '2', /no valid version/],
    ['a fraction', 1.5, /no valid version/],
    ['newer', 4, /newer version of the assistant \(file version 4; this version reads up to 3\)/],
    ['zero', 0, /unknown version \(0\)/],
    ['negative', -1, /unknown version/],
  ])('rejects a version that is %s', (_name, version, message) => {
    expect(errorOf(parse(file({ format: SETTINGS_FILE_FORMAT, version, settings: SAMPLE })))).toMatch(message);
  });

  it('reads a version 1 file through the migration, with defaults for missing fields', () => {
    const result = parse(
      file({
        format: SETTINGS_FILE_FORMAT,
        version: 1,
        settings: { region: 'Los Angeles County', agencyCode: 'LA0211 - Example Agency', laCountyRule: false },
      }),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.settings.profiles).toHaveLength(1);
    expect(flattenSettings(result.settings)).toEqual({
      ...defaultSettings(),
      region: 'Los Angeles County',
      agencyCode: { code: 'LA0211', name: 'Example Agency' },
      requireAgencyCode: false,
    });
  });

  it('rejects a file without settings', () => {
    expect(errorOf(parse(file({ format: SETTINGS_FILE_FORMAT, version: 2 })))).toMatch(/no settings/);
    expect(errorOf(parse(file({ format: SETTINGS_FILE_FORMAT, version: 2, settings: [] })))).toMatch(/no settings/);
  });

  it.each([
    ['an agency code with a space', { agencyCode: { code: 'LA 0211', name: '' } }, /Agency Code \(settings\.agencyCode\.code\): Use letters, digits and dashes only/],
    ['a yes/no given as text', { requireAgencyCode: 'yes' }, /Require an agency code \(settings\.requireAgencyCode\) should be true or false, not text/],
    ['a region given as a number', { region: 7 }, /LWIA\/Region \(settings\.region\) should be text, not a number/],
    ['a long office', { office: 'x'.repeat(121) }, /Office Location \(settings\.office\) is too long \(at most 120 characters\)/],
    ['a check switch that is not on/off', { checks: { 'date-is-today': 'off' } }, /check "date-is-today" \(settings\.checks\.date-is-today\) should be true or false/],
    ['checks as a list', { checks: ['date-is-today'] }, /Check switches \(settings\.checks\) should be an object, not a list/],
    ['the agency code as a string', { agencyCode: 'LA0211' }, /Agency Code \(settings\.agencyCode\) should be an object, not text/],
  ])('rejects a format 2 file with %s, naming the field', (_name, patch, message) => {
    const result = parse(file({ format: SETTINGS_FILE_FORMAT, version: 2, settings: { ...SAMPLE, ...patch } }));
    expect(result.ok).toBe(false);
    expect(errorOf(result)).toMatch(message);
  });

  it('names a missing field', () => {
    const { checks: _checks, ...withoutChecks } = SAMPLE;
    expect(errorOf(parse(file({ format: SETTINGS_FILE_FORMAT, version: 2, settings: withoutChecks })))).toMatch(
      /Check switches \(settings\.checks\) is missing/,
    );
  });

  it('lists at most three problems', () => {
    const result = parse(
      file({ format: SETTINGS_FILE_FORMAT, version: 2, settings: { region: 1, office: 2, autoFill: 3, requireAgencyCode: 4, checks: 5 } }),
    );
    expect(errorOf(result)).toMatch(/\(and \d+ more\)$/);
  });

  it('never throws, and is never ok, for arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400, unit: 'binary' }), fc.nat({ max: 200_000 }), (text, size) => {
        const result = parseSettingsFile(text, size);
        expect(result.ok).toBe(false);
        expect(typeof errorOf(result)).toBe('string');
      }),
      { numRuns: 500 },
    );
  });

  it('never throws, and is never ok, for arbitrary JSON without the marker', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = parse(JSON.stringify(value) ?? '');
        expect(result.ok).toBe(false);
        expect(errorOf(result).length).toBeGreaterThan(10);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws for malformed files that carry the marker, and only accepts valid settings', () => {
    const version = fc.oneof(fc.constantFrom(1, 2, 3), fc.integer(), fc.double(), fc.string(), fc.constant(null));
    fc.assert(
      fc.property(version, fc.oneof(fc.jsonValue(), validSettingsArb, validUserSettingsArb), (v, settings) => {
        const result = parse(JSON.stringify({ format: SETTINGS_FILE_FORMAT, version: v, settings }));
        if (result.ok) expect(UserSettings.safeParse(result.settings).success).toBe(true);
        else expect(result.error.length).toBeGreaterThan(10);
      }),
      { numRuns: 500 },
    );
  });

  it('rejects a valid format 3 export with one field replaced by junk of the wrong type', () => {
    const field = fc.constantFrom('profiles', 'activeProfileId', 'requireAgencyCode', 'autoFill', 'checks');
    const junk = fc.oneof(fc.integer(), fc.constant(null), fc.array(fc.boolean(), { minLength: 1 }));
    fc.assert(
      fc.property(validUserSettingsArb, field, junk, (settings, key, value) => {
        const result = parse(exportSettingsFile({ ...settings, [key]: value } as UserSettings));
        expect(result.ok).toBe(false);
        expect(errorOf(result)).toContain(`settings.${key}`);
      }),
      { numRuns: 300 },
    );
  });

  it('rejects a valid format 2 file with one field replaced by junk of the wrong type', () => {
    const field = fc.constantFrom('region', 'office', 'agencyCode', 'requireAgencyCode', 'autoFill', 'checks');
    const junk = fc.oneof(fc.integer(), fc.constant(null), fc.array(fc.boolean(), { minLength: 1 }));
    fc.assert(
      fc.property(validSettingsArb, field, junk, (settings, key, value) => {
        const result = parse(JSON.stringify({ format: SETTINGS_FILE_FORMAT, version: 2, settings: { ...settings, [key]: value } }));
        expect(result.ok).toBe(false);
        expect(errorOf(result)).toContain(`settings.${key}`);
      }),
      { numRuns: 300 },
    );
  });

  it('rejects every truncation of a valid export', () => {
    fc.assert(
      fc.property(validUserSettingsArb, fc.double({ min: 0, max: 1, noNaN: true }), (settings, at) => {
        const json = exportSettingsFile(settings).trimEnd();
        const cut = json.slice(0, Math.floor(at * (json.length - 1)));
        expect(parse(cut).ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});

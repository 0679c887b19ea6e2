import { SETTINGS_VERSION, Settings, defaultSettings, migrateV1toV2 } from './schema';

/**
 * The settings file supervisors export from one browser and import into others:
 * `{ "format": "caljobs-credential-assistant-settings", "version": 2, "settings": { ... } }`.
 * Pure (no browser APIs), so the options page and the tests share it. Parsing never throws.
 */

export const SETTINGS_FILE_FORMAT = 'caljobs-credential-assistant-settings';
export const SETTINGS_FILE_NAME = 'caljobs-assistant-settings.json';
/** A real file is well under 2 KB; anything above this is not a settings file. */
export const MAX_SETTINGS_FILE_BYTES = 64 * 1024;

export type ParseSettingsFileResult = { ok: true; settings: Settings } | { ok: false; error: string };

/** The file's text: pretty JSON with a final newline. */
export function exportSettingsFile(settings: Settings): string {
  return `${JSON.stringify({ format: SETTINGS_FILE_FORMAT, version: SETTINGS_VERSION, settings }, null, 2)}\n`;
}

/** What people call each field (the options page labels), for error messages. */
const FIELD_LABELS: Record<string, string> = {
  region: 'LWIA/Region',
  office: 'Office Location',
  agencyCode: 'Agency Code',
  'agencyCode.code': 'Agency Code',
  'agencyCode.name': 'Agency name',
  requireAgencyCode: 'Require an agency code',
  autoFill: 'Fill office defaults automatically',
  checks: 'Check switches',
};

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  boolean: 'true or false',
  object: 'an object',
  record: 'an object',
  array: 'a list',
  number: 'a number',
};

export interface SettingsIssue {
  code?: string;
  path: PropertyKey[];
  message: string;
  expected?: unknown;
  maximum?: unknown;
  input?: unknown;
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return 'text';
  if (typeof value === 'boolean') return String(value);
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** One issue as a sentence: which field, and what is wrong with it. zod/mini has no English messages. */
function describeIssue(issue: SettingsIssue): string {
  const path = issue.path.map(String);
  const dotted = path.join('.');
  let where: string;
  if (path[0] === 'checks' && path.length > 1) where = `The switch for check "${path.slice(1).join('.')}" (settings.${dotted})`;
  else if (dotted) {
    const label = FIELD_LABELS[dotted];
    where = label ? `${label} (settings.${dotted})` : `settings.${dotted}`;
  } else where = 'The settings';

  const custom = issue.message && issue.message !== 'Invalid input' ? issue.message : '';
  switch (issue.code) {
    case 'invalid_type': {
      const expected = typeof issue.expected === 'string' ? (TYPE_NAMES[issue.expected] ?? issue.expected) : 'another type';
      const got = describeValue(issue.input);
      return got === 'missing' ? `${where} is missing.` : `${where} should be ${expected}, not ${got}.`;
    }
    case 'too_big':
      return `${where} is too long (at most ${String(issue.maximum)} characters).`;
    case 'invalid_format':
      return `${where}: ${custom || 'the value has the wrong format.'}`;
    default:
      return `${where}: ${custom || 'the value is not valid.'}`;
  }
}

/**
 * Zod issues from validating a `Settings` value, as sentences naming each field (the first few only).
 * For readable input types, parse with `{ reportInput: true }`.
 */
export function describeSettingsIssues(issues: ReadonlyArray<SettingsIssue>, max = 3): string {
  const shown = issues.slice(0, max).map(describeIssue);
  const more = issues.length > max ? ` (and ${issues.length - max} more)` : '';
  return `${shown.join(' ')}${more}`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function formatKb(bytes: number): string {
  return `${Math.ceil(bytes / 1024)} KB`;
}

/**
 * Reads a settings file. `byteLength` is the file's size as the browser reports it (checked before
 * anything else, so a huge file is not parsed). Returns the settings, or a message for people saying
 * what is wrong. Never throws.
 */
export function parseSettingsFile(text: string, byteLength: number): ParseSettingsFileResult {
  try {
    return parse(text, byteLength);
  } catch {
    return { ok: false, error: 'This file could not be read as a settings file.' };
  }
}

function parse(text: string, byteLength: number): ParseSettingsFileResult {
  const fail = (error: string): ParseSettingsFileResult => ({ ok: false, error });
  const size = Number.isFinite(byteLength) ? byteLength : Infinity;
  if (size > MAX_SETTINGS_FILE_BYTES || typeof text !== 'string' || text.length > MAX_SETTINGS_FILE_BYTES) {
    const shown = Number.isFinite(size) && size > MAX_SETTINGS_FILE_BYTES ? ` (${formatKb(size)})` : '';
    return fail(`This file is too large${shown} to be a settings file: a settings file is under 64 KB. Choose the file you exported.`);
  }
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') return fail('This file is empty. Choose the settings file you exported.');

  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    return fail('This file is not a settings file: it is not valid JSON. Choose the file you exported (a .json file).');
  }

  if (!isPlainObject(data) || data.format !== SETTINGS_FILE_FORMAT) {
    return fail(
      `This is not a CalJOBS Credential Assistant settings file: its "format" should be "${SETTINGS_FILE_FORMAT}".`,
    );
  }

  const version = data.version;
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    return fail('This settings file has no valid version number: "version" should be a whole number such as 2.');
  }
  if (version > SETTINGS_VERSION) {
    return fail(
      `This settings file was made by a newer version of the assistant (file version ${version}; this version reads up to ${SETTINGS_VERSION}). Update the extension, then import it again.`,
    );
  }
  if (version < 1) return fail(`This settings file has an unknown version (${version}).`);

  let settings: unknown = data.settings;
  if (!isPlainObject(settings)) {
    return fail('This settings file has no settings in it: "settings" is missing or is not an object.');
  }
  if (version === 1) {
    // Format 1 (pre-release builds) may lack newer fields: they take their defaults.
    const migrated = migrateV1toV2(settings);
    settings = isPlainObject(migrated) ? { ...defaultSettings(), ...migrated } : migrated;
  }

  const parsed = Settings.safeParse(settings, { reportInput: true });
  if (!parsed.success) {
    return fail(`This settings file has a wrong value. ${describeSettingsIssues(parsed.error.issues)}`);
  }
  return { ok: true, settings: parsed.data };
}

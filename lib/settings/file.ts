import { SETTINGS_VERSION, defaultSettings, type UserSettings as UserSettingsType } from './defaults';
import { describeSettingsIssues } from './issues';
import { Settings, UserSettings, migrateV1toV2, migrateV2toV3 } from './schema';

export { describeSettingsIssues } from './issues';

/**
 * The settings file supervisors export from one browser and import into others:
 * `{ "format": "caljobs-credential-assistant-settings", "version": 3, "settings": { profiles, ... } }`.
 * Files of format 2 (one office, flat) and 1 (pre-release) still import: their office becomes the one
 * profile. Pure (no browser APIs), so the options page and the tests share it. Parsing never throws.
 */

export const SETTINGS_FILE_FORMAT = 'caljobs-credential-assistant-settings';
export const SETTINGS_FILE_NAME = 'caljobs-assistant-settings.json';
/** A real file is well under 2 KB; anything above this is not a settings file. */
export const MAX_SETTINGS_FILE_BYTES = 64 * 1024;

export type ParseSettingsFileResult = { ok: true; settings: UserSettingsType } | { ok: false; error: string };

/** The file's text: pretty JSON with a final newline. */
export function exportSettingsFile(settings: UserSettingsType): string {
  return `${JSON.stringify({ format: SETTINGS_FILE_FORMAT, version: SETTINGS_VERSION, settings }, null, 2)}\n`;
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
    return fail('This settings file has no valid version number: "version" should be a whole number such as 3.');
  }
  if (version > SETTINGS_VERSION) {
    return fail(
      `This settings file was made by a newer version of the assistant (file version ${version}; this version reads up to ${SETTINGS_VERSION}). Update the extension, then import it again.`,
    );
  }
  if (version < 1) return fail(`This settings file has an unknown version (${version}).`);

  const settings: unknown = data.settings;
  if (!isPlainObject(settings)) {
    return fail('This settings file has no settings in it: "settings" is missing or is not an object.');
  }
  if (version === 3) {
    const parsed = UserSettings.safeParse(settings, { reportInput: true });
    if (!parsed.success) {
      return fail(`This settings file has a wrong value. ${describeSettingsIssues(parsed.error.issues, settings)}`);
    }
    return { ok: true, settings: parsed.data };
  }
  // Format 1 (pre-release builds) may lack newer fields: they take their defaults.
  const flat = version === 1 ? { ...defaultSettings(), ...(migrateV1toV2(settings) as object) } : settings;
  const parsed = Settings.safeParse(flat, { reportInput: true });
  if (!parsed.success) {
    return fail(`This settings file has a wrong value. ${describeSettingsIssues(parsed.error.issues, flat)}`);
  }
  return { ok: true, settings: migrateV2toV3(parsed.data) as UserSettingsType };
}

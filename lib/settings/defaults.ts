/**
 * The office settings' types, limits and defaults, without zod (the content script needs these on
 * every page; the schemas, repair and policy code run in the worker and the options page).
 *
 * Two shapes:
 * - `UserSettings` is what is stored and exported: named office **profiles** (one active) and the
 *   switches every profile shares.
 * - `Settings` is what the checks and the content script use: the ACTIVE profile flattened with the
 *   shared switches (its shape and meaning are those of format 2, before profiles existed).
 */

/** Format of the stored settings and of settings files. 1: pre-release; 2: one office; 3: profiles. */
export const SETTINGS_VERSION = 3;

/**
 * Lengths and counts, in one place: the zod schemas (schema.ts) are built from these, and the options
 * form's messages are derived from the schemas' answers.
 */
export const LIMITS = Object.freeze({
  /** Region, office and agency name texts (a CalJOBS choice text is well under this). */
  text: 120,
  /** Agency codes such as "LA0211". */
  agencyCode: 20,
  /** A profile's name, e.g. "Downtown office". */
  profileName: 60,
  /** Profiles per user: enough for staff who float between offices, small enough for sync storage. */
  profiles: 8,
  /** A profile id (made by the options page). */
  profileId: 40,
});

export interface AgencyCodeValue {
  /** e.g. "LA0211"; letters, digits and dashes. Empty when the office has not set one. */
  code: string;
  name: string;
}

/** The office fields a profile holds (and "Make these my office defaults" sets). */
export interface OfficeFields {
  /** Visible text of the LWIA/Region choice, e.g. "Los Angeles County". */
  region: string;
  /** Visible text of the Office Location choice. */
  office: string;
  agencyCode: AgencyCodeValue;
}

/** A named set of office defaults, for staff who work at more than one office. */
export interface OfficeProfile extends OfficeFields {
  /** Stable id (letters, digits, `-` and `_`); never shown. */
  id: string;
  /** Shown in the side panel's header and on the options page, e.g. "Downtown office". */
  name: string;
}

/** The user's own settings as stored (sync area, format 3) and as exported. */
export interface UserSettings {
  /** One to `LIMITS.profiles` profiles, ids unique. */
  profiles: OfficeProfile[];
  /** The id of the profile in use (one of `profiles`). */
  activeProfileId: string;
  requireAgencyCode: boolean;
  autoFill: boolean;
  /** Check id → false to switch it off. A check not listed is on. */
  checks: Record<string, boolean>;
}

/** What the checks and the content script use: the active profile flattened with the shared switches. */
export interface Settings extends OfficeFields {
  requireAgencyCode: boolean;
  autoFill: boolean;
  /** Check id → false to switch it off. A check not listed is on. */
  checks: Record<string, boolean>;
}

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  region: '',
  office: '',
  agencyCode: Object.freeze({ code: '', name: '' }),
  requireAgencyCode: true,
  autoFill: false,
  checks: Object.freeze({}),
}) as Settings;

export function defaultSettings(): Settings {
  return structuredClone(DEFAULT_SETTINGS); // a plain, unfrozen copy
}

/** The id of the first profile (fixed, so two devices migrating the same value agree). */
export const FIRST_PROFILE_ID = 'office-1';
export const DEFAULT_PROFILE_NAME = 'My office';

export function defaultUserSettings(): UserSettings {
  return {
    profiles: [{ id: FIRST_PROFILE_ID, name: DEFAULT_PROFILE_NAME, region: '', office: '', agencyCode: { code: '', name: '' } }],
    activeProfileId: FIRST_PROFILE_ID,
    requireAgencyCode: DEFAULT_SETTINGS.requireAgencyCode,
    autoFill: DEFAULT_SETTINGS.autoFill,
    checks: {},
  };
}

/** The profile in use (the first one if the id is unknown, which a valid value never has). */
export function activeProfile(user: UserSettings): OfficeProfile {
  const found = user.profiles.find((profile) => profile.id === user.activeProfileId) ?? user.profiles[0];
  if (!found) throw new Error('Settings without an office profile.');
  return found;
}

/** The active profile flattened with the shared switches: the `Settings` the checks receive. */
export function flattenSettings(user: UserSettings): Settings {
  const { region, office, agencyCode } = activeProfile(user);
  return {
    region,
    office,
    agencyCode: { ...agencyCode },
    requireAgencyCode: user.requireAgencyCode,
    autoFill: user.autoFill,
    checks: { ...user.checks },
  };
}

/** Keys a policy can lock; also the option rows on the options page. */
export type SettingKey = 'region' | 'office' | 'agencyCode' | 'requireAgencyCode' | 'autoFill' | 'checks';

/** The office fields of a profile, as setting keys (a policy locking one locks it in every profile). */
export const OFFICE_KEYS = ['region', 'office', 'agencyCode'] as const satisfies readonly SettingKey[];

/** Whether IT policy locks any office field: "Make these my office defaults" is refused then (hide it). */
export function officeLocked(locked: readonly SettingKey[]): boolean {
  return OFFICE_KEYS.some((key) => locked.includes(key));
}

/** Whether IT policy locks every office field, so that switching profiles changes nothing on the form. */
export function officeFullyLocked(locked: readonly SettingKey[]): boolean {
  return OFFICE_KEYS.every((key) => locked.includes(key));
}

/** What the checks and the content script use: `settings` as before profiles existed. */
export interface EffectiveSettings {
  /** The active profile flattened with the shared switches, IT policy applied. */
  settings: Settings;
  /** Settings set by IT policy: shown read-only on the options page. */
  locked: SettingKey[];
  /** Repairs made to stored values, for the options page to show once. */
  problems: string[];
}

/** What the worker's `getSettings` answers: the above, plus the profiles beside it. */
export interface EffectiveSettingsWithProfiles extends EffectiveSettings {
  /** Every profile, IT policy applied to its locked office fields (as in `settings`). */
  profiles: OfficeProfile[];
  activeProfileId: string;
}

import * as z from 'zod/mini';
import { lazy } from '../util/lazy';
import {
  DEFAULT_PROFILE_NAME,
  FIRST_PROFILE_ID,
  LIMITS,
  type OfficeProfile as OfficeProfileType,
  type Settings as SettingsType,
  type UserSettings as UserSettingsType,
} from './defaults';
import { assertType, type Equal } from '../util/type-assert';

export {
  SETTINGS_VERSION,
  LIMITS,
  DEFAULT_SETTINGS,
  defaultSettings,
  defaultUserSettings,
  activeProfile,
  flattenSettings,
  type EffectiveSettings,
  type EffectiveSettingsWithProfiles,
  type OfficeFields,
  type SettingKey,
} from './defaults';

/**
 * The settings' zod schemas, built from `LIMITS`, and the migrations between stored formats. Stored in
 * the sync area by the background worker (store.ts); pushed by IT through managed storage (policy.ts).
 */

const text = (max: number) => z.string().check(z.maxLength(max));

export const AgencyCode = /*#__PURE__*/ lazy(() =>
  z.object({
    /** e.g. "LA0211"; letters, digits and dashes. Empty when the office has not set one. */
    code: text(LIMITS.agencyCode).check(z.regex(/^[A-Za-z0-9-]*$/, 'Use letters, digits and dashes only.')),
    name: text(LIMITS.text),
  }),
);

/** The flat settings the checks use (and the whole of a format 2 settings file). */
export const Settings = /*#__PURE__*/ lazy(() =>
  z.object({
    region: text(LIMITS.text),
    office: text(LIMITS.text),
    agencyCode: AgencyCode,
    requireAgencyCode: z.boolean(),
    autoFill: z.boolean(),
    /** Check id → false to switch it off. A check not listed is on. */
    checks: z.record(z.string(), z.boolean()),
  }),
);
export type Settings = SettingsType;
assertType<Equal<z.infer<typeof Settings>, SettingsType>>();

export const ProfileId = /*#__PURE__*/ lazy(() =>
  z.string().check(z.regex(/^[A-Za-z0-9_-]+$/, 'Use letters, digits, dashes and underscores only.'), z.maxLength(LIMITS.profileId)),
);

export const ProfileName = /*#__PURE__*/ lazy(() =>
  z.string().check(
    z.refine((name) => name.trim() !== '', 'Give the profile a name.'),
    z.maxLength(LIMITS.profileName),
  ),
);

export const OfficeProfile = /*#__PURE__*/ lazy(() =>
  z.object({
    id: ProfileId,
    name: ProfileName,
    region: text(LIMITS.text),
    office: text(LIMITS.text),
    agencyCode: AgencyCode,
  }),
);
export type OfficeProfile = OfficeProfileType;
assertType<Equal<z.infer<typeof OfficeProfile>, OfficeProfileType>>();

/** Names compared as people read them: "Downtown" and " downtown " are the same name. */
export const sameProfileName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The stored (format 3) settings: 1 to LIMITS.profiles profiles with unique ids and names, one active. */
export const UserSettings = /*#__PURE__*/ lazy(() =>
  z
    .object({
      profiles: z.array(OfficeProfile).check(
        z.minLength(1, 'Keep at least one office profile.'),
        z.maxLength(LIMITS.profiles, `Keep at most ${LIMITS.profiles} office profiles.`),
      ),
      activeProfileId: ProfileId,
      requireAgencyCode: z.boolean(),
      autoFill: z.boolean(),
      checks: z.record(z.string(), z.boolean()),
    })
    .check(
      z.refine((value) => new Set(value.profiles.map((p) => p.id)).size === value.profiles.length, {
        message: 'Two office profiles have the same id.',
        path: ['profiles'],
      }),
      z.refine(
        (value) => value.profiles.every((p, i) => value.profiles.findIndex((q) => sameProfileName(p.name, q.name)) === i),
        { message: 'Two office profiles have the same name: give each its own.', path: ['profiles'] },
      ),
      z.refine((value) => value.profiles.some((p) => p.id === value.activeProfileId), {
        message: 'The profile in use is not one of the profiles.',
        path: ['activeProfileId'],
      }),
    ),
);
export type UserSettings = UserSettingsType;
assertType<Equal<z.infer<typeof UserSettings>, UserSettingsType>>();

// ---- Migrations between stored formats (also used to read older settings files) ----------------

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Settings from an older format. Format 1 (pre-release builds) kept the agency code as one string. */
export function migrateV1toV2(old: unknown): unknown {
  if (!isRecord(old)) return old;
  const { agencyCode, laCountyRule, ...rest } = old;
  let agency: { code: string; name: string } = { code: '', name: '' };
  if (typeof agencyCode === 'string') {
    const [code = '', ...name] = agencyCode.split(' - ');
    agency = { code: code.trim(), name: name.join(' - ').trim() };
  }
  return {
    ...rest,
    agencyCode: agency,
    ...(typeof laCountyRule === 'boolean' ? { requireAgencyCode: laCountyRule } : {}),
  };
}

/** A profile's name made from an office text: the text itself, shortened, or "My office". */
export function profileNameFor(office: unknown): string {
  const name = typeof office === 'string' ? office.replace(/\s+/g, ' ').trim() : '';
  if (!name) return DEFAULT_PROFILE_NAME;
  return name.length > LIMITS.profileName ? `${name.slice(0, LIMITS.profileName - 1)}…` : name;
}

/**
 * Format 2 (one office) → format 3 (profiles): the office becomes the one profile, named after the
 * office. The id is fixed, so two synced browsers migrating the same value write the same result.
 * Values are moved as they are (junk included): repair (repair.ts) checks them field by field.
 */
export function migrateV2toV3(old: unknown): unknown {
  if (!isRecord(old) || 'profiles' in old) return old; // already format 3: nothing to do
  const { region, office, agencyCode, ...shared } = old;
  return {
    ...shared,
    profiles: [{ id: FIRST_PROFILE_ID, name: profileNameFor(office), region: region ?? '', office: office ?? '', agencyCode: agencyCode ?? { code: '', name: '' } }],
    activeProfileId: FIRST_PROFILE_ID,
  };
}

/** Whether a stored value has the format 2 shape (written by an older build on another synced browser). */
export function looksLikeV2(value: unknown): boolean {
  return isRecord(value) && !('profiles' in value) && ['region', 'office', 'agencyCode'].some((key) => key in value);
}

import { LIMITS, type EffectiveSettingsWithProfiles, type SettingKey, type UserSettings } from '@/lib/settings/schema';
import { AgencyCode, OfficeProfile, ProfileName, sameProfileName } from '@/lib/settings/schema';

/**
 * The options form's values and rules, apart from React so they can be tested on their own.
 * Text is kept as typed; it is trimmed when validated and saved. Limits and formats come from the
 * settings schema (lib/settings/schema.ts): the messages here only put its answers into words.
 */
export interface ProfileValues {
  id: string;
  name: string;
  region: string;
  office: string;
  agencyCode: string;
  agencyName: string;
}

export interface FormValues {
  profiles: ProfileValues[];
  activeProfileId: string;
  requireAgencyCode: boolean;
  autoFill: boolean;
  /** Known check id → switched on. */
  checks: Record<string, boolean>;
}

export type TextField = 'name' | 'region' | 'office' | 'agencyCode' | 'agencyName';
export type ProfileErrors = Partial<Record<TextField, string>>;
/** Messages by profile id, then field. */
export type FieldErrors = Record<string, ProfileErrors>;

export const TEXT_FIELDS = ['name', 'region', 'office', 'agencyCode', 'agencyName'] as const satisfies readonly TextField[];

/** The setting (and so the policy lock) each profile field belongs to; a profile's name is never locked. */
export const FIELD_SETTING: Record<Exclude<TextField, 'name'>, SettingKey> = {
  region: 'region',
  office: 'office',
  agencyCode: 'agencyCode',
  agencyName: 'agencyCode',
};

export function isFieldLocked(field: TextField, locked: readonly SettingKey[]): boolean {
  return field !== 'name' && locked.includes(FIELD_SETTING[field]);
}

export function formFromSettings(effective: EffectiveSettingsWithProfiles, checkIds: readonly string[]): FormValues {
  return {
    profiles: effective.profiles.map((p) => ({
      id: p.id,
      name: p.name,
      region: p.region,
      office: p.office,
      agencyCode: p.agencyCode.code,
      agencyName: p.agencyCode.name,
    })),
    activeProfileId: effective.activeProfileId,
    requireAgencyCode: effective.settings.requireAgencyCode,
    autoFill: effective.settings.autoFill,
    checks: Object.fromEntries(checkIds.map((id) => [id, effective.settings.checks[id] !== false])),
  };
}

/**
 * The settings the form describes. `baseChecks` (the switches last loaded) supplies switches for
 * checks this build does not know (set by a newer build or a policy), which are kept as they were.
 */
export function settingsFromForm(form: FormValues, baseChecks: Record<string, boolean>, checkIds: readonly string[]): UserSettings {
  const known = new Set(checkIds);
  const checks: Record<string, boolean> = {};
  for (const [id, on] of Object.entries(baseChecks)) if (!known.has(id)) checks[id] = on;
  for (const id of checkIds) if (form.checks[id] === false) checks[id] = false;
  return {
    profiles: form.profiles.map((p) => ({
      id: p.id,
      name: p.name.trim(),
      region: p.region.trim(),
      office: p.office.trim(),
      agencyCode: { code: p.agencyCode.trim(), name: p.agencyName.trim() },
    })),
    activeProfileId: form.activeProfileId,
    requireAgencyCode: form.requireAgencyCode,
    autoFill: form.autoFill,
    checks,
  };
}

const LABELS: Record<TextField, string> = {
  name: 'The profile name',
  region: 'LWIA/Region',
  office: 'Office Location',
  agencyCode: 'The agency code',
  agencyName: 'The agency name',
};

const SCHEMAS = {
  name: ProfileName,
  region: OfficeProfile.def.shape.region,
  office: OfficeProfile.def.shape.office,
  agencyCode: AgencyCode.def.shape.code,
  agencyName: AgencyCode.def.shape.name,
};

/** The message for one text field, or undefined when it is fine. */
export function validateField(field: TextField, value: string): string | undefined {
  const text = value.trim();
  if (field === 'agencyCode' && /\s/.test(text)) {
    return 'The agency code cannot contain spaces. Use letters, digits and dashes only, for example LA0211.';
  }
  const parsed = SCHEMAS[field].safeParse(text);
  if (parsed.success) return undefined;
  const issue = parsed.error.issues[0] as { code?: string; maximum?: unknown; message?: string } | undefined;
  if (issue?.code === 'too_big') return `${LABELS[field]} can be at most ${String(issue.maximum)} characters.`;
  if (field === 'agencyCode') return 'Use letters, digits and dashes only in the agency code, for example LA0211.';
  if (field === 'name') return 'Give the profile a name, for example “Downtown office”.';
  return `${LABELS[field]} is not valid.`;
}

/** Every profile's messages; empty when the form can be saved. Locked fields are not checked. */
export function validateForm(form: FormValues, locked: readonly SettingKey[] = []): FieldErrors {
  const errors: FieldErrors = {};
  form.profiles.forEach((profile, index) => {
    const found: ProfileErrors = {};
    for (const field of TEXT_FIELDS) {
      if (isFieldLocked(field, locked)) continue;
      const message = validateField(field, profile[field]);
      if (message) found[field] = message;
    }
    if (!found.name && form.profiles.slice(0, index).some((other) => sameProfileName(other.name, profile.name))) {
      found.name = 'Another profile has this name. Give each profile its own name.';
    }
    if (Object.keys(found).length > 0) errors[profile.id] = found;
  });
  return errors;
}

export function hasErrors(errors: FieldErrors): boolean {
  return Object.values(errors).some((found) => Object.values(found).some(Boolean));
}

// ---- Profiles ----------------------------------------------------------------------------------

export const canAddProfile = (form: FormValues) => form.profiles.length < LIMITS.profiles;
export const canRemoveProfile = (form: FormValues) => form.profiles.length > 1;

/** A new, empty profile named "Office N" (N free), added at the end. */
export function addProfile(form: FormValues, id: string): FormValues {
  let n = form.profiles.length + 1;
  while (form.profiles.some((p) => sameProfileName(p.name, `Office ${n}`))) n += 1;
  const profile: ProfileValues = { id, name: `Office ${n}`, region: '', office: '', agencyCode: '', agencyName: '' };
  return { ...form, profiles: [...form.profiles, profile] };
}

/** Removes a profile (never the last one); if it was in use, the first remaining one is. */
export function removeProfile(form: FormValues, id: string): FormValues {
  if (!canRemoveProfile(form)) return form;
  const profiles = form.profiles.filter((p) => p.id !== id);
  const activeProfileId = profiles.some((p) => p.id === form.activeProfileId) ? form.activeProfileId : profiles[0]!.id;
  return { ...form, profiles, activeProfileId };
}

export function updateProfile(form: FormValues, id: string, patch: Partial<Omit<ProfileValues, 'id'>>): FormValues {
  return { ...form, profiles: form.profiles.map((p) => (p.id === id ? { ...p, ...patch } : p)) };
}

// ---- Settings changed elsewhere while the form is open ------------------------------------------

/**
 * Settings changed elsewhere (another window, sync, the side panel's profile switch, policy) while the
 * form is open: takes the new value of every field the user has not edited since the last load
 * (`baseline`), keeps the user's edits, and always takes locked (policy) values. Profiles added or
 * deleted elsewhere are taken unless the user has added or deleted one too.
 */
export function mergeRefreshed(form: FormValues, baseline: FormValues, next: FormValues, locked: readonly SettingKey[]): FormValues {
  const ids = (values: FormValues) => values.profiles.map((p) => p.id).join('\n');
  const listEdited = ids(form) !== ids(baseline);
  const order = listEdited ? form.profiles : next.profiles;
  const anyNext = next.profiles[0]; // locked fields hold the policy value in every profile
  const profiles = order.map((profile) => {
    const mine = form.profiles.find((p) => p.id === profile.id);
    const base = baseline.profiles.find((p) => p.id === profile.id);
    const theirs = next.profiles.find((p) => p.id === profile.id);
    const merged = { ...(mine ?? theirs ?? profile) };
    for (const field of TEXT_FIELDS) {
      if (isFieldLocked(field, locked)) merged[field] = (theirs ?? anyNext ?? merged)[field];
      else if (mine && base && theirs && mine[field] === base[field]) merged[field] = theirs[field];
    }
    return merged;
  });
  const activeUnchanged = form.activeProfileId === baseline.activeProfileId;
  const wanted = activeUnchanged ? next.activeProfileId : form.activeProfileId;
  const activeProfileId = profiles.some((p) => p.id === wanted) ? wanted : profiles[0]!.id;

  const pick = <K extends 'requireAgencyCode' | 'autoFill'>(key: K): FormValues[K] =>
    locked.includes(key) || form[key] === baseline[key] ? next[key] : form[key];
  const checksLocked = locked.includes('checks');
  const checks: Record<string, boolean> = {};
  for (const id of Object.keys(next.checks)) {
    const mine = form.checks[id];
    checks[id] = checksLocked || mine === undefined || mine === baseline.checks[id] ? (next.checks[id] ?? true) : mine;
  }
  return { profiles, activeProfileId, requireAgencyCode: pick('requireAgencyCode'), autoFill: pick('autoFill'), checks };
}

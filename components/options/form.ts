import type { SettingKey, Settings } from '@/lib/settings/schema';

/**
 * The options form's values and rules, apart from React so they can be tested on their own.
 * Text is kept as typed; it is trimmed when validated and saved.
 */
export interface FormValues {
  region: string;
  office: string;
  agencyCode: string;
  agencyName: string;
  requireAgencyCode: boolean;
  autoFill: boolean;
  /** Known check id → switched on. */
  checks: Record<string, boolean>;
}

export type TextField = 'region' | 'office' | 'agencyCode' | 'agencyName';
export type FieldErrors = Partial<Record<TextField, string>>;

/** The setting (and so the policy lock) each form value belongs to. */
export const FIELD_SETTING: Record<Exclude<keyof FormValues, 'checks'>, SettingKey> = {
  region: 'region',
  office: 'office',
  agencyCode: 'agencyCode',
  agencyName: 'agencyCode',
  requireAgencyCode: 'requireAgencyCode',
  autoFill: 'autoFill',
};

const TEXT_MAX = 120;
/** As in the Settings schema (lib/settings-schema.ts). */
const CODE_MAX = 20;

export function formFromSettings(settings: Settings, checkIds: readonly string[]): FormValues {
  return {
    region: settings.region,
    office: settings.office,
    agencyCode: settings.agencyCode.code,
    agencyName: settings.agencyCode.name,
    requireAgencyCode: settings.requireAgencyCode,
    autoFill: settings.autoFill,
    checks: Object.fromEntries(checkIds.map((id) => [id, settings.checks[id] !== false])),
  };
}

/**
 * The settings the form describes. `base` (the settings last loaded) supplies switches for checks this
 * build does not know (set by a newer build or a policy), which are kept as they were.
 */
export function settingsFromForm(form: FormValues, base: Settings, checkIds: readonly string[]): Settings {
  const known = new Set(checkIds);
  const checks: Record<string, boolean> = {};
  for (const [id, on] of Object.entries(base.checks)) if (!known.has(id)) checks[id] = on;
  for (const id of checkIds) if (form.checks[id] === false) checks[id] = false;
  return {
    region: form.region.trim(),
    office: form.office.trim(),
    agencyCode: { code: form.agencyCode.trim(), name: form.agencyName.trim() },
    requireAgencyCode: form.requireAgencyCode,
    autoFill: form.autoFill,
    checks,
  };
}

/** The message for one text field, or undefined when it is fine. */
export function validateField(field: TextField, value: string): string | undefined {
  const text = value.trim();
  switch (field) {
    case 'region':
      return text.length > TEXT_MAX ? `LWIA/Region can be at most ${TEXT_MAX} characters.` : undefined;
    case 'office':
      return text.length > TEXT_MAX ? `Office Location can be at most ${TEXT_MAX} characters.` : undefined;
    case 'agencyName':
      return text.length > TEXT_MAX ? `The agency name can be at most ${TEXT_MAX} characters.` : undefined;
    case 'agencyCode':
      if (/\s/.test(text)) return 'The agency code cannot contain spaces. Use letters, digits and dashes only, for example LA0211.';
      if (!/^[A-Za-z0-9-]*$/.test(text)) return 'Use letters, digits and dashes only in the agency code, for example LA0211.';
      if (text.length > CODE_MAX) return `The agency code can be at most ${CODE_MAX} characters.`;
      return undefined;
  }
}

/** Every text field's message; empty when the form can be saved. Locked fields are not checked. */
export function validateForm(form: FormValues, locked: readonly SettingKey[] = []): FieldErrors {
  const errors: FieldErrors = {};
  for (const field of ['region', 'office', 'agencyCode', 'agencyName'] as const) {
    if (locked.includes(FIELD_SETTING[field])) continue;
    const message = validateField(field, form[field]);
    if (message) errors[field] = message;
  }
  return errors;
}

/**
 * Settings changed elsewhere (another window, sync, policy) while the form is open: takes the new value
 * of every field the user has not edited since the last load (`baseline`), keeps the user's edits, and
 * always takes locked (policy) values.
 */
export function mergeRefreshed(
  form: FormValues,
  baseline: FormValues,
  next: FormValues,
  locked: readonly SettingKey[],
): FormValues {
  const pick = <K extends Exclude<keyof FormValues, 'checks'>>(key: K): FormValues[K] =>
    locked.includes(FIELD_SETTING[key]) || form[key] === baseline[key] ? next[key] : form[key];
  const checksLocked = locked.includes('checks');
  const checks: Record<string, boolean> = {};
  for (const id of Object.keys(next.checks)) {
    const mine = form.checks[id];
    checks[id] = checksLocked || mine === undefined || mine === baseline.checks[id] ? (next.checks[id] ?? true) : mine;
  }
  return {
    region: pick('region'),
    office: pick('office'),
    agencyCode: pick('agencyCode'),
    agencyName: pick('agencyName'),
    requireAgencyCode: pick('requireAgencyCode'),
    autoFill: pick('autoFill'),
    checks,
  };
}

export function sameForm(a: FormValues, b: FormValues): boolean {
  const keys = Object.keys(FIELD_SETTING) as Array<keyof typeof FIELD_SETTING>;
  if (keys.some((key) => a[key] !== b[key])) return false;
  const ids = new Set([...Object.keys(a.checks), ...Object.keys(b.checks)]);
  return [...ids].every((id) => (a.checks[id] ?? true) === (b.checks[id] ?? true));
}

import * as z from 'zod/mini';
import { lazy } from '../util/lazy';
import { defaultSettings, type SettingKey, type Settings as SettingsType } from './defaults';
import { assertType, type Equal } from '../util/type-assert';

export { SETTINGS_VERSION, DEFAULT_SETTINGS, defaultSettings, type EffectiveSettings, type SettingKey } from './defaults';

/**
 * Office defaults and preferences: one schema, with its defaults. Stored in the sync area by the
 * background worker (lib/settings-store.ts); pushed by IT through managed storage (policy).
 */

const text = (max: number) => z.string().check(z.maxLength(max));

export const AgencyCode = /*#__PURE__*/ lazy(() =>
  z.object({
  /** e.g. "LA0211"; letters, digits and dashes. Empty when the office has not set one. */
  code: text(20).check(z.regex(/^[A-Za-z0-9-]*$/, 'Use letters, digits and dashes only.')),
  name: text(120),
}),
);

export const Settings = /*#__PURE__*/ lazy(() =>
  z.object({
  region: text(120),
  office: text(120),
  agencyCode: AgencyCode,
  requireAgencyCode: z.boolean(),
  autoFill: z.boolean(),
  /** Check id → false to switch it off. A check not listed is on. */
  checks: z.record(z.string(), z.boolean()),
}),
);
export type Settings = SettingsType;
assertType<Equal<z.infer<typeof Settings>, SettingsType>>();

/**
 * Repairs whatever is stored (corrupt, partial, from an older build) field by field: each valid field
 * is kept, each invalid one falls back to its default, and the problems are listed for the options page.
 */
export function repairSettings(raw: unknown): { settings: Settings; problems: string[] } {
  const settings = defaultSettings();
  const problems: string[] = [];
  if (raw === undefined || raw === null) return { settings, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { settings, problems: ['The stored settings were unreadable and have been reset to the defaults.'] };
  }
  const record = raw as Record<string, unknown>;
  const shape = Settings.def.shape;
  for (const key of Object.keys(shape) as Array<keyof Settings>) {
    if (!(key in record)) continue;
    if (key === 'checks') {
      const checks = record.checks;
      if (checks && typeof checks === 'object' && !Array.isArray(checks)) {
        for (const [id, on] of Object.entries(checks)) {
          if (typeof on === 'boolean') settings.checks[id] = on;
          else problems.push(`The switch for check "${id}" was not on/off and has been reset to on.`);
        }
      } else problems.push('The check switches were unreadable and have been reset to all on.');
      continue;
    }
    if (key === 'agencyCode') {
      const agency = record.agencyCode;
      const parsed = AgencyCode.safeParse(agency);
      if (parsed.success) settings.agencyCode = parsed.data;
      else if (agency && typeof agency === 'object') {
        const parts = agency as Record<string, unknown>;
        const code = AgencyCode.def.shape.code.safeParse(parts.code);
        const name = AgencyCode.def.shape.name.safeParse(parts.name);
        if (code.success) settings.agencyCode.code = code.data;
        if (name.success) settings.agencyCode.name = name.data;
        problems.push('Part of the agency code was unreadable and has been cleared.');
      } else problems.push('The agency code was unreadable and has been cleared.');
      continue;
    }
    const parsed = shape[key].safeParse(record[key]);
    if (parsed.success) (settings as unknown as Record<string, unknown>)[key] = parsed.data;
    else problems.push(`The stored value of "${key}" was not valid and has been reset to its default.`);
  }
  return { settings, problems };
}

/** Settings from an older format. Format 1 (pre-release builds) kept the agency code as one string. */
export function migrateV1toV2(old: unknown): unknown {
  if (!old || typeof old !== 'object') return old;
  const { agencyCode, laCountyRule, ...rest } = old as Record<string, unknown>;
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

// ---- Enterprise policy (storage.managed), flat as policy tools write it -------------------------

export const ManagedPolicy = /*#__PURE__*/ lazy(() =>
  z.object({
  region: z.optional(text(120)),
  office: z.optional(text(120)),
  agencyCode: z.optional(AgencyCode.def.shape.code),
  agencyName: z.optional(text(120)),
  requireAgencyCode: z.optional(z.boolean()),
  autoFill: z.optional(z.boolean()),
  disabledChecks: z.optional(z.array(z.string())),
}),
);
export type ManagedPolicy = z.infer<typeof ManagedPolicy>;


/** Reads whatever the policy holds, keeping each valid key and ignoring the rest. */
export function readPolicy(raw: unknown): { policy: ManagedPolicy; problems: string[] } {
  if (!raw || typeof raw !== 'object') return { policy: {}, problems: [] };
  const policy: Record<string, unknown> = {};
  const problems: string[] = [];
  const shape = ManagedPolicy.def.shape;
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    const field = shape[key as keyof typeof shape];
    if (!field) continue;
    const parsed = field.safeParse(value);
    if (parsed.success) policy[key] = parsed.data;
    else problems.push(`The policy value "${key}" set by IT is not valid and is ignored.`);
  }
  return { policy: policy as ManagedPolicy, problems };
}

/** Policy values override the user's and lock those settings. */
export function applyPolicy(user: Settings, policy: ManagedPolicy): { settings: Settings; locked: SettingKey[] } {
  const settings = structuredClone(user);
  const locked: SettingKey[] = [];
  if (policy.region !== undefined) (settings.region = policy.region), locked.push('region');
  if (policy.office !== undefined) (settings.office = policy.office), locked.push('office');
  if (policy.agencyCode !== undefined || policy.agencyName !== undefined) {
    settings.agencyCode = { code: policy.agencyCode ?? '', name: policy.agencyName ?? '' };
    locked.push('agencyCode');
  }
  if (policy.requireAgencyCode !== undefined) {
    settings.requireAgencyCode = policy.requireAgencyCode;
    locked.push('requireAgencyCode');
  }
  if (policy.autoFill !== undefined) (settings.autoFill = policy.autoFill), locked.push('autoFill');
  if (policy.disabledChecks !== undefined) {
    settings.checks = Object.fromEntries(policy.disabledChecks.map((id) => [id, false]));
    locked.push('checks');
  }
  return { settings, locked };
}

import * as z from 'zod/mini';
import { lazy } from '../util/lazy';
import {
  LIMITS,
  flattenSettings,
  type EffectiveSettingsWithProfiles,
  type OfficeFields,
  type SettingKey,
  type Settings,
  type UserSettings,
} from './defaults';
import { AgencyCode } from './schema';

/**
 * Enterprise policy (storage.managed), flat as policy tools write it. Policy values win over the
 * user's and lock those settings. With profiles: a policy-set region, office or agency code applies to
 * EVERY profile (a profile switch cannot change a locked field); what each profile holds underneath is
 * kept, so removing the policy restores it.
 */

export const ManagedPolicy = /*#__PURE__*/ lazy(() =>
  z.object({
    region: z.optional(z.string().check(z.maxLength(LIMITS.text))),
    office: z.optional(z.string().check(z.maxLength(LIMITS.text))),
    agencyCode: z.optional(AgencyCode.def.shape.code),
    agencyName: z.optional(z.string().check(z.maxLength(LIMITS.text))),
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

/** The settings a policy locks. */
export function lockedBy(policy: ManagedPolicy): SettingKey[] {
  const locked: SettingKey[] = [];
  if (policy.region !== undefined) locked.push('region');
  if (policy.office !== undefined) locked.push('office');
  if (policy.agencyCode !== undefined || policy.agencyName !== undefined) locked.push('agencyCode');
  if (policy.requireAgencyCode !== undefined) locked.push('requireAgencyCode');
  if (policy.autoFill !== undefined) locked.push('autoFill');
  if (policy.disabledChecks !== undefined) locked.push('checks');
  return locked;
}

/** A profile's office fields with the policy's values in place of the locked ones. */
function officeWithPolicy<T extends OfficeFields>(fields: T, policy: ManagedPolicy): T {
  const out = structuredClone(fields);
  if (policy.region !== undefined) out.region = policy.region;
  if (policy.office !== undefined) out.office = policy.office;
  if (policy.agencyCode !== undefined || policy.agencyName !== undefined) {
    out.agencyCode = { code: policy.agencyCode ?? '', name: policy.agencyName ?? '' };
  }
  return out;
}

/** Policy values override the user's (flat) settings and lock them. */
export function applyPolicy(user: Settings, policy: ManagedPolicy): { settings: Settings; locked: SettingKey[] } {
  const settings = officeWithPolicy(user, policy);
  if (policy.requireAgencyCode !== undefined) settings.requireAgencyCode = policy.requireAgencyCode;
  if (policy.autoFill !== undefined) settings.autoFill = policy.autoFill;
  if (policy.disabledChecks !== undefined) settings.checks = Object.fromEntries(policy.disabledChecks.map((id) => [id, false]));
  return { settings, locked: lockedBy(policy) };
}

/** The settings in effect (without the repair notice): the active profile flattened, every profile, policy applied. */
export function effectiveSettings(user: UserSettings, policy: ManagedPolicy): Omit<EffectiveSettingsWithProfiles, 'problems'> {
  const { settings, locked } = applyPolicy(flattenSettings(user), policy);
  return {
    settings,
    locked,
    profiles: user.profiles.map((profile) => officeWithPolicy(profile, policy)),
    activeProfileId: user.activeProfileId,
  };
}

/**
 * Keeps, for each setting IT has locked, the user's own stored value instead of what a page sent (the
 * page shows and sends the policy's value; it must not end up as the user's own). A profile the user
 * has just added has no value of its own under a locked office field: it gets an empty one.
 */
export function keepLockedUserValues(next: UserSettings, stored: UserSettings, locked: readonly SettingKey[]): UserSettings {
  const merged = structuredClone(next);
  for (const profile of merged.profiles) {
    const before = stored.profiles.find((p) => p.id === profile.id);
    if (locked.includes('region')) profile.region = before?.region ?? '';
    if (locked.includes('office')) profile.office = before?.office ?? '';
    if (locked.includes('agencyCode')) profile.agencyCode = structuredClone(before?.agencyCode ?? { code: '', name: '' });
  }
  if (locked.includes('requireAgencyCode')) merged.requireAgencyCode = stored.requireAgencyCode;
  if (locked.includes('autoFill')) merged.autoFill = stored.autoFill;
  if (locked.includes('checks')) merged.checks = structuredClone(stored.checks);
  return merged;
}

import { DEFAULT_PROFILE_NAME, LIMITS, defaultUserSettings, type OfficeProfile, type UserSettings } from './defaults';
import { AgencyCode, ProfileId, ProfileName, Settings, looksLikeV2, migrateV2toV3, sameProfileName } from './schema';

/**
 * Repairs whatever is stored (corrupt, partial, from an older build) field by field: each valid field
 * is kept, each invalid one falls back to its default, and the problems are listed for the options page
 * in words (setting names and profile names only; never participant data).
 */
export function repairUserSettings(raw: unknown): { settings: UserSettings; problems: string[] } {
  const settings = defaultUserSettings();
  const problems: string[] = [];
  if (raw === undefined || raw === null) return { settings, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { settings, problems: ['The stored settings were unreadable and have been reset to the defaults.'] };
  }
  // A format 2 value written by an older build on another synced browser: read it as format 3.
  const record = (looksLikeV2(raw) ? migrateV2toV3(raw) : raw) as Record<string, unknown>;
  repairShared(record, settings, problems);

  if ('profiles' in record) {
    const profiles = repairProfiles(record.profiles, problems);
    if (profiles.length > 0) settings.profiles = profiles;
  }
  const active = record.activeProfileId;
  const found = settings.profiles.find((profile) => profile.id === active);
  settings.activeProfileId = (found ?? settings.profiles[0]!).id;
  if (!found && 'activeProfileId' in record) {
    problems.push(`The office profile in use could not be found; "${settings.profiles[0]!.name}" is in use now.`);
  }
  return { settings, problems };
}

/** The switches every profile shares. */
function repairShared(record: Record<string, unknown>, settings: UserSettings, problems: string[]): void {
  for (const key of ['requireAgencyCode', 'autoFill'] as const) {
    if (!(key in record)) continue;
    const parsed = Settings.def.shape[key].safeParse(record[key]);
    if (parsed.success) settings[key] = parsed.data;
    else problems.push(`The stored value of "${key}" was not valid and has been reset to its default.`);
  }
  if (!('checks' in record)) return;
  const checks = record.checks;
  if (checks && typeof checks === 'object' && !Array.isArray(checks)) {
    for (const [id, on] of Object.entries(checks)) {
      if (typeof on === 'boolean') settings.checks[id] = on;
      else problems.push(`The switch for check "${id}" was not on/off and has been reset to on.`);
    }
  } else problems.push('The check switches were unreadable and have been reset to all on.');
}

function repairProfiles(raw: unknown, problems: string[]): OfficeProfile[] {
  if (!Array.isArray(raw)) {
    problems.push('The office profiles were unreadable; one empty profile has been made.');
    return [];
  }
  const profiles: OfficeProfile[] = [];
  let dropped = 0;
  for (const entry of raw) {
    if (profiles.length >= LIMITS.profiles) {
      problems.push(`Only the first ${LIMITS.profiles} office profiles have been kept.`);
      break;
    }
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) {
      dropped += 1;
      continue;
    }
    profiles.push(repairProfile(entry as Record<string, unknown>, profiles, problems));
  }
  if (dropped > 0) problems.push(`${dropped === 1 ? 'An office profile was' : `${dropped} office profiles were`} unreadable and have been removed.`);
  if (profiles.length === 0 && raw.length === 0) problems.push('There was no office profile; one empty profile has been made.');
  return profiles;
}

/** One profile, field by field; `earlier` are the profiles kept so far (ids and names stay unique). */
function repairProfile(record: Record<string, unknown>, earlier: readonly OfficeProfile[], problems: string[]): OfficeProfile {
  const number = earlier.length + 1;
  const idParsed = ProfileId.safeParse(record.id);
  let id = idParsed.success ? idParsed.data : '';
  if (!id || earlier.some((p) => p.id === id)) id = freeId(earlier);

  const nameParsed = ProfileName.safeParse(record.name);
  let name = nameParsed.success ? nameParsed.data : '';
  if (!name || earlier.some((p) => sameProfileName(p.name, name))) {
    const fallback = freeName(earlier, number);
    if (name || 'name' in record) problems.push(`Office profile ${number} had no usable name and is now called "${fallback}".`);
    name = fallback;
  }
  const profile: OfficeProfile = { id, name, region: '', office: '', agencyCode: { code: '', name: '' } };
  const label = `Office profile "${name}"`;

  for (const key of ['region', 'office'] as const) {
    if (!(key in record)) continue;
    const parsed = Settings.def.shape[key].safeParse(record[key]);
    if (parsed.success) profile[key] = parsed.data;
    else problems.push(`${label}: the stored value of "${key}" was not valid and has been cleared.`);
  }
  if ('agencyCode' in record) {
    const agency = record.agencyCode;
    const parsed = AgencyCode.safeParse(agency);
    if (parsed.success) profile.agencyCode = parsed.data;
    else if (agency && typeof agency === 'object') {
      const parts = agency as Record<string, unknown>;
      const code = AgencyCode.def.shape.code.safeParse(parts.code);
      const agencyName = AgencyCode.def.shape.name.safeParse(parts.name);
      if (code.success) profile.agencyCode.code = code.data;
      if (agencyName.success) profile.agencyCode.name = agencyName.data;
      problems.push(`${label}: part of the agency code was unreadable and has been cleared.`);
    } else problems.push(`${label}: the agency code was unreadable and has been cleared.`);
  }
  return profile;
}

function freeId(earlier: readonly OfficeProfile[]): string {
  for (let n = 1; ; n += 1) {
    const id = `office-${n}`;
    if (!earlier.some((p) => p.id === id)) return id;
  }
}

function freeName(earlier: readonly OfficeProfile[], number: number): string {
  const base = number === 1 ? DEFAULT_PROFILE_NAME : `Office ${number}`;
  if (!earlier.some((p) => sameProfileName(p.name, base))) return base;
  for (let n = number + 1; ; n += 1) {
    const name = `Office ${n}`;
    if (!earlier.some((p) => sameProfileName(p.name, name))) return name;
  }
}

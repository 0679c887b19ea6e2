import { OFFICE_KEYS, activeProfile, type EffectiveSettingsWithProfiles, type OfficeFields, type UserSettings } from './defaults';
import { cleanChoiceText } from './choices';
import { lockedBy } from './policy';
import { effectiveOf, inSettingsQueue, readManagedPolicy, readUserSettings, writeUserSettings } from './store';
import { sameJson } from './serial';

/**
 * "Make these my office defaults" from the form's summary: the region, office and agency code on the
 * form become the ACTIVE profile's, in one step, with an undo. Stateless: what undo needs travels with
 * the answer (`OfficeDefaultsUndo`), so an MV3 worker that stopped in between can still undo.
 */

/** What the summary sends: the texts as the form shows them. */
export interface OfficeDefaultsRequest {
  region: string;
  office: string;
  agencyCode: string;
  agencyName: string;
}

/** Give this back to `undoOfficeDefaults` as it is. */
export interface OfficeDefaultsUndo {
  profileId: string;
  /** The profile's office fields before the change. */
  before: OfficeFields;
  /** What the change wrote: undo refuses when the profile no longer holds exactly this. */
  after: OfficeFields;
}

export interface OfficeDefaultsMade {
  /** The settings now in effect (the content script may use them at once). */
  effective: EffectiveSettingsWithProfiles;
  undo: OfficeDefaultsUndo;
  /** The name of the profile that was changed, for the confirmation ("Saved as "Downtown office"…"). */
  profileName: string;
  /** False when the profile already held exactly these values (nothing was written). */
  changed: boolean;
}

const FIELD_NAMES = { region: 'LWIA/Region', office: 'Office Location', agencyCode: 'Agency Code' } as const;

/** Refuses when IT policy locks any office field (the summary hides the button then). */
async function refuseIfLocked(action: string): Promise<void> {
  const locked = lockedBy((await readManagedPolicy()).policy).filter((key) => (OFFICE_KEYS as readonly string[]).includes(key));
  if (locked.length === 0) return;
  const names = locked.map((key) => FIELD_NAMES[key as keyof typeof FIELD_NAMES]).join(', ');
  throw new Error(`Your IT department manages ${names} for this browser, so office defaults cannot be ${action} from the form.`);
}

function withOffice(user: UserSettings, profileId: string, fields: OfficeFields): UserSettings {
  return {
    ...user,
    profiles: user.profiles.map((profile) => (profile.id === profileId ? { ...profile, ...structuredClone(fields) } : profile)),
  };
}

function officeOf(fields: OfficeFields): OfficeFields {
  return { region: fields.region, office: fields.office, agencyCode: { code: fields.agencyCode.code, name: fields.agencyCode.name } };
}

/** Saves the form's region, office and agency code into the active profile. Validate the request first. */
export function makeOfficeDefaults(request: OfficeDefaultsRequest): Promise<OfficeDefaultsMade> {
  return inSettingsQueue(async () => {
    await refuseIfLocked('made');
    const { settings: user, problems } = await readUserSettings();
    const profile = activeProfile(user);
    const after: OfficeFields = {
      region: cleanChoiceText(request.region),
      office: cleanChoiceText(request.office),
      agencyCode: { code: request.agencyCode.trim(), name: cleanChoiceText(request.agencyName) },
    };
    const before = officeOf(profile);
    const changed = !sameJson(before, after);
    const next = changed ? withOffice(user, profile.id, after) : user;
    if (changed) await writeUserSettings(next);
    return {
      effective: await effectiveOf(next, problems),
      undo: { profileId: profile.id, before, after },
      profileName: profile.name,
      changed,
    };
  });
}

/**
 * Puts the profile's office fields back as they were before `makeOfficeDefaults`. Refuses (clear
 * error, nothing changed) when the profile is gone or was changed again since.
 */
export function undoOfficeDefaults(undo: OfficeDefaultsUndo): Promise<EffectiveSettingsWithProfiles> {
  return inSettingsQueue(async () => {
    await refuseIfLocked('undone');
    const { settings: user, problems } = await readUserSettings();
    const profile = user.profiles.find((p) => p.id === undo.profileId);
    if (!profile) throw new Error('The office profile these defaults were saved in no longer exists: nothing was undone.');
    const current = officeOf(profile);
    if (sameJson(current, officeOf(undo.before))) return effectiveOf(user, problems); // already undone
    if (!sameJson(current, officeOf(undo.after))) {
      throw new Error('The office defaults were changed again since (on the options page or another form): nothing was undone.');
    }
    const next = withOffice(user, profile.id, officeOf(undo.before));
    await writeUserSettings(next);
    return effectiveOf(next, problems);
  });
}

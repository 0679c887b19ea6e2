import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { SETTINGS_STORAGE_KEY } from './changes';
import { SETTINGS_VERSION, type EffectiveSettingsWithProfiles, type UserSettings } from './defaults';
import { describeSettingsIssues } from './issues';
import { effectiveSettings, keepLockedUserValues, readPolicy, type ManagedPolicy } from './policy';
import { repairUserSettings } from './repair';
import { UserSettings as UserSettingsSchema, migrateV1toV2, migrateV2toV3 } from './schema';
import { sameJson, serialQueue } from './serial';

/**
 * The office settings, as the background worker keeps them.
 *
 * - The user's own settings live in `sync:settings`, format 3 (profiles; see defaults.ts). `settings$`
 *   holds `{ v }`; formats 1 and 2 are migrated by @wxt-dev/storage when the worker starts, and a
 *   format 2 value synced later from a browser still on an older build is read as format 3 too.
 * - IT policy is the whole `managed` area (flat `ManagedPolicy` keys); it wins over the user's values
 *   in every profile and locks them, at read time. What the user set is kept underneath.
 * - Repairs of a corrupt stored value are written back at once, and what was repaired is kept in
 *   `local:settingsNotice` until the user saves (or `clearSettingsNotice()`), so the options page can
 *   say so. The notice holds only setting and profile names and check ids, never participant data.
 *
 * Nothing is kept in memory between calls but the queue that runs writes one at a time: an MV3 worker
 * can stop at any time.
 */

/** Most repair messages kept for the notice (a corrupt value with thousands of bad keys stays small). */
const MAX_NOTICE_PROBLEMS = 20;

export const settingsItem = storage.defineItem<UserSettings, { v: number }>(`sync:${SETTINGS_STORAGE_KEY}`, {
  version: SETTINGS_VERSION,
  migrations: { 2: migrateV1toV2, 3: migrateV2toV3 },
});

/** Repairs made to the stored settings that the options page has not yet shown past a save. */
export const settingsNoticeItem = storage.defineItem<string[]>('local:settingsNotice', { fallback: [] });

/** Every read-modify-write of the settings goes through here, one at a time. */
export const inSettingsQueue = serialQueue();

/**
 * Writes the user's settings and makes sure the version tag says so. (@wxt-dev/storage tags the value
 * only on the very first write of a worker that started with nothing stored; an untagged value would be
 * taken for format 1 and migrated again at the next start.) Storage errors become readable ones.
 */
export async function writeUserSettings(value: UserSettings): Promise<void> {
  try {
    await settingsItem.setValue(value);
    const meta = await settingsItem.getMeta();
    if (meta.v !== SETTINGS_VERSION) await settingsItem.setMeta({ v: SETTINGS_VERSION });
  } catch (error) {
    const reason = error instanceof Error && error.message ? ` (${error.message})` : '';
    throw new Error(`The settings could not be saved${reason}.`);
  }
}

/**
 * The whole managed area, or `{}` when there is none. Managed storage is missing in Firefox without a
 * policy (`get()` rejects), in some test environments and when the API is absent: all mean no policy.
 */
async function readManagedArea(): Promise<unknown> {
  try {
    const managed = browser.storage?.managed;
    if (!managed || typeof managed.get !== 'function') return {};
    return (await managed.get()) ?? {};
  } catch {
    return {};
  }
}

/** The policy in force and what was wrong with it. */
export async function readManagedPolicy(): Promise<{ policy: ManagedPolicy; problems: string[] }> {
  return readPolicy(await readManagedArea());
}

/** The notice as stored, tolerating junk (local storage is ours, but never trust it blindly). */
async function readNotice(): Promise<string[]> {
  try {
    const stored: unknown = await settingsNoticeItem.getValue();
    return Array.isArray(stored) ? stored.filter((p): p is string => typeof p === 'string') : [];
  } catch {
    return [];
  }
}

function uniqueCapped(list: readonly string[]): string[] {
  return [...new Set(list)].slice(0, MAX_NOTICE_PROBLEMS);
}

/**
 * The user's own settings (no policy applied), repaired. A repair that changed the stored value is
 * written back, and its problems are added to the notice. Returns the problems still to be shown.
 * Call inside the queue.
 */
export async function readUserSettings(): Promise<{ settings: UserSettings; problems: string[] }> {
  const raw: unknown = await settingsItem.getValue();
  const { settings, problems } = repairUserSettings(raw);
  let notice = await readNotice();
  if (raw != null && !sameJson(raw, settings)) {
    await writeUserSettings(settings);
    if (problems.length > 0) {
      notice = uniqueCapped([...notice, ...problems]);
      await settingsNoticeItem.setValue(notice);
    }
  }
  return { settings, problems: notice };
}

/** The effective settings of `user` under the current policy. Call inside the queue. */
export async function effectiveOf(user: UserSettings, notice: readonly string[]): Promise<EffectiveSettingsWithProfiles> {
  const { policy, problems } = await readManagedPolicy();
  return { ...effectiveSettings(user, policy), problems: uniqueCapped([...notice, ...problems]) };
}

/** The settings in effect: the user's (repaired), with IT policy applied on top. */
export function getEffectiveSettings(): Promise<EffectiveSettingsWithProfiles> {
  return inSettingsQueue(async () => {
    const user = await readUserSettings();
    return effectiveOf(user.settings, user.problems);
  });
}

/**
 * Replaces the user's settings (every profile, the active one, the shared switches). Throws an Error
 * with a readable message when `next` is not valid. Settings locked by policy keep the user's earlier
 * value. Saving also clears the repair notice: the user has now seen and confirmed the settings.
 * Resolves with the new effective settings.
 */
export function saveUserSettings(next: UserSettings): Promise<EffectiveSettingsWithProfiles> {
  const parsed = UserSettingsSchema.safeParse(next, { reportInput: true });
  if (!parsed.success) {
    return Promise.reject(new Error(`These settings are not valid. ${describeSettingsIssues(parsed.error.issues, next)}`));
  }
  return inSettingsQueue(async () => {
    const [{ settings: stored }, { policy }] = await Promise.all([readUserSettings(), readManagedPolicy()]);
    const { locked } = effectiveSettings(stored, policy);
    await writeUserSettings(keepLockedUserValues(parsed.data, stored, locked));
    await clearSettingsNotice();
    return effectiveOf((await readUserSettings()).settings, []);
  });
}

/** Makes another profile the one in use (the side panel's switch). Rejects an unknown profile. */
export function setActiveProfile(profileId: string): Promise<EffectiveSettingsWithProfiles> {
  return inSettingsQueue(async () => {
    const { settings, problems } = await readUserSettings();
    if (!settings.profiles.some((profile) => profile.id === profileId)) {
      throw new Error('That office profile no longer exists. Reopen the side panel to see the current profiles.');
    }
    if (settings.activeProfileId !== profileId) await writeUserSettings({ ...settings, activeProfileId: profileId });
    return effectiveOf({ ...settings, activeProfileId: profileId }, problems);
  });
}

/** Forgets the repair notice (the options page has shown it, or the user saved). */
export async function clearSettingsNotice(): Promise<void> {
  try {
    await settingsNoticeItem.removeValue();
  } catch {
    // Nothing to clear, or local storage unavailable: the notice simply stays.
  }
}

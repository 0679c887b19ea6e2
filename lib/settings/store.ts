import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import {
  DEFAULT_SETTINGS,
  SETTINGS_VERSION,
  Settings,
  applyPolicy,
  migrateV1toV2,
  readPolicy,
  repairSettings,
  type EffectiveSettings,
  type SettingKey,
} from './schema';
import { describeSettingsIssues } from './file';

/**
 * The office defaults, as the background worker keeps them.
 *
 * - The user's own settings live in `sync:settings` (versioned: `settings$` holds `{ v }`; format 1 is
 *   migrated by @wxt-dev/storage when the worker starts).
 * - IT policy is the whole `managed` area (flat `ManagedPolicy` keys); it wins over the user's values and
 *   locks them, at read time. What the user set is kept underneath, so removing the policy restores it.
 * - Repairs of a corrupt stored value are written back at once, and what was repaired is kept in
 *   `local:settingsNotice` until the user saves (or `clearSettingsNotice()`), so the options page can
 *   say so. The notice holds only setting names and check ids, never participant data.
 *
 * Nothing is kept in memory between calls: an MV3 worker can stop at any time.
 */

/** Most repair messages kept for the notice (a corrupt value with thousands of bad keys stays small). */
const MAX_NOTICE_PROBLEMS = 20;

export const settingsItem = storage.defineItem<Settings, { v: number }>('sync:settings', {
  fallback: DEFAULT_SETTINGS,
  version: SETTINGS_VERSION,
  migrations: { 2: migrateV1toV2 },
});

/** Repairs made to the stored settings that the options page has not yet shown past a save. */
export const settingsNoticeItem = storage.defineItem<string[]>('local:settingsNotice', { fallback: [] });

/**
 * Writes the user's settings and makes sure the version tag says so. (@wxt-dev/storage tags the value
 * only on the very first write of a worker that started with nothing stored; an untagged value would be
 * taken for format 1 and migrated again at the next start.)
 */
async function writeSettings(value: Settings): Promise<void> {
  await settingsItem.setValue(value);
  const meta = await settingsItem.getMeta();
  if (meta.v !== SETTINGS_VERSION) await settingsItem.setMeta({ v: SETTINGS_VERSION });
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

/** Structural equality for JSON-like values (key order does not matter). */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every(
    (k) => Object.prototype.hasOwnProperty.call(b, k) && sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  );
}

/**
 * The user's own settings (no policy applied), repaired. A repair that changed the stored value is
 * written back, and its problems are added to the notice. Returns the problems still to be shown.
 */
async function readUserSettings(): Promise<{ settings: Settings; problems: string[] }> {
  const raw: unknown = await settingsItem.getValue();
  const { settings, problems } = repairSettings(raw);
  let notice = await readNotice();
  if (raw != null && !sameJson(raw, settings)) {
    await writeSettings(settings);
    if (problems.length > 0) {
      notice = uniqueCapped([...notice, ...problems]);
      await settingsNoticeItem.setValue(notice);
    }
  }
  return { settings, problems: notice };
}

/** The settings in effect: the user's (repaired), with IT policy applied on top. */
export async function getEffectiveSettings(): Promise<EffectiveSettings> {
  const [user, managed] = await Promise.all([readUserSettings(), readManagedArea()]);
  const { policy, problems: policyProblems } = readPolicy(managed);
  const { settings, locked } = applyPolicy(user.settings, policy);
  return { settings, locked, problems: uniqueCapped([...user.problems, ...policyProblems]) };
}

/** Keeps, for each setting IT has locked, the user's own stored value instead of what the page sent. */
function keepLockedUserValues(next: Settings, stored: Settings, locked: readonly SettingKey[]): Settings {
  const merged = structuredClone(next);
  for (const key of locked) {
    switch (key) {
      case 'region':
        merged.region = stored.region;
        break;
      case 'office':
        merged.office = stored.office;
        break;
      case 'agencyCode':
        merged.agencyCode = structuredClone(stored.agencyCode);
        break;
      case 'requireAgencyCode':
        merged.requireAgencyCode = stored.requireAgencyCode;
        break;
      case 'autoFill':
        merged.autoFill = stored.autoFill;
        break;
      case 'checks':
        merged.checks = structuredClone(stored.checks);
        break;
    }
  }
  return merged;
}

/**
 * Replaces the user's settings. Throws an Error with a readable message when `next` is not valid.
 * Settings locked by policy keep the user's earlier value (the page shows and sends the policy's value;
 * it must not end up as the user's own). Saving also clears the repair notice: the user has now seen
 * and confirmed the settings. Resolves with the new effective settings.
 */
export async function saveUserSettings(next: Settings): Promise<EffectiveSettings> {
  const parsed = Settings.safeParse(next, { reportInput: true });
  if (!parsed.success) {
    throw new Error(`These settings are not valid. ${describeSettingsIssues(parsed.error.issues)}`);
  }
  const [{ settings: stored }, managed] = await Promise.all([readUserSettings(), readManagedArea()]);
  const { locked } = applyPolicy(stored, readPolicy(managed).policy);
  const toStore = keepLockedUserValues(parsed.data, stored, locked);
  try {
    await writeSettings(toStore);
  } catch (error) {
    const reason = error instanceof Error && error.message ? ` (${error.message})` : '';
    throw new Error(`The settings could not be saved${reason}.`);
  }
  await clearSettingsNotice();
  return getEffectiveSettings();
}

/** Forgets the repair notice (the options page has shown it, or the user saved). */
export async function clearSettingsNotice(): Promise<void> {
  try {
    await settingsNoticeItem.removeValue();
  } catch {
    // Nothing to clear, or local storage unavailable: the notice simply stays.
  }
}

/**
 * Calls `cb` with fresh effective settings whenever the user's settings (sync) or the policy (managed)
 * change. Returns the function that stops watching. Errors while reading are swallowed (the next change
 * tries again); callbacks see results in the order the changes happened.
 */
export function watchEffectiveSettings(cb: (settings: EffectiveSettings) => void): () => void {
  let chain: Promise<void> = Promise.resolve();
  let stopped = false;
  const settingsKey = settingsItem.key.slice(settingsItem.key.indexOf(':') + 1);
  const listener = (changes: Record<string, unknown>, areaName: string) => {
    const relevant = areaName === 'managed' || (areaName === 'sync' && settingsKey in changes);
    if (!relevant) return;
    chain = chain
      .then(async () => {
        if (stopped) return;
        const effective = await getEffectiveSettings();
        if (!stopped) cb(effective);
      })
      .catch(() => undefined);
  };
  browser.storage.onChanged.addListener(listener);
  return () => {
    stopped = true;
    browser.storage.onChanged.removeListener(listener);
  };
}

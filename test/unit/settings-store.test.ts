import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DOWNTOWN, EASTSIDE, sampleUserSettings, sampleV2 } from './support/settings';
import { clearSettingsNotice, getEffectiveSettings, saveUserSettings, setActiveProfile } from '@/lib/settings/store';
import { DEFAULT_SETTINGS, UserSettings, defaultUserSettings, flattenSettings } from '@/lib/settings/schema';
import { isChoicesChange, isSettingsChange } from '@/lib/settings/changes';

const MINE: UserSettings = sampleUserSettings();

async function stored(key: string, area: 'sync' | 'local' = 'sync'): Promise<unknown> {
  return (await fakeBrowser.storage[area].get(key))[key];
}

beforeEach(() => {
  fakeBrowser.reset();
});

afterEach(() => {
  vi.restoreAllMocks();
});

/** What getSettings answers for `user` with no policy and no repairs. */
const plain = (user: UserSettings) => ({ settings: flattenSettings(user), locked: [], problems: [], profiles: user.profiles, activeProfileId: user.activeProfileId });

describe('getEffectiveSettings', () => {
  it('gives the defaults (one empty profile) when nothing is stored, and writes nothing', async () => {
    expect(await getEffectiveSettings()).toEqual(plain(defaultUserSettings()));
    expect((await getEffectiveSettings()).settings).toEqual(DEFAULT_SETTINGS);
    expect(await fakeBrowser.storage.sync.get()).toEqual({});
  });

  it('gives back what was saved: the active profile flattened in `settings`, the profiles beside it', async () => {
    const saved = await saveUserSettings(MINE);
    expect(saved).toEqual(plain(MINE));
    expect(saved.settings.agencyCode).toEqual(DOWNTOWN.agencyCode);
    expect(await getEffectiveSettings()).toEqual(saved);
    expect(await stored('settings')).toEqual(MINE);
  });

  it('repairs a corrupt stored value, writes it back and keeps the notice until cleared', async () => {
    await fakeBrowser.storage.sync.set({
      settings: { ...MINE, autoFill: 'yes', profiles: [{ ...DOWNTOWN, agencyCode: { code: 'LA 0211', name: 'Example Agency' } }, EASTSIDE] },
      settings$: { v: 3 },
    });
    const first = await getEffectiveSettings();
    const repaired = { ...MINE, profiles: [{ ...DOWNTOWN, agencyCode: { code: '', name: 'Example Agency' } }, EASTSIDE] };
    expect(first.profiles).toEqual(repaired.profiles);
    expect(first.problems).toHaveLength(2);
    expect(await stored('settings')).toEqual(repaired);
    expect(await stored('settingsNotice', 'local')).toEqual(first.problems);
    expect((await getEffectiveSettings()).problems).toEqual(first.problems);
    await clearSettingsNotice();
    expect((await getEffectiveSettings()).problems).toEqual([]);
  });

  it('resets unreadable settings to the defaults, tagged as format 3', async () => {
    await fakeBrowser.storage.sync.set({ settings: 'garbage', settings$: { v: 3 } });
    const { profiles, problems } = await getEffectiveSettings();
    expect(profiles).toEqual(defaultUserSettings().profiles);
    expect(problems).toEqual(['The stored settings were unreadable and have been reset to the defaults.']);
    expect(await stored('settings')).toEqual(defaultUserSettings());
    expect(await stored('settings$')).toEqual({ v: 3 });
  });

  it('does not write back a value that needed no repair', async () => {
    await saveUserSettings(MINE);
    const set = vi.spyOn(fakeBrowser.storage.sync, 'set');
    await getEffectiveSettings();
    expect(set).not.toHaveBeenCalled();
  });

  it('never throws and always yields valid settings, whatever is stored', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (junk) => {
        fakeBrowser.reset();
        await fakeBrowser.storage.sync.set({ settings: junk, settings$: { v: 3 } });
        const effective = await getEffectiveSettings();
        expect(effective.profiles.some((p) => p.id === effective.activeProfileId)).toBe(true);
        const after = await stored('settings');
        if (after !== undefined) expect(UserSettings.safeParse(after).success).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});

describe('saveUserSettings and setActiveProfile', () => {
  it('refuses invalid settings with a message naming the profile and field, and stores nothing', async () => {
    const bad = { ...MINE, profiles: [DOWNTOWN, { ...EASTSIDE, agencyCode: { code: 'LA 0300', name: '' } }] };
    await expect(saveUserSettings(bad)).rejects.toThrow(/Office profile "Eastside": Agency Code \(settings\.profiles\.1\.agencyCode\.code\): Use letters, digits and dashes only/);
    await expect(saveUserSettings({ ...MINE, activeProfileId: 'gone' })).rejects.toThrow(/Profile in use .*not one of the profiles/);
    expect(await stored('settings')).toBeUndefined();
  });

  it('clears the repair notice: the user has confirmed the settings', async () => {
    await fakeBrowser.storage.sync.set({ settings: { ...MINE, autoFill: 5 }, settings$: { v: 3 } });
    expect((await getEffectiveSettings()).problems).toHaveLength(1);
    expect((await saveUserSettings(MINE)).problems).toEqual([]);
    expect(await stored('settingsNotice', 'local')).toBeUndefined();
  });

  it('reports a storage failure readably', async () => {
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValueOnce(new Error('QUOTA_BYTES_PER_ITEM quota exceeded'));
    await expect(saveUserSettings(MINE)).rejects.toThrow('The settings could not be saved (QUOTA_BYTES_PER_ITEM quota exceeded).');
  });

  it('switches the profile in use: `settings` becomes the other profile’s office', async () => {
    await saveUserSettings(MINE);
    const switched = await setActiveProfile(EASTSIDE.id);
    expect(switched.activeProfileId).toBe(EASTSIDE.id);
    expect(switched.settings).toMatchObject({ region: EASTSIDE.region, office: EASTSIDE.office, agencyCode: EASTSIDE.agencyCode });
    expect((await stored('settings')) as UserSettings).toEqual({ ...MINE, activeProfileId: EASTSIDE.id });
    await expect(setActiveProfile('gone')).rejects.toThrow(/no longer exists/);
    expect(((await stored('settings')) as UserSettings).activeProfileId).toBe(EASTSIDE.id);
  });

  it('runs concurrent changes one after another: none is lost', async () => {
    await saveUserSettings(MINE);
    await Promise.all([setActiveProfile(EASTSIDE.id), saveUserSettings({ ...MINE, autoFill: true, activeProfileId: EASTSIDE.id })]);
    const after = (await stored('settings')) as UserSettings;
    expect(after.autoFill).toBe(true);
    expect(after.activeProfileId).toBe(EASTSIDE.id);
  });
});

describe('migration through the storage item (the worker starting over an older stored value)', () => {
  async function startWorker() {
    vi.resetModules();
    return import('@/lib/settings/store');
  }

  it('migrates a format 2 value: its office becomes the one profile, and the checks see the same settings', async () => {
    await fakeBrowser.storage.sync.set({ settings: sampleV2(), settings$: { v: 2 } });
    const store = await startWorker();
    const effective = await store.getEffectiveSettings();
    expect(effective.settings).toEqual(sampleV2());
    expect(effective.profiles).toEqual([{ id: 'office-1', name: 'Example WorkSource Center', region: 'Los Angeles County', office: 'Example WorkSource Center', agencyCode: { code: 'LA0211', name: 'Example Agency' } }]);
    expect(effective.problems).toEqual([]);
    expect(await stored('settings$')).toEqual({ v: 3 });
    expect(((await stored('settings')) as UserSettings).profiles).toHaveLength(1);
  });

  it.each([
    ['with version metadata 1', { v: 1 }],
    ['without version metadata', undefined],
  ])('migrates a format 1 value %s through format 2', async (_name, meta) => {
    const v1 = { region: 'Los Angeles County', office: 'Example WorkSource Center', agencyCode: 'LA0211 - Example Agency', laCountyRule: false, autoFill: true, checks: { 'date-is-today': false } };
    await fakeBrowser.storage.sync.set(meta ? { settings: v1, settings$: meta } : { settings: v1 });
    const store = await startWorker();
    const { settings, profiles, problems } = await store.getEffectiveSettings();
    expect(settings).toEqual({ region: 'Los Angeles County', office: 'Example WorkSource Center', agencyCode: { code: 'LA0211', name: 'Example Agency' }, requireAgencyCode: false, autoFill: true, checks: { 'date-is-today': false } });
    expect(profiles).toHaveLength(1);
    expect(problems).toEqual([]);
    expect(await stored('settings$')).toEqual({ v: 3 });
  });

  it('leaves a format 3 value alone', async () => {
    await fakeBrowser.storage.sync.set({ settings: MINE, settings$: { v: 3 } });
    const store = await startWorker();
    expect((await store.getEffectiveSettings()).profiles).toEqual(MINE.profiles);
  });

  it('reads a format 2 value synced later from a browser still on an older build', async () => {
    await saveUserSettings(MINE);
    await fakeBrowser.storage.sync.set({ settings: { ...sampleV2(), office: 'Written elsewhere' }, settings$: { v: 2 } });
    const effective = await getEffectiveSettings();
    expect(effective.settings.office).toBe('Written elsewhere');
    expect(effective.problems).toEqual([]);
  });
});

describe('managed policy', () => {
  it('overrides and locks the keys it sets, in every profile', async () => {
    await saveUserSettings(MINE);
    await fakeBrowser.storage.managed.set({ region: 'Policy Region', autoFill: true, disabledChecks: ['office-missing'] });
    const { settings, locked, profiles, problems } = await getEffectiveSettings();
    expect(settings).toEqual({ ...flattenSettings(MINE), region: 'Policy Region', autoFill: true, checks: { 'office-missing': false } });
    expect(profiles.map((p) => p.region)).toEqual(['Policy Region', 'Policy Region']);
    expect([...locked].sort()).toEqual(['autoFill', 'checks', 'region']);
    expect(problems).toEqual([]);
  });

  it('ignores invalid policy values and says so', async () => {
    await fakeBrowser.storage.managed.set({ agencyCode: 'LA 0211', region: 'Policy Region', unknownKey: 1 });
    const { settings, locked, problems } = await getEffectiveSettings();
    expect(settings.region).toBe('Policy Region');
    expect(settings.agencyCode).toEqual(DEFAULT_SETTINGS.agencyCode);
    expect(locked).toEqual(['region']);
    expect(problems).toEqual(['The policy value "agencyCode" set by IT is not valid and is ignored.']);
  });

  it('keeps the user’s own values for locked keys when saving, so removing the policy restores them', async () => {
    await saveUserSettings(MINE);
    await fakeBrowser.storage.managed.set({ region: 'Policy Region', disabledChecks: [] });
    const fromPage = structuredClone(MINE);
    for (const p of fromPage.profiles) p.region = 'Policy Region';
    fromPage.profiles[0]!.office = 'New Office';
    fromPage.checks = {};
    const saved = await saveUserSettings(fromPage);
    expect(saved.settings).toMatchObject({ region: 'Policy Region', office: 'New Office', checks: {} });
    await fakeBrowser.storage.managed.clear();
    const after = await getEffectiveSettings();
    expect(after.profiles.map((p) => p.region)).toEqual([DOWNTOWN.region, EASTSIDE.region]);
    expect(after.settings).toMatchObject({ office: 'New Office', checks: MINE.checks });
  });

  it('treats a failing, missing or junk managed area as no policy', async () => {
    await saveUserSettings(MINE);
    const get = vi.spyOn(fakeBrowser.storage.managed, 'get').mockRejectedValue(new Error('Managed storage manifest not found'));
    expect(await getEffectiveSettings()).toEqual(plain(MINE));
    get.mockResolvedValue(null as unknown as Record<string, unknown>);
    expect((await getEffectiveSettings()).locked).toEqual([]);
    get.mockRestore();
    const area = fakeBrowser.storage as unknown as Record<string, unknown>;
    const managed = area.managed;
    area.managed = undefined;
    try {
      expect(await getEffectiveSettings()).toEqual(plain(MINE));
    } finally {
      area.managed = managed;
    }
  });
});

describe('which storage changes concern the settings (one helper for worker, pages and content script)', () => {
  it('is the user’s settings in sync, or anything in the managed area', () => {
    expect(isSettingsChange({ settings: {} }, 'sync')).toBe(true);
    expect(isSettingsChange({}, 'managed')).toBe(true);
    expect(isSettingsChange({ other: {} }, 'sync')).toBe(false);
    expect(isSettingsChange({ settings: {} }, 'local')).toBe(false);
    expect(isSettingsChange({ caljobsChoices: {} }, 'local')).toBe(false);
    expect(isChoicesChange({ caljobsChoices: {} }, 'local')).toBe(true);
    expect(isChoicesChange({ caljobsChoices: {} }, 'sync')).toBe(false);
  });

  it('fires for a save and a profile switch, and not for remembered lists', async () => {
    const seen: boolean[] = [];
    const listener = (changes: Record<string, unknown>, area: string) => seen.push(isSettingsChange(changes, area));
    fakeBrowser.storage.onChanged.addListener(listener);
    await saveUserSettings(MINE);
    await setActiveProfile(EASTSIDE.id);
    await fakeBrowser.storage.local.set({ caljobsChoices: { regions: null, offices: [], agencyCodes: [] } });
    fakeBrowser.storage.onChanged.removeListener(listener);
    expect(seen.filter(Boolean).length).toBeGreaterThanOrEqual(2);
    expect(seen.at(-1)).toBe(false);
  });
});

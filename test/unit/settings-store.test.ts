import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sampleSettings } from './support/settings';
import fc from 'fast-check';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  clearSettingsNotice,
  getEffectiveSettings,
  saveUserSettings,
  watchEffectiveSettings,
} from '@/lib/settings/store';
import { DEFAULT_SETTINGS, Settings, defaultSettings, type EffectiveSettings } from '@/lib/settings/schema';

const MINE: Settings = sampleSettings();

async function stored(key: string, area: 'sync' | 'local' = 'sync'): Promise<unknown> {
  return (await fakeBrowser.storage[area].get(key))[key];
}

/** Lets storage events and the promise chains they start run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  fakeBrowser.reset();
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('getEffectiveSettings', () => {
  it('gives the defaults when nothing is stored, and writes nothing', async () => {
    expect(await getEffectiveSettings()).toEqual({ settings: DEFAULT_SETTINGS, locked: [], problems: [] });
    expect(await fakeBrowser.storage.sync.get()).toEqual({});
  });

  it('gives back what was saved', async () => {
    const saved = await saveUserSettings(MINE);
    expect(saved).toEqual({ settings: MINE, locked: [], problems: [] });
    expect(await getEffectiveSettings()).toEqual(saved);
    expect(await stored('settings')).toEqual(MINE);
  });

  it('repairs a corrupt stored value field by field, writes it back and keeps the notice until cleared', async () => {
    await fakeBrowser.storage.sync.set({
      settings: { ...MINE, region: 12, agencyCode: { code: 'LA 0211', name: 'Example Agency' }, autoFill: 'yes' },
      settings$: { v: 2 },
    });
    const first = await getEffectiveSettings();
    const repaired = { ...MINE, region: '', agencyCode: { code: '', name: 'Example Agency' } };
    expect(first.settings).toEqual(repaired);
    expect(first.problems).toHaveLength(3);
    expect(await stored('settings')).toEqual(repaired);
    expect(await stored('settingsNotice', 'local')).toEqual(first.problems);

    // The stored value is valid now, but the notice is still there for the options page.
    expect((await getEffectiveSettings()).problems).toEqual(first.problems);

    await clearSettingsNotice();
    expect((await getEffectiveSettings()).problems).toEqual([]);
  });

  it('keeps participant-free, de-duplicated problems across repairs', async () => {
    await fakeBrowser.storage.sync.set({ settings: { region: 1 } });
    await getEffectiveSettings();
    await fakeBrowser.storage.sync.set({ settings: { region: 2, office: false } });
    const { problems } = await getEffectiveSettings();
    expect(problems).toHaveLength(2);
    expect(new Set(problems).size).toBe(problems.length);
  });

  it('resets unreadable settings to the defaults, with a notice', async () => {
    await fakeBrowser.storage.sync.set({ settings: 'garbage' });
    const { settings, problems } = await getEffectiveSettings();
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(problems).toEqual(['The stored settings were unreadable and have been reset to the defaults.']);
    expect(await stored('settings')).toEqual(DEFAULT_SETTINGS);
    // The repaired value is tagged as format 2, so the next start does not migrate it again.
    expect(await stored('settings$')).toEqual({ v: 2 });
  });

  it('drops unknown stored keys without a notice', async () => {
    await fakeBrowser.storage.sync.set({ settings: { ...MINE, leftover: true } });
    expect(await getEffectiveSettings()).toEqual({ settings: MINE, locked: [], problems: [] });
    expect(await stored('settings')).toEqual(MINE);
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
        await fakeBrowser.storage.sync.set({ settings: junk });
        const effective = await getEffectiveSettings();
        expect(Settings.safeParse(effective.settings).success).toBe(true);
        // What is stored afterwards is valid too (or nothing at all).
        const after = await stored('settings');
        if (after !== undefined) expect(Settings.safeParse(after).success).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('saveUserSettings', () => {
  it('refuses invalid settings with a readable message, and stores nothing', async () => {
    const bad = { ...MINE, agencyCode: { code: 'LA 0211', name: '' } };
    await expect(saveUserSettings(bad)).rejects.toThrow(/Agency Code \(settings\.agencyCode\.code\): Use letters, digits and dashes only/);
    await expect(saveUserSettings({ ...MINE, autoFill: 'yes' } as unknown as Settings)).rejects.toThrow(
      /Fill office defaults automatically .* should be true or false/,
    );
    expect(await stored('settings')).toBeUndefined();
  });

  it('stores the version with the value', async () => {
    await saveUserSettings(MINE);
    expect(await stored('settings$')).toEqual({ v: 2 });
  });

  it('clears the repair notice: the user has confirmed the settings', async () => {
    await fakeBrowser.storage.sync.set({ settings: { region: 5 } });
    expect((await getEffectiveSettings()).problems).toHaveLength(1);
    expect((await saveUserSettings(MINE)).problems).toEqual([]);
    expect(await stored('settingsNotice', 'local')).toBeUndefined();
  });

  it('reports a storage failure readably', async () => {
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValueOnce(new Error('QUOTA_BYTES_PER_ITEM quota exceeded'));
    await expect(saveUserSettings(MINE)).rejects.toThrow('The settings could not be saved (QUOTA_BYTES_PER_ITEM quota exceeded).');
  });
});

describe('v1 → v2 migration through the storage item', () => {
  const V1 = {
    region: 'Los Angeles County',
    office: 'Example WorkSource Center',
    agencyCode: 'LA0211 - Example Agency',
    laCountyRule: false,
    autoFill: true,
    checks: { 'date-is-today': false },
  };

  /** The worker starting: the module is loaded afresh over what is already stored. */
  async function startWorker() {
    vi.resetModules();
    return import('@/lib/settings/store');
  }

  it.each([
    ['with version metadata 1', { v: 1 }],
    ['without version metadata', undefined],
  ])('migrates a format 1 value %s', async (_name, meta) => {
    await fakeBrowser.storage.sync.set(meta ? { settings: V1, settings$: meta } : { settings: V1 });
    const store = await startWorker();
    const effective = await store.getEffectiveSettings();
    const expected: Settings = {
      region: 'Los Angeles County',
      office: 'Example WorkSource Center',
      agencyCode: { code: 'LA0211', name: 'Example Agency' },
      requireAgencyCode: false,
      autoFill: true,
      checks: { 'date-is-today': false },
    };
    expect(effective).toEqual({ settings: expected, locked: [], problems: [] });
    expect(await stored('settings')).toEqual(expected);
    expect(await stored('settings$')).toEqual({ v: 2 });
  });

  it('leaves a version 2 value alone', async () => {
    await fakeBrowser.storage.sync.set({ settings: MINE, settings$: { v: 2 } });
    const store = await startWorker();
    expect((await store.getEffectiveSettings()).settings).toEqual(MINE);
  });

  it('repairs a corrupt format 1 value after migrating it', async () => {
    await fakeBrowser.storage.sync.set({ settings: { ...V1, agencyCode: 42, region: [] }, settings$: { v: 1 } });
    const store = await startWorker();
    const { settings, problems } = await store.getEffectiveSettings();
    expect(settings.region).toBe('');
    expect(settings.agencyCode).toEqual({ code: '', name: '' });
    expect(settings.requireAgencyCode).toBe(false);
    expect(problems).toHaveLength(1);
  });
});

describe('managed policy', () => {
  it('overrides and locks the keys it sets', async () => {
    await saveUserSettings({ ...MINE, autoFill: false });
    await fakeBrowser.storage.managed.set({ region: 'Policy Region', autoFill: true, disabledChecks: ['office-missing'] });
    const { settings, locked, problems } = await getEffectiveSettings();
    expect(settings).toEqual({ ...MINE, region: 'Policy Region', autoFill: true, checks: { 'office-missing': false } });
    expect([...locked].sort()).toEqual(['autoFill', 'checks', 'region']);
    expect(problems).toEqual([]);
  });

  it('locks the agency code when either of its policy keys is set', async () => {
    await saveUserSettings(MINE);
    await fakeBrowser.storage.managed.set({ agencyName: 'County Agency' });
    const { settings, locked } = await getEffectiveSettings();
    expect(settings.agencyCode).toEqual({ code: '', name: 'County Agency' });
    expect(locked).toEqual(['agencyCode']);
  });

  it('ignores invalid policy values and says so', async () => {
    await fakeBrowser.storage.managed.set({ agencyCode: 'LA 0211', region: 'Policy Region', unknownKey: 1 });
    const { settings, locked, problems } = await getEffectiveSettings();
    expect(settings.region).toBe('Policy Region');
    expect(settings.agencyCode).toEqual(DEFAULT_SETTINGS.agencyCode);
    expect(locked).toEqual(['region']);
    expect(problems).toEqual(['The policy value "agencyCode" set by IT is not valid and is ignored.']);
  });

  it('keeps the user’s own value for locked keys when saving, so removing the policy restores it', async () => {
    await saveUserSettings(MINE);
    await fakeBrowser.storage.managed.set({ region: 'Policy Region', disabledChecks: [] });
    // The page shows (and sends back) the policy's values for locked settings.
    const fromPage = { ...MINE, region: 'Policy Region', office: 'New Office', checks: {} };
    const saved = await saveUserSettings(fromPage);
    expect(saved.settings).toEqual({ ...MINE, region: 'Policy Region', office: 'New Office', checks: {} });
    expect(await stored('settings')).toEqual({ ...MINE, office: 'New Office' });

    await fakeBrowser.storage.managed.clear();
    expect((await getEffectiveSettings()).settings).toEqual({ ...MINE, office: 'New Office' });
  });

  it('treats a failing managed area as no policy (Firefox without a policy)', async () => {
    await saveUserSettings(MINE);
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockRejectedValue(new Error('Managed storage manifest not found'));
    expect(await getEffectiveSettings()).toEqual({ settings: MINE, locked: [], problems: [] });
  });

  it('treats a missing managed area as no policy', async () => {
    const storageArea = fakeBrowser.storage as unknown as Record<string, unknown>;
    const managed = storageArea.managed;
    storageArea.managed = undefined;
    try {
      expect(await getEffectiveSettings()).toEqual({ settings: DEFAULT_SETTINGS, locked: [], problems: [] });
    } finally {
      storageArea.managed = managed;
    }
  });

  it('treats a managed area holding junk as no policy', async () => {
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockResolvedValue(null as unknown as Record<string, unknown>);
    expect((await getEffectiveSettings()).locked).toEqual([]);
  });
});

describe('watchEffectiveSettings', () => {
  it('fires when the user’s settings change and when the policy changes', async () => {
    const seen: EffectiveSettings[] = [];
    const stop = watchEffectiveSettings((effective) => seen.push(effective));

    await saveUserSettings(MINE);
    await settle();
    expect(seen.at(-1)?.settings).toEqual(MINE);

    await fakeBrowser.storage.managed.set({ office: 'Policy Office' });
    await settle();
    expect(seen.at(-1)?.settings.office).toBe('Policy Office');
    expect(seen.at(-1)?.locked).toEqual(['office']);

    stop();
    const count = seen.length;
    await fakeBrowser.storage.managed.set({ office: 'Another Office' });
    await settle();
    expect(seen).toHaveLength(count);
  });

  it('ignores other storage changes', async () => {
    const cb = vi.fn();
    const stop = watchEffectiveSettings(cb);
    await fakeBrowser.storage.local.set({ somethingElse: 1 });
    await fakeBrowser.storage.sync.set({ other: 1 });
    await settle();
    expect(cb).not.toHaveBeenCalled();
    stop();
  });

  it('reports the repair of a corrupt value written by another device', async () => {
    const seen: EffectiveSettings[] = [];
    const stop = watchEffectiveSettings((effective) => seen.push(effective));
    await fakeBrowser.storage.sync.set({ settings: { ...defaultSettings(), autoFill: 'maybe' } });
    await settle();
    await settle();
    expect(seen.length).toBeGreaterThan(0);
    for (const effective of seen) expect(Settings.safeParse(effective.settings).success).toBe(true);
    expect(seen.at(-1)?.problems).toHaveLength(1);
    stop();
  });
});

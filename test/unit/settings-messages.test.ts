import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DOWNTOWN, EASTSIDE, sampleUserSettings } from './support/settings';
import { EffectiveSettingsSchema, sendMessage } from '@/lib/messaging/schemas';
import { registerSettingsMessages } from '@/lib/settings/messages';
import { rememberAgencyCodes, rememberFormChoices, today } from '@/lib/settings/choices-store';
import type { UserSettings } from '@/lib/settings/defaults';

/**
 * The worker's settings messages, end to end inside the fake browser: the real handlers, registered as
 * the worker registers them, reached through the real messaging layer, over fake storage.
 */

let unregister: () => void;

beforeEach(() => {
  fakeBrowser.reset();
  unregister = registerSettingsMessages();
});

afterEach(() => {
  unregister();
});

async function storedUser(): Promise<UserSettings> {
  return (await fakeBrowser.storage.sync.get('settings')).settings as UserSettings;
}

const FORM = { region: 'City of Los Angeles', office: "Sample America's Job Center", agencyCode: 'LA0300', agencyName: "Sample America's Job Center" };

describe('remembering CalJOBS lists', () => {
  it('stores a form’s lists with today’s date, and answers them to the options page', async () => {
    // What the worker's checkForm remembers of a form (lib/messaging/check-form.ts).
    expect(await rememberFormChoices({ regions: ['Los Angeles County', 'City of Los Angeles'], region: 'Los Angeles County', offices: ['Example WorkSource Center'] })).toBe(true);
    // And what an Agency Code Search window's rows leave there (lib/messaging/lookups.ts).
    expect(await rememberAgencyCodes([{ code: 'LA0211', name: 'Example WorkSource Center' }])).toBe(true);
    const day = today();
    expect(await sendMessage('getRememberedChoices')).toEqual({
      regions: { seen: day, texts: ['Los Angeles County', 'City of Los Angeles'] },
      offices: [{ region: 'Los Angeles County', seen: day, texts: ['Example WorkSource Center'] }],
      agencyCodes: [{ code: 'LA0211', name: 'Example WorkSource Center', seen: day }],
    });
    // In the local area only: never synced.
    expect(Object.keys(await fakeBrowser.storage.local.get())).toEqual(['caljobsChoices']);
    expect(await fakeBrowser.storage.sync.get()).toEqual({});
  });

  it('writes nothing when the same lists are reported again the same day', async () => {
    const report = { regions: ['Los Angeles County'], region: null, offices: [] };
    expect(await rememberFormChoices(report)).toBe(true);
    expect(await rememberFormChoices(report)).toBe(false);
  });

  it('reads a corrupt stored value as nothing remembered, and forgets on request', async () => {
    await fakeBrowser.storage.local.set({ caljobsChoices: { regions: 'junk' } });
    expect(await sendMessage('getRememberedChoices')).toEqual({ regions: null, offices: [], agencyCodes: [] });
    await rememberFormChoices({ regions: ['Los Angeles County'], region: null, offices: [] });
    expect(await sendMessage('forgetRememberedChoices')).toEqual({ regions: null, offices: [], agencyCodes: [] });
    expect(await fakeBrowser.storage.local.get('caljobsChoices')).toEqual({});
  });
});

describe('profiles', () => {
  it('getSettings keeps today’s `settings` (the active profile flattened) and adds the profiles beside it', async () => {
    await sendMessage('saveSettings', { settings: sampleUserSettings() });
    const effective = EffectiveSettingsSchema.parse(await sendMessage('getSettings'));
    expect(effective.settings).toEqual({ region: DOWNTOWN.region, office: DOWNTOWN.office, agencyCode: DOWNTOWN.agencyCode, requireAgencyCode: true, autoFill: false, checks: { 'date-is-today': false } });
    expect(effective.profiles.map((p) => p.name)).toEqual(['Downtown', 'Eastside']);
    expect(effective.activeProfileId).toBe(DOWNTOWN.id);
  });

  it('switches the profile in use, and refuses an unknown one or a malformed request', async () => {
    await sendMessage('saveSettings', { settings: sampleUserSettings() });
    expect((await sendMessage('setActiveProfile', { profileId: EASTSIDE.id })).settings.agencyCode).toEqual(EASTSIDE.agencyCode);
    await expect(sendMessage('setActiveProfile', { profileId: 'nope' })).rejects.toThrow(/no longer exists/);
    await expect(sendMessage('setActiveProfile', { profileId: 7 } as never)).rejects.toThrow(/Not a profile/);
    expect((await storedUser()).activeProfileId).toBe(EASTSIDE.id);
  });

  it('refuses invalid settings from a page with a message naming the field', async () => {
    const bad = { ...sampleUserSettings(), autoFill: 'yes' };
    await expect(sendMessage('saveSettings', { settings: bad } as never)).rejects.toThrow(/Fill office defaults automatically \(settings\.autoFill\) should be true or false/);
    expect(await storedUser()).toBeUndefined();
  });
});

describe('Make these my office defaults', () => {
  it('saves the form’s office into the ACTIVE profile only, and undo puts it back', async () => {
    await sendMessage('saveSettings', { settings: sampleUserSettings() });
    const made = await sendMessage('makeOfficeDefaults', { ...FORM, region: '  City of  Los Angeles ' });
    expect(made.changed).toBe(true);
    expect(made.profileName).toBe('Downtown');
    expect(made.effective.settings).toMatchObject({ region: 'City of Los Angeles', office: FORM.office, agencyCode: { code: 'LA0300', name: FORM.agencyName } });
    const after = await storedUser();
    expect(after.profiles[0]).toEqual({ ...DOWNTOWN, region: 'City of Los Angeles', office: FORM.office, agencyCode: { code: 'LA0300', name: FORM.agencyName } });
    expect(after.profiles[1]).toEqual(EASTSIDE);

    const undone = await sendMessage('undoOfficeDefaults', { undo: made.undo });
    expect(undone.settings).toMatchObject({ region: DOWNTOWN.region, office: DOWNTOWN.office, agencyCode: DOWNTOWN.agencyCode });
    expect(await storedUser()).toEqual(sampleUserSettings());
    // Undoing twice is harmless.
    await expect(sendMessage('undoOfficeDefaults', { undo: made.undo })).resolves.toBeTruthy();
    expect(await storedUser()).toEqual(sampleUserSettings());
  });

  it('works from nothing stored (a first setup from a real form)', async () => {
    const made = await sendMessage('makeOfficeDefaults', FORM);
    expect(made.profileName).toBe('My office');
    expect((await sendMessage('getSettings')).settings.office).toBe(FORM.office);
  });

  it('says nothing changed when the profile already holds these values', async () => {
    await sendMessage('makeOfficeDefaults', FORM);
    expect((await sendMessage('makeOfficeDefaults', FORM)).changed).toBe(false);
  });

  it('refuses to undo once the office was changed again since, and changes nothing', async () => {
    await sendMessage('saveSettings', { settings: sampleUserSettings() });
    const made = await sendMessage('makeOfficeDefaults', FORM);
    const changed = structuredClone(await storedUser());
    changed.profiles[0]!.office = 'Edited on the options page';
    await sendMessage('saveSettings', { settings: changed });
    await expect(sendMessage('undoOfficeDefaults', { undo: made.undo })).rejects.toThrow(/changed again since.*nothing was undone/);
    expect((await storedUser()).profiles[0]!.office).toBe('Edited on the options page');
  });

  it('refuses to undo into a profile that was deleted', async () => {
    await sendMessage('saveSettings', { settings: { ...sampleUserSettings(), activeProfileId: EASTSIDE.id } });
    const made = await sendMessage('makeOfficeDefaults', FORM);
    await sendMessage('saveSettings', { settings: { ...sampleUserSettings(), profiles: [DOWNTOWN] } });
    await expect(sendMessage('undoOfficeDefaults', { undo: made.undo })).rejects.toThrow(/no longer exists: nothing was undone/);
  });

  it.each([
    ['an empty office', { ...FORM, office: ' ' }, /Office Location is empty on the form/],
    ['an agency code with a space', { ...FORM, agencyCode: 'LA 0300' }, /letters, digits and dashes only/],
    ['a long region', { ...FORM, region: 'x'.repeat(121) }, /longer than 120 characters/],
    ['a missing agency name', { region: 'a', office: 'b', agencyCode: 'LA1' }, /Agency name .* is missing/],
  ])('refuses %s and changes nothing', async (_name, request, message) => {
    await sendMessage('saveSettings', { settings: sampleUserSettings() });
    await expect(sendMessage('makeOfficeDefaults', request as never)).rejects.toThrow(message);
    expect(await storedUser()).toEqual(sampleUserSettings());
  });

  it('refuses a forged undo that would store invalid values', async () => {
    await sendMessage('saveSettings', { settings: sampleUserSettings() });
    const made = await sendMessage('makeOfficeDefaults', FORM);
    const forged = { ...made.undo, before: { ...made.undo.before, agencyCode: { code: 'has space', name: '' } } };
    await expect(sendMessage('undoOfficeDefaults', { undo: forged })).rejects.toThrow(/Nothing to undo/);
  });

  it('is refused, clearly, when IT policy locks the office fields', async () => {
    await sendMessage('saveSettings', { settings: sampleUserSettings() });
    const made = await sendMessage('makeOfficeDefaults', FORM);
    await fakeBrowser.storage.managed.set({ office: 'Policy Office', agencyCode: 'LA0999' });
    await expect(sendMessage('makeOfficeDefaults', FORM)).rejects.toThrow(
      'Your IT department manages Office Location, Agency Code for this browser, so office defaults cannot be made from the form.',
    );
    await expect(sendMessage('undoOfficeDefaults', { undo: made.undo })).rejects.toThrow(/IT department/);
    expect((await storedUser()).profiles[0]!.office).toBe(FORM.office);
  });
});

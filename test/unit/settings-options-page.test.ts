// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { DOWNTOWN, sampleUserSettings, sampleV2 } from './support/settings';
import { alerts, button, byLabel, chooseFile, click, container, description, fakeApi, render, statusText, type, useDom } from './support/options-page';
import OptionsPage from '@/components/options/OptionsPage';
import { CHECKS } from '@/lib/checks';
import { SETTINGS_FILE_FORMAT, exportSettingsFile } from '@/lib/settings/file';
import { defaultUserSettings, type UserSettings } from '@/lib/settings/schema';

/** The options page as before profiles: fields, validation, save, policy, notices, import and export. */

useDom();

/** One profile, as most offices have. */
const ONE: UserSettings = { ...sampleUserSettings(), profiles: [DOWNTOWN] };

describe('options page', () => {
  it('shows the settings in labelled fields, with a switch per check', async () => {
    const { api } = fakeApi(ONE);
    await render(OptionsPage, { api });
    expect(container.querySelector('h1')?.textContent).toMatch(/settings/i);
    expect(byLabel('Profile name').value).toBe('Downtown');
    expect(byLabel('LWIA/Region').value).toBe('Los Angeles County');
    expect(byLabel('LWIA/Region').getAttribute('role')).toBe('combobox');
    expect(byLabel('Office Location').value).toBe('Example WorkSource Center');
    expect(byLabel('Agency Code').value).toBe('LA0211');
    expect(byLabel('Agency name (optional)').value).toBe('Example Agency');
    expect(byLabel('Require an agency code').checked).toBe(true);
    expect(byLabel('Fill office defaults automatically').checked).toBe(false);
    expect(byLabel('Import settings').type).toBe('file');
    // One profile: no profile chooser and no Delete, only Add.
    expect(container.querySelector('#profile-select')).toBeNull();
    expect(button('Add a profile')).toBeTruthy();

    expect(container.querySelectorAll('input[role="switch"]')).toHaveLength(CHECKS.length);
    for (const check of CHECKS) {
      const control = byLabel(check.title);
      expect(control.checked).toBe(check.id !== 'date-is-today');
      expect(description(control)).toContain(check.id);
    }
  });

  it('saves the edited settings and confirms', async () => {
    const { api } = fakeApi(defaultUserSettings());
    await render(OptionsPage, { api });
    await type(byLabel('LWIA/Region'), 'Los Angeles County');
    await type(byLabel('Office Location'), ' Example WorkSource Center ');
    await type(byLabel('Agency Code'), 'LA0211');
    await click(byLabel('Fill office defaults automatically'));
    await click(byLabel(CHECKS.find((c) => c.id === 'date-is-today')!.title));
    await click(button('Save'));
    expect(api.saveSettings).toHaveBeenCalledWith({
      ...defaultUserSettings(),
      profiles: [{ id: 'office-1', name: 'My office', region: 'Los Angeles County', office: 'Example WorkSource Center', agencyCode: { code: 'LA0211', name: '' } }],
      autoFill: true,
      checks: { 'date-is-today': false },
    });
    expect(container.querySelector('#save-status')?.getAttribute('role')).toBe('status');
    expect(statusText()).toBe('Settings saved');
  });

  it('shows an inline message for an agency code with spaces, focuses it, and does not save', async () => {
    const { api } = fakeApi(defaultUserSettings());
    await render(OptionsPage, { api });
    const code = byLabel('Agency Code');
    await type(code, 'LA 0211');
    await click(button('Save'));
    expect(api.saveSettings).not.toHaveBeenCalled();
    expect(code.getAttribute('aria-invalid')).toBe('true');
    expect(description(code)).toMatch(/cannot contain spaces/);
    expect(document.activeElement).toBe(code);
    expect(alerts().join(' ')).toMatch(/need fixing/);
    await type(code, 'LA0211');
    expect(code.getAttribute('aria-invalid')).toBeNull();
  });

  it('shows policy values read-only, marked as managed by IT', async () => {
    const { api } = fakeApi(ONE, { policy: { region: 'Policy Region', autoFill: true, disabledChecks: [] } });
    await render(OptionsPage, { api });
    const region = byLabel('LWIA/Region');
    expect(region.readOnly).toBe(true);
    expect(region.value).toBe('Policy Region');
    expect(description(region).split(' | ')[0]).toBe('Managed by your IT department');
    expect(byLabel('Fill office defaults automatically').disabled).toBe(true);
    expect(byLabel(CHECKS[0]!.title).disabled).toBe(true);
    expect(byLabel('Office Location').readOnly).toBe(false);
    expect(container.querySelector('.managed-summary')?.textContent).toMatch(/cannot be changed, in any profile/);
  });

  it('keeps the user’s own value under a locked field when saving', async () => {
    const fake = fakeApi(ONE, { policy: { region: 'Policy Region' } });
    await render(OptionsPage, { api: fake.api });
    await type(byLabel('Office Location'), 'New Office');
    await click(button('Save'));
    expect(fake.stored().profiles[0]).toMatchObject({ region: DOWNTOWN.region, office: 'New Office' });
    expect(byLabel('LWIA/Region').value).toBe('Policy Region');
  });

  it('shows the repair notice when there are problems, until dismissed', async () => {
    const problem = 'Office profile "Downtown": the stored value of "region" was not valid and has been cleared.';
    const { api } = fakeApi(ONE, { problems: [problem] });
    await render(OptionsPage, { api });
    expect([...container.querySelectorAll('[role="status"]')].some((el) => el.textContent?.includes(problem))).toBe(true);
    await click(button('Dismiss this notice'));
    expect(container.textContent).not.toContain(problem);
  });

  it('refuses an invalid import file with an alert and changes nothing', async () => {
    const { api } = fakeApi(ONE);
    await render(OptionsPage, { api });
    await chooseFile(byLabel('Import settings'), new File(['{"format":"other"}'], 'notes.json', { type: 'application/json' }));
    expect(alerts().join(' ')).toMatch(/"notes\.json" was not imported: .*"format".*Nothing was changed\./);
    expect(api.saveSettings).not.toHaveBeenCalled();
    expect(byLabel('LWIA/Region').value).toBe('Los Angeles County');
  });

  it('imports a file with profiles: fills the form, saves and confirms', async () => {
    const fake = fakeApi(defaultUserSettings());
    await render(OptionsPage, { api: fake.api });
    await chooseFile(byLabel('Import settings'), new File([exportSettingsFile(sampleUserSettings())], 'caljobs-assistant-settings.json'));
    expect(alerts()).toEqual([]);
    expect(fake.api.saveSettings).toHaveBeenCalledWith(sampleUserSettings());
    expect(byLabel('Profile to edit').textContent).toContain('Eastside');
    expect(byLabel('Agency Code').value).toBe('LA0211');
    expect(statusText()).toMatch(/imported from "caljobs-assistant-settings\.json" \(2 office profiles\) and saved/);
  });

  it('imports a settings file of the older, one-office format', async () => {
    const fake = fakeApi(defaultUserSettings());
    await render(OptionsPage, { api: fake.api });
    const old = JSON.stringify({ format: SETTINGS_FILE_FORMAT, version: 2, settings: sampleV2() });
    await chooseFile(byLabel('Import settings'), new File([old], 'old.json'));
    expect(alerts()).toEqual([]);
    expect(fake.stored().profiles).toEqual([{ id: 'office-1', name: 'Example WorkSource Center', region: 'Los Angeles County', office: 'Example WorkSource Center', agencyCode: { code: 'LA0211', name: 'Example Agency' } }]);
    expect(byLabel('Office Location').value).toBe('Example WorkSource Center');
  });

  it('exports every profile as a JSON download', async () => {
    const { api } = fakeApi(sampleUserSettings());
    await render(OptionsPage, { api });
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:settings';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    await click(button('Export settings'));
    expect(clicked.map((a) => a.download)).toEqual(['caljobs-assistant-settings.json']);
    expect(JSON.parse(await blobs[0]!.text())).toEqual({ format: SETTINGS_FILE_FORMAT, version: 3, settings: sampleUserSettings() });
    expect(statusText()).toMatch(/exported/);
  });

  it('refreshes live when settings change elsewhere, keeping unsaved edits', async () => {
    const fake = fakeApi(ONE);
    await render(OptionsPage, { api: fake.api });
    await type(byLabel('Office Location'), 'My unsaved edit');
    await fake.change({ user: { ...ONE, profiles: [{ ...DOWNTOWN, office: 'Theirs', agencyCode: { code: 'LA0999', name: '' } }] }, policy: { region: 'Policy Region' } });
    expect(byLabel('LWIA/Region').value).toBe('Policy Region');
    expect(byLabel('LWIA/Region').readOnly).toBe(true);
    expect(byLabel('Office Location').value).toBe('My unsaved edit');
    expect(byLabel('Agency Code').value).toBe('LA0999');
  });

  it('says so when the settings cannot be loaded, and can try again', async () => {
    const { api } = fakeApi(ONE);
    api.getSettings.mockRejectedValueOnce(new Error('Could not establish connection.'));
    await render(OptionsPage, { api });
    expect(alerts().join(' ')).toMatch(/could not be loaded.*Could not establish connection/);
    await click(button('Try again'));
    expect(byLabel('LWIA/Region').value).toBe('Los Angeles County');
  });

  it('shows a save failure as an alert', async () => {
    const { api } = fakeApi(ONE);
    api.saveSettings.mockRejectedValueOnce(new Error('The settings could not be saved (quota).'));
    await render(OptionsPage, { api });
    await click(button('Save'));
    expect(alerts().join(' ')).toMatch(/not saved.*quota/);
    expect(statusText()).toBe('');
  });
});

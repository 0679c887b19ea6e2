// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sampleSettings } from './support/settings';
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import OptionsPage from '@/components/options/OptionsPage';
import type { SettingsApi } from '@/components/options/api';
import { CHECKS } from '@/lib/checks';
import { exportSettingsFile } from '@/lib/settings/file';
import { defaultSettings, type EffectiveSettings, type Settings } from '@/lib/settings/schema';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const MINE: Settings = sampleSettings();

/** A stand-in for the worker: keeps the user's settings and applies a fixed policy. */
function fakeApi(initial: EffectiveSettings) {
  let current = initial;
  const listeners = new Set<() => void>();
  const api = {
    getSettings: vi.fn(async () => structuredClone(current)),
    saveSettings: vi.fn(async (settings: Settings) => {
      current = { ...current, settings: structuredClone(settings), problems: [] };
      return structuredClone(current);
    }),
    onChanged: (listener: () => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  } satisfies SettingsApi;
  return {
    api,
    /** Settings changed elsewhere (another window, sync or policy). */
    async change(next: EffectiveSettings) {
      current = next;
      await act(async () => {
        for (const listener of listeners) listener();
      });
    },
  };
}

let container: HTMLElement;
let root: Root;

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});

afterEach(async () => {
  await act(async () => root.unmount());
  container.remove();
  vi.restoreAllMocks();
});

async function render(api: SettingsApi) {
  await act(async () => {
    root.render(createElement(OptionsPage, { api }));
  });
}

/** The control whose <label> text is exactly `text` (as Playwright's getByLabel(text, { exact: true })). */
function byLabel(text: string): HTMLInputElement {
  const label = [...container.querySelectorAll('label')].find((l) => l.textContent?.trim() === text);
  if (!label) throw new Error(`no label "${text}"`);
  const control = container.querySelector<HTMLInputElement>(`#${CSS.escape(label.htmlFor)}`);
  if (!control) throw new Error(`label "${text}" has no control`);
  return control;
}

function button(name: string): HTMLButtonElement {
  const found = [...container.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
  if (!found) throw new Error(`no button "${name}"`);
  return found;
}

const statusText = () => container.querySelector('#save-status')?.textContent ?? '';
const alerts = () => [...container.querySelectorAll('[role="alert"]')].map((el) => el.textContent ?? '');

/** Types into a React-controlled input. */
async function type(input: HTMLInputElement, value: string) {
  await act(async () => {
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
    setter?.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function click(element: HTMLElement) {
  await act(async () => {
    element.click();
  });
}

async function chooseFile(input: HTMLInputElement, file: File) {
  Object.defineProperty(input, 'files', { configurable: true, value: [file] });
  await act(async () => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  // Let file.text() and the save resolve.
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 10));
  });
}

describe('options page', () => {
  it('shows the settings in labelled fields, with a switch per check', async () => {
    const { api } = fakeApi({ settings: MINE, locked: [], problems: [] });
    await render(api);
    expect(container.querySelector('h1')?.textContent).toMatch(/settings/i);
    expect(byLabel('LWIA/Region').value).toBe('Los Angeles County');
    expect(byLabel('Office Location').value).toBe('Example WorkSource Center');
    expect(byLabel('Agency Code').value).toBe('LA0211');
    expect(byLabel('Agency name (optional)').value).toBe('Example Agency');
    expect(byLabel('Require an agency code').checked).toBe(true);
    expect(byLabel('Fill office defaults automatically').checked).toBe(false);
    expect(byLabel('Import settings').type).toBe('file');

    const switches = container.querySelectorAll<HTMLInputElement>('input[role="switch"]');
    expect(switches).toHaveLength(CHECKS.length);
    for (const check of CHECKS) {
      const control = byLabel(check.title);
      expect(control.getAttribute('role')).toBe('switch');
      expect(control.checked).toBe(check.id !== 'date-is-today');
      expect(container.querySelector(`#${control.getAttribute('aria-describedby')}`)?.textContent).toContain(check.id);
    }
  });

  it('saves the edited settings and confirms', async () => {
    const { api } = fakeApi({ settings: defaultSettings(), locked: [], problems: [] });
    await render(api);
    await type(byLabel('LWIA/Region'), 'Los Angeles County');
    await type(byLabel('Office Location'), ' Example WorkSource Center ');
    await type(byLabel('Agency Code'), 'LA0211');
    await click(byLabel('Fill office defaults automatically'));
    await click(byLabel(CHECKS.find((c) => c.id === 'date-is-today')!.title));
    await click(button('Save'));
    expect(api.saveSettings).toHaveBeenCalledWith({
      ...defaultSettings(),
      region: 'Los Angeles County',
      office: 'Example WorkSource Center',
      agencyCode: { code: 'LA0211', name: '' },
      autoFill: true,
      checks: { 'date-is-today': false },
    });
    expect(container.querySelector('#save-status')?.getAttribute('role')).toBe('status');
    expect(statusText()).toBe('Settings saved');
  });

  it('shows an inline message for an agency code with spaces, and does not save', async () => {
    const { api } = fakeApi({ settings: defaultSettings(), locked: [], problems: [] });
    await render(api);
    const code = byLabel('Agency Code');
    await type(code, 'LA 0211');
    await click(button('Save'));
    expect(api.saveSettings).not.toHaveBeenCalled();
    expect(code.getAttribute('aria-invalid')).toBe('true');
    const describedBy = code.getAttribute('aria-describedby')?.split(' ') ?? [];
    const message = describedBy.map((id) => container.querySelector(`#${id}`)?.textContent).join(' ');
    expect(message).toMatch(/cannot contain spaces/);
    expect(document.activeElement).toBe(code);
    expect(statusText()).toBe('');

    await type(code, 'LA0211');
    expect(code.getAttribute('aria-invalid')).toBeNull();
  });

  it('shows policy values read-only, marked as managed by IT', async () => {
    const { api } = fakeApi({
      settings: { ...MINE, region: 'Policy Region', autoFill: true },
      locked: ['region', 'autoFill', 'checks'],
      problems: [],
    });
    await render(api);
    const region = byLabel('LWIA/Region');
    expect(region.readOnly).toBe(true);
    expect(region.value).toBe('Policy Region');
    const note = container.querySelector(`#${region.getAttribute('aria-describedby')?.split(' ')[0]}`);
    expect(note?.textContent).toBe('Managed by your IT department');
    expect(byLabel('Fill office defaults automatically').disabled).toBe(true);
    expect(byLabel(CHECKS[0]!.title).disabled).toBe(true);
    expect(byLabel('Office Location').readOnly).toBe(false);
    expect(container.textContent).toContain('Managed by your IT department');
  });

  it('shows the repair notice when there are problems', async () => {
    const problem = 'The stored value of "region" was not valid and has been reset to its default.';
    const { api } = fakeApi({ settings: defaultSettings(), locked: [], problems: [problem] });
    await render(api);
    const notice = [...container.querySelectorAll('[role="status"]')].find((el) => el.textContent?.includes(problem));
    expect(notice).toBeTruthy();
    await click(button('Dismiss this notice'));
    expect(container.textContent).not.toContain(problem);
  });

  it('refuses an invalid import file with an alert and changes nothing', async () => {
    const { api } = fakeApi({ settings: MINE, locked: [], problems: [] });
    await render(api);
    await chooseFile(byLabel('Import settings'), new File(['{"format":"other"}'], 'notes.json', { type: 'application/json' }));
    expect(alerts().join(' ')).toMatch(/"notes\.json" was not imported: .*"format".*Nothing was changed\./);
    expect(api.saveSettings).not.toHaveBeenCalled();
    expect(byLabel('LWIA/Region').value).toBe('Los Angeles County');
  });

  it('imports a valid file: fills the form, saves and confirms', async () => {
    const { api } = fakeApi({ settings: defaultSettings(), locked: [], problems: [] });
    await render(api);
    await chooseFile(byLabel('Import settings'), new File([exportSettingsFile(MINE)], 'caljobs-assistant-settings.json'));
    expect(alerts()).toEqual([]);
    expect(api.saveSettings).toHaveBeenCalledWith(MINE);
    expect(byLabel('LWIA/Region').value).toBe('Los Angeles County');
    expect(byLabel('Agency Code').value).toBe('LA0211');
    expect(statusText()).toMatch(/imported from "caljobs-assistant-settings\.json" and saved/);
  });

  it('exports the settings as a JSON download', async () => {
    const { api } = fakeApi({ settings: MINE, locked: [], problems: [] });
    await render(api);
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
    expect(clicked).toHaveLength(1);
    expect(clicked[0]!.download).toBe('caljobs-assistant-settings.json');
    expect(JSON.parse(await blobs[0]!.text())).toEqual({
      format: 'caljobs-credential-assistant-settings',
      version: 2,
      settings: MINE,
    });
    expect(statusText()).toMatch(/exported/);
  });

  it('refreshes live when settings change elsewhere, keeping unsaved edits', async () => {
    const fake = fakeApi({ settings: MINE, locked: [], problems: [] });
    await render(fake.api);
    await type(byLabel('Office Location'), 'My unsaved edit');
    await fake.change({ settings: { ...MINE, region: 'Policy Region', office: 'Theirs' }, locked: ['region'], problems: [] });
    expect(byLabel('LWIA/Region').value).toBe('Policy Region');
    expect(byLabel('LWIA/Region').readOnly).toBe(true);
    expect(byLabel('Office Location').value).toBe('My unsaved edit');
  });

  it('says so when the settings cannot be loaded, and can try again', async () => {
    const { api } = fakeApi({ settings: MINE, locked: [], problems: [] });
    api.getSettings.mockRejectedValueOnce(new Error('Could not establish connection.'));
    await render(api);
    expect(alerts().join(' ')).toMatch(/could not be loaded/);
    await click(button('Try again'));
    expect(byLabel('LWIA/Region').value).toBe('Los Angeles County');
  });

  it('shows a save failure as an alert', async () => {
    const { api } = fakeApi({ settings: MINE, locked: [], problems: [] });
    api.saveSettings.mockRejectedValueOnce(new Error('The settings could not be saved (quota).'));
    await render(api);
    await click(button('Save'));
    expect(alerts().join(' ')).toMatch(/not saved.*quota/);
    expect(statusText()).toBe('');
  });
});

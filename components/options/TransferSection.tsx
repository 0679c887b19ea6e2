import { useState, type ChangeEvent } from 'react';
import type { EffectiveSettingsWithProfiles, UserSettings } from '@/lib/settings/defaults';
import { MAX_SETTINGS_FILE_BYTES, SETTINGS_FILE_NAME, exportSettingsFile, parseSettingsFile } from '@/lib/settings/file';

export const IMPORT_FILE_ID = 'import-file';

export function messageOf(error: unknown): string {
  return error instanceof Error && error.message ? error.message : 'Something went wrong.';
}

function shortName(name: string): string {
  return name.length > 60 ? `${name.slice(0, 57)}…` : name;
}

function download(text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = SETTINGS_FILE_NAME;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Export the settings (every profile) to a file, import such a file (or one from an older version:
 * its one office becomes the one profile). A file that is not valid is refused and changes nothing.
 */
export function TransferSection(props: {
  busy: boolean;
  setBusy: (busy: boolean) => void;
  /** The settings on the form, or null (with the field messages shown) when they need fixing. */
  prepareExport: () => UserSettings | null;
  saveImported: (settings: UserSettings) => Promise<EffectiveSettingsWithProfiles>;
  onStatus: (text: string) => void;
}) {
  const [error, setError] = useState<string | null>(null);

  const exportFile = () => {
    props.onStatus('');
    setError(null);
    const settings = props.prepareExport();
    if (!settings) {
      setError('Some settings need fixing before they can be exported. See the messages next to the fields.');
      return;
    }
    download(exportSettingsFile(settings));
    props.onStatus(`Settings exported to ${SETTINGS_FILE_NAME}`);
  };

  const importFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.target;
    const file = input.files?.[0];
    if (!file || props.busy) return;
    props.onStatus('');
    setError(null);
    props.setBusy(true);
    try {
      const name = shortName(file.name);
      // A huge file is refused on its size, without reading it.
      const text = file.size > MAX_SETTINGS_FILE_BYTES ? '' : await file.text();
      const parsed = parseSettingsFile(text, file.size);
      if (!parsed.ok) {
        setError(`"${name}" was not imported: ${parsed.error} Nothing was changed.`);
        return;
      }
      const saved = await props.saveImported(parsed.settings);
      const count = parsed.settings.profiles.length;
      const profiles = count === 1 ? '' : ` (${count} office profiles)`;
      const lockedNote = saved.locked.length > 0 ? ' Settings managed by your IT department were not changed.' : '';
      props.onStatus(`Settings imported from "${name}"${profiles} and saved.${lockedNote}`);
    } catch (failure) {
      setError(`The settings were not imported. ${messageOf(failure)} Nothing was changed.`);
    } finally {
      props.setBusy(false);
      // Choosing the same file again must fire another change.
      input.value = '';
    }
  };

  return (
    <section className="transfer" aria-labelledby="transfer-title">
      <h2 id="transfer-title">Copy settings to other computers</h2>
      <p>
        Export saves these settings, with every office profile, in a file ({SETTINGS_FILE_NAME}). Import reads such a file
        (also one from an older version of the assistant) and saves its settings here, in place of these.
      </p>
      <div className="transfer-controls">
        <button type="button" className="secondary" onClick={exportFile}>
          Export settings
        </button>
        <div className="file-field">
          <label htmlFor={IMPORT_FILE_ID}>Import settings</label>
          <input
            id={IMPORT_FILE_ID}
            type="file"
            accept=".json,application/json"
            aria-describedby="import-hint"
            onChange={(event) => void importFile(event)}
          />
          <p id="import-hint" className="hint">
            Choose a settings file exported from this assistant.
          </p>
        </div>
      </div>
      {error && (
        <p className="message message-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

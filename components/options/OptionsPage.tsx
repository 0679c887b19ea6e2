import { useCallback, useEffect, useId, useRef, useState, type ChangeEvent, type FormEvent, type ReactNode } from 'react';
import { CHECKS, SEVERITY_WORD } from '@/lib/checks';
import type { EffectiveSettings, SettingKey } from '@/lib/settings/schema';
import { MAX_SETTINGS_FILE_BYTES, SETTINGS_FILE_NAME, exportSettingsFile, parseSettingsFile } from '@/lib/settings/file';
import { messagingApi, type SettingsApi } from './api';
import {
  FIELD_SETTING,
  formFromSettings,
  mergeRefreshed,
  settingsFromForm,
  validateField,
  validateForm,
  type FieldErrors,
  type FormValues,
  type TextField,
} from './form';

const CHECK_IDS = CHECKS.map((check) => check.id);
const MANAGED_NOTE = 'Managed by your IT department';

/** Stable ids: the end-to-end tests and the labels rely on them. */
export const FIELD_IDS = {
  region: 'region',
  office: 'office',
  agencyCode: 'agency-code',
  agencyName: 'agency-name',
  requireAgencyCode: 'require-agency-code',
  autoFill: 'auto-fill',
  importFile: 'import-file',
  status: 'save-status',
} as const;

interface Loaded {
  effective: EffectiveSettings;
  /** The form as last loaded from the worker: what "unedited" means when settings change elsewhere. */
  baseline: FormValues;
  form: FormValues;
}

function loadedFrom(effective: EffectiveSettings): Loaded {
  const form = formFromSettings(effective.settings, CHECK_IDS);
  return { effective, baseline: form, form };
}

function messageOf(error: unknown): string {
  return error instanceof Error && error.message ? error.message : 'Something went wrong.';
}

function shortName(name: string): string {
  return name.length > 60 ? `${name.slice(0, 57)}…` : name;
}

export default function OptionsPage({ api = messagingApi }: { api?: SettingsApi }) {
  const [data, setData] = useState<Loaded | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState('');
  const [saveError, setSaveError] = useState<string | null>(null);
  const [transferError, setTransferError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [dismissedNotice, setDismissedNotice] = useState<string | null>(null);
  const fieldRefs = useRef<Partial<Record<TextField, HTMLInputElement | null>>>({});

  const load = useCallback(async () => {
    try {
      const effective = await api.getSettings();
      setLoadError(null);
      setData((prev) => {
        if (!prev) return loadedFrom(effective);
        const next = formFromSettings(effective.settings, CHECK_IDS);
        return { effective, baseline: next, form: mergeRefreshed(prev.form, prev.baseline, next, effective.locked) };
      });
    } catch (error) {
      setLoadError(`The settings could not be loaded. ${messageOf(error)}`);
    }
  }, [api]);

  useEffect(() => {
    let active = true;
    void load();
    const stop = api.onChanged(() => {
      if (active) void load();
    });
    return () => {
      active = false;
      stop();
    };
  }, [api, load]);

  if (!data) {
    return (
      <main className="options">
        <h1>CalJOBS Credential Assistant settings</h1>
        {loadError ? (
          <div className="message message-error" role="alert">
            <p>{loadError}</p>
            <button type="button" onClick={() => void load()}>
              Try again
            </button>
          </div>
        ) : (
          <p aria-busy="true">Loading settings…</p>
        )}
      </main>
    );
  }

  const { effective, form } = data;
  const locked = new Set<SettingKey>(effective.locked);
  const isLocked = (key: keyof typeof FIELD_SETTING) => locked.has(FIELD_SETTING[key]);
  const noticeKey = effective.problems.join('\n');
  const showNotice = effective.problems.length > 0 && dismissedNotice !== noticeKey;

  const update = (patch: Partial<FormValues>) => {
    setStatus('');
    setSaveError(null);
    setData((prev) => (prev ? { ...prev, form: { ...prev.form, ...patch } } : prev));
  };

  const changeText = (field: TextField) => (event: ChangeEvent<HTMLInputElement>) => {
    const value = event.target.value;
    update({ [field]: value });
    // Once a field shows a message, re-check it as the user types so it clears when fixed.
    if (errors[field]) setErrors((prev) => ({ ...prev, [field]: validateField(field, value) }));
  };

  const blurText = (field: TextField) => () => {
    if (isLocked(field)) return;
    setErrors((prev) => ({ ...prev, [field]: validateField(field, form[field]) }));
  };

  /** Validates the whole form; shows the messages and focuses the first wrong field. */
  const validateAll = (): boolean => {
    const found = validateForm(form, effective.locked);
    setErrors(found);
    const first = (['region', 'office', 'agencyCode', 'agencyName'] as const).find((field) => found[field]);
    if (first) {
      fieldRefs.current[first]?.focus();
      return false;
    }
    return true;
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setStatus('');
    setSaveError(null);
    setTransferError(null);
    if (!validateAll()) {
      setSaveError('Some settings need fixing before they can be saved. See the messages next to the fields.');
      return;
    }
    setBusy(true);
    try {
      const saved = await api.saveSettings(settingsFromForm(form, effective.settings, CHECK_IDS));
      setData(loadedFrom(saved));
      setStatus('Settings saved');
    } catch (error) {
      setSaveError(`The settings were not saved. ${messageOf(error)}`);
    } finally {
      setBusy(false);
    }
  };

  const exportFile = () => {
    setStatus('');
    setSaveError(null);
    setTransferError(null);
    if (!validateAll()) {
      setTransferError('Some settings need fixing before they can be exported. See the messages next to the fields.');
      return;
    }
    const text = exportSettingsFile(settingsFromForm(form, effective.settings, CHECK_IDS));
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = SETTINGS_FILE_NAME;
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setStatus(`Settings exported to ${SETTINGS_FILE_NAME}`);
  };

  const importFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.target;
    const file = input.files?.[0];
    if (!file || busy) return;
    setStatus('');
    setSaveError(null);
    setTransferError(null);
    setBusy(true);
    try {
      const name = shortName(file.name);
      // A huge file is refused on its size, without reading it.
      const text = file.size > MAX_SETTINGS_FILE_BYTES ? '' : await file.text();
      const parsed = parseSettingsFile(text, file.size);
      if (!parsed.ok) {
        setTransferError(`"${name}" was not imported: ${parsed.error} Nothing was changed.`);
        return;
      }
      const saved = await api.saveSettings(parsed.settings);
      setData(loadedFrom(saved));
      setErrors({});
      const lockedNote = saved.locked.length > 0 ? ' Settings managed by your IT department were not changed.' : '';
      setStatus(`Settings imported from "${name}" and saved.${lockedNote}`);
    } catch (error) {
      setTransferError(`The settings were not imported. ${messageOf(error)} Nothing was changed.`);
    } finally {
      setBusy(false);
      // Choosing the same file again must fire another change.
      input.value = '';
    }
  };

  const textField = (field: TextField, label: string, hint: ReactNode) => (
    <TextInput
      id={FIELD_IDS[field]}
      label={label}
      hint={hint}
      value={form[field]}
      error={errors[field]}
      locked={isLocked(field)}
      inputRef={(element) => {
        fieldRefs.current[field] = element;
      }}
      onChange={changeText(field)}
      onBlur={blurText(field)}
    />
  );

  return (
    <main className="options">
      <h1>CalJOBS Credential Assistant settings</h1>
      <p className="intro">
        Your office’s defaults and the checks the assistant runs while you record credentials in CalJOBS. These settings
        hold no participant information.
      </p>

      {locked.size > 0 && (
        <p className="managed-summary">
          Some settings are managed by your IT department. They are shown here but cannot be changed.
        </p>
      )}

      {showNotice && (
        <section className="message message-notice" role="status" aria-labelledby="settings-notice-title">
          <h2 id="settings-notice-title">Some settings need your attention</h2>
          <ul>
            {effective.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
          <p>Check the settings below, then choose Save.</p>
          <button type="button" className="secondary" onClick={() => setDismissedNotice(noticeKey)}>
            Dismiss this notice
          </button>
        </section>
      )}

      <form noValidate onSubmit={(event) => void save(event)}>
        <fieldset>
          <legend>Office defaults</legend>
          <p className="fieldset-hint">Type each value exactly as it appears in the CalJOBS list.</p>
          {textField('region', 'LWIA/Region', <>For example “Los Angeles County”.</>)}
          {textField('office', 'Office Location', <>For example “Example WorkSource Center”.</>)}
          <div className="field-row">
            {textField('agencyCode', 'Agency Code', <>Letters, digits and dashes, for example LA0211.</>)}
            {textField('agencyName', 'Agency name (optional)', <>Shown next to the code in reminders.</>)}
          </div>
        </fieldset>

        <fieldset>
          <legend>Rules</legend>
          <CheckboxInput
            id={FIELD_IDS.requireAgencyCode}
            label="Require an agency code"
            hint="Flag a credential that has no Agency Code. Los Angeles County requires one on every credential."
            checked={form.requireAgencyCode}
            locked={isLocked('requireAgencyCode')}
            onChange={(checked) => update({ requireAgencyCode: checked })}
          />
          <CheckboxInput
            id={FIELD_IDS.autoFill}
            label="Fill office defaults automatically"
            hint="Fill empty office fields on the credential form with the defaults above. You can still change them before saving."
            checked={form.autoFill}
            locked={isLocked('autoFill')}
            onChange={(checked) => update({ autoFill: checked })}
          />
        </fieldset>

        <ChecksFieldset
          form={form}
          locked={locked.has('checks')}
          onToggle={(id, on) => update({ checks: { ...form.checks, [id]: on } })}
        />

        <div className="actions">
          <button type="submit" aria-disabled={busy || undefined}>
            Save
          </button>
          <p id={FIELD_IDS.status} className="status" role="status">
            {status}
          </p>
        </div>
        {saveError && (
          <p className="message message-error" role="alert">
            {saveError}
          </p>
        )}
      </form>

      <section className="transfer" aria-labelledby="transfer-title">
        <h2 id="transfer-title">Copy settings to other computers</h2>
        <p>
          Export saves these settings in a file ({SETTINGS_FILE_NAME}). Import reads such a file and saves its settings
          here.
        </p>
        <div className="transfer-controls">
          <button type="button" className="secondary" onClick={exportFile}>
            Export settings
          </button>
          <div className="file-field">
            <label htmlFor={FIELD_IDS.importFile}>Import settings</label>
            <input
              id={FIELD_IDS.importFile}
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
        {transferError && (
          <p className="message message-error" role="alert">
            {transferError}
          </p>
        )}
      </section>
    </main>
  );
}

function describedBy(...ids: Array<string | false | undefined>): string | undefined {
  const list = ids.filter(Boolean).join(' ');
  return list || undefined;
}

function ManagedNote({ id }: { id: string }) {
  return (
    <span id={id} className="managed-note">
      {MANAGED_NOTE}
    </span>
  );
}

function TextInput(props: {
  id: string;
  label: string;
  hint: ReactNode;
  value: string;
  error: string | undefined;
  locked: boolean;
  inputRef: (element: HTMLInputElement | null) => void;
  onChange: (event: ChangeEvent<HTMLInputElement>) => void;
  onBlur: () => void;
}) {
  const { id, label, hint, value, error, locked } = props;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const lockedId = `${id}-managed`;
  return (
    <div className={`field${error ? ' field-invalid' : ''}${locked ? ' field-locked' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={id}
        type="text"
        ref={props.inputRef}
        value={value}
        readOnly={locked}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(error && errorId, locked && lockedId, hintId)}
        onChange={props.onChange}
        onBlur={props.onBlur}
      />
      {locked && <ManagedNote id={lockedId} />}
      {error && (
        <p id={errorId} className="error">
          {error}
        </p>
      )}
      <p id={hintId} className="hint">
        {hint}
      </p>
    </div>
  );
}

function CheckboxInput(props: {
  id: string;
  label: string;
  hint: string;
  checked: boolean;
  locked: boolean;
  onChange: (checked: boolean) => void;
}) {
  const { id, label, hint, checked, locked } = props;
  const hintId = `${id}-hint`;
  const lockedId = `${id}-managed`;
  return (
    <div className={`field field-checkbox${locked ? ' field-locked' : ''}`}>
      <input
        id={id}
        name={id}
        type="checkbox"
        checked={checked}
        disabled={locked}
        aria-describedby={describedBy(locked && lockedId, hintId)}
        onChange={(event) => props.onChange(event.target.checked)}
      />
      <div>
        <label htmlFor={id}>{label}</label>
        {locked && <ManagedNote id={lockedId} />}
        <p id={hintId} className="hint">
          {hint}
        </p>
      </div>
    </div>
  );
}

function ChecksFieldset(props: { form: FormValues; locked: boolean; onToggle: (id: string, on: boolean) => void }) {
  const { form, locked } = props;
  const lockedId = useId();
  return (
    <fieldset className={locked ? 'field-locked' : undefined} aria-describedby={locked ? lockedId : undefined}>
      <legend>Checks</legend>
      <p className="fieldset-hint">
        Switch off a check your office does not use. Checks that are off are not shown on the credential form.
      </p>
      {locked && (
        <p>
          <ManagedNote id={lockedId} />
        </p>
      )}
      <ul className="checks">
        {CHECKS.map((check) => {
          const id = `check-${check.id}`;
          return (
            <li key={check.id} className="check">
              <input
                id={id}
                type="checkbox"
                role="switch"
                checked={form.checks[check.id] !== false}
                disabled={locked}
                aria-describedby={`${id}-id`}
                onChange={(event) => props.onToggle(check.id, event.target.checked)}
              />
              <div>
                <label htmlFor={id}>{check.title}</label>
                <small id={`${id}-id`} className="check-id">
                  <span className={`severity severity-${check.severity}`}>{SEVERITY_WORD[check.severity]}</span>{' '}
                  <code>{check.id}</code>
                </small>
              </div>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

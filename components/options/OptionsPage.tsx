import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { CHECKS } from '@/lib/checks';
import { emptyChoices, type RememberedChoices } from '@/lib/settings/choices';
import type { EffectiveSettingsWithProfiles, UserSettings } from '@/lib/settings/defaults';
import { messagingApi, type SettingsApi } from './api';
import { ChecksFieldset } from './ChecksFieldset';
import {
  TEXT_FIELDS,
  addProfile,
  canAddProfile,
  formFromSettings,
  hasErrors,
  mergeRefreshed,
  removeProfile,
  settingsFromForm,
  updateProfile,
  validateField,
  validateForm,
  type FieldErrors,
  type FormValues,
  type ProfileValues,
  type TextField,
} from './form';
import { PROFILE_FIELD_IDS, ProfilesFieldset } from './ProfilesFieldset';
import { ManagedSummary, RepairNotice } from './Notices';
import { RememberedLists } from './RememberedLists';
import { RULE_IDS, RulesFieldset } from './RulesFieldset';
import { IMPORT_FILE_ID, TransferSection, messageOf } from './TransferSection';

const CHECK_IDS = CHECKS.map((check) => check.id);

/** Stable ids: the end-to-end tests and the labels rely on them. */
export const FIELD_IDS = {
  ...PROFILE_FIELD_IDS,
  ...RULE_IDS,
  importFile: IMPORT_FILE_ID,
  status: 'save-status',
} as const;

interface Loaded {
  effective: EffectiveSettingsWithProfiles;
  /** The form as last loaded from the worker: what "unedited" means when settings change elsewhere. */
  baseline: FormValues;
  form: FormValues;
}

function loadedFrom(effective: EffectiveSettingsWithProfiles): Loaded {
  const form = formFromSettings(effective, CHECK_IDS);
  return { effective, baseline: form, form };
}

const newProfileId = () => `p-${crypto.randomUUID().slice(0, 8)}`;

export default function OptionsPage({ api = messagingApi }: { api?: SettingsApi }) {
  const [data, setData] = useState<Loaded | null>(null);
  const [choices, setChoices] = useState<RememberedChoices>(emptyChoices);
  const [editing, setEditing] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState('');
  const [saveError, setSaveError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fieldRefs = useRef<Partial<Record<TextField, HTMLInputElement | null>>>({});
  /** A field to focus once the profile it belongs to is shown. */
  const focusNext = useRef<TextField | null>(null);

  const load = useCallback(async () => {
    try {
      const [effective, remembered] = await Promise.all([api.getSettings(), api.getChoices().catch(() => emptyChoices())]);
      setLoadError(null);
      setChoices(remembered);
      setData((prev) => {
        if (!prev) return loadedFrom(effective);
        const next = formFromSettings(effective, CHECK_IDS);
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

  useEffect(() => {
    if (!focusNext.current) return;
    fieldRefs.current[focusNext.current]?.focus();
    focusNext.current = null;
  });

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
  const locked = effective.locked;
  const editingId = form.profiles.some((p) => p.id === editing) ? editing! : form.activeProfileId;

  const update = (change: (form: FormValues) => FormValues) => {
    setStatus('');
    setSaveError(null);
    setData((prev) => (prev ? { ...prev, form: change(prev.form) } : prev));
  };

  const changeProfile = (id: string, patch: Partial<Omit<ProfileValues, 'id'>>) => {
    update((current) => updateProfile(current, id, patch));
    // Once a field shows a message, re-check it as the user types so it clears when fixed.
    setErrors((prev) => {
      const mine = prev[id];
      if (!mine) return prev;
      const next = { ...mine };
      for (const [field, value] of Object.entries(patch) as Array<[TextField, string]>) if (next[field]) next[field] = validateField(field, value);
      return { ...prev, [id]: next };
    });
  };

  const blurField = (id: string, field: TextField) => {
    const profile = form.profiles.find((p) => p.id === id);
    if (!profile) return;
    setErrors((prev) => ({ ...prev, [id]: { ...prev[id], [field]: validateForm(form, locked)[id]?.[field] } }));
  };

  /** Validates the whole form; shows the messages and focuses the first wrong field (showing its profile). */
  const validateAll = (): boolean => {
    const found = validateForm(form, locked);
    setErrors(found);
    if (!hasErrors(found)) return true;
    const first = form.profiles.find((p) => found[p.id]);
    if (first) {
      setEditing(first.id);
      focusNext.current = TEXT_FIELDS.find((field) => found[first.id]?.[field]) ?? null;
    }
    return false;
  };

  const saveAndShow = async (settings: UserSettings) => {
    const saved = await api.saveSettings(settings);
    setData(loadedFrom(saved));
    setErrors({});
    return saved;
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setStatus('');
    setSaveError(null);
    if (!validateAll()) {
      setSaveError('Some settings need fixing before they can be saved. See the messages next to the fields.');
      return;
    }
    setBusy(true);
    try {
      await saveAndShow(settingsFromForm(form, effective.settings.checks, CHECK_IDS));
      setStatus('Settings saved');
    } catch (error) {
      setSaveError(`The settings were not saved. ${messageOf(error)}`);
    } finally {
      setBusy(false);
    }
  };

  const add = () => {
    if (!canAddProfile(form)) return;
    const id = newProfileId();
    update((current) => addProfile(current, id));
    setEditing(id);
    focusNext.current = 'name';
    setStatus('Profile added: name it and fill in its office, then choose Save.');
  };

  const remove = (id: string) => {
    const name = form.profiles.find((p) => p.id === id)?.name.trim() || 'The profile';
    update((current) => removeProfile(current, id));
    setEditing(null);
    setStatus(`“${name}” is removed when you choose Save.`);
  };

  const forget = async () => {
    if (busy) return;
    setBusy(true);
    try {
      setChoices(await api.forgetChoices());
      setStatus('The lists seen on CalJOBS were forgotten.');
    } catch (error) {
      setSaveError(`The lists were not forgotten. ${messageOf(error)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="options">
      <h1>CalJOBS Credential Assistant settings</h1>
      <p className="intro">
        Your office’s defaults and the checks the assistant runs while you record credentials in CalJOBS. These settings
        hold no participant information.
      </p>

      <ManagedSummary locked={locked} />
      <RepairNotice problems={effective.problems} />

      <form noValidate onSubmit={(event) => void save(event)}>
        <ProfilesFieldset
          form={form}
          editingId={editingId}
          locked={locked}
          choices={choices}
          errors={errors}
          inputRef={(field) => (element) => {
            fieldRefs.current[field] = element;
          }}
          onEdit={setEditing}
          onChange={changeProfile}
          onBlur={blurField}
          onAdd={add}
          onRemove={remove}
          onUse={(id) => update((current) => ({ ...current, activeProfileId: id }))}
        />

        <RulesFieldset
          requireAgencyCode={form.requireAgencyCode}
          autoFill={form.autoFill}
          locked={{ requireAgencyCode: locked.includes('requireAgencyCode'), autoFill: locked.includes('autoFill') }}
          onChange={(patch) => update((current) => ({ ...current, ...patch }))}
        />

        <ChecksFieldset
          checks={form.checks}
          locked={locked.includes('checks')}
          onToggle={(id, on) => update((current) => ({ ...current, checks: { ...current.checks, [id]: on } }))}
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

      <RememberedLists choices={choices} busy={busy} onForget={() => void forget()} />

      <TransferSection
        busy={busy}
        setBusy={setBusy}
        prepareExport={() => (validateAll() ? settingsFromForm(form, effective.settings.checks, CHECK_IDS) : null)}
        saveImported={saveAndShow}
        onStatus={(text) => {
          setStatus(text);
          setSaveError(null);
        }}
      />
    </main>
  );
}

import type { SettingKey } from '@/lib/settings/defaults';
import { LIMITS } from '@/lib/settings/defaults';
import { agencyCodeItems, officeItems, regionItems, type ChoiceItem, type RememberedChoices } from '@/lib/settings/choices';
import { ChoicePicker, seenOn } from './ChoicePicker';
import { TextInput } from './fields';
import { canAddProfile, canRemoveProfile, isFieldLocked, type FieldErrors, type FormValues, type ProfileValues, type TextField } from './form';

/** Stable ids: the end-to-end tests and the labels rely on them. */
export const PROFILE_FIELD_IDS: Record<TextField, string> = {
  name: 'profile-name',
  region: 'region',
  office: 'office',
  agencyCode: 'agency-code',
  agencyName: 'agency-name',
};

const UNSEEN = 'not seen on a CalJOBS form yet: defaults apply only if the text matches the list exactly.';

export interface ProfilesFieldsetProps {
  form: FormValues;
  /** The profile whose fields are shown. */
  editingId: string;
  locked: readonly SettingKey[];
  choices: RememberedChoices;
  errors: FieldErrors;
  inputRef: (field: TextField) => (element: HTMLInputElement | null) => void;
  onEdit: (id: string) => void;
  onChange: (id: string, patch: Partial<Omit<ProfileValues, 'id'>>) => void;
  onBlur: (id: string, field: TextField) => void;
  onAdd: () => void;
  onRemove: (id: string) => void;
  onUse: (id: string) => void;
}

function officeDetail(item: ChoiceItem): string {
  if (item.inRegion) return `Seen ${seenOn(item.seen)}`;
  return item.region ? `Seen with ${item.region}, ${seenOn(item.seen)}` : `Seen with no region chosen, ${seenOn(item.seen)}`;
}

/** Office profiles: pick the one to edit, add, delete, choose the one in use; its office fields as pickers. */
export function ProfilesFieldset(props: ProfilesFieldsetProps) {
  const { form, editingId, locked, choices, errors } = props;
  const profile = form.profiles.find((p) => p.id === editingId) ?? form.profiles[0]!;
  const several = form.profiles.length > 1;
  const inUse = profile.id === form.activeProfileId;
  const mine = errors[profile.id] ?? {};
  const change = (field: TextField) => (value: string) => props.onChange(profile.id, { [field]: value });
  const blur = (field: TextField) => () => props.onBlur(profile.id, field);
  const regions = regionItems(choices);
  const offices = officeItems(choices, profile.region);
  const codes = agencyCodeItems(choices);

  return (
    <fieldset className="profiles">
      <legend>Office defaults</legend>
      <p className="fieldset-hint">
        Pick LWIA/Region and Office Location from the lists this browser has seen on CalJOBS forms, or type them exactly as
        CalJOBS shows them. Staff who work at more than one office can keep a profile for each and switch in the side panel.
      </p>

      <div className="profile-bar">
        {several && (
          <div className="field">
            <label htmlFor="profile-select">Profile to edit</label>
            <select id="profile-select" value={profile.id} onChange={(event) => props.onEdit(event.target.value)}>
              {form.profiles.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name.trim() || 'Unnamed profile'}
                  {p.id === form.activeProfileId ? ' (in use)' : ''}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="profile-actions">
          <button type="button" className="secondary" onClick={props.onAdd} aria-disabled={!canAddProfile(form) || undefined}>
            Add a profile
          </button>
          {several && (
            <button type="button" className="secondary" onClick={() => props.onRemove(profile.id)}>
              Delete this profile
            </button>
          )}
        </div>
      </div>
      {!canAddProfile(form) && <p className="hint">You have the most profiles there can be ({LIMITS.profiles}).</p>}
      {several && (
        <p className="profile-in-use">
          {inUse ? (
            <>
              <strong>{profile.name.trim() || 'This profile'}</strong> is in use on CalJOBS forms.
            </>
          ) : (
            <>
              <button type="button" className="secondary" onClick={() => props.onUse(profile.id)}>
                Use this profile
              </button>{' '}
              (then Save)
            </>
          )}
        </p>
      )}

      <TextInput
        id={PROFILE_FIELD_IDS.name}
        label="Profile name"
        hint={<>Shown in the side panel, for example “Downtown office”.</>}
        value={profile.name}
        error={mine.name}
        locked={false}
        inputRef={props.inputRef('name')}
        onChange={change('name')}
        onBlur={blur('name')}
      />
      <ChoicePicker
        id={PROFILE_FIELD_IDS.region}
        label="LWIA/Region"
        value={profile.region}
        items={regions}
        error={mine.region}
        locked={isFieldLocked('region', locked)}
        hint={<>For example “Los Angeles County”.</>}
        seenNote={(item) => `Last seen on CalJOBS on ${seenOn(item.seen)}.`}
        unseenNote={`LWIA/Region ${UNSEEN}`}
        emptyNote="No list seen yet: open a Create Credential form in CalJOBS in this browser, and its choices are offered here."
        describeItem={(item) => `Seen ${seenOn(item.seen)}`}
        inputRef={props.inputRef('region')}
        onChange={change('region')}
        onBlur={blur('region')}
      />
      <ChoicePicker
        id={PROFILE_FIELD_IDS.office}
        label="Office Location"
        value={profile.office}
        items={offices}
        error={mine.office}
        locked={isFieldLocked('office', locked)}
        hint={<>The offices seen with the region above are offered first.</>}
        seenNote={(item) =>
          item.inRegion || !profile.region.trim()
            ? `Last seen on CalJOBS on ${seenOn(item.seen)}.`
            : `Last seen on CalJOBS on ${seenOn(item.seen)}, ${item.region ? `with ${item.region}` : 'with no region chosen'}: not yet seen with ${profile.region.trim()}.`
        }
        unseenNote={`Office Location ${UNSEEN}`}
        emptyNote="No list seen yet: open a Create Credential form in CalJOBS in this browser, and its offices are offered here."
        describeItem={officeDetail}
        inputRef={props.inputRef('office')}
        onChange={change('office')}
        onBlur={blur('office')}
      />
      <div className="field-row">
        <ChoicePicker
          id={PROFILE_FIELD_IDS.agencyCode}
          label="Agency Code"
          value={profile.agencyCode}
          items={codes}
          error={mine.agencyCode}
          locked={isFieldLocked('agencyCode', locked)}
          hint={<>Letters, digits and dashes, for example LA0211.</>}
          seenNote={(item) => `Seen in an Agency Code Search on ${seenOn(item.seen)}.`}
          emptyNote="Codes seen in CalJOBS’s Agency Code Search are offered here."
          describeItem={(item) => item.name || `Seen ${seenOn(item.seen)}`}
          inputRef={props.inputRef('agencyCode')}
          onChange={change('agencyCode')}
          onPick={(item) => {
            if (item.name) props.onChange(profile.id, { agencyCode: item.text, agencyName: item.name });
          }}
          onBlur={blur('agencyCode')}
        />
        <TextInput
          id={PROFILE_FIELD_IDS.agencyName}
          label="Agency name (optional)"
          hint={<>Shown next to the code in reminders.</>}
          value={profile.agencyName}
          error={mine.agencyName}
          locked={isFieldLocked('agencyName', locked)}
          inputRef={props.inputRef('agencyName')}
          onChange={change('agencyName')}
          onBlur={blur('agencyName')}
        />
      </div>
    </fieldset>
  );
}

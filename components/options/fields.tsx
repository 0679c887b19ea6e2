import type { ChangeEvent, ReactNode } from 'react';

/** The options page's plain controls: a labelled text field, a checkbox, the "managed by IT" note. */

export const MANAGED_NOTE = 'Managed by your IT department';

export function describedBy(...ids: Array<string | false | undefined | null>): string | undefined {
  const list = ids.filter(Boolean).join(' ');
  return list || undefined;
}

export function ManagedNote({ id }: { id: string }) {
  return (
    <span id={id} className="managed-note">
      {MANAGED_NOTE}
    </span>
  );
}

export function FieldError({ id, error }: { id: string; error: string | undefined }) {
  return error ? (
    <p id={id} className="error">
      {error}
    </p>
  ) : null;
}

export function TextInput(props: {
  id: string;
  label: string;
  hint: ReactNode;
  value: string;
  error: string | undefined;
  locked: boolean;
  inputRef: (element: HTMLInputElement | null) => void;
  onChange: (value: string) => void;
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
        aria-describedby={describedBy(locked && lockedId, error && errorId, hintId)}
        onChange={(event: ChangeEvent<HTMLInputElement>) => props.onChange(event.target.value)}
        onBlur={props.onBlur}
      />
      {locked && <ManagedNote id={lockedId} />}
      <FieldError id={errorId} error={error} />
      <p id={hintId} className="hint">
        {hint}
      </p>
    </div>
  );
}

export function CheckboxInput(props: {
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

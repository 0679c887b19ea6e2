import { useId } from 'react';
import { CHECKS, SEVERITY_WORD } from '@/lib/checks';
import { ManagedNote } from './fields';

/** One switch per check, with its severity written out and its id (for IT's `disabledChecks`). */
export function ChecksFieldset(props: { checks: Record<string, boolean>; locked: boolean; onToggle: (id: string, on: boolean) => void }) {
  const { checks, locked } = props;
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
                checked={checks[check.id] !== false}
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

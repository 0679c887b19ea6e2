import { useState } from 'react';
import { officeLocked, type SettingKey } from '@/lib/settings/defaults';

/** "Some settings are managed by your IT department", when a policy locks any. */
export function ManagedSummary({ locked }: { locked: readonly SettingKey[] }) {
  if (locked.length === 0) return null;
  return (
    <p className="managed-summary">
      Some settings are managed by your IT department. They are shown here but cannot be changed
      {officeLocked(locked) ? ', in any profile' : ''}.
    </p>
  );
}

/** What was repaired in the stored settings, shown until dismissed (or until the problems change). */
export function RepairNotice({ problems }: { problems: readonly string[] }) {
  const [dismissed, setDismissed] = useState<string | null>(null);
  const key = problems.join('\n');
  if (problems.length === 0 || dismissed === key) return null;
  return (
    <section className="message message-notice" role="status" aria-labelledby="settings-notice-title">
      <h2 id="settings-notice-title">Some settings need your attention</h2>
      <ul>
        {problems.map((problem) => (
          <li key={problem}>{problem}</li>
        ))}
      </ul>
      <p>Check the settings below, then choose Save.</p>
      <button type="button" className="secondary" onClick={() => setDismissed(key)}>
        Dismiss this notice
      </button>
    </section>
  );
}

import { findInlineEntry } from '../rules/catalogue/page';
import { classifyCredential } from '../rules/credential-types';
import { defineCheck } from './types';

/**
 * Other Credential names a catalogue entry that never counts (OSHA-10, CPR, a food handler card…):
 * a warning with the reason and the entry's source. An entry that counts only on a condition about
 * the participant (a diploma or equivalency, a graduate degree) gives a note instead, unless the
 * Credential Received choice already says the same (diploma-needs-followup, graduate-degree-vr-only).
 * Entries that count, or that depend on the credential, get nothing inline: the side panel's
 * "Does it count?" tab covers them. The matcher and its data: lib/rules/catalogue/page.ts.
 */
export default defineCheck({
  id: 'credential-never-counts',
  severity: 'warning',
  field: 'otherCredential',
  source: 'ten2519',
  title: 'Other Credential names a credential that never counts (OSHA-10, CPR, a food handler card…)',
  run: ({ form }) => {
    const entry = form.otherCredential.found ? findInlineEntry(form.otherCredential.text) : null;
    if (!entry) return null;
    if (entry.severity === 'warning') {
      return {
        message: `${entry.name} does not count: ${entry.short}.`,
        detail: `${entry.why} If the participant also earned a credential that counts, record that one instead (see "Does it count?" in the side panel).`,
        source: entry.source,
      };
    }
    if (form.credential.chosen && classifyCredential(form.credential.text) === entry.type) return null;
    return {
      severity: 'info',
      message: `${entry.name} counts ${entry.short}.`,
      detail: `${entry.why} Condition: ${entry.condition ?? ''}`,
      source: entry.source,
    };
  },
});

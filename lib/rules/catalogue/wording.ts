import { format } from 'date-fns';
import { SOURCES } from '../sources';
import type { Basis, CatalogueEntry, Verdict } from './types';

/** How a verdict is written out: always in words (an icon only adds to them, never colour alone). */
export const VERDICT_WORDS: Readonly<Record<Verdict, string>> = {
  counts: 'Counts',
  'does-not-count': 'Does not count',
  'counts-if': 'Counts if…',
  depends: 'Depends',
};

/** A decorative mark next to the words (hidden from screen readers). */
export const VERDICT_ICON: Readonly<Record<Verdict, string>> = {
  counts: '✓',
  'does-not-count': '✕',
  'counts-if': '!',
  depends: '?',
};

/** How firm the entry is: named in guidance, by rule, or not settled. */
export const BASIS_WORDS: Readonly<Record<Basis, string>> = {
  named: 'Named in federal guidance',
  rule: 'By rule: not named in guidance, but its rule is plain',
  depends: 'Not settled by guidance: it depends on the credential',
};

/**
 * Plain text for a case note about a catalogue entry: the credential as the catalogue names it, the
 * verdict, why, the source and the date. Built from the catalogue's own texts only: no participant data.
 */
export function caseNoteText(entry: CatalogueEntry, today: Date): string {
  const source = SOURCES[entry.source];
  return [
    `Does it count? ${entry.name}`,
    `Verdict: ${VERDICT_WORDS[entry.verdict]} (${entry.short})`,
    `Why: ${entry.why}`,
    ...(entry.condition ? [`Condition: ${entry.condition}`] : []),
    ...(entry.verdict === 'depends' ? ['Next: walk the decision tree with what the credential shows.'] : []),
    `Basis: ${BASIS_WORDS[entry.basis]}.`,
    `Source: ${source.name}${source.url ? ` (${source.url})` : ''}`,
    `Checked on ${format(today, 'M/d/yyyy')} with the CalJOBS Credential Assistant's credential catalogue. It follows federal guidance; local policy may be stricter.`,
  ].join('\n');
}

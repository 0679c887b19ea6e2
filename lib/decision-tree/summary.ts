import { format } from 'date-fns';
import { SOURCES } from '../rules/sources';
import type { DecisionTreeEngine, TreeState } from './engine';
import type { OutcomeKind } from './schema';

export const OUTCOME_HEADINGS: Readonly<Record<OutcomeKind, string>> = {
  counts: 'Counts toward credential attainment',
  'does-not-count': 'Does not count toward credential attainment',
  'counts-if': 'Counts only if a condition is met',
};

/**
 * Plain text for a case note: the questions and answers, the outcome, the warnings, the sources (name
 * and link) and the date of the check. Built only from the tree's own texts, so it never carries
 * participant data (not even the credential text read from the page).
 */
export function buildSummaryText(
  engine: DecisionTreeEngine,
  state: TreeState,
  today: Date,
  /** Where a confirmed suggestion came from, by question id, when not from the page (the catalogue). */
  origins: Readonly<Record<string, string>> = {},
): string {
  const lines: string[] = [];
  lines.push(`WIOA credential attainment check: ${engine.tree.title}`);
  lines.push(`Checked on ${format(today, 'M/d/yyyy')} with the CalJOBS Credential Assistant decision tree.`);
  lines.push('');
  lines.push('Questions and answers');
  const path = engine.path(state);
  if (path.length === 0) lines.push('(no questions answered yet)');
  path.forEach(({ question, answer, fromPreAnswer }, index) => {
    lines.push(`${index + 1}. ${question.text}`);
    const origin = origins[question.id] ?? 'suggested from the CalJOBS page';
    lines.push(`   Answer: ${answer.label}${fromPreAnswer ? ` (${origin}, confirmed)` : ''}`);
  });
  lines.push('');

  const result = engine.outcome(state);
  if (!result) {
    lines.push('Outcome: not reached yet (not every question has been answered).');
    return lines.join('\n');
  }
  lines.push(`Outcome: ${OUTCOME_HEADINGS[result.kind]}`);
  lines.push(`Why: ${result.reason}`);
  if (result.condition) lines.push(`Condition: ${result.condition}`);
  if (result.warnings.length > 0) {
    lines.push('');
    lines.push('Warnings');
    for (const warning of result.warnings) lines.push(`- ${warning.text} (${SOURCES[warning.source].short})`);
  }
  lines.push('');
  lines.push('Sources');
  for (const id of result.sources) {
    const source = SOURCES[id];
    lines.push(`- ${source.name}${source.url ? `: ${source.url}` : ''}`);
  }
  return lines.join('\n');
}

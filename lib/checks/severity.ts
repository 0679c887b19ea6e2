import type { Finding, Severity } from './types';

/** How each severity is written out: never by colour alone (inline notes, summary, guard, panel, options). */
export const SEVERITY_WORD: Readonly<Record<Severity, string>> = { error: 'Error', warning: 'Warning', info: 'Note' };

const SEVERITY_NOUN: Readonly<Record<Severity, string>> = { error: 'error', warning: 'warning', info: 'note' };

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity] += 1;
  return counts;
}

/** True when nothing holds up saving (notes never do). */
export function isReadyToSave(findings: readonly Finding[]): boolean {
  return findings.every((finding) => finding.severity === 'info');
}

/** "2 errors, 1 warning, 1 note"; '' when there is nothing. */
export function describeCounts(findings: readonly Finding[]): string {
  const counts = countBySeverity(findings);
  return (['error', 'warning', 'info'] as const)
    .filter((severity) => counts[severity] > 0)
    .map((severity) => `${counts[severity]} ${SEVERITY_NOUN[severity]}${counts[severity] === 1 ? '' : 's'}`)
    .join(', ');
}

/** The one-line status of a form's findings, as the summary and the panel say it. */
export function statusLine(findings: readonly Finding[]): string {
  if (isReadyToSave(findings)) {
    const notes = describeCounts(findings);
    return notes ? `Ready to save. ${notes} to read.` : 'Ready to save.';
  }
  return `${describeCounts(findings)} to review before saving.`;
}

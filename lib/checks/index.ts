import activityMissing from './activity-missing';
import activityNotTraining from './activity-not-training';
import agencyCodeMissing from './agency-code-missing';
import credentialMissing from './credential-missing';
import credentialNeverCounts from './credential-never-counts';
import dateAfterMax from './date-after-max';
import dateBeforeParticipation from './date-before-participation';
import dateInFuture from './date-in-future';
import dateInvalid from './date-invalid';
import dateIsToday from './date-is-today';
import dateMissing from './date-missing';
import diplomaNeedsFollowup from './diploma-needs-followup';
import graduateDegreeVrOnly from './graduate-degree-vr-only';
import officeMissing from './office-missing';
import otherCredentialMissing from './other-credential-missing';
import regionMissing from './region-missing';
import verificationMissing from './verification-missing';
import { SOURCES } from '../rules/sources';
import type { Check, CheckContext, CitedFinding, Finding, Severity } from './types';

export type { Check, CheckContext, CheckSays, CitedFinding, Finding, Severity } from './types';
export { SEVERITY_WORD, countBySeverity, describeCounts, isReadyToSave, statusLine } from './severity';

/** Every check, in the order the form reads (top to bottom). */
export const CHECKS: readonly Check[] = [
  regionMissing,
  officeMissing,
  credentialMissing,
  graduateDegreeVrOnly,
  diplomaNeedsFollowup,
  otherCredentialMissing,
  credentialNeverCounts,
  verificationMissing,
  dateMissing,
  dateInvalid,
  dateInFuture,
  dateAfterMax,
  dateBeforeParticipation,
  dateIsToday,
  activityMissing,
  activityNotTraining,
  agencyCodeMissing,
];

export const CHECK_IDS = CHECKS.map((check) => check.id);

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Runs every check that is switched on. Pure: same snapshot, settings and day give the same findings.
 * A check that throws is reported once to the console and skipped: one bad rule never hides the rest.
 */
export function runChecks(ctx: CheckContext): Finding[] {
  const findings: Finding[] = [];
  for (const check of CHECKS) {
    if (ctx.settings.checks[check.id] === false) continue;
    let said: ReturnType<Check['run']> = null;
    try {
      said = check.run(ctx);
    } catch (error) {
      console.error(`[CalJOBS Assistant] check ${check.id} failed`, error instanceof Error ? error.name : '');
    }
    if (said) {
      const { severity = check.severity, source = check.source, ...words } = said;
      findings.push({ id: check.id, severity, field: check.field, source, ...words });
    }
  }
  return findings.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
}

/** The findings with their sources' short names and addresses, as the page draws them. */
export function citeFindings(findings: readonly Finding[]): CitedFinding[] {
  return findings.map((finding) => {
    const { short, url } = SOURCES[finding.source];
    return { ...finding, cite: { short, url } };
  });
}

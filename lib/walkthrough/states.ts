import type { Finding } from '../checks';
import type { PageSnapshot } from '../page/snapshot';
import { STEP_IDS, type Step, type StepId, type WalkthroughStates } from './schema';

/**
 * Where the user is in the help sheet, read from the attached page. Pure: same snapshot and findings,
 * same answer. Exactly one step is 'current', except when every step is 'done'.
 *
 * Choices (the help sheet does not say):
 * - No page, or a page that is neither the case page nor the form ('other'): step 1 is current, the
 *   rest are to do. The user has to reach the participant's case first.
 * - Case page: Credentials open (Create Credential visible) keeps step 2 current: the user still has
 *   to click Create Credential.
 * - Case page showing at least one row in the Credentials grid: all five steps are done. The page
 *   cannot tell a new row from an older one, so a grid with a record counts as "the record exists".
 *   The panel says how to add another one (start again at step 2).
 * - Form: steps 1-2 are done. Step 3 is current while an error or warning sits on LWIA/Region or
 *   Office Location. Then step 4 is current, and it stays current even when nothing is flagged,
 *   because Save is part of step 4 and the content script cannot see the save happen. Step 5 stays
 *   to do on the form. Info findings (e.g. "is this today's date?") never hold a step back.
 */

/** The fields General Information (step 3) covers. Every other field, and form-wide findings, belong to step 4. */
const GENERAL_INFORMATION_FIELDS: ReadonlySet<string> = new Set(['region', 'office']);

const blocks = (finding: Finding) => finding.severity === 'error' || finding.severity === 'warning';

/** Errors and warnings that keep a form step (3 or 4) from being done. Empty for the other steps. */
export function blockingFindings(stepId: StepId, findings: readonly Finding[]): Finding[] {
  if (stepId === 'general-information') {
    return findings.filter((f) => blocks(f) && f.field !== null && GENERAL_INFORMATION_FIELDS.has(f.field));
  }
  if (stepId === 'credential-information') {
    return findings.filter((f) => blocks(f) && (f.field === null || !GENERAL_INFORMATION_FIELDS.has(f.field)));
  }
  return [];
}

/** All steps before index `current` done, `current` current, the rest to do. */
function upTo(current: number): WalkthroughStates {
  const states = {} as WalkthroughStates;
  STEP_IDS.forEach((id, i) => {
    states[id] = i < current ? 'done' : i === current ? 'current' : 'todo';
  });
  return states;
}

export function walkthroughStates(snapshot: PageSnapshot | null, findings: readonly Finding[]): WalkthroughStates {
  if (!snapshot || snapshot.page === 'other') return upTo(0);

  if (snapshot.page === 'case-page') {
    const { applicationExpanded, credentialsExpanded, credentialRows } = snapshot.casePage;
    if (credentialRows > 0) return upTo(STEP_IDS.length);
    // Credentials sit inside the application: if they are open, so is the application.
    if (!applicationExpanded && !credentialsExpanded) return upTo(0);
    return upTo(1);
  }

  // The Create Credential form.
  if (blockingFindings('general-information', findings).length > 0) return upTo(2);
  return upTo(3);
}

/** The current step, or null when all are done. */
export function currentStep(states: WalkthroughStates): StepId | null {
  return STEP_IDS.find((id) => states[id] === 'current') ?? null;
}

export const allDone = (states: WalkthroughStates): boolean => STEP_IDS.every((id) => states[id] === 'done');

/** The spot "Show me" highlights for a step: the first of the step's spots the page has, or null. */
export function showMeSpot(step: Pick<Step, 'spots'>, available: readonly string[]): string | null {
  return step.spots.find((spot) => available.includes(spot)) ?? null;
}


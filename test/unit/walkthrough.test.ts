import { describe, expect, it } from 'vitest';
import { CHECKS, type Finding } from '../../lib/checks';
import { blankForm, type CasePage, type PageSnapshot } from '../../lib/page/snapshot';
import {
  allDone,
  blockingFindings,
  CASE_PAGE_SPOTS,
  currentStep,
  FORM_SPOTS,
  isKnownSpot,
  KNOWN_SPOTS,
  showMeSpot,
  STEP_IDS,
  WALKTHROUGH_DATA,
  WALKTHROUGH_STEPS,
  WalkthroughSchema,
  walkthroughStates,
  type StepState,
  type WalkthroughStates,
} from '../../lib/walkthrough';

const HELP_SHEET_TEXT = [
  "After accessing the participant's case, expand the WIOA application",
  'scroll down and click the plus icon',
  'most of the participant\'s information should be pre-populated',
  'Select the Credential Received from the options provided',
  'You should now be able to see a new credential record',
];

/** A finding as runChecks would produce it for a check id (message text does not matter here). */
function finding(id: string): Finding {
  const check = CHECKS.find((c) => c.id === id);
  if (!check) throw new Error(`no check ${id}`);
  return { id, severity: check.severity, field: check.field, source: check.source, message: id, detail: id };
}

const other: PageSnapshot = { page: 'other' };
const casePage = (patch: Partial<CasePage> = {}): PageSnapshot => ({
  page: 'case-page',
  casePage: { applicationExpanded: false, credentialsExpanded: false, createLinkFound: false, credentialRows: 0, ...patch },
});
const form: PageSnapshot = { page: 'credential-form', form: blankForm() };

const list = (states: WalkthroughStates): StepState[] => STEP_IDS.map((id) => states[id]);

function expectOneCurrentOrAllDone(states: WalkthroughStates) {
  const current = STEP_IDS.filter((id) => states[id] === 'current');
  if (allDone(states)) expect(current).toEqual([]);
  else expect(current).toHaveLength(1);
  // Steps before the current one are done, the ones after are to do.
  const at = current[0] ? STEP_IDS.indexOf(current[0]) : STEP_IDS.length;
  STEP_IDS.forEach((id, i) => expect(states[id]).toBe(i < at ? 'done' : i === at ? 'current' : 'todo'));
}

describe('walkthrough data', () => {
  it('passes the schema', () => {
    const parsed = WalkthroughSchema.safeParse(WALKTHROUGH_DATA);
    expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues)).toBe(true);
  });

  it('has the five help-sheet steps, in order, all sourced to the help sheet', () => {
    expect(WALKTHROUGH_STEPS.map((s) => s.id)).toEqual([...STEP_IDS]);
    expect(STEP_IDS).toHaveLength(5);
    for (const step of WALKTHROUGH_STEPS) expect(step.source).toBe('helpSheet');
  });

  it('uses only spot names the page knows', () => {
    for (const step of WALKTHROUGH_STEPS) {
      for (const spot of step.spots) expect(isKnownSpot(spot), `${step.id}: ${spot}`).toBe(true);
      for (const item of step.items ?? []) expect(isKnownSpot(item.spot), `${step.id}: ${item.spot}`).toBe(true);
    }
    expect(KNOWN_SPOTS).toEqual(
      expect.arrayContaining([
        'application-toggle',
        'credentials-toggle',
        'create-link',
        'credentials-grid',
        'region',
        'office',
        'credential',
        'otherCredential',
        'verification',
        'date',
        'activity',
        'agencyCode',
        'save',
      ]),
    );
    expect(KNOWN_SPOTS).toHaveLength(CASE_PAGE_SPOTS.length + FORM_SPOTS.length);
  });

  it("points each step at the right page's spots", () => {
    const spotsOf = (i: number) => WALKTHROUGH_STEPS[i]?.spots ?? [];
    expect(spotsOf(0)).toEqual(['application-toggle']);
    expect(spotsOf(1)).toContain('create-link');
    expect(spotsOf(1)).toContain('credentials-toggle');
    expect(spotsOf(2)).toEqual(['region', 'office']);
    expect(spotsOf(3)).toEqual(expect.arrayContaining(['credential', 'verification', 'date', 'activity', 'agencyCode', 'save']));
    expect(spotsOf(4)).toEqual(['credentials-grid']);
  });

  it('carries the key tips: Agency Code, the decision tree, the date, the activity and the document', () => {
    const tips = WALKTHROUGH_STEPS.flatMap((s) => s.tips);
    const all = tips.map((t) => t.text).join('\n');
    expect(all).toMatch(/Los Angeles County requires an Agency Code/);
    expect(all).toMatch(/date shown on the credential, not the day/);
    expect(all).toMatch(/training activity/);
    expect(all).toMatch(/verification document/);
    expect(tips.filter((t) => t.action === 'decision-tree')).toHaveLength(1);
  });

  it('is in our own words, not copied from the help sheet', () => {
    const all = JSON.stringify(WALKTHROUGH_DATA).toLowerCase();
    for (const sentence of HELP_SHEET_TEXT) expect(all).not.toContain(sentence.toLowerCase());
  });

  it('rejects bad data', () => {
    const steps = WALKTHROUGH_DATA as Record<string, unknown>[];
    expect(WalkthroughSchema.safeParse(steps.slice(0, 4)).success).toBe(false);
    expect(WalkthroughSchema.safeParse([...steps].reverse()).success).toBe(false);
    const badSpot = steps.map((s, i) => (i === 0 ? { ...s, spots: ['nowhere'] } : s));
    expect(WalkthroughSchema.safeParse(badSpot).success).toBe(false);
    const noSpots = steps.map((s, i) => (i === 0 ? { ...s, spots: [] } : s));
    expect(WalkthroughSchema.safeParse(noSpots).success).toBe(false);
    const actionWithoutLabel = steps.map((s, i) =>
      i === 0 ? { ...s, tips: [{ text: 'x', action: 'decision-tree' }] } : s,
    );
    expect(WalkthroughSchema.safeParse(actionWithoutLabel).success).toBe(false);
  });
});

describe('walkthroughStates', () => {
  it('other page (or none): step 1 current, the rest to do', () => {
    for (const states of [walkthroughStates(other, []), walkthroughStates(null, [])]) {
      expect(list(states)).toEqual(['current', 'todo', 'todo', 'todo', 'todo']);
      expectOneCurrentOrAllDone(states);
    }
  });

  it('case page, application collapsed: step 1 current', () => {
    const states = walkthroughStates(casePage(), []);
    expect(list(states)).toEqual(['current', 'todo', 'todo', 'todo', 'todo']);
    expectOneCurrentOrAllDone(states);
  });

  it('case page, application expanded: step 1 done, step 2 current', () => {
    const states = walkthroughStates(casePage({ applicationExpanded: true }), []);
    expect(list(states)).toEqual(['done', 'current', 'todo', 'todo', 'todo']);
    expectOneCurrentOrAllDone(states);
  });

  it('case page, Credentials expanded (Create Credential visible): step 2 still current', () => {
    const states = walkthroughStates(
      casePage({ applicationExpanded: true, credentialsExpanded: true, createLinkFound: true }),
      [],
    );
    expect(list(states)).toEqual(['done', 'current', 'todo', 'todo', 'todo']);
    expectOneCurrentOrAllDone(states);
    expect(currentStep(states)).toBe('open-credentials');
  });

  it('case page with a credential row: all five done', () => {
    const states = walkthroughStates(
      casePage({ applicationExpanded: true, credentialsExpanded: true, createLinkFound: true, credentialRows: 1 }),
      [],
    );
    expect(list(states)).toEqual(['done', 'done', 'done', 'done', 'done']);
    expect(allDone(states)).toBe(true);
    expect(currentStep(states)).toBeNull();
    expectOneCurrentOrAllDone(states);
  });

  it('case page with Credentials open but the application flag missing still counts step 1 done', () => {
    const states = walkthroughStates(casePage({ credentialsExpanded: true, createLinkFound: true }), []);
    expect(list(states)).toEqual(['done', 'current', 'todo', 'todo', 'todo']);
  });

  it('form with the region missing: step 3 current, step 4 to do', () => {
    const states = walkthroughStates(form, [finding('region-missing'), finding('date-missing'), finding('agency-code-missing')]);
    expect(list(states)).toEqual(['done', 'done', 'current', 'todo', 'todo']);
    expectOneCurrentOrAllDone(states);
  });

  it('form with the office missing: step 3 current', () => {
    const states = walkthroughStates(form, [finding('office-missing')]);
    expect(list(states)).toEqual(['done', 'done', 'current', 'todo', 'todo']);
  });

  it('form with only the agency code missing: step 3 done, step 4 current', () => {
    const states = walkthroughStates(form, [finding('agency-code-missing')]);
    expect(list(states)).toEqual(['done', 'done', 'done', 'current', 'todo']);
    expectOneCurrentOrAllDone(states);
  });

  it('form clean: step 4 stays current (Save is left), step 5 to do', () => {
    const states = walkthroughStates(form, []);
    expect(list(states)).toEqual(['done', 'done', 'done', 'current', 'todo']);
    expectOneCurrentOrAllDone(states);
  });

  it('info findings never hold a step back', () => {
    const states = walkthroughStates(form, [finding('date-is-today'), finding('diploma-needs-followup')]);
    expect(list(states)).toEqual(['done', 'done', 'done', 'current', 'todo']);
    expect(blockingFindings('credential-information', [finding('date-is-today')])).toEqual([]);
  });

  it('sorts blocking findings to steps 3 and 4 by field', () => {
    const all = [finding('region-missing'), finding('office-missing'), finding('verification-missing'), finding('date-missing')];
    expect(blockingFindings('general-information', all).map((f) => f.id)).toEqual(['region-missing', 'office-missing']);
    expect(blockingFindings('credential-information', all).map((f) => f.id)).toEqual(['verification-missing', 'date-missing']);
    expect(blockingFindings('expand-application', all)).toEqual([]);
  });

  it('every snapshot gives exactly one current step or all done', () => {
    const snapshots: PageSnapshot[] = [other, form];
    for (const applicationExpanded of [false, true])
      for (const credentialsExpanded of [false, true])
        for (const credentialRows of [0, 2])
          snapshots.push(casePage({ applicationExpanded, credentialsExpanded, createLinkFound: credentialsExpanded, credentialRows }));
    const findingSets = [[], ...CHECKS.map((c) => [finding(c.id)]), CHECKS.map((c) => finding(c.id))];
    for (const snapshot of snapshots) for (const found of findingSets) expectOneCurrentOrAllDone(walkthroughStates(snapshot, found));
  });
});

describe('showMeSpot', () => {
  const step2 = WALKTHROUGH_STEPS[1]!;
  it('picks the first of the step spots the page has', () => {
    expect(showMeSpot(step2, ['credentials-toggle', 'create-link'])).toBe('create-link');
    expect(showMeSpot(step2, ['credentials-toggle'])).toBe('credentials-toggle');
  });
  it('is null when the page has none of them', () => {
    expect(showMeSpot(step2, [])).toBeNull();
    expect(showMeSpot(step2, ['region', 'office'])).toBeNull();
  });
});

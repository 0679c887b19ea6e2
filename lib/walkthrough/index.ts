/**
 * The help-sheet walkthrough: the five steps of Help Sheet 14 as data (steps.ts, checked by
 * schema.ts) and where the user is, read from the attached page (states.ts). Framework-free: the
 * React view lives in components/walkthrough.
 */
export {
  CASE_PAGE_SPOTS,
  FORM_SPOTS,
  isCasePageSpot,
  isKnownSpot,
  KNOWN_SPOTS,
  SpotSchema,
  STEP_IDS,
  STEP_STATES,
  StepItemSchema,
  StepSchema,
  TIP_ACTIONS,
  TipSchema,
  WalkthroughSchema,
  type Spot,
  type Step,
  type StepId,
  type StepItem,
  type StepState,
  type Tip,
  type TipAction,
  type Walkthrough,
  type WalkthroughStates,
} from './schema';
export { getStep, WALKTHROUGH_DATA, WALKTHROUGH_STEPS } from './steps';
export { allDone, blockingFindings, currentStep, showMeSpot, walkthroughStates } from './states';

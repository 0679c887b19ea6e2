import * as z from 'zod/mini';
import { CASE_PAGE_SPOTS, KNOWN_SPOTS } from '../page/snapshot';
import { SOURCE_IDS } from '../rules/sources';

/**
 * The shape of the help-sheet walkthrough. The steps themselves are plain data (./steps.ts), parsed
 * with these schemas when the module loads.
 */

export { CASE_PAGE_SPOTS, FORM_SPOTS, KNOWN_SPOTS, isKnownSpot, type Spot } from '../page/snapshot';
export const SpotSchema = z.enum(KNOWN_SPOTS);

export const isCasePageSpot = (spot: string): boolean => (CASE_PAGE_SPOTS as readonly string[]).includes(spot);

/** The help sheet's five steps, in order. */
export const STEP_IDS = [
  'expand-application',
  'open-credentials',
  'general-information',
  'credential-information',
  'check-grid',
] as const;
export type StepId = (typeof STEP_IDS)[number];

export const STEP_STATES = ['done', 'current', 'todo'] as const;
export type StepState = (typeof STEP_STATES)[number];
export type WalkthroughStates = Record<StepId, StepState>;

/** Things a tip can offer besides its text. */
export const TIP_ACTIONS = ['decision-tree'] as const;
export type TipAction = (typeof TIP_ACTIONS)[number];

const text = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));

export const TipSchema = z.object({
  text: text(240),
  /** A button next to the tip (e.g. open the Decision tree tab). */
  action: z.optional(z.enum(TIP_ACTIONS)),
  /** Label of the action's button; required when there is an action. */
  actionLabel: z.optional(text(60)),
  /** Where the tip comes from, when it is not the step's own source. */
  source: z.optional(z.enum(SOURCE_IDS)),
});
export type Tip = z.infer<typeof TipSchema>;

/** A sub-item of a step (step 4 lists the form's fields one by one). */
export const StepItemSchema = z.object({
  label: text(60),
  text: text(200),
  /** The form field or page spot this item is about. */
  spot: SpotSchema,
});
export type StepItem = z.infer<typeof StepItemSchema>;

export const StepSchema = z
  .object({
    id: z.enum(STEP_IDS),
    title: text(80),
    /** One or two short sentences, in our own words. */
    body: text(300),
    items: z.optional(z.array(StepItemSchema).check(z.minLength(1))),
    tips: z.array(TipSchema),
    /** Spots "Show me" highlights, in order of preference: the first one the page has wins. */
    spots: z.array(SpotSchema).check(z.minLength(1)),
    source: z.enum(SOURCE_IDS),
  })
  .check(
    z.refine(
      (step) => step.tips.every((tip) => (tip.action === undefined) === (tip.actionLabel === undefined)),
      'A tip with an action needs an actionLabel, and only then.',
    ),
  );
export type Step = z.infer<typeof StepSchema>;

export const WalkthroughSchema = z.array(StepSchema).check(
  z.refine(
    (steps) => steps.length === STEP_IDS.length && steps.every((step, i) => step.id === STEP_IDS[i]),
    `The walkthrough has exactly these steps, in this order: ${STEP_IDS.join(', ')}.`,
  ),
);
export type Walkthrough = z.infer<typeof WalkthroughSchema>;

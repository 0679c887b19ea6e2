import * as z from 'zod/mini';
import { SOURCE_IDS } from '../rules/sources';

/**
 * The shape of a decision tree. The tree itself is plain data (./credential-tree.ts), parsed with
 * these schemas when the module loads, then checked as a graph (./graph.ts).
 */

export const OUTCOME_KINDS = ['counts', 'does-not-count', 'counts-if'] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];

const text = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));
const id = z.string().check(z.regex(/^[a-z][a-z0-9-]*$/, 'Use lowercase letters, digits and dashes.'));

export const SourceIdSchema = z.enum(SOURCE_IDS);

export const OutcomeSchema = z
  .object({
    kind: z.enum(OUTCOME_KINDS),
    /** Why the walk ended here, in one or two plain sentences. */
    reason: text(400),
    /** Only for counts-if: what must also be true for the credential to count. */
    condition: z.optional(text(300)),
    /** Where the rule behind this outcome comes from; falls back to the question's source. */
    source: z.optional(SourceIdSchema),
  })
  .check(
    z.refine(
      (outcome) => (outcome.kind === 'counts-if') === (outcome.condition !== undefined),
      'A counts-if outcome needs a condition; other outcomes must not have one.',
    ),
  );
export type Outcome = z.infer<typeof OutcomeSchema>;

export const AnswerSchema = z.object({
  id,
  label: text(240),
  /** Shown with the outcome; it never changes the outcome. */
  warning: z.optional(text(400)),
  /** The id of the next question, or where the walk ends. */
  next: z.union([id, OutcomeSchema]),
});
export type Answer = z.infer<typeof AnswerSchema>;

export const QuestionSchema = z.object({
  id,
  text: text(240),
  /** A short "why we ask", in our own words. */
  whyWeAsk: text(360),
  source: SourceIdSchema,
  answers: z.array(AnswerSchema).check(z.minLength(2)),
});
export type Question = z.infer<typeof QuestionSchema>;

export const DecisionTreeSchema = z.object({
  title: text(200),
  /** The published tool this tree follows; always listed among the sources of a summary. */
  basedOn: SourceIdSchema,
  start: id,
  questions: z.array(QuestionSchema).check(z.minLength(1)),
});
export type DecisionTreeData = z.infer<typeof DecisionTreeSchema>;

export function isOutcome(next: Answer['next']): next is Outcome {
  return typeof next !== 'string';
}

/**
 * The credential-attainment decision tree: data (credential-tree.ts), schema (schema.ts), graph checks
 * (graph.ts), a small engine (engine.ts), page pre-answers (page.ts), catalogue pre-answers (catalogue.ts)
 * and the case-note summary (summary.ts). Framework-free: the React view lives in components/decision-tree.
 *
 * Pre-answers are suggestions the user confirms, never auto-answers (see engine.ts).
 */
import { CREDENTIAL_TREE } from './credential-tree';
import { createEngine, type OutcomeResult, type PreAnswers, type TreeState, type CurrentStep, type PathStep } from './engine';
import { buildSummaryText } from './summary';

export { CREDENTIAL_TREE, QUESTION_IDS, type QuestionId } from './credential-tree';
export {
  createEngine,
  DecisionTreeError,
  type AnswerRecord,
  type CurrentStep,
  type DecisionTreeEngine,
  type OutcomeResult,
  type OutcomeWarning,
  type PathStep,
  type PreAnswers,
  type TreeState,
} from './engine';
export { parseTree, treeProblems } from './graph';
export { credentialTypeAnswerFor, preAnswersFromPage, PRE_ANSWER_NOTES, type PageFacts, type PageTiming } from './page';
export { catalogueNote, catalogueSuggestion, preAnswersFromCatalogue, type CatalogueSuggestion } from './catalogue';
export {
  AnswerSchema,
  DecisionTreeSchema,
  isOutcome,
  OUTCOME_KINDS,
  OutcomeSchema,
  QuestionSchema,
  type Answer,
  type DecisionTreeData,
  type Outcome,
  type OutcomeKind,
  type Question,
} from './schema';
export { buildSummaryText, OUTCOME_HEADINGS } from './summary';

/** The engine bound to the credential tree; the functions below are its methods. */
export const credentialEngine = createEngine(CREDENTIAL_TREE);

export const start = (preAnswers?: PreAnswers): TreeState => credentialEngine.start(preAnswers);
export const answer = (state: TreeState, questionId: string, answerId: string): TreeState =>
  credentialEngine.answer(state, questionId, answerId);
export const back = (state: TreeState): TreeState => credentialEngine.back(state);
export const startOver = (state: TreeState): TreeState => credentialEngine.startOver(state);
export const withPreAnswers = (state: TreeState, preAnswers: PreAnswers): TreeState =>
  credentialEngine.withPreAnswers(state, preAnswers);
export const current = (state: TreeState): CurrentStep | null => credentialEngine.current(state);
export const outcome = (state: TreeState): OutcomeResult | null => credentialEngine.outcome(state);
export const path = (state: TreeState): PathStep[] => credentialEngine.path(state);
export const summaryText = (state: TreeState, today: Date, origins?: Readonly<Record<string, string>>): string =>
  buildSummaryText(credentialEngine, state, today, origins);

import type { SourceId } from '../rules/sources';
import { isOutcome, type Answer, type DecisionTreeData, type Outcome, type Question } from './schema';

/**
 * Walks a decision tree. State is immutable plain data: the answers given so far plus the
 * pre-answers. Everything else (the current question, the outcome, the warnings) is derived.
 *
 * Pre-answers are SUGGESTIONS, never auto-answers: `current()` reports the suggested answer so the UI
 * can pre-select it and say where it came from, but the walk only moves when the user confirms it with
 * `answer()`. A pre-answer that names an unknown question or answer is dropped.
 */

/** Question id → answer id. */
export type PreAnswers = Readonly<Partial<Record<string, string>>>;

export interface AnswerRecord {
  readonly questionId: string;
  readonly answerId: string;
  /** True when the user confirmed the pre-answer (e.g. from the page) rather than choosing another. */
  readonly fromPreAnswer: boolean;
}

export interface TreeState {
  readonly history: readonly AnswerRecord[];
  readonly preAnswers: PreAnswers;
}

export interface CurrentStep {
  question: Question;
  /** 1-based number of this question in the walk so far. */
  step: number;
  /** The pre-answer for this question, if any, for the UI to pre-select. */
  suggestedAnswerId: string | null;
}

export interface PathStep {
  question: Question;
  answer: Answer;
  fromPreAnswer: boolean;
}

export interface OutcomeWarning {
  questionId: string;
  answerId: string;
  text: string;
  source: SourceId;
}

export interface OutcomeResult extends Outcome {
  /** Every warning of the answers given, in order. They never change the outcome. */
  warnings: OutcomeWarning[];
  /** Sources of the questions asked and of the outcome, de-duplicated, the tree's basis first. */
  sources: SourceId[];
}

export class DecisionTreeError extends Error {
  override name = 'DecisionTreeError';
}

export interface DecisionTreeEngine {
  readonly tree: DecisionTreeData;
  start(preAnswers?: PreAnswers): TreeState;
  answer(state: TreeState, questionId: string, answerId: string): TreeState;
  back(state: TreeState): TreeState;
  /** Back to the first question, keeping the pre-answers. */
  startOver(state: TreeState): TreeState;
  /** Adds or replaces pre-answers; answers already given are kept as they are. */
  withPreAnswers(state: TreeState, preAnswers: PreAnswers): TreeState;
  current(state: TreeState): CurrentStep | null;
  outcome(state: TreeState): OutcomeResult | null;
  path(state: TreeState): PathStep[];
}

export function createEngine(tree: DecisionTreeData): DecisionTreeEngine {
  const questions = new Map(tree.questions.map((question) => [question.id, question]));

  const cleanPreAnswers = (preAnswers: PreAnswers | undefined): PreAnswers => {
    const clean: Record<string, string> = {};
    for (const [questionId, answerId] of Object.entries(preAnswers ?? {})) {
      const question = questions.get(questionId);
      if (answerId !== undefined && question?.answers.some((a) => a.id === answerId)) clean[questionId] = answerId;
    }
    return Object.freeze(clean);
  };

  /** Replays the history: where the walk is now. Throws on a history that does not fit the tree. */
  const walk = (state: TreeState): { steps: PathStep[]; at: Question | null; end: Outcome | null } => {
    const steps: PathStep[] = [];
    let at: Question | null = questions.get(tree.start) ?? null;
    let end: Outcome | null = null;
    for (const record of state.history) {
      if (!at || at.id !== record.questionId) {
        throw new DecisionTreeError(`Answer to "${record.questionId}" does not fit the walk.`);
      }
      const answer = at.answers.find((a) => a.id === record.answerId);
      if (!answer) throw new DecisionTreeError(`"${record.answerId}" is not an answer to "${at.id}".`);
      steps.push({ question: at, answer, fromPreAnswer: record.fromPreAnswer });
      if (isOutcome(answer.next)) {
        end = answer.next;
        at = null;
      } else {
        at = questions.get(answer.next) ?? null;
      }
    }
    return { steps, at, end };
  };

  const start = (preAnswers?: PreAnswers): TreeState =>
    Object.freeze({ history: Object.freeze([]), preAnswers: cleanPreAnswers(preAnswers) });

  return {
    tree,
    start,
    answer(state, questionId, answerId) {
      const { at } = walk(state);
      if (!at) throw new DecisionTreeError('The walk has already reached an outcome.');
      if (at.id !== questionId) throw new DecisionTreeError(`"${questionId}" is not the current question ("${at.id}").`);
      if (!at.answers.some((a) => a.id === answerId)) {
        throw new DecisionTreeError(`"${answerId}" is not an answer to "${questionId}".`);
      }
      const record: AnswerRecord = Object.freeze({
        questionId,
        answerId,
        fromPreAnswer: state.preAnswers[questionId] === answerId,
      });
      return Object.freeze({ ...state, history: Object.freeze([...state.history, record]) });
    },
    back(state) {
      if (state.history.length === 0) return state;
      return Object.freeze({ ...state, history: Object.freeze(state.history.slice(0, -1)) });
    },
    startOver(state) {
      return start(state.preAnswers);
    },
    withPreAnswers(state, preAnswers) {
      return Object.freeze({ ...state, preAnswers: cleanPreAnswers({ ...state.preAnswers, ...preAnswers }) });
    },
    current(state) {
      const { at, steps } = walk(state);
      if (!at) return null;
      return { question: at, step: steps.length + 1, suggestedAnswerId: state.preAnswers[at.id] ?? null };
    },
    outcome(state) {
      const { steps, end } = walk(state);
      if (!end) return null;
      const warnings: OutcomeWarning[] = [];
      const sources = new Set<SourceId>([tree.basedOn]);
      for (const { question, answer } of steps) {
        sources.add(question.source);
        if (answer.warning) {
          warnings.push({ questionId: question.id, answerId: answer.id, text: answer.warning, source: question.source });
        }
      }
      if (end.source) sources.add(end.source);
      return { ...end, warnings, sources: [...sources] };
    },
    path(state) {
      return walk(state).steps;
    },
  };
}

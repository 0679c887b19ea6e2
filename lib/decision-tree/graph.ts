import { DecisionTreeSchema, isOutcome, type DecisionTreeData } from './schema';

/**
 * Graph problems the schema cannot see: duplicate ids, a `next` that points nowhere, a missing start,
 * questions nobody can reach, and cycles. An empty list means every walk from the start ends in an
 * outcome after finitely many questions.
 */
export function treeProblems(tree: DecisionTreeData): string[] {
  const problems: string[] = [];
  const byId = new Map<string, DecisionTreeData['questions'][number]>();
  for (const question of tree.questions) {
    if (byId.has(question.id)) problems.push(`Question "${question.id}" is defined twice.`);
    byId.set(question.id, question);
    const answerIds = new Set<string>();
    for (const answer of question.answers) {
      if (answerIds.has(answer.id)) problems.push(`Question "${question.id}" has two answers "${answer.id}".`);
      answerIds.add(answer.id);
      if (!isOutcome(answer.next) && !tree.questions.some((q) => q.id === answer.next)) {
        problems.push(`Answer "${question.id}/${answer.id}" leads to unknown question "${answer.next}".`);
      }
      if (answer.next === question.id) problems.push(`Answer "${question.id}/${answer.id}" leads back to its own question.`);
    }
  }
  if (!byId.has(tree.start)) {
    problems.push(`The start question "${tree.start}" does not exist.`);
    return problems;
  }

  // Reachability and cycles: depth-first from the start (white = unseen, grey = on the path, black = done).
  const colour = new Map<string, 'grey' | 'black'>();
  const visit = (questionId: string, trail: string[]): void => {
    const question = byId.get(questionId);
    if (!question) return;
    colour.set(questionId, 'grey');
    for (const answer of question.answers) {
      if (isOutcome(answer.next)) continue;
      const state = colour.get(answer.next);
      if (state === 'grey') {
        if (answer.next !== questionId) problems.push(`Cycle: ${[...trail, questionId, answer.next].join(' → ')}.`);
      } else if (state === undefined) {
        visit(answer.next, [...trail, questionId]);
      }
    }
    colour.set(questionId, 'black');
  };
  visit(tree.start, []);
  for (const question of tree.questions) {
    if (!colour.has(question.id)) problems.push(`Question "${question.id}" cannot be reached from the start.`);
  }
  return problems;
}

/** Parses and checks a tree; throws with every problem listed when the data is wrong. */
export function parseTree(raw: unknown): DecisionTreeData {
  const parsed = DecisionTreeSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const where = issue.path.map(String).join('.');
      return where ? `${where}: ${issue.message}` : issue.message;
    });
    throw new Error(`Invalid decision tree: ${lines.join('; ')}`);
  }
  const problems = treeProblems(parsed.data);
  if (problems.length > 0) throw new Error(`Invalid decision tree: ${problems.join(' ')}`);
  return parsed.data;
}

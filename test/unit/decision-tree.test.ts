import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  answer,
  back,
  createEngine,
  CREDENTIAL_TREE,
  current,
  DecisionTreeError,
  DecisionTreeSchema,
  isOutcome,
  outcome,
  parseTree,
  path,
  preAnswersFromPage,
  QUESTION_IDS,
  start,
  startOver,
  summaryText,
  treeProblems,
  withPreAnswers,
  type DecisionTreeData,
  type OutcomeKind,
  type TreeState,
} from '../../lib/decision-tree';
import { SOURCE_IDS, SOURCES } from '../../lib/rules/sources';

const TODAY = new Date(2025, 2, 14);
const tree = CREDENTIAL_TREE;
const byId = new Map(tree.questions.map((q) => [q.id, q]));

type Answers = Partial<Record<string, string>>;

/** Walks the tree answering from `answers`; fails on a question the path does not answer or an unused answer. */
function walk(answers: Answers, state: TreeState = start()): TreeState {
  const used = new Set<string>();
  for (let guard = 0; guard < 50; guard += 1) {
    const step = current(state);
    if (!step) break;
    const answerId = answers[step.question.id];
    if (answerId === undefined) throw new Error(`The path does not answer "${step.question.id}"`);
    used.add(step.question.id);
    state = answer(state, step.question.id, answerId);
  }
  const unused = Object.keys(answers).filter((id) => !used.has(id));
  if (unused.length > 0) throw new Error(`The path answers questions never asked: ${unused.join(', ')}`);
  return state;
}

describe('the tree data', () => {
  it('passes the schema', () => {
    expect(DecisionTreeSchema.safeParse(tree).success).toBe(true);
  });

  it('has the expected question ids, starting with the denominator', () => {
    expect(tree.start).toBe('program');
    expect(tree.questions.map((q) => q.id).sort()).toEqual(Object.values(QUESTION_IDS).sort());
  });

  it('has no graph problems', () => {
    expect(treeProblems(tree)).toEqual([]);
  });

  it('every answer leads to a question that exists or to an outcome', () => {
    for (const question of tree.questions) {
      for (const a of question.answers) {
        if (isOutcome(a.next)) expect(['counts', 'does-not-count', 'counts-if']).toContain(a.next.kind);
        else expect(byId.has(a.next), `${question.id}/${a.id} → ${a.next}`).toBe(true);
      }
    }
  });

  it('every question is reachable from the start', () => {
    const seen = new Set<string>([tree.start]);
    const queue = [tree.start];
    while (queue.length > 0) {
      const question = byId.get(queue.shift()!)!;
      for (const a of question.answers) {
        if (!isOutcome(a.next) && !seen.has(a.next)) {
          seen.add(a.next);
          queue.push(a.next);
        }
      }
    }
    expect([...seen].sort()).toEqual(tree.questions.map((q) => q.id).sort());
  });

  it('has no cycles, and every path ends in an outcome (exhaustive enumeration)', () => {
    const outcomes: OutcomeKind[] = [];
    let paths = 0;
    const explore = (questionId: string, trail: string[]): void => {
      expect(trail, `cycle through ${questionId}`).not.toContain(questionId);
      const question = byId.get(questionId)!;
      for (const a of question.answers) {
        if (isOutcome(a.next)) {
          paths += 1;
          outcomes.push(a.next.kind);
        } else explore(a.next, [...trail, questionId]);
      }
    };
    explore(tree.start, []);
    expect(paths).toBeGreaterThan(20);
    expect(new Set(outcomes)).toEqual(new Set(['counts', 'does-not-count', 'counts-if']));
  });

  it('counts-if outcomes carry a condition and the others do not', () => {
    for (const question of tree.questions) {
      for (const a of question.answers) {
        if (!isOutcome(a.next)) continue;
        expect(a.next.condition !== undefined, `${question.id}/${a.id}`).toBe(a.next.kind === 'counts-if');
      }
    }
  });

  it('cites a catalogued source on every question', () => {
    for (const question of tree.questions) expect(SOURCE_IDS).toContain(question.source);
  });

  it('keeps "why we ask" short', () => {
    for (const question of tree.questions) expect(question.whyWeAsk.length).toBeLessThanOrEqual(360);
  });
});

describe('graph checks catch broken trees', () => {
  const base = (): DecisionTreeData => structuredClone(tree);

  it('an answer leading nowhere', () => {
    const broken = base();
    broken.questions[0]!.answers[0]!.next = 'nowhere';
    expect(treeProblems(broken).join(' ')).toMatch(/unknown question "nowhere"/);
    expect(() => parseTree(broken)).toThrow(/Invalid decision tree/);
  });

  it('a cycle', () => {
    const broken = base();
    const inDemand = broken.questions.find((q) => q.id === 'in-demand')!;
    inDemand.answers[0]!.next = 'program';
    expect(treeProblems(broken).join(' ')).toMatch(/Cycle/);
  });

  it('an unreachable question', () => {
    const broken = base();
    broken.questions.push({ ...broken.questions[0]!, id: 'orphan' });
    expect(treeProblems(broken).join(' ')).toMatch(/"orphan" cannot be reached/);
  });

  it('a missing start, duplicate ids, a self-loop', () => {
    const noStart = base();
    noStart.start = 'missing';
    expect(treeProblems(noStart).join(' ')).toMatch(/start question "missing"/);
    const dup = base();
    dup.questions.push(dup.questions[1]!);
    expect(treeProblems(dup).join(' ')).toMatch(/defined twice/);
    const self = base();
    self.questions[0]!.answers[0]!.next = 'program';
    expect(treeProblems(self).join(' ')).toMatch(/back to its own question/);
  });

  it('a counts-if without a condition fails the schema', () => {
    const broken = base();
    const followup = broken.questions.find((q) => q.id === 'diploma-followup')!;
    const last = followup.answers[2]!;
    last.next = { kind: 'counts-if', reason: 'x' };
    expect(DecisionTreeSchema.safeParse(broken).success).toBe(false);
    expect(() => parseTree(broken)).toThrow(/condition/);
  });
});

describe('the engine', () => {
  it('starts at the denominator question with nothing answered', () => {
    const state = start();
    expect(current(state)).toMatchObject({ question: { id: 'program' }, step: 1, suggestedAnswerId: null });
    expect(outcome(state)).toBeNull();
  });

  it('goes back one question at a time, and back at the start stays put', () => {
    let state = start();
    expect(back(state)).toBe(state);
    state = answer(state, 'program', 'education-or-training');
    state = answer(state, 'timing', 'within-window');
    expect(current(state)?.question.id).toBe('issuer');
    state = back(state);
    expect(current(state)).toMatchObject({ question: { id: 'timing' }, step: 2 });
    state = back(state);
    expect(current(state)?.question.id).toBe('program');
  });

  it('goes back from an outcome to the last question', () => {
    let state = walk({ program: 'ojt-or-customized-only' });
    expect(outcome(state)?.kind).toBe('does-not-count');
    state = back(state);
    expect(outcome(state)).toBeNull();
    expect(current(state)?.question.id).toBe('program');
  });

  it('starts over, keeping the pre-answers', () => {
    let state = start({ timing: 'after-window' });
    state = answer(state, 'program', 'education-or-training');
    const fresh = startOver(state);
    expect(fresh.history).toEqual([]);
    expect(fresh.preAnswers).toEqual({ timing: 'after-window' });
  });

  it('refuses an answer to a question that is not current, or an unknown answer', () => {
    const state = start();
    expect(() => answer(state, 'timing', 'within-window')).toThrow(DecisionTreeError);
    expect(() => answer(state, 'program', 'maybe')).toThrow(DecisionTreeError);
    const done = walk({ program: 'no-training' });
    expect(() => answer(done, 'program', 'no-training')).toThrow(/already reached an outcome/);
  });

  it('never changes a state it is given', () => {
    const state = start();
    const next = answer(state, 'program', 'education-or-training');
    expect(state.history).toHaveLength(0);
    expect(next.history).toHaveLength(1);
    expect(Object.isFrozen(next)).toBe(true);
  });

  it('treats pre-answers as suggestions: nothing moves until the user answers', () => {
    let state = start({ timing: 'within-window', 'credential-type': 'license' });
    expect(current(state)?.question.id).toBe('program');
    state = answer(state, 'program', 'education-or-training');
    expect(current(state)).toMatchObject({ question: { id: 'timing' }, suggestedAnswerId: 'within-window' });
    state = answer(state, 'timing', 'within-window');
    expect(state.history[1]).toMatchObject({ fromPreAnswer: true });
    state = answer(state, 'issuer', 'licensing-agency');
    expect(current(state)).toMatchObject({ question: { id: 'credential-type' }, suggestedAnswerId: 'license' });
    state = answer(state, 'credential-type', 'certificate'); // overridden
    expect(state.history[3]).toMatchObject({ fromPreAnswer: false });
  });

  it('drops pre-answers for unknown questions or answers; withPreAnswers merges', () => {
    const state = start({ nope: 'x', timing: 'sometime', program: 'no-training' });
    expect(state.preAnswers).toEqual({ program: 'no-training' });
    const merged = withPreAnswers(state, { 'credential-type': 'bachelor' });
    expect(merged.preAnswers).toEqual({ program: 'no-training', 'credential-type': 'bachelor' });
  });

  it('collects warnings that do not change the outcome', () => {
    const state = walk({
      program: 'education-or-training',
      timing: 'not-yet',
      issuer: 'other',
      skills: 'occupational',
      'in-demand': 'no',
    });
    const result = outcome(state)!;
    expect(result.kind).toBe('counts');
    expect(result.warnings.map((w) => w.questionId)).toEqual(['timing', 'issuer', 'in-demand']);
    expect(result.warnings[2]!.text).toMatch(/680\.210\(b\)/);
    expect(result.sources[0]).toBe('decisionTool');
    expect(result.sources).toContain('cfr680210');
  });

  it('"Other" issuer skips the credential-type question', () => {
    let state = answer(start(), 'program', 'education-or-training');
    state = answer(state, 'timing', 'within-window');
    state = answer(state, 'issuer', 'other');
    expect(current(state)?.question.id).toBe('skills');
  });

  it('works with another tree', () => {
    const tiny = parseTree({
      title: 'Tiny',
      basedOn: 'decisionTool',
      start: 'only',
      questions: [
        {
          id: 'only',
          text: 'Q?',
          whyWeAsk: 'Because.',
          source: 'tegl1016',
          answers: [
            { id: 'a', label: 'A', next: { kind: 'counts', reason: 'A.' } },
            { id: 'b', label: 'B', next: { kind: 'does-not-count', reason: 'B.' } },
          ],
        },
      ],
    });
    const engine = createEngine(tiny);
    expect(engine.outcome(engine.answer(engine.start(), 'only', 'b'))?.kind).toBe('does-not-count');
  });

  it('property: any random walk ends in an outcome, and back undoes each answer', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 12, maxLength: 12 }), (choices) => {
        let state = start();
        const states: TreeState[] = [state];
        for (const choice of choices) {
          const step = current(state);
          if (!step) break;
          const a = step.question.answers[choice % step.question.answers.length]!;
          state = answer(state, step.question.id, a.id);
          states.push(state);
        }
        expect(current(state)).toBeNull();
        expect(outcome(state)).not.toBeNull();
        for (let i = states.length - 1; i > 0; i -= 1) {
          state = back(state);
          expect(path(state)).toEqual(path(states[i - 1]!));
        }
        expect(state.history).toHaveLength(0);
      }),
    );
  });
});

const TRAINED = { program: 'education-or-training', timing: 'within-window' } as const;

interface Case {
  name: string;
  answers: Answers;
  expected: OutcomeKind;
  warnings?: number;
}

const CASES: Case[] = [
  // Do not count
  { name: 'OSHA-10 card', answers: { ...TRAINED, issuer: 'industry', 'credential-type': 'certificate', skills: 'general-safety' }, expected: 'does-not-count' },
  { name: 'ServSafe Food Handler', answers: { ...TRAINED, issuer: 'industry', 'credential-type': 'certificate', skills: 'hygiene' }, expected: 'does-not-count' },
  { name: 'National Career Readiness Certificate', answers: { ...TRAINED, issuer: 'industry', 'credential-type': 'certificate', skills: 'work-readiness' }, expected: 'does-not-count' },
  { name: 'certificate from the workforce board', answers: { ...TRAINED, issuer: 'workforce-board' }, expected: 'does-not-count' },
  { name: 'CPR / first aid card', answers: { ...TRAINED, issuer: 'industry', 'credential-type': 'certificate', skills: 'general-safety' }, expected: 'does-not-count' },
  { name: 'Excel certificate from an adult school', answers: { ...TRAINED, issuer: 'state-agency', 'credential-type': 'certificate', skills: 'general-computer' }, expected: 'does-not-count' },
  { name: 'certificate of attendance for a job-search workshop', answers: { ...TRAINED, issuer: 'other', skills: 'attendance-only' }, expected: 'does-not-count', warnings: 1 },
  { name: "master's degree, WIOA Adult (not VR)", answers: { ...TRAINED, issuer: 'higher-education', 'credential-type': 'graduate', vr: 'no' }, expected: 'does-not-count' },
  { name: 'CNA license attained 14 months after exit', answers: { program: 'education-or-training', timing: 'after-window' }, expected: 'does-not-count' },
  { name: 'forklift certificate attained before enrollment', answers: { program: 'education-or-training', timing: 'before-participation' }, expected: 'does-not-count' },
  { name: 'welding certification, participant only in OJT', answers: { program: 'ojt-or-customized-only' }, expected: 'does-not-count' },
  { name: 'credential of a participant in career services only', answers: { program: 'no-training' }, expected: 'does-not-count' },
  { name: 'a "credential" that is none of the WIOA types', answers: { ...TRAINED, issuer: 'higher-education', 'credential-type': 'other' }, expected: 'does-not-count' },
  // Count
  { name: 'CNA license (CDPH)', answers: { ...TRAINED, issuer: 'licensing-agency', 'credential-type': 'license', skills: 'occupational', 'in-demand': 'yes' }, expected: 'counts' },
  { name: "commercial driver's license, class A (DMV)", answers: { ...TRAINED, issuer: 'licensing-agency', 'credential-type': 'license', skills: 'occupational', 'in-demand': 'yes' }, expected: 'counts' },
  { name: 'ASE certification', answers: { ...TRAINED, issuer: 'industry', 'credential-type': 'certification', skills: 'occupational', 'in-demand': 'yes' }, expected: 'counts' },
  { name: 'Microsoft certification (Azure administrator)', answers: { ...TRAINED, issuer: 'industry', 'credential-type': 'certification', skills: 'occupational', 'in-demand': 'yes' }, expected: 'counts' },
  { name: 'community-college AA degree', answers: { ...TRAINED, issuer: 'higher-education', 'credential-type': 'associate', 'in-demand': 'yes' }, expected: 'counts' },
  { name: 'Registered Apprenticeship completion certificate', answers: { ...TRAINED, issuer: 'apprenticeship', 'credential-type': 'certificate', skills: 'occupational', 'in-demand': 'yes' }, expected: 'counts' },
  { name: "bachelor's degree (BS nursing)", answers: { ...TRAINED, issuer: 'higher-education', 'credential-type': 'bachelor', 'in-demand': 'yes' }, expected: 'counts' },
  { name: 'pharmacy technician license (Board of Pharmacy)', answers: { ...TRAINED, issuer: 'licensing-agency', 'credential-type': 'license', skills: 'occupational', 'in-demand': 'yes' }, expected: 'counts' },
  { name: 'welding certificate from a community college', answers: { ...TRAINED, issuer: 'higher-education', 'credential-type': 'certificate', skills: 'occupational', 'in-demand': 'yes' }, expected: 'counts' },
  { name: "master's degree, Vocational Rehabilitation", answers: { ...TRAINED, issuer: 'higher-education', 'credential-type': 'graduate', vr: 'yes', 'in-demand': 'yes' }, expected: 'counts' },
  { name: 'FAA airframe and powerplant mechanic certificate', answers: { ...TRAINED, issuer: 'licensing-agency', 'credential-type': 'license', skills: 'occupational', 'in-demand': 'yes' }, expected: 'counts' },
  { name: 'NIMS machining credential', answers: { ...TRAINED, issuer: 'industry', 'credential-type': 'certification', skills: 'occupational', 'in-demand': 'yes' }, expected: 'counts' },
  { name: 'Job Corps carpentry certificate', answers: { ...TRAINED, issuer: 'job-corps', 'credential-type': 'certificate', skills: 'occupational', 'in-demand': 'yes' }, expected: 'counts' },
  { name: 'medical assistant certificate, occupation not on the local in-demand list', answers: { ...TRAINED, issuer: 'higher-education', 'credential-type': 'certificate', skills: 'occupational', 'in-demand': 'no' }, expected: 'counts', warnings: 1 },
  { name: 'phlebotomy certificate, still in training', answers: { program: 'education-or-training', timing: 'not-yet', issuer: 'higher-education', 'credential-type': 'certificate', skills: 'occupational', 'in-demand': 'yes' }, expected: 'counts', warnings: 1 },
  { name: 'high-school diploma, employed within a year after exit', answers: { ...TRAINED, issuer: 'state-agency', 'credential-type': 'secondary', 'diploma-followup': 'yes' }, expected: 'counts' },
  // Counts if
  { name: 'high-school diploma (adult school), follow-up not known yet', answers: { ...TRAINED, issuer: 'state-agency', 'credential-type': 'secondary', 'diploma-followup': 'not-yet-known' }, expected: 'counts-if' },
  { name: 'GED, follow-up not known yet', answers: { ...TRAINED, issuer: 'state-agency', 'credential-type': 'secondary', 'diploma-followup': 'not-yet-known' }, expected: 'counts-if' },
  { name: 'HiSET from a tribal college, follow-up not known yet', answers: { ...TRAINED, issuer: 'tribal', 'credential-type': 'secondary', 'diploma-followup': 'not-yet-known' }, expected: 'counts-if' },
  { name: 'GED, neither employed nor enrolled within a year after exit', answers: { ...TRAINED, issuer: 'state-agency', 'credential-type': 'secondary', 'diploma-followup': 'no' }, expected: 'does-not-count' },
];

describe('realistic credentials', () => {
  it('has at least 20 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(20);
  });

  it.each(CASES)('$name → $expected', ({ answers, expected, warnings }) => {
    const result = outcome(walk(answers));
    expect(result).not.toBeNull();
    expect(result!.kind).toBe(expected);
    expect(result!.reason.length).toBeGreaterThan(0);
    if (expected === 'counts-if') expect(result!.condition).toMatch(/employed, or enrolled in education or training/);
    expect(result!.warnings).toHaveLength(warnings ?? 0);
  });
});

describe('preAnswersFromPage', () => {
  it.each([
    ['High School Diploma', 'secondary'],
    ['Secondary / High School Equivalency', 'secondary'],
    ['AA/AS Degree', 'associate'],
    ['BA/BS Degree', 'bachelor'],
    ['Occupational Skills License', 'license'],
    ['Occupational Skills Certificate or Credential', 'certificate'],
    ['Occupational Certification', 'certification'],
    ['Graduate/Post Graduate Degree', 'graduate'],
  ])('maps "%s" to the credential-type answer "%s"', (credentialText, expected) => {
    expect(preAnswersFromPage({ credentialText })).toEqual({ 'credential-type': expected });
  });

  it('leaves "Other … (specify)", blank and unknown labels for the user to choose', () => {
    expect(preAnswersFromPage({ credentialText: 'Other Recognized Diploma, Degree, or Certificate (specify)' })).toEqual({});
    expect(preAnswersFromPage({ credentialText: '' })).toEqual({});
    expect(preAnswersFromPage({ credentialText: '-- Select --' })).toEqual({});
    expect(preAnswersFromPage({})).toEqual({});
  });

  it.each([
    ['within-window', { timing: 'within-window' }],
    ['after-window', { timing: 'after-window' }],
    ['before-participation', { timing: 'before-participation' }],
    ['unknown', {}],
  ] as const)('maps timing "%s"', (timing, expected) => {
    expect(preAnswersFromPage({ timing })).toEqual(expected);
  });

  it('every pre-answer names a real question and answer', () => {
    const all = preAnswersFromPage({ credentialText: 'AA/AS Degree', timing: 'after-window' });
    for (const [questionId, answerId] of Object.entries(all)) {
      expect(byId.get(questionId)?.answers.some((a) => a.id === answerId)).toBe(true);
    }
    expect(start(all).preAnswers).toEqual(all);
  });
});

describe('summaryText', () => {
  const diploma = { ...TRAINED, issuer: 'state-agency', 'credential-type': 'secondary', 'diploma-followup': 'not-yet-known' };

  it('lists questions, answers, outcome, condition, sources with links, and the date', () => {
    const text = summaryText(walk(diploma), TODAY);
    expect(text).toContain('Checked on 3/14/2025');
    expect(text).toContain('1. Was the participant in an education or training program');
    expect(text).toContain('Answer: High-school diploma or a recognized equivalent');
    expect(text).toContain('Outcome: Counts only if a condition is met');
    expect(text).toMatch(/Condition: The participant is employed/);
    expect(text).toContain(SOURCES.tegl1016.name);
    expect(text).toContain(SOURCES.tegl1016.url);
    expect(text).toContain(SOURCES.decisionTool.url);
  });

  it('lists warnings and marks confirmed page pre-answers', () => {
    const state = walk(
      { ...TRAINED, issuer: 'industry', 'credential-type': 'certification', skills: 'occupational', 'in-demand': 'no' },
      start({ timing: 'within-window' }),
    );
    const text = summaryText(state, TODAY);
    expect(text).toContain('Warnings');
    expect(text).toMatch(/- Title I funds may pay only .* \(20 CFR 680\.210\)/);
    expect(text).toContain('During participation, or within one year after exit (suggested from the CalJOBS page, confirmed)');
  });

  it('says when no outcome is reached yet', () => {
    expect(summaryText(start(), TODAY)).toMatch(/Outcome: not reached yet/);
  });

  it('property: never contains the credential text read from the page', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^ZZ[A-Z0-9]{6,12}$/), fc.array(fc.nat(), { minLength: 10, maxLength: 10 }), (marker, choices) => {
        let state = start(preAnswersFromPage({ credentialText: `${marker} Occupational Certification`, timing: 'within-window' }));
        for (const choice of choices) {
          const step = current(state);
          if (!step) break;
          state = answer(state, step.question.id, step.question.answers[choice % step.question.answers.length]!.id);
        }
        expect(summaryText(state, TODAY)).not.toContain(marker);
      }),
    );
  });
});

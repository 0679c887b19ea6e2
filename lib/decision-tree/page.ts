import { classifyCredential, type CredentialKind } from '../rules/credential-types';
import type { PreAnswers } from './engine';
import { QUESTION_IDS } from './credential-tree';

/** What the attached CalJOBS page tells the tree. Never anything about the participant beyond these. */
export type PageTiming = 'within-window' | 'after-window' | 'before-participation' | 'unknown';

export interface PageFacts {
  /** The "Credential Received" choice as shown on the page, e.g. "AA/AS Degree". */
  credentialText?: string;
  /** Where the credential's date falls, from the page's dates. */
  timing?: PageTiming;
}

/**
 * CalJOBS credential kind → answer of the credential-type question, matched by meaning.
 * "Other Recognized Diploma, Degree, or Certificate (specify)" (kind `other`) is deliberately NOT mapped
 * to the tree's "None of these": that CalJOBS choice covers real credentials described in a text box,
 * so the user must pick the type. `unknown` is not mapped either.
 */
const CREDENTIAL_TYPE_ANSWER: Partial<Record<CredentialKind, string>> = {
  secondary: 'secondary',
  associate: 'associate',
  bachelor: 'bachelor',
  graduate: 'graduate',
  license: 'license',
  certificate: 'certificate',
  certification: 'certification',
};

const TIMING_ANSWER: Partial<Record<PageTiming, string>> = {
  'within-window': 'within-window',
  'after-window': 'after-window',
  'before-participation': 'before-participation',
};

/** The credential-type answer id for a CalJOBS "Credential Received" label, or null when it has none. */
export function credentialTypeAnswerFor(credentialText: string | undefined): string | null {
  if (!credentialText) return null;
  return CREDENTIAL_TYPE_ANSWER[classifyCredential(credentialText)] ?? null;
}

/** Page facts → pre-answers (suggestions the user confirms; see engine.ts). */
export function preAnswersFromPage(facts: PageFacts): PreAnswers {
  const preAnswers: Record<string, string> = {};
  const type = credentialTypeAnswerFor(facts.credentialText);
  if (type) preAnswers[QUESTION_IDS.credentialType] = type;
  const timing = facts.timing ? TIMING_ANSWER[facts.timing] : undefined;
  if (timing) preAnswers[QUESTION_IDS.timing] = timing;
  return preAnswers;
}

/** Where each pre-answerable question's suggestion comes from, for the note next to it. */
export const PRE_ANSWER_NOTES: Readonly<Record<string, string>> = {
  [QUESTION_IDS.timing]: "Pre-filled from the page's dates — change it if needed.",
  [QUESTION_IDS.credentialType]: 'Pre-filled from the credential chosen on the page — change it if needed.',
};

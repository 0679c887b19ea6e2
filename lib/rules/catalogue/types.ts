import type { SourceId } from '../sources';

/**
 * The shape of a catalogue entry: plain TypeScript, no zod, so the content script can use the
 * types for free. The zod schema (schema.ts) is held equal to these types.
 *
 * The issuer, type and skills values are the decision tree's answer ids (lib/decision-tree/
 * credential-tree.ts): a unit test keeps the two lists equal, so "Walk the decision tree" can
 * pre-answer from an entry.
 */

export const VERDICTS = ['counts', 'does-not-count', 'counts-if', 'depends'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** How strong the entry's source is: named in guidance, plain by a rule, or not settled. */
export const BASES = ['named', 'rule', 'depends'] as const;
export type Basis = (typeof BASES)[number];

/** Answer ids of the tree's "Which kind of organization awards the credential?". */
export const ISSUER_KINDS = [
  'state-agency',
  'higher-education',
  'tribal',
  'industry',
  'apprenticeship',
  'licensing-agency',
  'va-approved',
  'job-corps',
  'workforce-board',
  'other',
] as const;
export type IssuerKind = (typeof ISSUER_KINDS)[number];

/** Answer ids of the tree's "What type of credential is it?". */
export const CREDENTIAL_TYPES = [
  'secondary',
  'associate',
  'bachelor',
  'license',
  'certificate',
  'certification',
  'other-occupational',
  'graduate',
  'other',
] as const;
export type CredentialTypeId = (typeof CREDENTIAL_TYPES)[number];

/** Answer ids of the tree's "What does the credential show the participant can do?". */
export const SKILL_KINDS = [
  'occupational',
  'general-safety',
  'work-readiness',
  'hygiene',
  'general-computer',
  'attendance-only',
  'other-general',
] as const;
export type SkillKind = (typeof SKILL_KINDS)[number];

export interface CatalogueEntry {
  /** Stable id: lowercase letters, digits and dashes. */
  id: string;
  /** The name staff know it by. */
  name: string;
  /** Other names, abbreviations and common misspellings. Case, punctuation, "hr"/"hour" and words
   * such as "card" or "certificate" need not be spelled out: the matchers ignore them. */
  aliases: string[];
  /** Words that, next to an alias, mean another credential is meant ("BLS" next to "CPR"). */
  unless?: string[];
  /** Who awards it, when that is one kind; null when it varies. */
  issuer: IssuerKind | null;
  type: CredentialTypeId | null;
  /** What it attests, when that settles or suggests the tree's skills question; null when open. */
  skills: SkillKind | null;
  verdict: Verdict;
  /** A few words: why, as the inline note and the results list say it. */
  short: string;
  /** One line of why, in our words. */
  why: string;
  /** Only for counts-if: what must also be true. */
  condition?: string;
  basis: Basis;
  source: SourceId;
}

/**
 * What the content script keeps of an entry the inline check speaks about (page-index.ts, generated
 * from the entries by page-index-source.ts): only what the check says and matches on.
 */
export interface PageEntry {
  name: string;
  /** The name and aliases as the matcher reads them (normalize.ts): words split by ' ', phrases by '|'. */
  phrases: string;
  unless?: string;
  severity: 'warning' | 'info';
  /** For a note: the credential type its condition is about (a diploma, a graduate degree). */
  type?: CredentialTypeId;
  short: string;
  why: string;
  condition?: string;
  source: SourceId;
}

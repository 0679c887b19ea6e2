import type { CatalogueEntry } from '../rules/catalogue/types';
import { QUESTION_IDS } from './credential-tree';
import type { PreAnswers } from './engine';

/**
 * Pre-answers from a "Does it count?" catalogue entry: who issues it, its type, what it attests, as
 * far as the entry knows them (a "depends" entry never answers the deciding skills question). Like the
 * page's, they are suggestions the user confirms (see engine.ts); questions about the participant
 * (training, timing, follow-up, program) are never pre-answered from the catalogue.
 */
export interface CatalogueSuggestion {
  /** The entry's name, for "Suggested by …" notes. */
  name: string;
  preAnswers: PreAnswers;
}

export function preAnswersFromCatalogue(entry: Pick<CatalogueEntry, 'issuer' | 'type' | 'skills'>): PreAnswers {
  const preAnswers: Record<string, string> = {};
  if (entry.issuer) preAnswers[QUESTION_IDS.issuer] = entry.issuer;
  if (entry.type) preAnswers[QUESTION_IDS.credentialType] = entry.type;
  if (entry.skills) preAnswers[QUESTION_IDS.skills] = entry.skills;
  return preAnswers;
}

export function catalogueSuggestion(entry: Pick<CatalogueEntry, 'name' | 'issuer' | 'type' | 'skills'>): CatalogueSuggestion {
  return { name: entry.name, preAnswers: preAnswersFromCatalogue(entry) };
}

/** The note next to a question the catalogue pre-answered. */
export const catalogueNote = (name: string): string => `Suggested from “${name}” in Does it count? — change it if needed.`;

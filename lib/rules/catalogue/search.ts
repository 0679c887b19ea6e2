import MiniSearch, { type SearchOptions } from 'minisearch';
import { words } from './normalize';
import type { CatalogueEntry } from './types';

/**
 * Search as you type over the catalogue's names and aliases, for the side panel only (MiniSearch must
 * never reach the content script: the inline check has its own small matcher, matcher.ts).
 *
 * Words go through the same normalize.ts as the page matcher ("OSHA-10 card" → "osha 10"), then
 * MiniSearch adds what a hand-written matcher should not: typo tolerance (one edit in a word of 4+
 * letters, two in 8+), prefixes as the user types, and any word order (it ranks by the words found,
 * wherever they are). A name counts a little more than an alias.
 */

interface Doc {
  id: string;
  name: string;
  aliases: string;
}

const fuzzy = (term: string): number => (term.length >= 8 ? 2 : term.length >= 4 ? 1 : 0);
// Prefixes from two letters on ("os" → OSHA), numbers only whole ("10" must not find "100").
const prefix = (term: string): boolean => term.length >= 2 && !/^\d+$/.test(term);

const SEARCH: SearchOptions = {
  fuzzy,
  prefix,
  boost: { name: 1.5 },
  combineWith: 'OR',
  weights: { fuzzy: 0.3, prefix: 0.6 },
};

export interface CatalogueHit {
  entry: CatalogueEntry;
  score: number;
}

export interface CatalogueSearch {
  search(query: string, limit?: number): CatalogueHit[];
}

export function createCatalogueSearch(entries: readonly CatalogueEntry[]): CatalogueSearch {
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  const index = new MiniSearch<Doc>({
    fields: ['name', 'aliases'],
    // An alias field counts each word once: three spellings of "ServSafe Food Handler" must not make
    // that entry the best answer to "food handler".
    tokenize: (text, field) => (field === 'aliases' ? [...new Set(words(text))] : words(text)),
    processTerm: (term) => term,
    searchOptions: SEARCH,
  });
  index.addAll(entries.map((entry) => ({ id: entry.id, name: entry.name, aliases: entry.aliases.join(' | ') })));
  // A query that is exactly one entry's name or alias (as normalize.ts reads it) puts that entry first:
  // "Food Handler" is the California card, even though ServSafe's name holds the same words.
  const exact = new Map<string, CatalogueEntry>();
  for (const entry of entries) for (const phrase of [entry.name, ...entry.aliases]) exact.set(words(phrase).join(' '), entry);
  return {
    search(query, limit = 8) {
      const key = words(query).join(' ');
      if (key === '') return [];
      const first = exact.get(key);
      const hits: CatalogueHit[] = [];
      for (const result of index.search(query)) {
        const entry = byId.get(String(result.id));
        if (!entry) continue;
        if (entry === first) hits.unshift({ entry, score: result.score });
        else hits.push({ entry, score: result.score });
      }
      return hits.slice(0, limit);
    },
  };
}

import { containsPhrase, rulesOf, type Phrase } from './matcher';
import type { CatalogueEntry, PageEntry } from './types';

/**
 * Writes page-index.ts: the entries the inline check speaks about, reduced to what it needs, so the
 * content script carries a few kilobytes instead of the whole catalogue. Run by the unit tests
 * (test/unit/catalogue-page-index.test.ts), which fail when the file is out of date; the content
 * script never loads this module.
 */

/**
 * How the inline check speaks of an entry: a warning for one that never counts, a note for one that
 * counts only on a condition about the participant (a diploma's follow-up after exit, a graduate
 * degree's program), nothing for the rest: those count, or depend on what the credential is, and the
 * side panel's "Does it count?" tab covers them.
 */
export function inlineSeverity(entry: Pick<CatalogueEntry, 'verdict' | 'type'>): PageEntry['severity'] | null {
  if (entry.verdict === 'does-not-count') return 'warning';
  if (entry.verdict === 'counts-if' && (entry.type === 'secondary' || entry.type === 'graduate')) return 'info';
  return null;
}

const join = (phrases: readonly Phrase[]) => phrases.map((p) => p.join(' ')).join('|');

/**
 * An entry as the page keeps it. A phrase that holds a shorter phrase of the same entry is left out
 * (the shorter one finds the same texts) unless another page entry's phrase also fits inside it: then
 * the longer phrase is what ranks this entry first ("northstar digital literacy" over "digital literacy").
 */
export function pageEntry(entry: CatalogueEntry, others: readonly CatalogueEntry[] = []): PageEntry | null {
  const severity = inlineSeverity(entry);
  if (!severity) return null;
  const rules = rulesOf(entry);
  const rivals = others.filter((other) => other !== entry && inlineSeverity(other)).flatMap((other) => rulesOf(other).phrases);
  const phrases = rules.phrases.filter(
    (phrase) =>
      !rules.phrases.some((shorter) => shorter.length < phrase.length && containsPhrase(phrase, shorter)) ||
      rivals.some((rival) => containsPhrase(phrase, rival)),
  );
  return {
    name: entry.name,
    phrases: join(phrases),
    ...(rules.unless.length > 0 ? { unless: join(rules.unless) } : {}),
    severity,
    ...(severity === 'info' && entry.type ? { type: entry.type } : {}),
    short: entry.short,
    why: entry.why,
    ...(entry.condition ? { condition: entry.condition } : {}),
    source: entry.source,
  };
}

export function pageIndexSource(entries: readonly CatalogueEntry[]): string {
  const rows = entries.flatMap((entry) => {
    const page = pageEntry(entry, entries);
    return page ? [`  ${JSON.stringify(page)},`] : [];
  });
  return [
    '// Generated from lib/rules/catalogue/entries by lib/rules/catalogue/page-index-source.ts: do not edit.',
    '// After changing the catalogue: npx vitest run test/unit/catalogue-page-index.test.ts -u',
    "import type { PageEntry } from './types';",
    '',
    '/** The entries the inline check speaks about, with only what it says and matches on. */',
    'export const PAGE_INDEX: readonly PageEntry[] = [',
    ...rows,
    '];',
    '',
  ].join('\n');
}

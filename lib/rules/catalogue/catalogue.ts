import { CERTIFICATIONS } from './entries/certifications';
import { DEPENDS } from './entries/depends';
import { EDUCATION } from './entries/education';
import { LICENSES } from './entries/licenses';
import { NEVER_COUNTS } from './entries/never-counts';
import { parseCatalogue } from './schema';
import type { CatalogueEntry } from './types';

/**
 * The whole catalogue, validated when the module loads (side panel and tests only: it brings zod and
 * every entry; the content script has page-index.ts instead).
 */
export const CATALOGUE: readonly CatalogueEntry[] = Object.freeze(
  parseCatalogue([...NEVER_COUNTS, ...EDUCATION, ...LICENSES, ...CERTIFICATIONS, ...DEPENDS]),
);

const BY_ID = new Map(CATALOGUE.map((entry) => [entry.id, entry]));

export function catalogueEntry(id: string): CatalogueEntry | undefined {
  return BY_ID.get(id);
}

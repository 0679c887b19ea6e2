import { createMatcher, type Phrase } from './matcher';
import { PAGE_INDEX } from './page-index';
import type { PageEntry } from './types';

/**
 * What the content script knows of the catalogue: the generated page index (only the entries the
 * inline check speaks about, only the fields it uses, aliases already normalized) and the small
 * matcher. No search library, no zod, no other entries.
 */

const split = (list: string | undefined): Phrase[] => (list ? list.split('|').map((phrase) => phrase.split(' ')) : []);

let matcher: ((text: string) => PageEntry[]) | null = null;
let lastText = '';
let lastFound: PageEntry | null = null;

/**
 * The entry a text names, or null. Compiled on first use; the last answer is kept, because the check
 * runs on every keystroke and poll while the text mostly stays the same.
 */
export function findInlineEntry(text: string): PageEntry | null {
  if (matcher && text === lastText) return lastFound;
  matcher ??= createMatcher(PAGE_INDEX, (entry) => ({ phrases: split(entry.phrases), unless: split(entry.unless) }));
  lastText = text;
  lastFound = matcher(text)[0] ?? null;
  return lastFound;
}

/**
 * Words as both matchers see them: lowercase, accents and punctuation gone, "osha10" split into
 * "osha 10", plurals folded, "hr"/"hrs" read as "hour", and words that add nothing to a credential's
 * name ("card", "certificate", "course", "of"...) dropped. Aliases and the user's text go through
 * the same function, so "OSHA-10 card", "osha 10 hr" and "OSHA 10" all read as the same words.
 *
 * Used in the content script: no library, a few regular expressions, no allocation beyond the words.
 */

/** Words that never tell two credentials apart. */
const FILLER = new Set([
  'card',
  'cert',
  'certificate',
  'certification',
  'certified',
  'credential',
  'course',
  'training',
  'program',
  'of',
  'the',
  'in',
  'for',
  'and',
]);

/** Spellings of the same word. */
const SAME: Readonly<Record<string, string>> = {
  hr: 'hour',
  hrs: 'hour',
  ten: '10',
  thirty: '30',
  forty: '40',
  licence: 'license',
  lic: 'license',
};

/** "handlers" → "handler", but "class", "plus", "bsis" stay as they are. */
function singular(word: string): string {
  return word.length > 3 && word.endsWith('s') && !/(ss|us|is)$/.test(word) ? word.slice(0, -1) : word;
}

export function words(text: string): string[] {
  const clean = text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f'’]/g, '')
    .replace(/\+/g, ' plus ')
    .replace(/&/g, ' and ')
    .replace(/([a-z])(?=\d)|(\d)(?=[a-z])/g, '$1$2 ');
  const out: string[] = [];
  for (const raw of clean.split(/[^a-z0-9]+/)) {
    if (raw === '') continue;
    const word = singular(raw);
    const same = SAME[word] ?? word;
    if (!FILLER.has(same)) out.push(same);
  }
  return out;
}

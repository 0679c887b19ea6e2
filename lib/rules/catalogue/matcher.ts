import { words } from './normalize';

/**
 * The small matcher the inline check runs in the page (the side panel searches with MiniSearch).
 * Each entry's name and aliases are word sequences, indexed by their first word. A text names an
 * entry when one of its sequences appears among the text's words, in order and side by side
 * ("Completed OSHA 10 hour card" holds "osha 10"), and none of its `unless` sequences does. The longer
 * the sequence found, the better the match: "ServSafe Food Handler" beats "Food Handler".
 */

export type Phrase = readonly string[];

export interface MatchRules {
  phrases: readonly Phrase[];
  unless: readonly Phrase[];
}

export interface Matchable {
  name: string;
  aliases: readonly string[];
  unless?: readonly string[] | undefined;
}

/** An entry's name and aliases (and unless words) as word sequences, duplicates dropped. */
export function rulesOf(entry: Matchable): MatchRules {
  const seen = new Set<string>();
  const phrases: Phrase[] = [];
  for (const phrase of [entry.name, ...entry.aliases].map(words)) {
    const key = phrase.join(' ');
    if (phrase.length > 0 && !seen.has(key)) phrases.push(phrase);
    seen.add(key);
  }
  return { phrases, unless: (entry.unless ?? []).map(words).filter((p) => p.length > 0) };
}

/** Whether `seq` appears in `text` starting at `at`. */
function startsAt(text: Phrase, at: number, seq: Phrase): boolean {
  if (at + seq.length > text.length) return false;
  for (let k = 0; k < seq.length; k += 1) if (text[at + k] !== seq[k]) return false;
  return true;
}

export function containsPhrase(text: Phrase, seq: Phrase): boolean {
  for (let at = 0; at + seq.length <= text.length; at += 1) if (startsAt(text, at, seq)) return true;
  return false;
}

/** Compiles items into a function: text → the items it names, best match first. */
export function createMatcher<T>(items: readonly T[], rules: (item: T) => MatchRules): (text: string) => T[] {
  const byFirst = new Map<string, Array<{ seq: Phrase; item: number }>>();
  const unless: Array<readonly Phrase[]> = [];
  items.forEach((item, index) => {
    const compiled = rules(item);
    for (const seq of compiled.phrases) {
      const first = seq[0];
      if (first === undefined) continue;
      const list = byFirst.get(first) ?? [];
      list.push({ seq, item: index });
      byFirst.set(first, list);
    }
    unless[index] = compiled.unless;
  });

  return (text) => {
    const found = words(text);
    const best = new Map<number, number>();
    for (let at = 0; at < found.length; at += 1) {
      for (const { seq, item } of byFirst.get(found[at] as string) ?? []) {
        if (seq.length > (best.get(item) ?? 0) && startsAt(found, at, seq)) best.set(item, seq.length);
      }
    }
    return [...best]
      .filter(([item]) => !(unless[item] ?? []).some((seq) => containsPhrase(found, seq)))
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .map(([item]) => items[item] as T);
  };
}

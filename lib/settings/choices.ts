import { LIMITS } from './defaults';

/**
 * The CalJOBS choice lists remembered from forms, so the options page can offer them as pickers:
 * the LWIA/Region option texts, for each region the Office Location option texts that came with it,
 * and the agency codes seen in Agency Code Search windows. Office names and codes only: nothing else
 * from the page is kept. Pure functions (no browser APIs), zod-free; stored by choices-store.ts.
 *
 * Dates are calendar days ("2026-12-03"), the day the list was last seen on a CalJOBS page.
 */

export const CHOICE_BOUNDS = /*#__PURE__*/ Object.freeze({
  /** Texts in the LWIA/Region list (California has 45 local workforce areas). */
  regions: 100,
  /** Office texts per region. */
  officesPerRegion: 200,
  /** Regions with a remembered office list; the least recently seen is forgotten first. */
  officeLists: 60,
  /** Agency codes; the least recently seen is forgotten first. */
  agencyCodes: 300,
  /** Longest text kept: a longer one could not be saved as a setting anyway. */
  text: LIMITS.text,
  /** Agency code length (as in the settings). */
  code: LIMITS.agencyCode,
});

/** A list as last seen on a CalJOBS form: it replaces the list seen before (renamed or removed choices go). */
export interface SeenList {
  /** Calendar day last seen, yyyy-MM-dd. */
  seen: string;
  texts: string[];
}

export interface OfficeList extends SeenList {
  /** The region text chosen when the list was seen; '' when no region was chosen. */
  region: string;
}

export interface SeenAgencyCode {
  code: string;
  name: string;
  seen: string;
}

export interface RememberedChoices {
  /** The LWIA/Region list, or null before any form was seen. */
  regions: SeenList | null;
  /** Office lists by region, most recently seen first. */
  offices: OfficeList[];
  /** Agency codes, most recently seen first. */
  agencyCodes: SeenAgencyCode[];
}

export function emptyChoices(): RememberedChoices {
  return { regions: null, offices: [], agencyCodes: [] };
}

/** A choice text as people read it: spaces (also non-breaking) collapsed, ends trimmed. */
export function cleanChoiceText(text: string): string {
  return text.replace(/[\u00a0\s]+/g, ' ').trim();
}

/**
 * The key two choice texts are compared by: case and spacing do not matter (as when office defaults
 * are applied to the form).
 */
export function choiceKey(text: string): string {
  return cleanChoiceText(text).toLowerCase();
}

/** Cleaned, non-empty, not too long, each once (first spelling wins), at most `max`. */
export function cleanList(texts: readonly string[], max: number): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of texts) {
    if (typeof raw !== 'string') continue;
    const text = cleanChoiceText(raw);
    const key = text.toLowerCase();
    if (!text || text.length > CHOICE_BOUNDS.text || seen.has(key)) continue;
    seen.add(key);
    out.push(text);
    if (out.length >= max) break;
  }
  return out;
}

/** What a form's content script reports: the lists it sees (option texts without the placeholder). */
export interface SeenFormChoices {
  regions: readonly string[];
  /** The chosen region's text, or null when none is chosen. */
  region: string | null;
  offices: readonly string[];
}

/**
 * Adds what a form showed. A non-empty region list replaces the remembered one; a non-empty office
 * list replaces the one remembered for the same region (compared as `choiceKey`) and moves it to the
 * front. Empty lists change nothing (a region postback may not have brought the offices yet). Offices
 * seen with no region chosen are kept under region ''.
 */
export function mergeFormChoices(stored: RememberedChoices, seen: SeenFormChoices, today: string): RememberedChoices {
  const next: RememberedChoices = { regions: stored.regions, offices: stored.offices, agencyCodes: stored.agencyCodes };
  const regions = cleanList(seen.regions, CHOICE_BOUNDS.regions);
  if (regions.length > 0) next.regions = { seen: today, texts: regions };

  const offices = cleanList(seen.offices, CHOICE_BOUNDS.officesPerRegion);
  const region = seen.region === null ? '' : cleanChoiceText(seen.region);
  if (offices.length > 0 && region.length <= CHOICE_BOUNDS.text) {
    const others = stored.offices.filter((list) => choiceKey(list.region) !== choiceKey(region));
    next.offices = keepNewest([{ region, seen: today, texts: offices }, ...others], CHOICE_BOUNDS.officeLists);
  }
  return next;
}

/**
 * Adds agency codes seen in an Agency Code Search window: each valid code (letters, digits, dashes)
 * is updated in place or added, with today's date, and moved to the front. A code seen again without
 * a name keeps the name it had.
 */
export function mergeAgencyCodes(
  stored: RememberedChoices,
  codes: ReadonlyArray<{ code: string; name: string }>,
  today: string,
): RememberedChoices {
  const fresh: SeenAgencyCode[] = [];
  for (const entry of codes) {
    const code = typeof entry?.code === 'string' ? entry.code.trim() : '';
    if (!code || code.length > CHOICE_BOUNDS.code || !/^[A-Za-z0-9-]+$/.test(code)) continue;
    if (fresh.some((c) => c.code.toUpperCase() === code.toUpperCase())) continue;
    const before = stored.agencyCodes.find((c) => c.code.toUpperCase() === code.toUpperCase());
    const name = typeof entry.name === 'string' ? cleanChoiceText(entry.name).slice(0, CHOICE_BOUNDS.text) : '';
    fresh.push({ code, name: name || before?.name || '', seen: today });
  }
  if (fresh.length === 0) return stored;
  const keys = new Set(fresh.map((c) => c.code.toUpperCase()));
  const others = stored.agencyCodes.filter((c) => !keys.has(c.code.toUpperCase()));
  return { ...stored, agencyCodes: keepNewest([...fresh, ...others], CHOICE_BOUNDS.agencyCodes) };
}

/** The first `max` entries after a stable sort by day seen, newest first. */
function keepNewest<T extends { seen: string }>(entries: T[], max: number): T[] {
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => (a.entry.seen === b.entry.seen ? a.index - b.index : a.entry.seen < b.entry.seen ? 1 : -1))
    .slice(0, max)
    .map(({ entry }) => entry);
}

// ---- What the options page offers ------------------------------------------------------------

/** One choice a picker offers. */
export interface ChoiceItem {
  text: string;
  /** Calendar day last seen on CalJOBS. */
  seen: string;
  /** For offices: the region it was seen with ('' = no region chosen). */
  region?: string;
  /** For offices: seen with the region chosen in the profile (offered first). */
  inRegion?: boolean;
  /** For agency codes: the agency's name as the Agency Code Search showed it. */
  name?: string;
}

export function regionItems(choices: RememberedChoices): ChoiceItem[] {
  return (choices.regions?.texts ?? []).map((text) => ({ text, seen: choices.regions!.seen }));
}

export function agencyCodeItems(choices: RememberedChoices): ChoiceItem[] {
  return choices.agencyCodes.map((c) => ({ text: c.code, seen: c.seen, name: c.name }));
}

/**
 * The offices to offer for a profile whose region is `region`: the offices seen with that region
 * first, then the offices seen with other regions (each once, where it was seen most recently).
 */
export function officeItems(choices: RememberedChoices, region: string): ChoiceItem[] {
  const key = choiceKey(region);
  const lists = [...choices.offices].sort((a, b) => Number(key !== '' && choiceKey(b.region) === key) - Number(key !== '' && choiceKey(a.region) === key));
  const items: ChoiceItem[] = [];
  const taken = new Set<string>();
  for (const list of lists) {
    const inRegion = key !== '' && choiceKey(list.region) === key;
    for (const text of list.texts) {
      if (taken.has(choiceKey(text))) continue;
      taken.add(choiceKey(text));
      items.push({ text, seen: list.seen, region: list.region, inRegion });
    }
  }
  return items;
}

/** The remembered choice `text` stands for (case and spacing aside), if any. */
export function findChoice(items: readonly ChoiceItem[], text: string): ChoiceItem | undefined {
  const key = choiceKey(text);
  return key ? items.find((item) => choiceKey(item.text) === key) : undefined;
}

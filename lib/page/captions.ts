/**
 * The captions CalJOBS shows for each field, matched by meaning: each field is an idea with its own
 * words ("LWIA/Region", "LWDA/Region" and "Local Area" are one field; WIOA renamed local areas), not a
 * list of wordings. A caption matches a field when every word of it belongs to that field's vocabulary
 * and it has each of the field's key words; so "Credential Received" never matches "Date Credential
 * Received", and a sentence of help text never matches a caption.
 */

/** Lower case, &nbsp; as space, spaces collapsed, hints "(mm/dd/yyyy)", asterisks and colons dropped. */
export function normalizeCaption(text: string): string {
  let s = text.replace(/[\u00a0\u2007\u202f]/g, ' ').toLowerCase();
  s = s.replace(/\s+/g, ' ').trim();
  // Trailing hints in parentheses, e.g. "(mm/dd/yyyy)", "(specify)", "(required)"; and asterisks/colons.
  for (let i = 0; i < 3; i += 1) {
    s = s
      .replace(/\s*\([^()]*\)\s*$/, '')
      .replace(/^[*\s]+/, '')
      .replace(/[\s:*]+$/, '');
  }
  return s.replace(/\s*\/\s*/g, '/');
}

/**
 * What a button or link says, each way it can say it: an `<input>`'s value (else its text), its `alt`,
 * `title` and `aria-label`; normalized, the empty and the longer than a caption left out. Save is found by
 * these (save.ts), and the case page's Create Credential (case-page.ts).
 */
export function captionsOf(el: Element): string[] {
  const own = el instanceof HTMLInputElement ? el.value : el.textContent ?? '';
  return [own, el.getAttribute('alt'), el.getAttribute('title'), el.getAttribute('aria-label')]
    .map((text) => normalizeCaption(text ?? ''))
    .filter((text) => text !== '' && text.length <= 40);
}

interface Idea {
  /** Each group must be represented by at least one of its words. */
  need: readonly (readonly string[])[];
  /** Other words the caption may have. */
  may: readonly string[];
}

const DATE_CREDENTIAL_WORDS = ['credential', 'attained', 'attainment', 'received', 'earned', 'awarded', 'issued', 'completion'];

/** The read-only General Information values, shown as text. */
const READ_ONLY_IDEAS = {
  maximumDate: { need: [['max', 'maximum', 'last'], ['date']], may: ['to', 'record', 'after', 'exit', 'the', 'enter'] },
  exitDate: { need: [['exit'], ['date']], may: ['program', 'of', 'wioa'] },
  participationDate: { need: [['participation'], ['date']], may: ['program', 'start', 'of', 'wioa'] },
  applicationDate: { need: [['application'], ['date']], may: ['wioa', 'program', 'of', 'start'] },
  program: { need: [['program']], may: ['wioa', 'name', 'type', 'title'] },
} as const satisfies Record<string, Idea>;

/** The form's fields, in the order they are tried (more specific ideas first). */
const FIELD_IDEAS = {
  date: { need: [['date'], DATE_CREDENTIAL_WORDS], may: ['of', 'recognized', 'credential'] },
  otherCredential: { need: [['other']], may: ['credential', 'specify', 'name', 'description', 'if', 'please', 'describe', 'type', 'recognized', 'title'] },
  verification: { need: [['verification', 'verify', 'verified', 'documentation']], may: ['credential', 'source', 'type', 'of', 'method', 'document'] },
  credential: { need: [['credential']], may: ['received', 'type', 'of', 'recognized', 'attained', 'earned', 'kind', 'postsecondary', 'name', 'title'] },
  region: {
    need: [['lwia', 'lwda', 'lwib', 'lwdb', 'wdb', 'wib', 'region', 'area']],
    may: ['local', 'workforce', 'development', 'investment', 'board', 'area', 'region'],
  },
  office: {
    need: [['office', 'location', 'site', 'ajcc', 'worksource', 'one-stop', 'onestop']],
    may: ['center', 'centre', 'career', 'job', "america's", 'americas', 'service', 'staff', 'office', 'location'],
  },
  activity: {
    need: [['activity', 'activities', 'training', 'service', 'services']],
    may: ['associate', 'associated', 'to', 'record', 'linked', 'related', 'link', 'with', 'education', 'and', 'or', 'training', 'activity'],
  },
  agencyCode: { need: [['agency']], may: ['code', 'name', 'provider', 'number', 'id'] },
} as const satisfies Record<string, Idea>;

export type ReadOnlyKey = keyof typeof READ_ONLY_IDEAS;
export type FormFieldKey = keyof typeof FIELD_IDEAS;
export type CaptionKey = ReadOnlyKey | FormFieldKey;

export const READ_ONLY_KEYS = Object.keys(READ_ONLY_IDEAS) as ReadOnlyKey[];
export const FORM_FIELD_KEYS = Object.keys(FIELD_IDEAS) as FormFieldKey[];
export const CAPTION_KEYS: readonly CaptionKey[] = [...READ_ONLY_KEYS, ...FORM_FIELD_KEYS];

const IDEAS: ReadonlyArray<[CaptionKey, Idea]> = [...Object.entries(READ_ONLY_IDEAS), ...Object.entries(FIELD_IDEAS)] as Array<[CaptionKey, Idea]>;

/** Every word a caption's key words can be: a cheap first test on any text (most text is not a caption). */
export const CAPTION_WORD_HINT = new RegExp(
  `(?:${[...new Set(IDEAS.flatMap(([, idea]) => idea.need.flat()))].map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`,
  'i',
);

const MAX_WORDS = 8;

function matches(words: readonly string[], idea: Idea): boolean {
  for (const group of idea.need) if (!words.some((word) => group.includes(word))) return false;
  return words.every((word) => idea.may.includes(word) || idea.need.some((group) => group.includes(word)));
}

const captionCache = new Map<string, CaptionKey | null>();

/** The field a caption names, if any. */
export function captionKey(text: string): CaptionKey | undefined {
  if (text.length > 90) return undefined;
  const normalized = normalizeCaption(text);
  const cached = captionCache.get(normalized);
  if (cached !== undefined) return cached ?? undefined;
  const words = normalized.split(/[\s/,&]+/).filter((word) => word !== '' && word !== '-' && word !== '#');
  let key: CaptionKey | null = null;
  if (words.length > 0 && words.length <= MAX_WORDS) {
    for (const [candidate, idea] of IDEAS) {
      if (matches(words, idea)) {
        key = candidate;
        break;
      }
    }
  }
  if (captionCache.size > 2000) captionCache.clear();
  captionCache.set(normalized, key);
  return key ?? undefined;
}

export function isReadOnlyKey(key: CaptionKey): key is ReadOnlyKey {
  return key in READ_ONLY_IDEAS;
}

/**
 * A choice that means "nothing chosen", whatever control shows it: "-- Select One --", "None Selected",
 * "Select…", "Please select", "(none)", an empty text, or the value "", "0" or "-1".
 */
export function isPlaceholderOption(text: string, value: string): boolean {
  if (value === '' || value === '0' || value === '-1') return true;
  return /^[-\s]*(select( one| an? \w+)?|none selected|nothing selected|please select( one)?|choose( one)?|\(none\)|none|)[-\s.…]*$/i.test(
    text.replace(/\u00a0/g, ' ').trim(),
  );
}

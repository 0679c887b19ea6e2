import type { CaptionKey } from '../captions';
import { reader } from './reader';

/** Shapes of texts, values, tokens and URLs for the structure report: never the text itself. */
/**
 * Texts kept verbatim besides the known captions: buttons, links and headings the reader and the
 * walkthrough look for, the case page's Credentials grid headers and "WIOA" (the walkthrough finds
 * the WIOA application row by it). None of them can carry participant data. Compared normalized.
 */
export const STRUCTURAL_WORDS: readonly string[] = [
  // Buttons and links on the Create Credential form.
  'Save', 'Cancel', 'Today', 'Verify', 'Scan', 'Upload', 'Link', 'Search Activities/Services', 'Agency Code Search',
  // Headings and the case page.
  'Create Credential', 'General Information', 'Credential Information', 'Credentials', 'Activities/Services',
  'Eligibility', 'Measurable Skill Gains', 'Closure / Follow-Up Services', 'CalJOBS', 'WIOA',
  // The case page's Credentials grid.
  'ID', 'APPID', 'Credential', 'Source/Source ID', 'Date Received', 'There are no records to display.',
  // Toggles, dialogs and search boxes.
  'Expand', 'Collapse', 'Close', 'Search', 'Clear',
  // What a read-only date shows when there is none.
  'Not Exited', 'Not Yet Exited', 'N/A',
];

let structural: Set<string> | null = null;
const isStructural = (normalized: string) => (structural ??= new Set(STRUCTURAL_WORDS.map((word) => reader().normalizeCaption(word)))).has(normalized);
const DATE_HINT = /^\(?\s*mm\s*\/\s*dd\s*\/\s*yyyy\s*\)?:?$/i;

const SPACES = /[\s\u00a0\u2007\u202f]+/g;
/** A whole text that looks like a date: 8/18/2014, 2015-08-08, 08.08.15, Telerik's 2015-08-08-00-00-00. */
export const DATE_LIKE = /^\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}(?:[-T ]\d{1,2}(?:[-:]\d{1,2}){0,2}(?:\s*[ap]\.?m\.?)?)?$/i;
/** A date anywhere inside a kept token (ids, names): its digits become '#'. */
const DATE_INSIDE = /\d{1,4}([/.-])\d{1,2}\1\d{2,4}/g;
const LONG_DIGITS = /\d{5,}/g;
const EMAIL = /[^\s@"'<>]+@[^\s@"'<>]+/g;

export function collapse(text: string): string {
  return text.replace(SPACES, ' ').trim();
}

/** Hints a caption may carry; any other parentheses could hold data ("Program (a name)"). */
const KNOWN_HINTS = /\(\s*(?:mm\s*\/\s*dd\s*\/\s*yyyy|specify|required|optional)\s*\)/gi;

function onlyKnownHints(t: string): boolean {
  return !/[()]/.test(t.replace(KNOWN_HINTS, ''));
}

/** The field a caption names, matched as the reader does (a trailing "(…)" hint is allowed). */
export function captionOf(text: string): CaptionKey | undefined {
  const t = collapse(text);
  if (t.length > 90) return undefined;
  return reader().captionKey(t);
}

const HINT_WORDS = /^\s*(?:mm\s*\/\s*dd\s*\/\s*yyyy|specify|required|optional)\s*$/i;

/**
 * A caption's own words are safe, but what its parentheses hold is not ("Program (a name)" is still
 * the Program caption to the reader): inside parentheses, anything but a known hint becomes a shape.
 * The depth carries over from one text node to the next within one caption element.
 */
export class ParenMask {
  private depth = 0;
  private inside = '';

  mask(text: string): string {
    let out = '';
    const flush = (): void => {
      if (this.inside !== '') out += HINT_WORDS.test(this.inside) || this.inside.trim() === '' ? this.inside : shapeOf(this.inside);
      this.inside = '';
    };
    for (const ch of text) {
      if (ch === '(' || ch === ')') {
        flush();
        this.depth = ch === '(' ? this.depth + 1 : Math.max(0, this.depth - 1);
        out += ch;
      } else if (this.depth > 0) {
        this.inside += ch;
      } else {
        out += ch;
      }
    }
    flush();
    return out;
  }
}

/** True for a known CalJOBS caption or a structural word: the only texts kept as they are. */
export function isKeptText(text: string): boolean {
  const t = collapse(text);
  if (t === '' || t.length > 90) return false;
  if (DATE_HINT.test(t)) return true;
  if (!onlyKnownHints(t)) return false;
  if (reader().captionKey(t) !== undefined) return true;
  const normalized = reader().normalizeCaption(t);
  return normalized !== '' && isStructural(normalized);
}

/**
 * The shape of a text or value, never the text itself: `[digits 8]`, `[date]`, `[text 14]`,
 * `[empty]` (only spaces). Short punctuation (" - ", "|", "[") is kept: it has no letters or digits.
 */
export function shapeOf(text: string): string {
  const t = collapse(text);
  if (t === '') return '[empty]';
  if (/^\d+$/.test(t)) return `[digits ${t.length}]`;
  if (DATE_LIKE.test(t)) return '[date]';
  if (t.length <= 12 && /^[^\p{L}\p{N}]+$/u.test(t)) return t;
  return `[text ${t.length}]`;
}

/** A text kept when it is a caption or structural word, else its shape. */
export function textOrShape(text: string): string {
  return isKeptText(text) ? collapse(text) : shapeOf(text);
}

/** An attribute value: '' stays '' (it carries nothing); kept words stay; everything else is a shape. */
export function valueShape(value: string): string {
  if (value === '') return '';
  return textOrShape(value);
}

/** Ids, classes, names, `for`: kept, but a run of 5+ digits (a record id) and dates become '#'. */
export function scrubToken(token: string): string {
  let s = token
    .replace(EMAIL, '[email]')
    .replace(DATE_INSIDE, (m) => m.replace(/\d/g, '#'))
    .replace(LONG_DIGITS, (m) => '#'.repeat(m.length));
  if (s.length > 160) s = `${s.slice(0, 160)}[cut ${s.length - 160}]`;
  return s;
}

/** Page, script and style files keep their names ("CreateCredential.aspx"); other files only their extension. */
const PAGE_FILE = /^[A-Za-z0-9_~-]{1,80}\.(?:aspx?|ashx|asmx|axd|html?|php|jsp|do|js|css|json)$/i;
const OTHER_FILE = /^[^/]{1,120}\.([A-Za-z0-9]{1,6})$/;
const PLAIN_WORD = /^[A-Za-z_]{1,30}$/;

/** A URL's shape: scheme, host and page path; the query, fragment and any odd path segment replaced. */
export function urlShape(raw: string): string {
  const s = raw.trim();
  if (s === '' || s === '#') return s;
  let url: URL;
  try {
    url = new URL(s, RELATIVE_BASE);
  } catch {
    return '[url]';
  }
  const scheme = url.protocol.slice(0, -1);
  if (scheme !== 'http' && scheme !== 'https') return `${scheme}:${scheme === 'javascript' ? '[script]' : '[removed]'}`;
  // The path as written: a relative one keeps its form ("./Page.aspx"), an absolute one is the URL's.
  const absolute = url.origin !== RELATIVE_BASE;
  const path = absolute ? url.pathname : (s.split(/[?#]/, 1)[0] ?? '');
  const host = /^[a-z0-9.-]{1,100}(:\d{1,5})?$/.test(url.host) ? url.host : '[host]';
  const prefix = absolute ? `${s.startsWith('//') ? '' : `${scheme}:`}//${host}` : '';
  const query = url.search !== '' || /^[^#]*\?/.test(s) ? '?[query]' : '';
  const fragment = url.hash !== '' ? '#[fragment]' : s.endsWith('#') ? '#' : '';
  return `${prefix}${path.split('/').map(segmentShape).join('/')}${query}${fragment}`;
}

/** Origin of relative URLs while they are parsed (never shown: relative URLs stay relative). */
const RELATIVE_BASE = 'https://relative.invalid';

function segmentShape(segment: string): string {
  if (segment === '' || segment === '.' || segment === '..') return segment;
  if ((PAGE_FILE.test(segment) || PLAIN_WORD.test(segment)) && !/\d{5,}/.test(segment)) return segment;
  const extension = OTHER_FILE.exec(segment)?.[1];
  return extension ? `[file].${extension.toLowerCase()}` : '[segment]';
}

export function escapeAttr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\u00a0/g, '&nbsp;');
}


/** Trimmed, spaces collapsed, but a &nbsp; inside a caption stays one ("Credential&nbsp;Received"). */
export function keepNbsp(raw: string): string {
  return raw.replace(/[ \t\r\n\f]+/g, ' ').replace(/^[ \u00a0]+|[ \u00a0]+$/g, '').trim();
}


/**
 * "Exit Date: 8/18/2014" → the caption "Exit Date:" and the rest, exactly when the reader reads it as
 * a caption with its value; any other text ("Exit Date: 8/18/2014 Exit Reason: …", "Office Location
 * is required.") is not a caption for the reader, so it stays one shape.
 */
export function splitInlineCaption(text: string): { key: CaptionKey; caption: string; rest: string } | null {
  if (text.length > 200) return null;
  const match = reader().inlineCaption.exec(text);
  const caption = match?.[1];
  const rest = match?.[2];
  if (!caption || !rest) return null;
  const key = captionOf(caption);
  if (!key || !reader().isReadOnlyKey(key)) return null;
  return { key, caption: text.slice(0, text.length - rest.length).trim(), rest };
}


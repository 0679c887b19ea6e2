import {
  FIELD_CAPTIONS,
  READ_ONLY_CAPTIONS,
  captionKey,
  isPlaceholderOption,
  isReadOnlyKey,
  normalizeCaption,
  type CaptionKey,
} from './captions';
import { locatePage, type PageLayout } from './read';

/**
 * "Copy page structure": a structure-only snapshot of the current page that staff can send to support.
 *
 * Nobody outside a CalJOBS session can see the real staff pages, so when the reader fails on one, this
 * report is what support gets. It is HTML-like, indented text that keeps the page's skeleton (tags,
 * ids, classes, `for`, `type`, `role`, `name`, the kind of every field) and replaces every text and
 * every value by a placeholder that keeps only its shape (`[text 14]`, `[digits 8]`, `[date]`). Texts
 * are kept only when they are known CalJOBS captions or one of a few structural words ("Save",
 * "Today", "Create Credential"). What the reader recognized is marked with `data-assistant`.
 *
 * The report is valid-enough HTML: saved under `test/fixtures/structure/`, the reader finds the same
 * fields in it as in the page it came from, so a support snapshot becomes a regression test.
 *
 * Pure: DOM in, text out. Never throws, never reads the clock (the report carries no date at all).
 */

export interface StructureReportOptions {
  /** At most this many nodes (elements and texts) are written; the report says when it stops. */
  maxNodes?: number;
}

export const DEFAULT_MAX_NODES = 4000;

/** Header line every report starts with (after the doctype); tests and tools look for it. */
export const REPORT_TITLE = 'CalJOBS Credential Assistant: page structure report, for support.';

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
];

const STRUCTURAL = new Set(STRUCTURAL_WORDS.map((word) => normalizeCaption(word)));
const DATE_HINT = /^\(?\s*mm\s*\/\s*dd\s*\/\s*yyyy\s*\)?:?$/i;

const ALL_KEYS = [...Object.keys(READ_ONLY_CAPTIONS), ...Object.keys(FIELD_CAPTIONS)] as CaptionKey[];

// ---- shapes -------------------------------------------------------------------------------------

const SPACES = /[\s\u00a0\u2007\u202f]+/g;
/** A whole text that looks like a date: 8/18/2014, 2015-08-08, 08.08.15, Telerik's 2015-08-08-00-00-00. */
const DATE_LIKE = /^\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}(?:[-T ]\d{1,2}(?:[-:]\d{1,2}){0,2}(?:\s*[ap]\.?m\.?)?)?$/i;
/** A date anywhere inside a kept token (ids, names): its digits become '#'. */
const DATE_INSIDE = /\d{1,4}([/.-])\d{1,2}\1\d{2,4}/g;
const LONG_DIGITS = /\d{5,}/g;
const EMAIL = /[^\s@"'<>]+@[^\s@"'<>]+/g;

function collapse(text: string): string {
  return text.replace(SPACES, ' ').trim();
}

/** Hints a caption may carry; any other parentheses could hold data ("Program (a name)"). */
const KNOWN_HINTS = /\(\s*(?:mm\s*\/\s*dd\s*\/\s*yyyy|specify|required|optional)\s*\)/gi;

function onlyKnownHints(t: string): boolean {
  return !/[()]/.test(t.replace(KNOWN_HINTS, ''));
}

/** The field a caption names, matched as the reader does (a trailing "(…)" hint is allowed). */
function captionOf(text: string): CaptionKey | undefined {
  const t = collapse(text);
  if (t.length > 90) return undefined;
  return captionKey(t);
}

const HINT_WORDS = /^\s*(?:mm\s*\/\s*dd\s*\/\s*yyyy|specify|required|optional)\s*$/i;

/**
 * A caption's own words are safe, but what its parentheses hold is not ("Program (a name)" is still
 * the Program caption to the reader): inside parentheses, anything but a known hint becomes a shape.
 * The depth carries over from one text node to the next within one caption element.
 */
class ParenMask {
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
function isKeptText(text: string): boolean {
  const t = collapse(text);
  if (t === '' || t.length > 90) return false;
  if (DATE_HINT.test(t)) return true;
  if (!onlyKnownHints(t)) return false;
  if (captionKey(t) !== undefined) return true;
  const normalized = normalizeCaption(t);
  return normalized !== '' && STRUCTURAL.has(normalized);
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
function textOrShape(text: string): string {
  return isKeptText(text) ? collapse(text) : shapeOf(text);
}

/** An attribute value: '' stays '' (it carries nothing); kept words stay; everything else is a shape. */
function valueShape(value: string): string {
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
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(s)?.[1]?.toLowerCase();
  if (scheme && scheme !== 'http' && scheme !== 'https') return `${scheme}:${scheme === 'javascript' ? '[script]' : '[removed]'}`;
  let rest = s;
  let suffix = '';
  const hashAt = rest.indexOf('#');
  if (hashAt >= 0) {
    suffix = hashAt === rest.length - 1 ? '#' : '#[fragment]';
    rest = rest.slice(0, hashAt);
  }
  const queryAt = rest.indexOf('?');
  if (queryAt >= 0) {
    suffix = `?[query]${suffix}`;
    rest = rest.slice(0, queryAt);
  }
  let prefix = '';
  const origin = /^((?:https?:)?\/\/)([^/]*)/i.exec(rest);
  if (origin) {
    const host = (origin[2] ?? '').replace(/^.*@/, '');
    prefix = `${(origin[1] ?? '').toLowerCase()}${/^[a-z0-9.-]{1,100}(:\d{1,5})?$/i.test(host) ? host.toLowerCase() : '[host]'}`;
    rest = rest.slice(origin[0].length);
  }
  const path = rest
    .split('/')
    .map((segment) => {
      if (segment === '' || segment === '.' || segment === '..') return segment;
      if ((PAGE_FILE.test(segment) || PLAIN_WORD.test(segment)) && !/\d{5,}/.test(segment)) return segment;
      const extension = OTHER_FILE.exec(segment)?.[1];
      return extension ? `[file].${extension.toLowerCase()}` : '[segment]';
    })
    .join('/');
  return `${prefix}${path}${suffix}`;
}

// ---- attributes ---------------------------------------------------------------------------------

/** Attributes that name things on the page: kept, scrubbed of record ids. */
const TOKEN_ATTRS = new Set([
  'id', 'class', 'for', 'name', 'form', 'list', 'headers', 'usemap',
  'aria-labelledby', 'aria-describedby', 'aria-controls', 'aria-owns', 'aria-activedescendant',
]);
const URL_ATTRS = new Set(['href', 'src', 'action', 'formaction', 'poster', 'background', 'cite', 'longdesc', 'data', 'xlink:href']);
const DROPPED_URL_ATTRS = new Set(['srcset', 'imagesrcset', 'ping']);
/** Layout and state attributes with small, fixed vocabularies: kept when the value is a plain token. */
const PLAIN_ATTRS = new Set([
  'type', 'role', 'maxlength', 'minlength', 'size', 'colspan', 'rowspan', 'scope', 'method', 'enctype', 'lang', 'dir',
  'charset', 'target', 'tabindex', 'autocomplete', 'width', 'height', 'align', 'valign', 'border', 'cellpadding',
  'cellspacing', 'rows', 'cols', 'http-equiv', 'rel', 'media', 'nowrap', 'span', 'start', 'step', 'accept', 'inputmode',
  'spellcheck', 'draggable', 'contenteditable', 'translate', 'xmlns', 'multiple', 'disabled', 'readonly', 'required',
  'hidden', 'novalidate', 'async', 'defer', 'frameborder', 'reversed', 'open',
  'aria-hidden', 'aria-modal', 'aria-expanded', 'aria-required', 'aria-invalid', 'aria-live', 'aria-haspopup',
  'aria-disabled', 'aria-readonly', 'aria-selected', 'aria-checked', 'aria-pressed', 'aria-level', 'aria-atomic',
]);
const PLAIN_VALUE = /^[A-Za-z0-9 _.:%+-]{0,40}$/;
const ATTR_NAME = /^[A-Za-z_:][-A-Za-z0-9_:.]{0,60}$/;
const MAX_ATTRS = 30;

function escapeAttr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\u00a0/g, '&nbsp;');
}

/** A style attribute keeps only whether it hides the element (the reader cares); the rest is a shape. */
function styleShape(style: string): string {
  const parts: string[] = [];
  if (/display\s*:\s*none/i.test(style)) parts.push('display:none');
  if (/visibility\s*:\s*hidden/i.test(style)) parts.push('visibility:hidden');
  return parts.length > 0 ? parts.join('; ') : style.trim() === '' ? '' : '[style]';
}

function attributeValue(name: string, value: string): string | null {
  if (name.startsWith('on')) return '[script]';
  if (name === 'style') return styleShape(value);
  if (TOKEN_ATTRS.has(name)) return scrubToken(value);
  if (URL_ATTRS.has(name)) return urlShape(value);
  if (DROPPED_URL_ATTRS.has(name)) return '[urls]';
  if (PLAIN_ATTRS.has(name)) {
    if (PLAIN_VALUE.test(value) && !/\d{5,}/.test(value) && !DATE_LIKE.test(value.trim())) return value;
    return shapeOf(value);
  }
  // value, title, alt, placeholder, aria-label, content, label, data-*, and anything unknown.
  return valueShape(value);
}

// ---- what the reader recognized -----------------------------------------------------------------

interface Recognized {
  kind: PageLayout['kind'] | null;
  marks: Map<Element, string[]>;
  summary: string[];
  found: CaptionKey[];
}

function addMark(marks: Map<Element, string[]>, el: Element | null | undefined, mark: string): void {
  if (!el) return;
  const list = marks.get(el) ?? [];
  if (!list.includes(mark)) list.push(mark);
  marks.set(el, list);
}

function recognize(doc: Document): Recognized {
  const marks = new Map<Element, string[]>();
  let layout: PageLayout | null = null;
  try {
    layout = locatePage(doc);
  } catch {
    return { kind: null, marks, summary: ['Reader: failed on this page.'], found: [] };
  }
  if (!layout) return { kind: null, marks, summary: ['Reader: not a Create Credential form, not a case page.'], found: [] };
  if (layout.kind === 'case-page') {
    addMark(marks, layout.applicationToggle, 'case:applicationToggle');
    addMark(marks, layout.credentialsToggle, 'case:credentialsToggle');
    addMark(marks, layout.createLink, 'case:createLink');
    addMark(marks, layout.credentialsCaption, 'case:credentialsCaption');
    addMark(marks, layout.grid, 'case:grid');
    const parts = (['applicationToggle', 'credentialsToggle', 'createLink', 'credentialsCaption', 'grid'] as const).map(
      (part) => `${part} ${layout[part] ? 'found' : 'not found'}`,
    );
    return { kind: 'case-page', marks, summary: ['Reader: case page.', `Parts: ${parts.join(', ')}.`], found: [] };
  }
  addMark(marks, layout.root, 'form');
  addMark(marks, layout.save, 'save');
  const found: CaptionKey[] = [];
  for (const [key, location] of layout.fields) {
    found.push(key);
    addMark(marks, location.caption, `caption:${key}`);
    addMark(marks, location.container, `container:${key}`);
    addMark(marks, location.control, `control:${key}`);
  }
  const missing = ALL_KEYS.filter((key) => !layout.fields.has(key));
  return {
    kind: 'credential-form',
    marks,
    found,
    summary: [
      'Reader: Create Credential form.',
      `Fields found: ${found.length > 0 ? found.join(', ') : 'none'}.`,
      `Fields not found: ${missing.length > 0 ? missing.join(', ') : 'none'}.`,
      `Save button: ${layout.save ? 'found' : 'not found'}.`,
    ],
  };
}

// ---- the walk -----------------------------------------------------------------------------------

const VOID_TAGS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const REMOVED_TAGS = new Set(['script', 'style', 'template']);
const OPAQUE_TAGS = new Set(['svg', 'math', 'iframe', 'frame', 'object', 'canvas', 'video', 'audio']);
const CONTROL_TAGS = new Set(['INPUT', 'SELECT', 'TEXTAREA', 'BUTTON']);
/** Repeated rows and items beyond these counts are summarized, unless they hold captions or controls. */
const REPEAT_LIMIT = 10;
const OPTION_LIMIT = 25;
const MAX_DEPTH = 200;
const MAX_INDENT = 40;

class Writer {
  readonly lines: string[] = [];
  nodes = 0;
  chars = 0;
  truncated = false;
  skippedRows = 0;
  captionsSeen = new Set<CaptionKey>();

  constructor(
    private readonly maxNodes: number,
    private readonly maxChars: number,
    private readonly marks: Map<Element, string[]>,
    private readonly important: Set<Element>,
  ) {}

  /**
   * Writes `text` on a new line at `depth`, or glued to the end of the current line. Text is always
   * glued: the report must not add spaces to a page's texts (the reader measures their length).
   */
  private put(depth: number, text: string, glued: boolean): void {
    if (glued && this.lines.length > 0) {
      this.lines[this.lines.length - 1] += text;
      this.chars += text.length;
      return;
    }
    const out = `${'  '.repeat(Math.min(depth, MAX_INDENT))}${text}`;
    this.lines.push(out);
    this.chars += out.length + 1;
  }

  /** False once the budget is spent; the first refusal marks the report truncated. */
  private take(): boolean {
    if (this.truncated) return false;
    if (this.nodes >= this.maxNodes || this.chars >= this.maxChars) {
      this.truncated = true;
      return false;
    }
    this.nodes += 1;
    return true;
  }

  private attributes(el: Element, extra: Array<[string, string]> = []): string {
    const out: string[] = [];
    let count = 0;
    let dropped = 0;
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      if (!ATTR_NAME.test(name) || name.startsWith('data-assistant')) continue;
      if (name === 'selected' || name === 'checked') continue; // written from the current state
      if (name === 'value' && (el.tagName === 'INPUT' || el.tagName === 'OPTION')) continue;
      if (count >= MAX_ATTRS) {
        dropped += 1;
        continue;
      }
      count += 1;
      const value = attributeValue(name, attr.value);
      if (value === null) continue;
      out.push(value === '' && attr.value === '' ? name : `${name}="${escapeAttr(value)}"`);
    }
    for (const [name, value] of extra) out.push(`${name}="${escapeAttr(value)}"`);
    if (dropped > 0) out.push(`data-assistant-dropped="${dropped} attributes"`);
    const marks = this.marks.get(el);
    if (marks) out.push(`data-assistant="${escapeAttr(marks.join(' '))}"`);
    return out.length > 0 ? ` ${out.join(' ')}` : '';
  }

  /** Current state, not the markup's: what the user typed and chose is what the reader sees. */
  private controlState(el: Element): Array<[string, string]> {
    const extra: Array<[string, string]> = [];
    if (el.tagName === 'INPUT') {
      const input = el as HTMLInputElement;
      const value = typeof input.value === 'string' ? input.value : el.getAttribute('value') ?? '';
      const type = (el.getAttribute('type') ?? '').toLowerCase();
      const toggle = type === 'checkbox' || type === 'radio';
      const shown = type === 'password' && value !== '' ? '[password]' : valueShape(value);
      if (el.hasAttribute('value') || (value !== '' && !toggle)) extra.push(['value', shown]);
      if ((type === 'checkbox' || type === 'radio') && input.checked === true) extra.push(['checked', 'checked']);
    }
    return extra;
  }

  /**
   * Writes `el` and its subtree, on a new line or glued to the current one (when a text is next to
   * it); false when nothing was written (our own host, or out of budget).
   */
  element(el: Element, depth: number, inCaption: boolean, glued: boolean): boolean {
    const tag = el.tagName.toLowerCase();
    if (tag.startsWith('caljobs-assistant')) return false; // our own injected hosts
    const name = /^[a-z][a-z0-9-]{0,60}$/.test(tag) ? tag : 'unknown-element';
    if (!this.take()) return false;
    if (depth > MAX_DEPTH) {
      this.put(depth, '<!-- deeper nodes not shown -->', glued);
      return true;
    }
    const caption = inCaption || this.isCaptionElement(el);
    if (caption && !inCaption) this.parens = new ParenMask();
    if (VOID_TAGS.has(name)) {
      this.put(depth, `<${name}${this.attributes(el, this.controlState(el))}>`, glued);
    } else if (REMOVED_TAGS.has(name)) {
      this.put(depth, `<${name}${this.attributes(el)}>[removed]</${name}>`, glued);
    } else if (OPAQUE_TAGS.has(name)) {
      this.put(depth, `<${name}${this.attributes(el)}><!-- contents not shown --></${name}>`, glued);
    } else if (name === 'textarea') {
      const value = (el as HTMLTextAreaElement).value ?? el.textContent ?? '';
      this.put(depth, `<textarea${this.attributes(el)}>${value === '' ? '' : escapeText(shapeOf(value))}</textarea>`, glued);
    } else if (name === 'option') {
      this.option(el, depth, glued);
    } else {
      this.put(depth, `<${name}${this.attributes(el)}>`, glued);
      if (name === 'select') this.selectSummary(el, depth + 1);
      const ended = this.children(el, depth + 1, caption);
      this.put(depth, `</${name}>`, ended !== 'element');
    }
    return true;
  }

  /**
   * Writes the children. An element with text of its own is written on one line, as it is: spaces
   * added between its children would change its text. Returns what was written last.
   */
  private children(parent: Element, depth: number, inCaption: boolean): 'nothing' | 'text' | 'element' {
    const kids = Array.from(parent.childNodes);
    const mixed = kids.some((kid) => kid.nodeType === 3 && collapse(kid.nodeValue ?? '') !== '');
    const perTag = new Map<string, number>();
    const skipped = new Map<string, number>();
    const isSelect = parent.tagName === 'SELECT' || parent.tagName === 'OPTGROUP';
    let last: 'nothing' | 'text' | 'element' = 'nothing';
    for (const kid of kids) {
      if (this.truncated) break;
      if (kid.nodeType === 3) {
        const raw = kid.nodeValue ?? '';
        if (collapse(raw) === '') {
          // Between the children of a one-line element, a space stays a space; elsewhere the line break is one.
          if (mixed && raw !== '' && last !== 'nothing') this.put(depth, ' ', true);
          continue;
        }
        if (!this.take()) break;
        // Two texts with something left out between them (a comment, our host) stay two text nodes.
        const separator = last === 'text' ? '<!-- -->' : '';
        const lead = /^[\s\u00a0]/.test(raw) ? ' ' : '';
        const trail = /[\s\u00a0]$/.test(raw) ? ' ' : '';
        this.put(depth, `${separator}${lead}${this.textOut(kid, inCaption).join('')}${trail}`, true);
        last = 'text';
        continue;
      }
      if (kid.nodeType !== 1) continue; // comments, processing instructions: dropped
      const el = kid as Element;
      const tag = el.tagName;
      const limit = isSelect ? OPTION_LIMIT : REPEAT_LIMIT;
      if (tag === 'TR' || tag === 'LI' || tag === 'OPTION') {
        const seen = (perTag.get(tag) ?? 0) + 1;
        perTag.set(tag, seen);
        const keep = tag === 'OPTION' ? isSelected(el) || isPlaceholderOption(el.textContent ?? '', 'x') : this.important.has(el);
        if (seen > limit && !keep) {
          skipped.set(tag, (skipped.get(tag) ?? 0) + 1);
          continue;
        }
      }
      if (this.element(el, depth, inCaption, mixed || last === 'text')) last = 'element';
    }
    for (const [tag, count] of skipped) {
      this.skippedRows += count;
      const what = tag === 'OPTION' ? 'options' : `<${tag.toLowerCase()}> elements like the ones above`;
      this.put(depth, `<!-- ${count} more ${what} not shown -->`, mixed || last === 'text');
      last = 'element';
    }
    return mixed && last !== 'nothing' ? 'text' : last;
  }

  private selectSummary(select: Element, depth: number): void {
    const options = Array.from(select.querySelectorAll('option'));
    const chosen = options.filter(isSelected);
    const placeholderFirst = options[0] ? isPlaceholderOption(options[0].textContent ?? '', options[0].getAttribute('value') ?? options[0].textContent ?? '') : false;
    const multiple = select.hasAttribute('multiple') ? ', multiple' : '';
    this.put(
      depth,
      `<!-- select: ${options.length} option${options.length === 1 ? '' : 's'}${multiple}${placeholderFirst ? ', placeholder first' : ''}, ${chosen.length} selected -->`,
      false,
    );
  }

  private option(el: Element, depth: number, glued: boolean): void {
    const text = collapse(el.textContent ?? '');
    const value = el.getAttribute('value');
    // Keep the placeholder's text ("-- Select One --") and a placeholder value ('', '0', '-1'); shapes otherwise.
    const keepText = text !== '' && (isPlaceholderOption(text, 'x') || isKeptText(text));
    const shown = keepText ? text : text === '' ? '' : shapeOf(text);
    const extra: Array<[string, string]> = [];
    if (value !== null) extra.push(['value', value === '' || value === '0' || value === '-1' ? value : valueShape(value)]);
    if (isSelected(el)) extra.push(['selected', 'selected']);
    this.put(depth, `<option${this.attributes(el, extra)}>${escapeText(shown)}</option>`, glued);
  }

  private parens = new ParenMask();

  private isCaptionElement(el: Element): boolean {
    if (CONTROL_TAGS.has(el.tagName) || el.tagName === 'OPTION' || el.childElementCount > 8) return false;
    const text = el.textContent ?? '';
    if (text.length > 90 || collapse(text).length < 3) return false;
    const key = captionOf(text);
    if (key) this.captionsSeen.add(key);
    return key !== undefined;
  }

  /** One text node as report lines: kept, a shape, or a kept caption and the shape of what follows it. */
  private textOut(node: Node, inCaption: boolean): string[] {
    const raw = node.nodeValue ?? '';
    const text = collapse(raw);
    if (text === '') return [];
    if (inCaption) return [escapeText(keepNbsp(this.parens.mask(raw)))];
    const key = captionOf(text);
    if (key) {
      this.captionsSeen.add(key);
      return [escapeText(keepNbsp(new ParenMask().mask(raw)))];
    }
    if (isKeptText(text)) return [escapeText(keepNbsp(raw))];
    const split = splitInlineCaption(text);
    if (split) {
      this.captionsSeen.add(split.key);
      // The comment keeps caption and value in separate text nodes when the report is loaded again.
      return [escapeText(new ParenMask().mask(split.caption)), '<!--same text-->', escapeText(shapeOf(split.rest))];
    }
    return [escapeText(shapeOf(text))];
  }
}

/** Trimmed, spaces collapsed, but a &nbsp; inside a caption stays one ("Credential&nbsp;Received"). */
function keepNbsp(raw: string): string {
  return raw.replace(/[ \t\r\n\f]+/g, ' ').replace(/^[ \u00a0]+|[ \u00a0]+$/g, '').trim();
}

/** The reader's "caption and value in one text" pattern (locate.ts): a read-only caption, then a date or "WIOA…". */
const INLINE_CAPTION = /^(.{3,60}?)[:\s]+(\d{1,2}\/\d{1,2}\/\d{4}|wioa.*)$/i;

/**
 * "Exit Date: 8/18/2014" → the caption "Exit Date:" and the rest, exactly when the reader reads it as
 * a caption with its value; any other text ("Exit Date: 8/18/2014 Exit Reason: …", "Office Location
 * is required.") is not a caption for the reader, so it stays one shape.
 */
function splitInlineCaption(text: string): { key: CaptionKey; caption: string; rest: string } | null {
  if (text.length > 200) return null;
  const match = INLINE_CAPTION.exec(text);
  const caption = match?.[1];
  const rest = match?.[2];
  if (!caption || !rest) return null;
  const key = captionOf(caption);
  if (!key || !isReadOnlyKey(key)) return null;
  return { key, caption: text.slice(0, text.length - rest.length).trim(), rest };
}

/** The option's current selectedness (what the user chose), or its markup outside a select. */
function isSelected(option: Element): boolean {
  const selected = (option as HTMLOptionElement).selected;
  return typeof selected === 'boolean' ? selected : option.hasAttribute('selected');
}

/** Elements holding something the reader needs: rows and items with these are never summarized. */
function importantElements(doc: Document, marks: Map<Element, string[]>): Set<Element> {
  const important = new Set<Element>();
  const mark = (start: Element | null): void => {
    for (let el = start; el && !important.has(el); el = el.parentElement) important.add(el);
  };
  for (const el of marks.keys()) mark(el);
  const root = doc.body ?? doc.documentElement;
  if (!root) return important;
  for (const el of Array.from(root.querySelectorAll('input:not([type=hidden]), select, textarea, button, label'))) mark(el);
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.nodeValue ?? '';
    if (text.length <= 120 && (captionOf(text) || isKeptText(text) || splitInlineCaption(collapse(text)))) mark(node.parentElement);
  }
  return important;
}

function pageLine(doc: Document): string | null {
  let url = '';
  try {
    url = doc.URL ?? '';
  } catch {
    return null;
  }
  return /^https?:/i.test(url) ? `Page: ${urlShape(url)}` : null;
}

function commentSafe(text: string): string {
  return text.replace(/--+/g, '-');
}

function header(lines: string[]): string {
  return ['<!doctype html>', '<!--', ...lines.map((line) => `  ${commentSafe(line)}`), '-->'].join('\n');
}

const EXPLANATION = [
  REPORT_TITLE,
  'Structure only: tags, ids, classes, for, type, role, name and the kind of every field.',
  'Values and texts replaced by placeholders: [text N] (N characters), [digits N], [date], [empty] (only',
  'spaces), [query], [script], [style]; an empty value stays empty. In ids, runs of 5+ digits became #####.',
  'Kept: known CalJOBS captions and a few structural words (Save, Today, Verify, Create Credential, ...).',
  'Left out: scripts, styles, comments, frame contents and the assistant\'s own elements.',
  'data-assistant marks what the reader recognized: caption:<field>, container:<field>, control:<field>, save, form.',
];

/** The structure-only report of `doc`. See the module comment; never throws. */
export function structureReport(doc: Document, options: StructureReportOptions = {}): string {
  const requested = options.maxNodes ?? DEFAULT_MAX_NODES;
  const maxNodes = Number.isFinite(requested) ? Math.max(1, Math.floor(requested)) : DEFAULT_MAX_NODES;
  try {
    const recognized = recognize(doc);
    const important = importantElements(doc, recognized.marks);
    const writer = new Writer(maxNodes, maxNodes * 250, recognized.marks, important);
    const root = doc.documentElement;
    if (root) writer.element(root, 0, false, false);
    const unlocated = [...writer.captionsSeen].filter((key) => !recognized.found.includes(key));
    const lines = [...EXPLANATION];
    const page = pageLine(doc);
    if (page) lines.push(page);
    lines.push(...recognized.summary);
    if (unlocated.length > 0) {
      const what = recognized.kind === 'credential-form' ? 'Captions seen but not matched to a field' : 'Known captions seen';
      lines.push(`${what}: ${unlocated.join(', ')}.`);
    }
    lines.push(
      writer.truncated
        ? `TRUNCATED: stopped after ${writer.nodes} nodes (maxNodes ${maxNodes}); the rest of the page is not shown.`
        : `Nodes: ${writer.nodes} (maxNodes ${maxNodes}).`,
    );
    if (writer.skippedRows > 0) lines.push(`${writer.skippedRows} repeated rows, items or options summarized.`);
    const body = writer.lines.join('\n');
    const tail = writer.truncated ? `\n<!-- TRUNCATED: maxNodes ${maxNodes} reached -->` : '';
    return `${header(lines)}\n${body}${tail}\n`;
  } catch (err) {
    const name = err instanceof Error ? err.name.replace(/[^A-Za-z]/g, '') : 'unknown';
    return `${header([...EXPLANATION, `The report failed on this page (${name}).`])}\n`;
  }
}

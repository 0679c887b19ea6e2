import type { CaptionKey } from '../captions';
import { reader } from './reader';
import { ATTR_NAME, MAX_ATTRS, attributeValue } from './attributes';
import {
  ParenMask,
  captionOf,
  collapse,
  escapeAttr,
  escapeText,
  isKeptText,
  keepNbsp,
  shapeOf,
  textOrShape,
  splitInlineCaption,
  valueShape,
} from './shapes';

/** The walk over the page that writes the structure report, line by line, within a budget. */
const VOID_TAGS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const REMOVED_TAGS = new Set(['script', 'style', 'template']);
const OPAQUE_TAGS = new Set(['svg', 'math', 'iframe', 'frame', 'object', 'canvas', 'video', 'audio']);
const CONTROL_TAGS = new Set(['INPUT', 'SELECT', 'TEXTAREA', 'BUTTON']);
/** Repeated rows and items beyond these counts are summarized, unless they hold captions or controls. */
const REPEAT_LIMIT = 10;
const OPTION_LIMIT = 25;
const MAX_DEPTH = 200;
const MAX_INDENT = 40;

export class Writer {
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
        const keep = tag === 'OPTION' ? isSelected(el) || reader().isPlaceholderOption(el.textContent ?? '', 'x') : this.important.has(el);
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
    const placeholderFirst = options[0] ? reader().isPlaceholderOption(options[0].textContent ?? '', options[0].getAttribute('value') ?? options[0].textContent ?? '') : false;
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
    const keepText = text !== '' && (reader().isPlaceholderOption(text, 'x') || isKeptText(text));
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
      return [escapeText(new ParenMask().mask(split.caption)), '<!--same text-->', escapeText(textOrShape(split.rest))];
    }
    return [escapeText(shapeOf(text))];
  }
}


/** The option's current selectedness (what the user chose), or its markup outside a select. */
function isSelected(option: Element): boolean {
  const selected = (option as HTMLOptionElement).selected;
  return typeof selected === 'boolean' ? selected : option.hasAttribute('selected');
}


import { CAPTION_WORD_HINT, captionKey, isReadOnlyKey, normalizeCaption, type CaptionKey } from './captions';
import { findControl, type ControlKind, type FoundControl } from './controls';

/**
 * Finds fields the way a person does: by their caption. Handles `label[for]` (also a `for` that points
 * at a wrapper holding the real input), table caption/value cells, label + div rows, and captions
 * followed by their value in the same element.
 */

export type LocationKind = ControlKind | 'lookup' | 'read-only';

export interface FieldLocation {
  key: CaptionKey;
  /** The element holding the caption text. */
  caption: Element;
  /** The element holding the value: the cell, the column div, or the control's parent. */
  container: Element;
  /** How the value is shown: a control's kind, a lookup (text the page writes), or read-only text. */
  kind: LocationKind;
  /** What holds the value for a control (select, text box, combobox, radio group); null otherwise. */
  control: HTMLElement | null;
  /** The whole widget as staff see it; the container for lookups and read-only text. */
  box: Element;
  /** When caption and value share one element: the caption's text node; the value is what follows. */
  inlineAfter: Node | null;
  /**
   * The cell's text and hidden inputs, read once per location: a script writing a lookup's text is a
   * DOM change, after which the form is located again (new locations). Hidden inputs' values are read
   * every time (a script setting `.value` changes no DOM).
   */
  cachedText?: string;
  hiddenInputs?: HTMLInputElement[];
  /** The texts a choice offers, read once per location (a script refilling the list relocates). */
  offered?: string[] | null;
}

/** The control at a location, when the field is a control (not a lookup or read-only text). */
export function controlAt(location: FieldLocation): FoundControl | null {
  return location.control && location.kind !== 'lookup' && location.kind !== 'read-only'
    ? { kind: location.kind, control: location.control, box: location.box as HTMLElement }
    : null;
}

const STOP_TAGS = new Set(['FORM', 'BODY', 'HTML', 'TABLE', 'TBODY', 'THEAD', 'TR', 'FIELDSET', 'SECTION']);
const SKIP_TEXT_PARENTS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'OPTION', 'SELECT', 'TEXTAREA', 'BUTTON', 'A']);

/** Where a `label[for]` points: the control itself, a wrapper holding it, or a Telerik hidden input. */
function controlForLabel(label: HTMLLabelElement, doc: Document): FoundControl | null {
  const id = label.htmlFor;
  if (!id) return null;
  const target = doc.getElementById(id);
  if (!target) return null;
  // A Telerik date picker: the label may point at the picker or its hidden input; staff type in _dateInput.
  const dateInput = doc.getElementById(`${id}_dateInput`);
  if (dateInput) return findControl(dateInput);
  if (target instanceof HTMLInputElement && target.type === 'hidden') return target.parentElement ? findControl(target.parentElement) : null;
  return findControl(target);
}

function normalizedText(el: Element): string {
  return normalizeCaption(el.textContent ?? '');
}

/** From the caption's text node, climbs while the text stays the caption: the outermost caption element. */
function captionElement(textNode: Node, caption: string): Element | null {
  let el = textNode.parentElement;
  if (!el || normalizedText(el) !== caption) return null;
  // Up through wrappers of the caption alone (never into an element that also holds a blank value).
  while (
    el.parentElement &&
    !STOP_TAGS.has(el.parentElement.tagName) &&
    el.parentElement.childElementCount === 1 &&
    normalizedText(el.parentElement) === caption
  ) {
    el = el.parentElement;
  }
  return el;
}

function findLabel(el: Element): HTMLLabelElement | null {
  if (el instanceof HTMLLabelElement) return el;
  const inner = el.querySelector('label[for]');
  if (inner instanceof HTMLLabelElement) return inner;
  const outer = el.closest('label[for]');
  return outer instanceof HTMLLabelElement ? outer : null;
}

function hasContent(el: Element): boolean {
  return (el.textContent ?? '').trim() !== '' || el.querySelector('input, select, textarea, a, span') !== null;
}

/**
 * The value cell or column after a caption element: its next sibling with something in it (a blank
 * spacer cell is passed over), else its first blank sibling (an empty value, "&nbsp;"), else its
 * parent's next sibling: never a cell of the next row.
 */
function valueContainerAfter(caption: Element): Element | null {
  let el: Element | null = caption;
  for (let depth = 0; el && depth < 3; depth += 1) {
    let sibling = el.nextElementSibling;
    let firstBlank: Element | null = null;
    while (sibling && !hasContent(sibling)) {
      firstBlank ??= sibling;
      sibling = sibling.nextElementSibling;
    }
    if (sibling) return sibling;
    if (firstBlank) return firstBlank;
    el = el.parentElement;
    if (el && STOP_TAGS.has(el.tagName)) return null;
  }
  return null;
}

function containerOf(box: Element): Element {
  // The value cell or column around the widget (never a cell inside the widget's own table).
  const cell = box.parentElement?.closest('td, dd, [class*="col-"], .form-group, .value, li');
  return cell ?? box.parentElement ?? box;
}

/** Everything after the caption inside `parent`, as text (caption and value in one element). */
export function textAfter(parent: Element, node: Node): string {
  // The caption's own text node may hold the value too: "Exit Date: 8/18/2014".
  let text = INLINE_CAPTION.exec((node.nodeValue ?? '').replace(/\u00a0/g, ' ').trim())?.[2] ?? '';
  let started = false;
  const walker = parent.ownerDocument.createTreeWalker(parent, NodeFilter.SHOW_TEXT);
  for (let current = walker.nextNode(); current; current = walker.nextNode()) {
    if (current === node) {
      started = true;
      continue;
    }
    if (started && !SKIP_TEXT_PARENTS.has(current.parentElement?.tagName ?? '')) text += current.nodeValue ?? '';
  }
  return text;
}

/** Every caption contains one of these words (a split caption's first part included). */
const CAPTION_WORDS = CAPTION_WORD_HINT;

/** Caption text at the start of a text node: "Exit Date: 8/18/2014 12:00:00 AM", "Exit Date: Not Exited" in one node. */
export const INLINE_CAPTION =
  /^(.{3,60}?)[:\s]+(\d{1,2}\/\d{1,2}\/\d{4}(?:\s+\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]m)?)?|\d{4}-\d{2}-\d{2}(?:t[\d:.]+z?)?|not (?:yet )?exited|n\/a|--+|wioa.*)?$/i;

/**
 * Scans `root` for known captions and returns the first location of each field. The first caption
 * wins, except that a form field's caption must lead to a control.
 */
export function locateFields(root: Element): Map<CaptionKey, FieldLocation> {
  const doc = root.ownerDocument;
  const found = new Map<CaptionKey, FieldLocation>();
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const raw = node.nodeValue ?? '';
    if (raw.length > 120 || raw.trim().length < 3) continue;
    // Most text on a page is not a caption: skip it before any normalizing.
    if (!CAPTION_WORDS.test(raw)) continue;
    const parent = node.parentElement;
    if (!parent || SKIP_TEXT_PARENTS.has(parent.tagName)) continue;
    let key: CaptionKey | undefined;
    let caption = '';
    let inlineNode = false;
    // A caption split over several text nodes inside one element ("Credential&nbsp;<b>Received</b>"):
    // the whole caption is read first, so its first word alone ("Credential") is not taken for it.
    const parentText = parent.firstChild === node ? (parent.textContent ?? '') : '';
    if (parentText.length <= 90 && parentText.length > raw.length) {
      key = captionKey(parentText);
      if (key) caption = normalizeCaption(parentText);
    }
    if (!key) {
      key = captionKey(raw);
      if (key) caption = normalizeCaption(raw);
    }
    if (!key) {
      const inline = INLINE_CAPTION.exec(raw.replace(/\u00a0/g, ' ').trim());
      const inlineKey = inline?.[1] ? captionKey(inline[1]) : undefined;
      if (inlineKey && isReadOnlyKey(inlineKey) && inline?.[2]) {
        key = inlineKey;
        inlineNode = true;
      }
    }
    if (!key || found.has(key)) continue;
    const location = inlineNode ? inlineLocation(key, node, parent) : locateFromCaption(key, node, caption, doc);
    if (location) found.set(key, location);
  }
  return found;
}

function inlineLocation(key: CaptionKey, node: Node, parent: Element): FieldLocation {
  return { key, caption: parent, container: parent, kind: 'read-only', control: null, box: parent, inlineAfter: node };
}

function fromControl(key: CaptionKey, caption: Element, container: Element, found: FoundControl, inlineAfter: Node | null): FieldLocation {
  return { key, caption, container, kind: found.kind, control: found.control, box: found.box, inlineAfter };
}

function locateFromCaption(key: CaptionKey, node: Node, caption: string, doc: Document): FieldLocation | null {
  const readOnly = isReadOnlyKey(key);
  const element = captionElement(node, caption);
  if (!element) {
    // The caption shares its element with the value: "Exit Date: <span>8/18/2014</span>".
    const parent = node.parentElement;
    if (!parent) return null;
    if (readOnly) return { key, caption: parent, container: parent, kind: 'read-only', control: null, box: parent, inlineAfter: node };
    const found = findControl(parent);
    return found && parent.contains(found.control) ? fromControl(key, parent, parent, found, node) : null;
  }
  if (!readOnly) {
    // A caption that wraps its own control: "<label>Other Credential <input></label>".
    const inner = findControl(element);
    if (inner && element.contains(inner.control)) return fromControl(key, element, element, inner, null);
    const label = findLabel(element);
    const labelled = label ? controlForLabel(label, doc) : null;
    if (labelled) return fromControl(key, element, containerOf(labelled.box), labelled, null);
  }
  const container = valueContainerAfter(element);
  if (!container) return null;
  if (readOnly) return { key, caption: element, container, kind: 'read-only', control: null, box: container, inlineAfter: null };
  const found = findControl(container);
  if (found && container.contains(found.control)) return fromControl(key, element, container, found, null);
  if (!isLookupContainer(container)) return null;
  return { key, caption: element, container, kind: 'lookup', control: null, box: container, inlineAfter: null };
}

/** A lookup's value cell: a link that opens the lookup, and the text/hidden inputs it writes. */
function isLookupContainer(container: Element): boolean {
  return container.querySelector('a, button, input[type=button], input[type=hidden], span') !== null;
}

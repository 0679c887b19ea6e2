import { captionKey, isReadOnlyKey, normalizeCaption, type CaptionKey } from './captions';

/**
 * Finds fields the way a person does: by their caption. Handles `label[for]` (also a `for` that points
 * at a wrapper holding the real input), table caption/value cells, label + div rows, and captions
 * followed by their value in the same element.
 */

export interface FieldLocation {
  key: CaptionKey;
  /** The element holding the caption text. */
  caption: Element;
  /** The element holding the value: the cell, the column div, or the control's parent. */
  container: Element;
  /** The control the user edits (select, text box), if any. */
  control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement | null;
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
  offered?: string[];
}

const CONTROL_SELECTOR =
  'select, textarea, input:not([type=hidden]):not([type=submit]):not([type=button]):not([type=image]):not([type=reset]):not([type=checkbox]):not([type=radio]):not([type=file])';

const STOP_TAGS = new Set(['FORM', 'BODY', 'HTML', 'TABLE', 'TBODY', 'THEAD', 'TR', 'FIELDSET', 'SECTION']);
const SKIP_TEXT_PARENTS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'OPTION', 'SELECT', 'TEXTAREA', 'BUTTON', 'A']);

type Control = NonNullable<FieldLocation['control']>;

function isControl(el: Element | null): el is Control {
  return !!el && el.matches(CONTROL_SELECTOR);
}

function firstControlIn(el: Element): Control | null {
  if (isControl(el)) return el;
  return el.querySelector<Control>(CONTROL_SELECTOR);
}

/** Where a `label[for]` points: the control itself, a wrapper holding it, or a Telerik hidden input. */
function controlForLabel(label: HTMLLabelElement, doc: Document): Control | null {
  const id = label.htmlFor;
  if (!id) return null;
  const target = doc.getElementById(id);
  if (!target) return null;
  if (isControl(target)) return target;
  if (target instanceof HTMLInputElement && target.type === 'hidden') {
    const dateInput = doc.getElementById(`${id}_dateInput`);
    if (isControl(dateInput)) return dateInput;
    return target.parentElement ? firstControlIn(target.parentElement) : null;
  }
  return firstControlIn(target);
}

function normalizedText(el: Element): string {
  return normalizeCaption(el.textContent ?? '');
}

/** From the caption's text node, climbs while the text stays the caption: the outermost caption element. */
function captionElement(textNode: Node, caption: string): Element | null {
  let el = textNode.parentElement;
  if (!el || normalizedText(el) !== caption) return null;
  while (el.parentElement && !STOP_TAGS.has(el.parentElement.tagName) && normalizedText(el.parentElement) === caption) {
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

/** The value cell or column after a caption element: its next sibling, or its parent's. */
function valueContainerAfter(caption: Element): Element | null {
  let el: Element | null = caption;
  for (let depth = 0; el && depth < 3; depth += 1) {
    let sibling = el.nextElementSibling;
    while (sibling && !hasContent(sibling)) sibling = sibling.nextElementSibling;
    if (sibling) return sibling;
    el = el.parentElement;
    if (el && STOP_TAGS.has(el.tagName)) return null;
  }
  return null;
}

function containerOf(control: Control): Element {
  // A wrapper span/div of a widget (Telerik) is not the value cell: go up to the cell or column.
  const cell = control.closest('td, dd, [class*="col-"], .form-group, .value, li');
  return cell ?? control.parentElement ?? control;
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
const CAPTION_WORDS = /program|date|exit|maximum|lwia|lwda|region|office|credential|verification|activity|training|agency|other|associate|type/i;

/** Caption text at the start of a text node: "Exit Date: 8/18/2014" in one node. */
export const INLINE_CAPTION = /^(.{3,60}?)[:\s]+(\d{1,2}\/\d{1,2}\/\d{4}|wioa.*)?$/i;

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
    let key = captionKey(raw);
    let caption = key ? normalizeCaption(raw) : '';
    let inlineNode = false;
    if (!key) {
      // Caption split over several text nodes inside one element ("Credential&nbsp;<b>Received</b>").
      const parentText = parent.textContent ?? '';
      if (parentText.length <= 90 && parent.firstChild === node) {
        key = captionKey(parentText);
        caption = key ? normalizeCaption(parentText) : '';
      }
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
  return { key, caption: parent, container: parent, control: null, inlineAfter: node };
}

function locateFromCaption(key: CaptionKey, node: Node, caption: string, doc: Document): FieldLocation | null {
  const readOnly = isReadOnlyKey(key);
  const element = captionElement(node, caption);
  if (!element) {
    // The caption shares its element with the value: "Exit Date: <span>8/18/2014</span>".
    const parent = node.parentElement;
    if (!parent) return null;
    const control = readOnly ? null : firstControlIn(parent);
    if (!readOnly && !control) return null;
    return { key, caption: parent, container: parent, control, inlineAfter: node };
  }
  // A caption that wraps its own control: "<label>Other Credential <input></label>".
  const inner = readOnly ? null : firstControlIn(element);
  if (inner) return { key, caption: element, container: element, control: inner, inlineAfter: null };
  const label = findLabel(element);
  if (label && !readOnly) {
    const control = controlForLabel(label, doc);
    if (control) return { key, caption: element, container: containerOf(control), control, inlineAfter: null };
  }
  const container = valueContainerAfter(element);
  if (!container) return null;
  const control = readOnly ? null : firstControlIn(container);
  if (!readOnly && !control && !isLookupContainer(container)) return null;
  return { key, caption: element, container, control, inlineAfter: null };
}

/** A lookup's value cell: a link that opens the lookup, and the text/hidden inputs it writes. */
function isLookupContainer(container: Element): boolean {
  return container.querySelector('a, button, input[type=button], input[type=hidden], span') !== null;
}

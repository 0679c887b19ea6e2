import { DATE_LIKE, scrubToken, shapeOf, urlShape, valueShape } from './shapes';

/** What the structure report keeps of each attribute: names kept, values reduced to their shape. */
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
export const ATTR_NAME = /^[A-Za-z_:][-A-Za-z0-9_:.]{0,60}$/;
export const MAX_ATTRS = 30;

/** A style attribute keeps only whether it hides the element (the reader cares); the rest is a shape. */
function styleShape(style: string): string {
  const parts: string[] = [];
  if (/display\s*:\s*none/i.test(style)) parts.push('display:none');
  if (/visibility\s*:\s*hidden/i.test(style)) parts.push('visibility:hidden');
  return parts.length > 0 ? parts.join('; ') : style.trim() === '' ? '' : '[style]';
}

export function attributeValue(name: string, value: string): string | null {
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

import { blankForm, type ChoiceValue, type CredentialForm, type TextValue } from './snapshot';
import { isPlaceholderOption } from './captions';
import type { FormLayout } from './form';
import { textAfter, type FieldLocation } from './locate';
import { isOurNode } from './ours';

/** Reading the values at located fields: cheap, no searching. */

const LINK_LIKE = 'a, button, input[type=button], input[type=submit], script, style, select, option';

/** Hidden parts and validator messages ("LWIA/Region is required.") are not values. */
const NOT_A_VALUE =
  '[hidden], [style*="display:none" i], [style*="display: none" i], [style*="visibility:hidden" i], [style*="visibility: hidden" i], .validator, [class*="validat" i], [id*="_rfv"], [id*="Validator"], [role=alert]';

const SKIPPED = `${LINK_LIKE}, ${NOT_A_VALUE}`;

/** The visible text of a value cell without its lookup links, brackets and pipes. */
function valueText(location: FieldLocation): string {
  if (location.inlineAfter) return cleanValue(textAfter(location.container, location.inlineAfter));
  // Walk the cell's text, skipping links, buttons, hidden parts, validators and our own hosts.
  const container = location.container;
  const walker = container.ownerDocument.createTreeWalker(container, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  let text = '';
  let node: Node | null = walker.nextNode();
  while (node) {
    if (node.nodeType === Node.TEXT_NODE) {
      text += node.nodeValue ?? '';
      node = walker.nextNode();
      continue;
    }
    const el = node as Element;
    if (isOurNode(el) || el.matches(SKIPPED)) {
      // Skip the whole subtree: move to the next node after it.
      node = walker.nextSibling();
      while (!node && walker.parentNode()) {
        if (walker.currentNode === container) break;
        node = walker.nextSibling();
      }
      continue;
    }
    node = walker.nextNode();
  }
  return cleanValue(text);
}

function cleanValue(text: string): string {
  return text
    .replace(/\u00a0/g, ' ')
    .replace(/\(\s*mm\/dd\/yyyy\s*\)/gi, ' ')
    .replace(/[[\]|]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function readText(location: FieldLocation | undefined): TextValue {
  if (!location) return { found: false, text: '' };
  if (location.control) return { found: true, text: location.control.value ?? '' };
  const text = valueText(location);
  const date = /\d{1,2}\/\d{1,2}\/\d{4}/.exec(text);
  return { found: true, text: date ? date[0] : text };
}

function readSelect(select: HTMLSelectElement): ChoiceValue {
  // A single select always shows an option: the selected one, else the first.
  let option: HTMLOptionElement | undefined = select.options[select.selectedIndex];
  if (!option) {
    const options = Array.from(select.options);
    option = options.find((o) => o.selected || o.defaultSelected) ?? (select.multiple ? undefined : options[0]);
  }
  if (!option) return { found: true, chosen: false, text: '' };
  const text = (option.textContent ?? '').replace(/\s+/g, ' ').trim();
  return { found: true, chosen: !isPlaceholderOption(text, option.value), text };
}

const EMPTY_HIDDEN = /^(|0|-1|false|null|undefined|\{.*\}|\[.*\])$/s;

/** A lookup's result: the text the page wrote, else a hidden input it filled. " - " is empty. */
function readLookup(location: FieldLocation | undefined): ChoiceValue {
  if (!location) return { found: false, chosen: false, text: '' };
  if (location.control instanceof HTMLSelectElement) return readSelect(location.control);
  const text = (location.cachedText ??= valueText(location));
  const meaningful = text.replace(/^[\s-]+|[\s-]+$/g, '');
  location.hiddenInputs ??= Array.from(location.container.querySelectorAll<HTMLInputElement>('input[type=hidden]'));
  const hidden = location.hiddenInputs.some((input) => !EMPTY_HIDDEN.test(input.value.trim()));
  const code = /^\s*([A-Za-z0-9]{2,12})\s+-\s+\S/.exec(text)?.[1];
  return {
    found: true,
    chosen: meaningful !== '' || hidden,
    text: meaningful === '' ? '' : text,
    ...(code ? { code } : {}),
  };
}

/** The texts a select offers, placeholders left out; read once per location (a refill relocates). */
function offeredTexts(location: FieldLocation): string[] {
  const select = location.control;
  if (!(select instanceof HTMLSelectElement)) return [];
  return (location.offered ??= Array.from(select.options)
    .map((option) => ({ text: (option.textContent ?? '').replace(/\s+/g, ' ').trim(), value: option.value }))
    .filter((option) => option.text !== '' && !isPlaceholderOption(option.text, option.value))
    .map((option) => option.text));
}

/** A choice with the list it was made from (LWIA/Region, Office Location). */
function readChoiceWithOptions(location: FieldLocation | undefined): ChoiceValue {
  const value = readChoice(location);
  return location && value.found ? { ...value, options: [...offeredTexts(location)] } : value;
}

function readChoice(location: FieldLocation | undefined): ChoiceValue {
  if (!location) return { found: false, chosen: false, text: '' };
  if (location.control instanceof HTMLSelectElement) return readSelect(location.control);
  if (location.control) {
    const text = location.control.value.trim();
    return { found: true, chosen: text !== '', text };
  }
  return readLookup(location);
}

/** Reads the values at the located fields. Cheap: no searching. */
export function readCredentialForm(layout: FormLayout): CredentialForm {
  const f = layout.fields;
  const form = blankForm();
  layout.generalInformation ??= {
    program: readText(f.get('program')),
    applicationDate: readText(f.get('applicationDate')),
    participationDate: readText(f.get('participationDate')),
    exitDate: readText(f.get('exitDate')),
    maximumDate: readText(f.get('maximumDate')),
  };
  Object.assign(form, copyTextValues(layout.generalInformation));
  form.region = readChoiceWithOptions(f.get('region'));
  form.office = readChoiceWithOptions(f.get('office'));
  form.credential = readChoice(f.get('credential'));
  form.otherCredential = readText(f.get('otherCredential'));
  form.verification = readLookup(f.get('verification'));
  form.date = readText(f.get('date'));
  form.activity = readLookup(f.get('activity'));
  form.agencyCode = readLookup(f.get('agencyCode'));
  form.saveFound = layout.save !== null;
  return form;
}

/** Copies of the cached read-only values, so no snapshot shares objects with the cache. */
function copyTextValues<T extends Record<string, TextValue>>(values: T): T {
  const copy = {} as Record<string, TextValue>;
  for (const [key, value] of Object.entries(values)) copy[key] = { found: value.found, text: value.text };
  return copy as T;
}

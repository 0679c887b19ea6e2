import { blankForm, type ChoiceValue, type CredentialForm, type TextValue } from './snapshot';
import { offeredChoices, readControl } from './controls';
import type { FormLayout } from './form';
import { controlAt, textAfter, type FieldLocation } from './locate';
import { isOurNode } from './ours';
import { readOnlyDate } from './shown-dates';

/** Reading the values at located fields: cheap, no searching. */

const LINK_LIKE = 'a, button, input[type=button], input[type=submit], script, style, select, option';

/** Hidden parts and validator messages ("LWIA/Region is required.") are not values. */
const NOT_A_VALUE =
  '[hidden], [style*="display:none" i], [style*="display: none" i], [style*="visibility:hidden" i], [style*="visibility: hidden" i], .validator, [class*="validat" i], [id*="_rfv"], [id*="_cv"], [id*="_rev"], [id*="Validator"], [role=alert]';

const SKIPPED = `${LINK_LIKE}, ${NOT_A_VALUE}`;

/** A validator's message shown as text ("Agency Code is required.", "Please select an office"). */
const VALIDATOR_MESSAGE = /\b(is required|are required|required field|is not valid|is invalid|must be (entered|selected)|please (select|enter|choose|pick))\b/i;

/** The visible text of a value cell without its lookup links, brackets, pipes and validator messages. */
function valueText(location: FieldLocation): string {
  if (location.inlineAfter) return cleanValue(textAfter(location.container, location.inlineAfter));
  // Walk the cell's text, skipping links, buttons, hidden parts, validators and our own hosts.
  const container = location.container;
  const walker = container.ownerDocument.createTreeWalker(container, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  let text = '';
  let node: Node | null = walker.nextNode();
  while (node) {
    if (node.nodeType === Node.TEXT_NODE) {
      const part = node.nodeValue ?? '';
      if (!VALIDATOR_MESSAGE.test(part)) text += part;
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
  const control = location.control;
  if (control && 'value' in control) return { found: true, text: String((control as HTMLInputElement).value ?? '') };
  return { found: true, text: valueText(location) };
}

function readDate(location: FieldLocation | undefined): TextValue {
  const value = readText(location);
  return value.found && !location?.control ? { found: true, text: readOnlyDate(value.text) } : value;
}

const EMPTY_HIDDEN = /^(|0|-1|false|null|undefined|\{.*\}|\[.*\])$/s;

/** A lookup's result: the text the page wrote, else a hidden input it filled. " - " is empty. */
function readLookup(location: FieldLocation | undefined): ChoiceValue {
  if (!location) return { found: false, chosen: false, text: '' };
  const control = controlAt(location);
  if (control) return { found: true, ...readControl(control) };
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

/** A choice with the list it was made from (LWIA/Region, Office Location); options read once per location. */
function readChoiceWithOptions(location: FieldLocation | undefined): ChoiceValue {
  const value = readLookup(location);
  const control = location && controlAt(location);
  if (!location || !control) return value;
  if (location.offered === undefined) location.offered = offeredChoices(control)?.map((option) => option.text) ?? null;
  return location.offered ? { ...value, options: [...location.offered] } : value;
}

/** Reads the values at the located fields. Cheap: no searching. */
export function readCredentialForm(layout: FormLayout): CredentialForm {
  const f = layout.fields;
  const form = blankForm();
  layout.generalInformation ??= {
    program: readText(f.get('program')),
    applicationDate: readDate(f.get('applicationDate')),
    participationDate: readDate(f.get('participationDate')),
    exitDate: readDate(f.get('exitDate')),
    maximumDate: readDate(f.get('maximumDate')),
  };
  Object.assign(form, copyTextValues(layout.generalInformation));
  form.region = readChoiceWithOptions(f.get('region'));
  form.office = readChoiceWithOptions(f.get('office'));
  form.credential = readLookup(f.get('credential'));
  form.otherCredential = readText(f.get('otherCredential'));
  form.verification = readLookup(f.get('verification'));
  form.date = readText(f.get('date'));
  form.activity = readLookup(f.get('activity'));
  form.agencyCode = readLookup(f.get('agencyCode'));
  form.saveFound = layout.saves.length > 0;
  return form;
}

/** Copies of the cached read-only values, so no snapshot shares objects with the cache. */
function copyTextValues<T extends Record<string, TextValue>>(values: T): T {
  const copy = {} as Record<string, TextValue>;
  for (const [key, value] of Object.entries(values)) copy[key] = { found: value.found, text: value.text };
  return copy as T;
}

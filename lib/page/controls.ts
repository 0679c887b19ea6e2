import { isPlaceholderOption } from './captions';
import { isOurNode } from './ours';

/**
 * The kinds of control a CalJOBS field may be drawn with, and how to read each: a native <select>
 * (also after a script replaced its options), a Telerik RadComboBox, a WAI-ARIA combobox, a radio list,
 * an autocomplete text box, a plain text box; and lookups (a text the page writes, with hidden inputs).
 * Only the reader knows these markups; the office-defaults action asks for the elements it clicks.
 */
export type ControlKind = 'select' | 'radcombobox' | 'aria-combobox' | 'radio-list' | 'autocomplete' | 'text';

export interface FoundControl {
  kind: ControlKind;
  /** What holds the value: the select, the text box, the combobox element, the radio group. */
  control: HTMLElement;
  /** The whole widget as staff see it (the box the note goes after, the thing "Show me" rings). */
  box: HTMLElement;
}

const TEXT_BOX =
  'input:not([type]), input[type=text], input[type=search], input[type=email], input[type=tel], input[type=number], input[type=date], textarea';

/** A text box that offers suggestions as you type (jQuery autocomplete, jQuery UI, ARIA, datalist). */
function isAutocomplete(input: HTMLElement): boolean {
  const aria = input.getAttribute('aria-autocomplete');
  return (aria === 'list' || aria === 'both') || input.hasAttribute('list') || /(^|\s)(ac_input|ui-autocomplete-input|autocomplete)(\s|$)/i.test(input.className);
}

/** The RadioButtonList around a radio: its table/span (ASP.NET names it by the radios' id stem). */
function radioGroupOf(radio: HTMLInputElement): HTMLElement {
  const stem = radio.id.replace(/_\d+$/, '');
  const byId = stem !== radio.id ? radio.ownerDocument.getElementById(stem) : null;
  if (byId?.contains(radio)) return byId;
  const named = radio.name ? Array.from(radio.form?.elements ?? radio.ownerDocument.getElementsByName(radio.name)) : [radio];
  let group: HTMLElement = radio.parentElement ?? radio;
  while (group.parentElement && !named.every((el) => group.contains(el as Node))) group = group.parentElement;
  return group.closest('table, [role=radiogroup], fieldset, span') as HTMLElement ?? group;
}

/** The control inside `scope` (or `scope` itself), by kind, with its widget box; null when none. */
export function findControl(scope: Element): FoundControl | null {
  const rad = (scope.closest('.RadComboBox') ?? scope.querySelector('.RadComboBox')) as HTMLElement | null;
  if (rad && !isOurNode(rad)) {
    const input = rad.querySelector<HTMLInputElement>('input.rcbInput') ?? rad.querySelector<HTMLInputElement>(TEXT_BOX);
    if (input) return { kind: 'radcombobox', control: input, box: rad };
  }
  const combo = scope.matches('[role=combobox]') ? (scope as HTMLElement) : scope.querySelector<HTMLElement>('[role=combobox]');
  if (combo) return { kind: 'aria-combobox', control: combo, box: widgetBox(combo) };
  const select = scope instanceof HTMLSelectElement ? scope : scope.querySelector('select');
  if (select) return { kind: 'select', control: select, box: select };
  const radio = scope instanceof HTMLInputElement && scope.type === 'radio' ? scope : scope.querySelector<HTMLInputElement>('input[type=radio]');
  if (radio) {
    const group = radioGroupOf(radio);
    return { kind: 'radio-list', control: group, box: group };
  }
  const text = scope.matches(TEXT_BOX) ? (scope as HTMLElement) : Array.from(scope.querySelectorAll<HTMLElement>(TEXT_BOX)).find((box) => !isHelperInput(box));
  if (text) return { kind: isAutocomplete(text) ? 'autocomplete' : 'text', control: text, box: widgetBox(text) };
  return null;
}

/**
 * Inputs a widget keeps for itself, not for staff: Telerik's "visually hidden input created for
 * functionality purposes" (class rdfd_, 1 px and hidden), anything hidden from assistive technology.
 */
function isHelperInput(input: HTMLElement): boolean {
  if (input.getAttribute('aria-hidden') === 'true' || /(^|\s)rdfd_/.test(input.className)) return true;
  const style = input.getAttribute('style') ?? '';
  return /visibility\s*:\s*hidden|display\s*:\s*none/i.test(style);
}

/** Widget wrappers (Telerik date inputs, pickers) that the note must go after, never inside. */
const WIDGET_WRAPPER = '.RadPicker, .RadInput, .riSingle, .RadDateInput, .RadComboBox, .input-group, .select2-container, .chosen-container';

function widgetBox(control: HTMLElement): HTMLElement {
  return (control.closest(WIDGET_WRAPPER) as HTMLElement | null) ?? control;
}

// ---- reading ------------------------------------------------------------------------------------

export interface ControlValue {
  text: string;
  chosen: boolean;
}

const clean = (text: string | null | undefined) => (text ?? '').replace(/[\u00a0\s]+/g, ' ').trim();

function readSelect(select: HTMLSelectElement): ControlValue {
  // A single select always shows an option: the selected one, else the first.
  let option: HTMLOptionElement | undefined = select.options[select.selectedIndex];
  if (!option) {
    const options = Array.from(select.options);
    option = options.find((o) => o.selected || o.defaultSelected) ?? (select.multiple ? undefined : options[0]);
  }
  if (!option) return { text: '', chosen: false };
  const text = option.text.trim(); // the browser's own text of an option: spaces already collapsed
  return { text, chosen: !isPlaceholderOption(text, option.value) };
}

/** The value a RadComboBox keeps in its hidden `<id>_ClientState` JSON, if it can be read. */
function radValue(box: HTMLElement): string | null {
  const state = box.id ? (box.ownerDocument.getElementById(`${box.id}_ClientState`) as HTMLInputElement | null) : null;
  if (!state?.value) return null;
  try {
    const parsed = JSON.parse(state.value) as { value?: unknown };
    return typeof parsed.value === 'string' ? parsed.value : null;
  } catch {
    return null;
  }
}

function labelOf(input: HTMLInputElement): string {
  const label = input.labels?.[0] ?? (input.id ? input.ownerDocument.querySelector(`label[for="${CSS.escape(input.id)}"]`) : null);
  if (label) return clean(label.textContent);
  return clean(input.nextSibling?.textContent ?? input.parentElement?.textContent);
}

function radios(group: HTMLElement): HTMLInputElement[] {
  return Array.from(group.querySelectorAll<HTMLInputElement>('input[type=radio]'));
}

function textOfCombobox(combo: HTMLElement): string {
  if (combo instanceof HTMLInputElement || combo instanceof HTMLTextAreaElement) return combo.value;
  const inner = combo.querySelector('input');
  return inner ? inner.value : combo.textContent ?? '';
}

const EMPTY_HIDDEN = /^(|0|-1|false|null|undefined)$/;

/**
 * The hidden inputs an autocomplete fills when a suggestion is picked (an id next to the shown text),
 * Telerik's ClientState left out. Null when there are none.
 */
function pairedHidden(box: HTMLElement): HTMLInputElement[] | null {
  const cell = box.parentElement;
  if (!cell) return null;
  const hidden = Array.from(cell.querySelectorAll<HTMLInputElement>(':scope > input[type=hidden]')).filter((input) => !/_ClientState$/i.test(input.id));
  return hidden.length ? hidden : null;
}

/** The shown choice of a control, and whether it is a real choice (placeholders are not). */
export function readControl(found: FoundControl): ControlValue {
  switch (found.kind) {
    case 'select':
      return readSelect(found.control as HTMLSelectElement);
    case 'radcombobox': {
      const text = clean((found.control as HTMLInputElement).value);
      const value = radValue(found.box);
      return { text, chosen: text !== '' && !isPlaceholderOption(text, value ?? 'x') };
    }
    case 'radio-list': {
      const checked = radios(found.control).find((radio) => radio.checked);
      if (!checked) return { text: '', chosen: false };
      const text = labelOf(checked);
      return { text, chosen: !isPlaceholderOption(text, checked.value) };
    }
    case 'aria-combobox':
    case 'autocomplete':
    case 'text': {
      const text = clean(textOfCombobox(found.control));
      let chosen = text !== '' && !isPlaceholderOption(text, 'x');
      if (chosen && found.kind === 'autocomplete') {
        // Typed but not picked from the suggestions: the page has no choice yet.
        const hidden = pairedHidden(found.box);
        if (hidden && hidden.every((input) => EMPTY_HIDDEN.test(input.value.trim()))) chosen = false;
      }
      return { text, chosen };
    }
  }
}

// ---- the choices a control offers ----------------------------------------------------------------

export interface ChoiceOption {
  text: string;
  /** What a person clicks to pick it (an option element, a list item, a radio). */
  element: HTMLElement;
}

function listboxOf(control: HTMLElement): HTMLElement | null {
  const id = control.getAttribute('aria-controls') ?? control.getAttribute('aria-owns');
  if (id) {
    const byId = control.ownerDocument.getElementById(id.split(/\s+/)[0] ?? '');
    if (byId) return byId;
  }
  return control.querySelector('[role=listbox]');
}

/**
 * The choices a control offers now, placeholders left out; null when they cannot be known without
 * typing (an autocomplete, a plain text box).
 */
export function offeredChoices(found: FoundControl): ChoiceOption[] | null {
  let options: ChoiceOption[];
  switch (found.kind) {
    case 'select':
      options = Array.from((found.control as HTMLSelectElement).options)
        .filter((o) => !isPlaceholderOption(clean(o.textContent), o.value))
        .map((o) => ({ text: clean(o.textContent), element: o }));
      break;
    case 'radcombobox': {
      const dropDown = found.box.id ? found.box.ownerDocument.getElementById(`${found.box.id}_DropDown`) : null;
      options = Array.from(dropDown?.querySelectorAll<HTMLElement>('li.rcbItem, li.rcbHovered') ?? []).map((li) => ({ text: clean(li.textContent), element: li }));
      break;
    }
    case 'aria-combobox':
      options = Array.from(listboxOf(found.control)?.querySelectorAll<HTMLElement>('[role=option]') ?? []).map((o) => ({ text: clean(o.textContent), element: o }));
      // Many comboboxes draw their options only when opened: an empty list is an unknown one.
      if (options.length === 0) return null;
      break;
    case 'radio-list':
      options = radios(found.control).map((radio) => ({ text: labelOf(radio), element: radio }));
      break;
    default:
      return null;
  }
  return options.filter((o) => o.text !== '' && !isPlaceholderOption(o.text, 'x'));
}

/** Whether an element is rendered and not hidden (suggestion lists show and hide by style). */
export function isVisible(el: Element): boolean {
  const html = el as HTMLElement;
  if (typeof html.checkVisibility === 'function') return html.checkVisibility();
  return html.offsetParent !== null || html.getClientRects().length > 0;
}

/**
 * The suggestions an autocomplete or combobox shows now (after typing or opening it): its ARIA
 * listbox, else a visible jQuery autocomplete list (`.ac_results`, `.ui-autocomplete`).
 */
export function shownSuggestions(found: FoundControl): ChoiceOption[] {
  const doc = found.control.ownerDocument;
  const listbox = listboxOf(found.control);
  let items: HTMLElement[] = listbox && isVisible(listbox) ? Array.from(listbox.querySelectorAll<HTMLElement>('[role=option], li')) : [];
  if (items.length === 0) {
    for (const list of Array.from(doc.querySelectorAll<HTMLElement>('.ac_results, .ui-autocomplete, [role=listbox]'))) {
      if (isOurNode(list) || !isVisible(list)) continue;
      items = Array.from(list.querySelectorAll<HTMLElement>('[role=option], li'));
      if (items.length) break;
    }
  }
  return items.filter(isVisible).map((element) => ({ text: clean(element.textContent), element }));
}

import { choiceKey } from '../settings/choices';
import { offeredChoices, readControl, shownSuggestions, type ChoiceOption, type FoundControl } from '../page/controls';

/**
 * Makes a choice in a control as a person would, so the page sees it as its own (its change handlers,
 * an AutoPostBack, a cascading refill): a select is set and told (input, change); a radio is clicked;
 * a RadComboBox or an ARIA combobox is opened and the item clicked; an autocomplete is typed into and
 * the suggestion clicked. Never over a choice (the caller plans only unchosen fields). Resolves true
 * when the control shows the choice afterwards.
 */

/**
 * Compares choice texts the way a person would: case and spacing do not matter. The same rule as the
 * options page's pickers (lib/settings/choices.ts), so "matches the list" means one thing everywhere.
 */
export function sameChoiceText(a: string, b: string): boolean {
  return choiceKey(a) === choiceKey(b);
}

const OPEN_WAIT_MS = 1500;
const STEP_MS = 50;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function mouse(el: HTMLElement, type: string): void {
  const view = el.ownerDocument.defaultView;
  el.dispatchEvent(new MouseEvent(type, { bubbles: true, cancelable: true, view, button: 0 }));
}

/** What a pointer does to click: over, down, up, click. */
function press(el: HTMLElement): void {
  mouse(el, 'mouseover');
  mouse(el, 'mousedown');
  mouse(el, 'mouseup');
  el.click();
}

function key(el: HTMLElement, type: 'keydown' | 'keyup' | 'keypress', keyName: string): void {
  el.dispatchEvent(new KeyboardEvent(type, { key: keyName, bubbles: true, cancelable: true }));
}

function tell(el: HTMLElement, ...types: string[]): void {
  for (const type of types) el.dispatchEvent(new Event(type, { bubbles: true }));
}

/** Waits until `find` returns something (the list a click or typing brings), or gives up. */
async function waitFor<T>(find: () => T | null | undefined): Promise<T | null> {
  for (let waited = 0; waited <= OPEN_WAIT_MS; waited += STEP_MS) {
    const found = find();
    if (found) return found;
    await pause(STEP_MS);
  }
  return null;
}

const matching = (options: ChoiceOption[] | null, text: string) => options?.find((option) => sameChoiceText(option.text, text)) ?? null;

function chooseInSelect(select: HTMLSelectElement, text: string): boolean {
  const option = Array.from(select.options).find((o) => sameChoiceText(o.textContent ?? '', text));
  if (!option) return false;
  select.value = option.value;
  tell(select, 'input', 'change');
  return true;
}

/** Opens a list by its own control (the arrow, the box), then clicks the item. */
async function openAndClick(found: FoundControl, text: string): Promise<boolean> {
  let option = matching(offeredChoices(found), text);
  if (!option || !option.element.getClientRects().length) {
    const opener = found.box.querySelector<HTMLElement>('.rcbActionButton, .rcbArrowCell a, .rcbArrowCell, [aria-label*="open" i]') ?? found.control;
    found.control.focus();
    press(opener);
    if (found.kind === 'aria-combobox' && found.control.getAttribute('aria-expanded') !== 'true') key(found.control, 'keydown', 'ArrowDown');
    option = await waitFor(() => matching(offeredChoices(found), text) ?? matching(shownSuggestions(found), text));
  }
  if (!option) return false;
  press(option.element);
  return true;
}

/** Types the text, as keys, then clicks the suggestion that matches; undoes the typing when none does. */
async function typeAndPick(found: FoundControl, text: string): Promise<boolean> {
  const input = found.control as HTMLInputElement;
  const before = input.value;
  input.focus();
  input.value = text;
  const last = text.slice(-1) || ' ';
  key(input, 'keydown', last);
  key(input, 'keypress', last);
  tell(input, 'input');
  key(input, 'keyup', last);
  if (found.kind === 'text') {
    tell(input, 'change');
    return true;
  }
  const option = await waitFor(() => matching(shownSuggestions(found), text));
  if (option) {
    press(option.element);
    return true;
  }
  input.value = before; // nothing to pick: leave the box as it was
  tell(input, 'input', 'change');
  key(input, 'keydown', 'Escape');
  return false;
}

export async function choose(found: FoundControl, text: string): Promise<boolean> {
  switch (found.kind) {
    case 'select':
      if (!chooseInSelect(found.control as HTMLSelectElement, text)) return false;
      break;
    case 'radio-list': {
      const radio = matching(offeredChoices(found), text);
      if (!radio) return false;
      radio.element.click();
      break;
    }
    case 'radcombobox':
    case 'aria-combobox':
      if (!(await openAndClick(found, text))) return false;
      break;
    case 'autocomplete':
    case 'text':
      if (!(await typeAndPick(found, text))) return false;
      break;
  }
  // The page may finish the pick a moment later (its own scripts, a postback): look once it settled.
  return (await waitFor(() => {
    if (!found.control.isConnected) return true; // re-rendered by the page: the next read tells
    const now = readControl(found);
    return now.chosen && sameChoiceText(now.text, text) ? true : null;
  })) === true;
}

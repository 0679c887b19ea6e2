import {
  blankForm,
  type PageSnapshot,
  type CasePage,
  type ChoiceValue,
  type CredentialForm,
  type TextValue,
} from './snapshot';
import { isPlaceholderOption, normalizeCaption, type CaptionKey } from './captions';
import { pageText, mayBeCasePage, mayBeCredentialForm } from './gate';
import { locateFields, textAfter, type FieldLocation } from './locate';

/**
 * The page reader: the only code that knows CalJOBS markup. DOM in, plain validated snapshot out.
 * `layout` (where things are) is kept between reads so that a keystroke only re-reads values;
 * it is rebuilt when the page replaces the form's nodes (a partial postback).
 */

export interface FormLayout {
  kind: 'credential-form';
  root: Element;
  fields: Map<CaptionKey, FieldLocation>;
  save: HTMLElement | null;
  /**
   * The General Information values, read once per layout: they are server-rendered text, and any
   * change to them is a DOM change that makes the assistant locate the form again (a new layout).
   */
  generalInformation?: Pick<CredentialForm, 'program' | 'applicationDate' | 'participationDate' | 'exitDate' | 'maximumDate'>;
}

/** Finds the Create Credential form in `doc`, or null. */
export function locateCredentialForm(doc: Document, text = pageText(doc)): FormLayout | null {
  const body = doc.body;
  if (!body || !mayBeCredentialForm(text)) return null;
  const fields = locateFields(body);
  const credential = fields.get('credential');
  const date = fields.get('date');
  if (!credential?.control || !date?.control) return null;
  const root = credential.control.form ?? credential.container.closest('form') ?? body;
  return { kind: 'credential-form', root, fields, save: findSaveButton(root, date.control) };
}

/** True when any element the layout points at has left the document (the form was re-rendered). */
export function layoutIsStale(layout: FormLayout): boolean {
  if (!layout.root.isConnected) return true;
  if (layout.save && !layout.save.isConnected) return true;
  for (const location of layout.fields.values()) {
    if (!location.container.isConnected || (location.control && !location.control.isConnected)) return true;
  }
  return false;
}

const SAVE_TEXT = /^\s*save\s*$/i;

function findSaveButton(root: Element, near: Element): HTMLElement | null {
  const candidates = Array.from(
    root.querySelectorAll<HTMLElement>('input[type=submit], input[type=button], input[type=image], button, a'),
  ).filter((el) => {
    const text = el instanceof HTMLInputElement ? el.value || el.getAttribute('alt') || '' : el.textContent ?? '';
    return SAVE_TEXT.test(text);
  });
  // The Save that follows the date field (a page may also have a Save in another panel).
  const after = candidates.filter((el) => near.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
  return after[0] ?? candidates[0] ?? null;
}

// ---- values -----------------------------------------------------------------------------------

const LINK_LIKE = 'a, button, input[type=button], input[type=submit], script, style, select, option';

/** Hidden parts and validator messages ("LWIA/Region is required.") are not values. */
const NOT_A_VALUE =
  '[hidden], [style*="display:none" i], [style*="display: none" i], [style*="visibility:hidden" i], [style*="visibility: hidden" i], .validator, [class*="validat" i], [id*="_rfv"], [id*="Validator"], [role=alert]';

/** The visible text of a value cell without its lookup links, brackets and pipes. */
function valueText(location: FieldLocation): string {
  if (location.inlineAfter) return cleanValue(textAfter(location.container, location.inlineAfter));
  // Walk the cell's text, skipping links, buttons, hidden parts, validators and custom elements (ours).
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
    if (el.tagName.includes('-') || el.matches(SKIPPED)) {
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

const SKIPPED = `${LINK_LIKE}, ${NOT_A_VALUE}`;

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
  form.region = readChoice(f.get('region'));
  form.office = readChoice(f.get('office'));
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

// ---- the case page (for the walkthrough) --------------------------------------------------------

function isShown(el: Element): boolean {
  const withCheck = el as Element & { checkVisibility?: (o?: object) => boolean };
  if (typeof withCheck.checkVisibility === 'function') {
    try {
      return withCheck.checkVisibility({ visibilityProperty: true });
    } catch {
      // fall through to the attribute walk
    }
  }
  for (let node: Element | null = el; node; node = node.parentElement) {
    if (node.hasAttribute('hidden')) return false;
    const style = node.getAttribute('style') ?? '';
    if (/display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)) return false;
  }
  return true;
}

export interface CaseLayout {
  kind: 'case-page';
  /** The application's expand control, the Credentials section's, and the Create Credential link. */
  applicationToggle: Element | null;
  credentialsToggle: Element | null;
  createLink: HTMLElement | null;
  credentialsCaption: Element | null;
  grid: HTMLTableElement | null;
}

const EXPANDER = 'a, button, img, i, span, [role=button]';

function expanderBefore(el: Element): Element | null {
  // The (+) icon sits to the left of its caption, in the same row or header.
  const row = el.closest('tr, li, .panel-heading, .card-header, h2, h3, h4, div') ?? el.parentElement;
  if (!row) return null;
  for (const candidate of Array.from(row.querySelectorAll(EXPANDER))) {
    const label = `${candidate.getAttribute('title') ?? ''} ${candidate.getAttribute('aria-label') ?? ''} ${candidate.getAttribute('alt') ?? ''} ${candidate.className} ${candidate.textContent ?? ''}`;
    if (/expand|collapse|plus|minus|^\s*[+\u2212-]\s*$|toggle/i.test(label) && candidate !== el) return candidate;
  }
  return null;
}

export function locateCasePage(doc: Document, text = pageText(doc)): CaseLayout | null {
  const body = doc.body;
  if (!body || !mayBeCasePage(text)) return null;
  const links = Array.from(body.querySelectorAll<HTMLElement>('a, button, input[type=button], input[type=submit]'));
  const createLink =
    links.find((el) => {
      const text = el instanceof HTMLInputElement ? el.value : el.textContent ?? '';
      return text.length < 40 && /^create credential$/.test(normalizeCaption(text));
    }) ?? null;
  let credentialsCaption: Element | null = null;
  const walker = doc.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const raw = node.nodeValue ?? '';
    if (raw.length > 40 || !/credentials/i.test(raw)) continue;
    if (normalizeCaption(raw) === 'credentials' && node.parentElement && node.parentElement.tagName !== 'A') {
      credentialsCaption = node.parentElement;
      break;
    }
  }
  if (!createLink && !credentialsCaption) return null;
  const applicationRow = Array.from(body.querySelectorAll('tr, li, .panel-heading, .card-header')).find((el) =>
    /\bwioa/i.test(el.textContent ?? '') && expanderBefore(el.firstElementChild ?? el) !== null && !el.contains(credentialsCaption),
  );
  const grid =
    Array.from(body.querySelectorAll('table')).find((table) => {
      const head = normalizeCaption(table.querySelector('tr')?.textContent ?? '');
      return head.includes('credential') && head.includes('date received');
    }) ?? null;
  return {
    kind: 'case-page',
    applicationToggle: applicationRow ? expanderBefore(applicationRow.firstElementChild ?? applicationRow) : null,
    credentialsToggle: credentialsCaption ? expanderBefore(credentialsCaption) : null,
    createLink,
    credentialsCaption,
    grid,
  };
}

export function readCasePage(layout: CaseLayout): CasePage {
  const credentialsExpanded = !!layout.createLink && isShown(layout.createLink);
  const applicationExpanded = credentialsExpanded || (!!layout.credentialsCaption && isShown(layout.credentialsCaption));
  let credentialRows = 0;
  if (layout.grid && isShown(layout.grid)) {
    credentialRows = Array.from(layout.grid.querySelectorAll('tr')).filter((row) => {
      const cells = row.querySelectorAll('td');
      return cells.length >= 3 && !/no records to display/i.test(row.textContent ?? '');
    }).length;
  }
  return {
    applicationExpanded,
    credentialsExpanded,
    createLinkFound: !!layout.createLink,
    credentialRows,
  };
}

// ---- one call for everything -------------------------------------------------------------------

export type PageLayout = FormLayout | CaseLayout;

export function locatePage(doc: Document): PageLayout | null {
  const text = pageText(doc);
  return locateCredentialForm(doc, text) ?? locateCasePage(doc, text);
}

export function snapshotOf(layout: PageLayout | null): PageSnapshot {
  if (layout?.kind === 'credential-form') return { page: 'credential-form', form: readCredentialForm(layout) };
  if (layout?.kind === 'case-page') return { page: 'case-page', casePage: readCasePage(layout) };
  return { page: 'other' };
}


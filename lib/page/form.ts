import type { CredentialForm, FieldKey } from './snapshot';
import { FIELD_KEYS } from './snapshot';
import type { CaptionKey } from './captions';
import { mayBeCredentialForm, pageText } from './gate';
import { locateFields, type FieldLocation } from './locate';

/**
 * The Create Credential form, located: where each field and the Save control are. Kept between reads
 * so that a keystroke only re-reads values; rebuilt when the page replaces the form's nodes (a partial
 * postback), which `layoutIsStale` tells.
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

/** Where a field's warnings go: the value cell (or column) that holds its control or text. */
export function noteAnchorOf(location: FieldLocation): Element {
  return location.container;
}

/** What "Show me" points at for a form spot: the element to ring and the one to focus. */
export function formSpotElements(layout: FormLayout): Map<FieldKey | 'save', { target: Element; focus: HTMLElement | null }> {
  const spots = new Map<FieldKey | 'save', { target: Element; focus: HTMLElement | null }>();
  for (const key of FIELD_KEYS) {
    const location = layout.fields.get(key);
    if (!location) continue;
    const focus = location.control ?? location.container.querySelector<HTMLElement>('a[href], button, input:not([type=hidden])');
    spots.set(key, { target: location.container, focus });
  }
  if (layout.save) spots.set('save', { target: layout.save, focus: layout.save });
  return spots;
}

import type { CredentialForm, FieldKey } from './snapshot';
import { FIELD_KEYS } from './snapshot';
import type { CaptionKey } from './captions';
import { mayBeCredentialForm, pageText } from './gate';
import { locateFields, type FieldLocation } from './locate';
import { findSaveControls, type SaveControl } from './save';

/**
 * The Create Credential form, located: where each field and the Save control are. Kept between reads
 * so that a keystroke only re-reads values; rebuilt when the page replaces the form's nodes (a partial
 * postback), which `layoutIsStale` tells.
 */
export interface FormLayout {
  kind: 'credential-form';
  root: Element;
  fields: Map<CaptionKey, FieldLocation>;
  /** Every Save control, the main one (after the date field) first; empty when none was found. */
  saves: SaveControl[];
  /** The main Save control, or null. */
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
  const root = credential.control.closest('form') ?? credential.container.closest('form') ?? body;
  const saves = findSaveControls(root, date.control);
  return { kind: 'credential-form', root, fields, saves, save: saves[0]?.element ?? null };
}

/** True when any element the layout points at has left the document (the form was re-rendered). */
export function layoutIsStale(layout: FormLayout): boolean {
  if (!layout.root.isConnected) return true;
  if (layout.saves.some((save) => !save.element.isConnected)) return true;
  for (const location of layout.fields.values()) {
    if (!location.container.isConnected || (location.control && !location.control.isConnected)) return true;
  }
  return false;
}

/** Where a field's warnings go: the value cell (or column) that holds its control or text, after the widget. */
export function noteAnchorOf(location: FieldLocation): Element {
  return location.container;
}

/**
 * Where the summary goes: just before the main Save; with no Save found, after the row of the last
 * field found (the summary then says that Save is not watched).
 */
export function summaryAnchorOf(layout: FormLayout): { element: Element; position: 'before' | 'after' } | null {
  if (layout.save) return { element: layout.save, position: 'before' };
  let last: Element | null = null;
  for (const location of layout.fields.values()) {
    if (!last || last.compareDocumentPosition(location.container) & Node.DOCUMENT_POSITION_FOLLOWING) last = location.container;
  }
  const row = last?.closest('tr, .row, .form-group, li, dd') ?? last;
  return row ? { element: row, position: 'after' } : null;
}

/** What "Show me" points at for a form spot: the element to ring and the one to focus. */
export function formSpotElements(layout: FormLayout): Map<FieldKey | 'save', { target: Element; focus: HTMLElement | null }> {
  const spots = new Map<FieldKey | 'save', { target: Element; focus: HTMLElement | null }>();
  for (const key of FIELD_KEYS) {
    const location = layout.fields.get(key);
    if (!location) continue;
    const focusable = location.kind === 'radio-list' ? location.control?.querySelector<HTMLElement>('input:checked, input') : location.control;
    const focus = focusable ?? location.container.querySelector<HTMLElement>('a[href], button, input:not([type=hidden])');
    spots.set(key, { target: location.container, focus });
  }
  if (layout.save) spots.set('save', { target: layout.save, focus: layout.save });
  return spots;
}

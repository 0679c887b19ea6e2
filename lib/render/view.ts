import type { CitedFinding as Finding } from '../checks/types';
import type { FieldKey } from '../page/snapshot';
import type { OfficeOnForm } from '../actions/office-defaults';

/**
 * What the renderers draw for one read of the form, with the keys that say what changed: computed once
 * per read (by `formView`), compared by the renderers with what they drew last. Anchors are the reader's
 * located places (a field's value cell, the Save control); renderers never look for page elements.
 */
/** "Make these my office defaults" as the summary shows it (lib/controller/office-setup.ts runs it). */
export type OfficeSetupView =
  | { stage: 'offer' | 'confirm' | 'saving'; office: OfficeOnForm }
  | { stage: 'done'; office: OfficeOnForm; profileName: string }
  | { stage: 'undone' }
  | { stage: 'failed'; message: string };

export interface NoteView {
  /** Where the field's notes go (the reader's located value cell). */
  anchor: Element;
  findings: Finding[];
  key: string;
}

export interface SummaryView {
  /** Where the summary sits: just before the Save control, or after the last field when none was found. */
  anchor: Element;
  position: 'before' | 'after';
  /** A Save control was found and is guarded ("Save is not watched on this page" otherwise). */
  saveWatched: boolean;
  findings: readonly Finding[];
  /** "Apply office defaults" is offered. */
  offerDefaults: boolean;
  /** A line saying what the assistant did by itself (e.g. filled in the office defaults). */
  announcement: string;
  /** "Make these my office defaults": offered, confirming, done (with Undo), or null. */
  officeSetup: OfficeSetupView | null;
  /** What the summary shows besides its findings (Save watched, the buttons and lines): when only the findings change, it is updated in place. */
  frame: string;
  key: string;
}

export interface FormView {
  notes: Map<FieldKey, NoteView>;
  summary: SummaryView | null;
}

const findingKey = (f: Finding) => `${f.id}\u0000${f.message}\u0000${f.copy ?? ''}`;

export function formView(
  findings: readonly Finding[],
  anchors: { notes: ReadonlyMap<FieldKey, Element>; summary: { element: Element; position: 'before' | 'after' } | null; saveWatched: boolean },
  extras: { offerDefaults: boolean; announcement: string; officeSetup?: OfficeSetupView | null },
): FormView {
  const notes = new Map<FieldKey, NoteView>();
  for (const finding of findings) {
    if (!finding.field) continue;
    const anchor = anchors.notes.get(finding.field);
    if (!anchor) continue;
    const note = notes.get(finding.field) ?? { anchor, findings: [], key: '' };
    note.findings.push(finding);
    notes.set(finding.field, note);
  }
  for (const note of notes.values()) note.key = note.findings.map(findingKey).join('\u0001');
  let summary: SummaryView | null = null;
  if (anchors.summary) {
    const frame = `${anchors.saveWatched}\u0002${extras.offerDefaults}\u0002${extras.announcement}\u0002${JSON.stringify(extras.officeSetup ?? null)}\u0002${findings.length > 0}`;
    summary = {
      anchor: anchors.summary.element,
      position: anchors.summary.position,
      saveWatched: anchors.saveWatched,
      findings,
      offerDefaults: extras.offerDefaults,
      announcement: extras.announcement,
      officeSetup: extras.officeSetup ?? null,
      frame,
      key: `${findings.map(findingKey).join('\u0001')}\u0002${frame}`,
    };
  }
  return { notes, summary };
}

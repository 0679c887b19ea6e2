import type { PageSnapshot, Spot } from './snapshot';
import { caseSpotElements, locateCasePage, readCasePage, type CaseLayout } from './case-page';
import { formSpotElements, layoutIsStale, locateCredentialForm, type FormLayout } from './form';
import { pageText } from './gate';
import { readCredentialForm } from './values';

/**
 * The page reader's one entry: DOM in, located layout and plain snapshot out. It only reads: nothing
 * here writes to the page. Only lib/page knows CalJOBS markup.
 */
export type PageLayout = FormLayout | CaseLayout;
export type { FormLayout, CaseLayout };

export function locatePage(doc: Document): PageLayout | null {
  const text = pageText(doc);
  return locateCredentialForm(doc, text) ?? locateCasePage(doc, text);
}

/** The layout to read now: `previous` while it still stands, else the page located again. */
export function currentLayout(doc: Document, previous: PageLayout | null, relocate: boolean): PageLayout | null {
  if (!relocate && previous && !(previous.kind === 'credential-form' && layoutIsStale(previous))) return previous;
  return locatePage(doc);
}

export function snapshotOf(layout: PageLayout | null): PageSnapshot {
  if (layout?.kind === 'credential-form') return { page: 'credential-form', form: readCredentialForm(layout) };
  if (layout?.kind === 'case-page') return { page: 'case-page', casePage: readCasePage(layout) };
  return { page: 'other' };
}

/** Where each spot the walkthrough and the checks may point at is, for "Show me". */
export function spotElements(layout: PageLayout | null): Map<Spot, { target: Element; focus: HTMLElement | null }> {
  if (!layout) return new Map();
  if (layout.kind === 'credential-form') return formSpotElements(layout);
  const spots = new Map<Spot, { target: Element; focus: HTMLElement | null }>();
  for (const [spot, target] of caseSpotElements(layout)) {
    const focus = target instanceof HTMLElement && target.matches('a, button, input, select, textarea, [tabindex]') ? target : null;
    spots.set(spot, { target, focus });
  }
  return spots;
}

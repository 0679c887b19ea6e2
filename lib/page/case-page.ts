import type { CasePage, CasePageSpot } from './snapshot';
import { captionsOf, normalizeCaption } from './captions';
import { mayBeCasePage, pageText } from './gate';

/**
 * The participant's case page (help sheet steps 1, 2 and 5), for the walkthrough: the WIOA
 * application's (+), the Credentials section's (+), the Create Credential link and the grid.
 */
export interface CaseLayout {
  kind: 'case-page';
  /** The application's expand control, the Credentials section's, and the Create Credential link. */
  applicationToggle: Element | null;
  credentialsToggle: Element | null;
  createLink: HTMLElement | null;
  credentialsCaption: Element | null;
  grid: HTMLTableElement | null;
}

export function isShown(el: Element): boolean {
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
  if (!body) return null;
  // A Create Credential named outside the page's text (an <input> button, an icon link) is found here;
  // otherwise the text must say it (the first look's hint) before anything else is looked for.
  const links = Array.from(body.querySelectorAll<HTMLElement>('a, button, input[type=button], input[type=submit], [role=button], [role=link]'));
  const createLink = links.find((el) => captionsOf(el).includes('create credential')) ?? null;
  if (!createLink && !mayBeCasePage(text)) return null;
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
    // Data rows have cells (not header cells) in every column; "There are no records to display." is
    // one cell across the grid. Counted without reading any text: a case may list hundreds of rows.
    for (const row of Array.from(layout.grid.rows)) if (row.cells.length >= 3 && row.cells[0]?.tagName === 'TD') credentialRows += 1;
  }
  return {
    applicationExpanded,
    credentialsExpanded,
    createLinkFound: !!layout.createLink,
    credentialRows,
  };
}

/** Where each of the case page's spots is, for "Show me". */
export function caseSpotElements(layout: CaseLayout): Map<CasePageSpot, Element> {
  const spots = new Map<CasePageSpot, Element>();
  const add = (spot: CasePageSpot, el: Element | null) => el && spots.set(spot, el);
  add('application-toggle', layout.applicationToggle);
  add('credentials-toggle', layout.credentialsToggle);
  add('create-link', layout.createLink);
  add('credentials-grid', layout.grid);
  return spots;
}

import { mayBeCredentialForm, pageText } from './gate';
import { isOurNode } from './ours';
import { readOnlyDate } from './shown-dates';

/**
 * The credential form's lookup windows, recognized by meaning (issue 14): "Search Activities/Services"
 * and "Agency Code Search". A window is one when its title or heading says so, its grid's column
 * captions are those of the lookup (whatever their order, wording details, extra columns), and the
 * window it writes back into (window.opener for a VOS popup, the parent frame for a RadWindow) holds
 * a Create Credential form. Anything else reads as null: no URL, no id is looked at. Reading only.
 */
export type LookupKind = 'activities' | 'agency';

export interface LookupRow {
  row: HTMLTableRowElement;
  /** The activity or agency code, as shown ("300", "LA0211"). */
  code: string;
  name: string;
  /** The row's own pick: its Select link or button (null when the row has none). */
  select: HTMLElement | null;
  /** The cell our mark goes into (the name's cell). */
  markCell: HTMLTableCellElement;
}

export interface ActivityRow extends LookupRow {
  /** The start date in m/d/yyyy as the page shows it ('' when none; other text kept as it is). */
  start: string;
}

export type LookupWindow =
  | { kind: 'activities'; grid: HTMLTableElement; rows: ActivityRow[] }
  | { kind: 'agency'; grid: HTMLTableElement; rows: LookupRow[] };

/** Where a lookup writes its pick: the popup's opener, or the frame around a RadWindow's iframe. */
export interface LookupOpener {
  how: 'opener' | 'frame';
  doc: Document;
}

/**
 * The titles of the credential form's lookup windows, by meaning: "Search Activities/Services",
 * "Activity Search"; "Agency Code Search", "Agency Code Lookup", "Find an Agency". (The page-world
 * look, gate.ts, has the same words to decide where to load this.)
 */
const TITLE: Record<LookupKind, RegExp> = {
  activities: /\bsearch\s+(?:for\s+)?activit|\bactivit(?:y|ies)\s*\/\s*services?\b|\bactivit(?:y|ies)\s+(?:search|look\s*up)\b/i,
  agency: /\bagency\s+codes?\s+(?:search|look\s*up)\b|\b(?:search|find|look\s*up)\s+(?:for\s+)?(?:an?\s+)?agenc(?:y|ies)\b/i,
};

/** The texts that title a window: its <title> and its visible headings. */
function titles(doc: Document): string[] {
  const texts = [doc.title];
  const headings = doc.querySelectorAll('h1, h2, h3, h4, [role=heading], legend, caption, [id$="lblTitle" i], [id$="lblHeader" i], .pageTitle, .title');
  for (let i = 0; i < headings.length && i < 30; i += 1) texts.push(headings[i]!.textContent ?? '');
  return texts;
}

/** What the window's title or headings call it, if a lookup of ours. */
export function lookupKindByTitle(doc: Document): LookupKind | null {
  const texts = titles(doc);
  for (const kind of ['activities', 'agency'] as const) if (texts.some((t) => TITLE[kind].test(t.replace(/\u00a0/g, ' ')))) return kind;
  return null;
}

// ---- the grid --------------------------------------------------------------------------------

type Column = 'code' | 'name' | 'start';
type Columns = Partial<Record<Column, number>>;

const CODE_CAPTION = /\bcode\b|^(?:activity|service|agency)\s*(?:#|no\.?|number|id)$/;
const DATE_WORDS = /\bdate\b|\bstart|\bbegin|\bend\b|\bcompleted?\b|\bcreated\b/;
/** Name columns: the lookup's own words first ("Activity/Service", "Agency Name"), then generic ones. */
const NAME_WORDS: Record<LookupKind, [RegExp, RegExp]> = {
  activities: [/activit|service/, /title|name|description/],
  agency: [/agenc/, /name|description|office|organi[sz]ation|location/],
};
const START_CAPTION = /\b(?:start|begin(?:ning)?)\b/;

/** A column caption as words: lower case, &nbsp; as space, colons and asterisks dropped. */
function columnCaption(text: string): string {
  return text.replace(/[\u00a0\s]+/g, ' ').replace(/[:*]/g, ' ').replace(/\s*\/\s*/g, '/').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The column captions of a grid: its header row's cells, by column position (colspans counted). */
function headerOf(table: HTMLTableElement): { row: HTMLTableRowElement; captions: string[] } | null {
  const rows = table.rows;
  for (let i = 0; i < rows.length && i < 3; i += 1) {
    const row = rows[i]!;
    const cells = Array.from(row.cells);
    const inHead = row.parentElement?.localName === 'thead';
    if (!cells.length || !(inHead || cells.every((c) => c.localName === 'th') || /head/i.test(row.className))) continue;
    const captions: string[] = [];
    for (const cell of cells) {
      const text = columnCaption(cell.textContent ?? '');
      for (let span = 0; span < Math.max(1, cell.colSpan); span += 1) captions.push(text);
    }
    return { row, captions };
  }
  return null;
}

/** Which column holds what, from the captions; null when the captions are not the lookup's. */
export function columnsOf(kind: LookupKind, captions: readonly string[]): Columns | null {
  const columns: Columns = {};
  const names: number[][] = [[], []];
  captions.forEach((caption, index) => {
    if (!caption || (index > 0 && captions[index - 1] === caption)) return; // empty, or a colspan's copy
    if (columns.code === undefined && CODE_CAPTION.test(caption) && !DATE_WORDS.test(caption)) columns.code = index;
    else if (kind === 'activities' && START_CAPTION.test(caption) && DATE_WORDS.test(caption)) {
      // "Projected Start Date" and "Actual Start Date": the actual one wins.
      if (columns.start === undefined || /\bactual\b/.test(caption)) columns.start = index;
    } else if (!DATE_WORDS.test(caption) && !/\bcode\b|select|provider|status/.test(caption)) {
      NAME_WORDS[kind].forEach((words, strength) => words.test(caption) && names[strength]!.push(index));
    }
  });
  columns.name = names[0]![0] ?? names[1]![0];
  // A grid that shows "300 - Occupational Skills Training" in one column has no code column: the
  // code is read from the name (below). A grid without a name column is not the lookup's.
  if (columns.name === undefined) return null;
  if (columns.code === undefined && !names[0]!.includes(columns.name)) return null;
  return columns;
}

const CODE = /^[A-Za-z0-9][A-Za-z0-9.-]{0,11}$/;
/** "300 - Occupational Skills Training", "LA0211 - Example WorkSource Center". */
const CODE_AND_NAME = /^([A-Za-z0-9][A-Za-z0-9.-]{0,11})\s+[-\u2013:]\s+(\S.*)$/;
/** What a pager's cells say: page numbers, "...", arrows, Next/Previous/First/Last. */
const PAGER_CELL = /^(?:\d+|\.{3}|\u2026|[<>\u00ab\u00bb]+|next|prev(?:ious)?|first|last)$/i;
const SELECT_WORDS = /^\s*(?:select|choose|pick|use)\b/i;
const CLICKABLE = 'a[href], button, input[type=button], input[type=submit], input[type=image], [role=button], [onclick]';

function cellText(cell: HTMLTableCellElement | undefined): string {
  if (!cell) return '';
  let text = '';
  for (const node of Array.from(cell.childNodes)) if (!isOurNode(node)) text += node.textContent ?? '';
  return text.replace(/[\u00a0\s]+/g, ' ').trim();
}

/** The cells of a row by column position (colspans counted). */
function cellsByColumn(row: HTMLTableRowElement): HTMLTableCellElement[] {
  const out: HTMLTableCellElement[] = [];
  for (const cell of Array.from(row.cells)) for (let span = 0; span < Math.max(1, cell.colSpan); span += 1) out.push(cell);
  return out;
}

function selectOf(row: HTMLTableRowElement): HTMLElement | null {
  const clickables = Array.from(row.querySelectorAll<HTMLElement>(CLICKABLE)).filter((el) => !isOurNode(el));
  const said = (el: HTMLElement) =>
    [el.textContent, el.getAttribute('value'), el.getAttribute('title'), el.getAttribute('alt'), el.getAttribute('aria-label')].some((t) => !!t && SELECT_WORDS.test(t));
  return clickables.find(said) ?? (clickables.length === 1 ? clickables[0]! : null);
}

function readRows(kind: LookupKind, table: HTMLTableElement, header: HTMLTableRowElement, columns: Columns): ActivityRow[] {
  const rows: ActivityRow[] = [];
  const width = cellsByColumn(header).length;
  for (const row of Array.from(table.rows)) {
    // The header, and a pager (a row of page links: its own table, or a pager/footer class).
    if (row === header || row.parentElement?.localName === 'thead' || row.querySelector('table') || /pager|footer/i.test(row.className)) continue;
    if (Array.from(row.cells).every((cell) => PAGER_CELL.test(cellText(cell)))) continue; // page links as cells
    const cells = cellsByColumn(row);
    if (cells.length < width || row.cells.length < 2) continue; // "No records", a pager spanning the grid
    const nameCell = cells[columns.name!]!;
    let name = cellText(nameCell);
    let code = columns.code === undefined ? '' : cellText(cells[columns.code]);
    if (columns.code === undefined) {
      const both = CODE_AND_NAME.exec(name);
      if (!both) continue;
      code = both[1]!;
      name = both[2]!;
    } else if (kind === 'agency' && !CODE.test(code)) {
      continue;
    }
    if (code !== '' && !CODE.test(code)) code = ''; // unreadable: say nothing about it
    if (!code && !name) continue;
    const start = columns.start === undefined ? '' : readOnlyDate(cellText(cells[columns.start]));
    rows.push({ row, code, name, start, select: selectOf(row), markCell: nameCell });
  }
  return rows;
}

function findGrid(kind: LookupKind, doc: Document): { grid: HTMLTableElement; rows: ActivityRow[] } | null {
  const tables = doc.getElementsByTagName('table');
  for (let i = 0; i < tables.length && i < 200; i += 1) {
    const table = tables[i]!;
    const header = headerOf(table);
    if (!header) continue;
    const columns = columnsOf(kind, header.captions);
    if (columns) return { grid: table, rows: readRows(kind, table, header.row, columns) };
  }
  return null;
}

// ---- the whole window ------------------------------------------------------------------------

/** The window this one writes back into, when the browser lets this script read it. */
export function lookupOpener(win: Window): LookupOpener | null {
  const read = (other: Window | null | undefined, how: LookupOpener['how']): LookupOpener | null => {
    try {
      if (!other || other === win || other.closed) return null;
      const doc = other.document; // throws for another origin
      return doc ? { how, doc } : null;
    } catch {
      return null;
    }
  };
  let opener: Window | null = null;
  try {
    opener = win.opener as Window | null;
  } catch {
    opener = null;
  }
  return read(opener, 'opener') ?? read(win.parent, 'frame');
}

/** Whether the window a lookup writes back into holds a Create Credential form (its words). */
export function holdsCredentialForm(opener: LookupOpener | null): boolean {
  if (!opener) return false;
  try {
    return mayBeCredentialForm(pageText(opener.doc));
  } catch {
    return false;
  }
}

/**
 * This document as one of the credential form's lookup windows, with its rows; null for any other
 * window (not titled as one, no grid with the lookup's captions, or not opened by a credential form).
 */
export function readLookupWindow(doc: Document, opener: LookupOpener | null): LookupWindow | null {
  const kind = lookupKindByTitle(doc);
  if (!kind) return null;
  const found = findGrid(kind, doc);
  if (!found || !holdsCredentialForm(opener)) return null;
  if (kind === 'activities') return { kind, grid: found.grid, rows: found.rows };
  return { kind, grid: found.grid, rows: found.rows.map(({ start: _start, ...row }) => row) };
}

import { importantElements, recognize } from './recognize';
import { urlShape } from './shapes';
import { withReader, type ReportReader } from './reader';
import { Writer } from './writer';

export { STRUCTURAL_WORDS, scrubToken, shapeOf, urlShape } from './shapes';
export type { ReportReader } from './reader';

/**
 * "Copy page structure": a structure-only snapshot of the current page that staff can send to support.
 *
 * Nobody outside a CalJOBS session can see the real staff pages, so when the reader fails on one, this
 * report is what support gets. It is HTML-like, indented text that keeps the page's skeleton (tags,
 * ids, classes, `for`, `type`, `role`, `name`, the kind of every field) and replaces every text and
 * every value by a placeholder that keeps only its shape (`[text 14]`, `[digits 8]`, `[date]`). Texts
 * are kept only when they are known CalJOBS captions or one of a few structural words ("Save",
 * "Today", "Create Credential"). What the reader recognized is marked with `data-assistant`.
 *
 * The report is valid-enough HTML: saved under `test/fixtures/structure/`, the reader finds the same
 * fields in it as in the page it came from, so a support snapshot becomes a regression test.
 *
 * Pure: DOM in, text out. Never throws, never reads the clock (the report carries no date at all).
 */

export interface StructureReportOptions {
  /** At most this many nodes (elements and texts) are written; the report says when it stops. */
  maxNodes?: number;
}

export const DEFAULT_MAX_NODES = 4000;

/** Header line every report starts with (after the doctype); tests and tools look for it. */
export const REPORT_TITLE = 'CalJOBS Credential Assistant: page structure report, for support.';


function pageLine(doc: Document): string | null {
  let url = '';
  try {
    url = doc.URL ?? '';
  } catch {
    return null;
  }
  return /^https?:/i.test(url) ? `Page: ${urlShape(url)}` : null;
}

function commentSafe(text: string): string {
  return text.replace(/--+/g, '-');
}

function header(lines: string[]): string {
  return ['<!doctype html>', '<!--', ...lines.map((line) => `  ${commentSafe(line)}`), '-->'].join('\n');
}

const EXPLANATION = [
  REPORT_TITLE,
  'Structure only: tags, ids, classes, for, type, role, name and the kind of every field.',
  'Values and texts replaced by placeholders: [text N] (N characters), [digits N], [date], [empty] (only',
  'spaces), [query], [script], [style]; an empty value stays empty. In ids, runs of 5+ digits became #####.',
  'Kept: known CalJOBS captions and a few structural words (Save, Today, Verify, Create Credential, ...).',
  'Left out: scripts, styles, comments, frame contents and the assistant\'s own elements.',
  'data-assistant marks what the reader recognized: caption:<field>, container:<field>, control:<field>, kind:<control kind>,',
  'save:<how the page posts it>, form. Control kinds: select, radcombobox, aria-combobox, radio-list, autocomplete, text, lookup.',
];

/** The structure-only report of `doc`. See the module comment; never throws. */
export function structureReport(doc: Document, pageReader: ReportReader, options: StructureReportOptions = {}): string {
  return withReader(pageReader, () => report(doc, options));
}

function report(doc: Document, options: StructureReportOptions): string {
  const requested = options.maxNodes ?? DEFAULT_MAX_NODES;
  const maxNodes = Number.isFinite(requested) ? Math.max(1, Math.floor(requested)) : DEFAULT_MAX_NODES;
  try {
    const recognized = recognize(doc);
    const important = importantElements(doc, recognized.marks);
    const writer = new Writer(maxNodes, maxNodes * 250, recognized.marks, important);
    const root = doc.documentElement;
    if (root) writer.element(root, 0, false, false);
    const unlocated = [...writer.captionsSeen].filter((key) => !recognized.found.includes(key));
    const lines = [...EXPLANATION];
    const page = pageLine(doc);
    if (page) lines.push(page);
    lines.push(...recognized.summary);
    if (unlocated.length > 0) {
      const what = recognized.kind === 'credential-form' ? 'Captions seen but not matched to a field' : 'Known captions seen';
      lines.push(`${what}: ${unlocated.join(', ')}.`);
    }
    lines.push(
      writer.truncated
        ? `TRUNCATED: stopped after ${writer.nodes} nodes (maxNodes ${maxNodes}); the rest of the page is not shown.`
        : `Nodes: ${writer.nodes} (maxNodes ${maxNodes}).`,
    );
    if (writer.skippedRows > 0) lines.push(`${writer.skippedRows} repeated rows, items or options summarized.`);
    const body = writer.lines.join('\n');
    const tail = writer.truncated ? `\n<!-- TRUNCATED: maxNodes ${maxNodes} reached -->` : '';
    return `${header(lines)}\n${body}${tail}\n`;
  } catch (err) {
    const name = err instanceof Error ? err.name.replace(/[^A-Za-z]/g, '') : 'unknown';
    return `${header([...EXPLANATION, `The report failed on this page (${name}).`])}\n`;
  }
}

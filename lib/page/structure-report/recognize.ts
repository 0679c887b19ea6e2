import type { CaptionKey } from '../captions';
import type { PageLayout } from '../read';
import { reader } from './reader';
import { captionOf, collapse, isKeptText, splitInlineCaption } from './shapes';

/** What the reader recognized on the page, marked in the structure report with `data-assistant`. */

interface Recognized {
  kind: PageLayout['kind'] | null;
  marks: Map<Element, string[]>;
  summary: string[];
  found: CaptionKey[];
}

function addMark(marks: Map<Element, string[]>, el: Element | null | undefined, mark: string): void {
  if (!el) return;
  const list = marks.get(el) ?? [];
  if (!list.includes(mark)) list.push(mark);
  marks.set(el, list);
}

export function recognize(doc: Document): Recognized {
  const marks = new Map<Element, string[]>();
  let layout: PageLayout | null = null;
  try {
    layout = reader().locatePage(doc);
  } catch {
    return { kind: null, marks, summary: ['Reader: failed on this page.'], found: [] };
  }
  if (!layout) return { kind: null, marks, summary: ['Reader: not a Create Credential form, not a case page.'], found: [] };
  if (layout.kind === 'case-page') {
    addMark(marks, layout.applicationToggle, 'case:applicationToggle');
    addMark(marks, layout.credentialsToggle, 'case:credentialsToggle');
    addMark(marks, layout.createLink, 'case:createLink');
    addMark(marks, layout.credentialsCaption, 'case:credentialsCaption');
    addMark(marks, layout.grid, 'case:grid');
    const parts = (['applicationToggle', 'credentialsToggle', 'createLink', 'credentialsCaption', 'grid'] as const).map(
      (part) => `${part} ${layout[part] ? 'found' : 'not found'}`,
    );
    return { kind: 'case-page', marks, summary: ['Reader: case page.', `Parts: ${parts.join(', ')}.`], found: [] };
  }
  addMark(marks, layout.root, 'form');
  for (const save of layout.saves) addMark(marks, save.element, `save:${save.path}`);
  const found: CaptionKey[] = [];
  const kinds: string[] = [];
  for (const [key, location] of layout.fields) {
    found.push(key);
    kinds.push(`${key} (${location.kind})`);
    addMark(marks, location.caption, `caption:${key}`);
    addMark(marks, location.container, `container:${key}`);
    addMark(marks, location.control, `control:${key}`);
    addMark(marks, location.control ?? location.container, `kind:${location.kind}`);
  }
  const missing = reader().captionKeys.filter((key) => !layout.fields.has(key));
  const saves = layout.saves.map((save) => save.path);
  return {
    kind: 'credential-form',
    marks,
    found,
    summary: [
      'Reader: Create Credential form.',
      `Fields found: ${kinds.length > 0 ? kinds.join(', ') : 'none'}.`,
      `Fields not found: ${missing.length > 0 ? missing.join(', ') : 'none'}.`,
      saves.length > 0
        ? `Save: found, ${saves.length} control${saves.length === 1 ? '' : 's'}, posted by ${[...new Set(saves)].join(', ')}.`
        : 'Save: not found. Save is not watched on this page.',
    ],
  };
}

/** Elements holding something the reader needs: rows and items with these are never summarized. */
export function importantElements(doc: Document, marks: Map<Element, string[]>): Set<Element> {
  const important = new Set<Element>();
  const mark = (start: Element | null): void => {
    for (let el = start; el && !important.has(el); el = el.parentElement) important.add(el);
  };
  for (const el of marks.keys()) mark(el);
  const root = doc.body ?? doc.documentElement;
  if (!root) return important;
  for (const el of Array.from(root.querySelectorAll('input:not([type=hidden]), select, textarea, button, label'))) mark(el);
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.nodeValue ?? '';
    if (text.length <= 120 && (captionOf(text) || isKeptText(text) || splitInlineCaption(collapse(text)))) mark(node.parentElement);
  }
  return important;
}

import type { Mark } from '../rules/lookup-marks';
import { h } from './dom';
import { createHost, type Host, type UiLifetime } from './host';
import { LOOKUP_LINE_CSS, LOOKUP_MARK_CSS } from './styles';

/**
 * Our marks in the lookup windows: one shadow-root host per marked row (inside the row's name cell,
 * so a screen reader reads it with the row) and one line above the grid. Each host is created once
 * per row element and drawn again only when what it says changes; hosts of rows that are gone are
 * removed. Nothing has a `name`; no control posts with the page's form.
 */
export interface LookupView {
  /** What the host belongs to (a row, or the grid for the line): one host per owner. */
  owner: Element;
  anchor: Element;
  kind: 'mark' | 'line';
  /** Equal keys mean equal drawings. */
  key: string;
  draw(doc: Document): Node[];
}

interface Drawn {
  ui: Host | null;
  view: LookupView;
  drawn: string;
}

export class LookupHosts {
  private readonly hosts = new Map<Element, Drawn>();

  constructor(
    private readonly lifetime: UiLifetime,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Shows exactly `views` (by owner); hosts of other owners are removed. Resolves when all are drawn. */
  async update(views: readonly LookupView[]): Promise<void> {
    const wanted = new Set(views.map((v) => v.owner));
    for (const [owner, host] of this.hosts) {
      if (wanted.has(owner)) continue;
      host.ui?.remove();
      this.hosts.delete(owner);
    }
    await Promise.all(views.map((view) => this.show(view)));
  }

  /** The host drawn for `owner`, if any (tests, scrolling). */
  hostOf(owner: Element): HTMLElement | null {
    return this.hosts.get(owner)?.ui?.shadowHost ?? null;
  }

  removeAll(): void {
    for (const host of this.hosts.values()) host.ui?.remove();
    this.hosts.clear();
  }

  private async show(view: LookupView): Promise<void> {
    const existing = this.hosts.get(view.owner);
    if (existing) {
      existing.view = view; // while the host is being created, it is drawn with this view when ready
      if (existing.ui) this.draw(existing, existing.ui);
      return;
    }
    const made: Drawn = { ui: null, view, drawn: '' };
    this.hosts.set(view.owner, made);
    let ui: Host;
    try {
      ui = await createHost(this.lifetime, {
        name: view.kind === 'mark' ? 'caljobs-assistant-lookup-mark' : 'caljobs-assistant-lookup-line',
        css: view.kind === 'mark' ? LOOKUP_MARK_CSS : LOOKUP_LINE_CSS,
        anchor: () => made.view.anchor,
        append: view.kind === 'mark' ? 'last' : 'before',
      });
    } catch (error) {
      if (this.hosts.get(view.owner) === made) this.hosts.delete(view.owner);
      this.onError(error);
      return;
    }
    if (this.hosts.get(view.owner) !== made) return ui.remove(); // its row went meanwhile
    made.ui = ui;
    this.draw(made, ui);
  }

  private draw(host: Drawn, ui: Host): void {
    const view = host.view;
    const placed = view.kind === 'mark' ? ui.shadowHost.parentElement === view.anchor : ui.shadowHost.nextElementSibling === view.anchor;
    if (!placed) ui.mount();
    if (host.drawn === view.key) return;
    host.drawn = view.key;
    ui.uiContainer.replaceChildren(...view.draw(ui.uiContainer.ownerDocument));
  }
}

/** The marks of one row, as text with an icon (the icon is hidden from screen readers). */
export function drawMarks(doc: Document, marks: readonly Mark[], extra: Node | null = null): Node[] {
  const list = h(
    doc,
    'span',
    { class: 'marks' },
    ...marks.map((mark) =>
      h(
        doc,
        'span',
        { class: 'mark', 'data-mark': mark.id, 'data-tone': mark.tone },
        h(doc, 'span', { class: 'icon', 'aria-hidden': 'true' }, mark.icon),
        h(doc, 'span', {}, mark.text),
      ),
    ),
    extra,
  );
  return [list];
}

/** A button that picks the row as its own Select link does. */
export function pickButton(doc: Document, label: string, accessibleName: string, onPick: () => void): HTMLButtonElement {
  const button = h(doc, 'button', { type: 'button', class: 'pick', 'aria-label': accessibleName, 'data-pick': '' }, label);
  button.addEventListener('click', (event) => {
    event.preventDefault();
    onPick();
  });
  return button;
}

/** The line above the grid: who says it, then what. */
export function drawLine(doc: Document, ...parts: Array<Node | string>): Node[] {
  return [h(doc, 'p', { role: 'note', 'data-lookup-line': '' }, h(doc, 'span', { class: 'who' }, 'Credential Assistant: '), ...parts)];
}

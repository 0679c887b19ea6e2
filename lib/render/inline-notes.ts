import { SEVERITY_WORD } from '../checks/severity';
import type { CitedFinding as Finding } from '../checks/types';
import type { FieldKey } from '../page/snapshot';
import { h, SEVERITY_ICON, uniqueId } from './dom';
import { createHost, type Host, type UiLifetime } from './host';
import { NOTE_CSS } from './styles';
import type { NoteView } from './view';

/**
 * The warnings next to each field. One shadow-root host per field, created once and moved to the new
 * field when a postback replaces the form's nodes: never duplicated, never leaked.
 */
interface NoteHost {
  ui: Host | null;
  anchor: Element | null;
  /** The key of what is drawn now (NoteView.key), to skip DOM work when nothing changed. */
  drawn: string;
}

export class InlineNotes {
  private readonly hosts = new Map<FieldKey, NoteHost>();
  private readonly creating = new Set<FieldKey>();
  private latest = new Map<FieldKey, NoteView>();

  constructor(
    private readonly ctx: UiLifetime,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Shows each field's notes next to it; fields not in `notes` show none. */
  update(notes: ReadonlyMap<FieldKey, NoteView>): void {
    this.latest = new Map(notes);
    for (const [field, host] of this.hosts) if (!notes.has(field)) this.hide(host);
    for (const [field, note] of notes) this.show(field, note);
  }

  removeAll(): void {
    for (const host of this.hosts.values()) host.ui?.remove();
    this.hosts.clear();
  }

  /**
   * Takes the host off the page. What it shows stays drawn inside it (off the page, nobody sees it): when
   * the same notes come back (a field emptied again, a choice undone) the host is only put back, not
   * drawn anew (drawing a note cost about 0.3 ms, measured in the keystroke's read at the pause).
   */
  private hide(host: NoteHost): void {
    if (host.ui?.shadowHost.isConnected) host.ui.shadowHost.remove();
    host.anchor = null;
  }

  private show(field: FieldKey, note: NoteView): void {
    const host = this.hosts.get(field);
    if (!host?.ui) {
      this.create(field);
      return;
    }
    const ui = host.ui;
    if (host.anchor !== note.anchor || ui.shadowHost.parentElement !== note.anchor) {
      host.anchor = note.anchor;
      ui.mount();
    }
    if (note.key === host.drawn) return;
    host.drawn = note.key;
    this.draw(ui.uiContainer, note.findings);
  }

  private create(field: FieldKey): void {
    if (this.creating.has(field)) return;
    this.creating.add(field);
    const host: NoteHost = { ui: null, anchor: null, drawn: '' };
    createHost(this.ctx, { name: 'caljobs-assistant-note', css: NOTE_CSS, anchor: () => host.anchor, append: 'last' })
      .then((ui) => {
        ui.shadowHost.setAttribute('data-assistant-field', field);
        host.ui = ui;
        this.hosts.set(field, host);
        this.creating.delete(field);
        const note = this.latest.get(field);
        if (note) this.show(field, note);
      })
      .catch((error: unknown) => {
        this.creating.delete(field);
        this.onError(error);
      });
  }

  private draw(container: HTMLElement, findings: readonly Finding[]): void {
    const doc = container.ownerDocument;
    const items = findings.map((finding) => {
      const detailId = uniqueId('assistant-detail');
      const source = finding.cite;
      const detail = h(
        doc,
        'p',
        { class: 'detail', id: detailId, hidden: true },
        finding.detail,
        ' ',
        source.url
          ? h(doc, 'a', { class: 'source', href: source.url, target: '_blank', rel: 'noreferrer' }, `Source: ${source.short}`)
          : h(doc, 'span', { class: 'source' }, `Source: ${source.short}`),
      );
      const more = h(doc, 'button', { type: 'button', class: 'more', 'aria-expanded': 'false', 'aria-controls': detailId }, 'Why?');
      more.addEventListener('click', () => {
        const open = more.getAttribute('aria-expanded') !== 'true';
        more.setAttribute('aria-expanded', String(open));
        detail.hidden = !open;
      });
      return h(
        doc,
        'div',
        { class: 'note', role: 'note', 'data-check': finding.id, 'data-severity': finding.severity },
        h(doc, 'span', { class: 'badge', 'aria-hidden': 'true' }, SEVERITY_ICON[finding.severity]),
        h(doc, 'span', { class: 'kind' }, `${SEVERITY_WORD[finding.severity]}:`),
        h(doc, 'span', { class: 'message' }, finding.message),
        finding.copy ? copyButton(doc, finding.copy) : null,
        more,
        detail,
      );
    });
    container.replaceChildren(...items);
  }
}

/** "Copy LA0211": puts the text on the clipboard and says so (to screen readers too). */
function copyButton(doc: Document, text: string): HTMLElement {
  const status = h(doc, 'span', { class: 'copied', role: 'status' });
  const button = h(doc, 'button', { type: 'button', class: 'more', 'data-action': 'copy' }, `Copy ${text}`);
  button.addEventListener('click', () => {
    const done = (ok: boolean) => {
      status.textContent = ok ? `Copied ${text}` : `Could not copy: select ${text} and copy it`;
    };
    navigator.clipboard?.writeText(text).then(() => done(true), () => done(false)) ?? done(false);
  });
  return h(doc, 'span', { class: 'copy' }, button, ' ', status);
}

import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { SEVERITY_WORD, countBySeverity, isReadyToSave, statusLine, type Finding } from '../checks';
import { h } from './dom';
import { createHost, type Host } from './host';
import { SUMMARY_CSS } from './styles';
import type { SummaryView } from './view';

export interface SummaryActions {
  showField(finding: Finding): void;
  applyDefaults(): void;
}

/** The summary near the Save control. One host, moved when the Save control is re-rendered. */
export class Summary {
  private ui: Host | null = null;
  private creating = false;
  private anchor: Element | null = null;
  private position: 'before' | 'after' = 'before';
  private latest: SummaryView | null = null;
  /** The key of what is drawn now (SummaryView.key). */
  private drawn = '';
  private status: HTMLElement | null = null;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly actions: SummaryActions,
    private readonly onError: (error: unknown) => void,
  ) {}

  update(view: SummaryView | null): void {
    this.latest = view;
    if (!view) {
      if (this.ui?.shadowHost.isConnected) this.ui.shadowHost.remove();
      this.anchor = null;
      this.drawn = '';
      return;
    }
    if (!this.ui) {
      this.create();
      return;
    }
    if (this.anchor !== view.anchor || this.position !== view.position || !this.ui.shadowHost.isConnected) {
      this.anchor = view.anchor;
      this.position = view.position;
      this.ui.mount();
      this.drawn = '';
    }
    if (view.key !== this.drawn) this.draw(this.ui.uiContainer, view);
  }

  remove(): void {
    this.ui?.remove();
    this.ui = null;
  }

  private create(): void {
    if (this.creating) return;
    this.creating = true;
    const append = (anchor: Element, host: Element) => (this.position === 'after' ? anchor.after(host) : anchor.before(host));
    createHost(this.ctx, { name: 'caljobs-assistant-summary', css: SUMMARY_CSS, anchor: () => this.anchor, append })
      .then((ui) => {
        this.ui = ui;
        this.creating = false;
        if (this.latest) this.update(this.latest);
      })
      .catch((error: unknown) => {
        this.creating = false;
        this.onError(error);
      });
  }

  private draw(container: HTMLElement, view: SummaryView): void {
    const doc = container.ownerDocument;
    const firstDraw = this.drawn === '' || !this.status || !container.contains(this.status);
    this.drawn = view.key;
    const counts = countBySeverity(view.findings);
    const list = view.findings.map((finding) => {
      const button = h(doc, 'button', { type: 'button' }, finding.message);
      button.addEventListener('click', () => this.actions.showField(finding));
      return h(
        doc,
        'li',
        { 'data-summary-check': finding.id, 'data-severity': finding.severity },
        h(doc, 'span', { class: 'kind' }, `${SEVERITY_WORD[finding.severity]}: `),
        button,
      );
    });
    let applyButton: HTMLButtonElement | null = null;
    if (view.offerDefaults) {
      applyButton = h(doc, 'button', { type: 'button', 'data-action': 'apply-defaults' }, 'Apply office defaults');
      applyButton.addEventListener('click', () => this.actions.applyDefaults());
    }
    const section = h(
      doc,
      'section',
      {
        'data-check-summary': true,
        'data-errors': String(counts.error),
        'data-warnings': String(counts.warning),
        'data-infos': String(counts.info),
        'data-state': isReadyToSave(view.findings) ? 'ready' : counts.error ? 'errors' : 'warnings',
        'aria-labelledby': 'assistant-summary-title',
      },
      h(doc, 'h2', { id: 'assistant-summary-title' }, 'CalJOBS Credential Assistant'),
      view.saveWatched
        ? null
        : h(doc, 'p', { class: 'unwatched', 'data-save-unwatched': true }, 'Save is not watched on this page: check the items below before you save.'),
      list.length ? h(doc, 'ul', { 'aria-label': 'Items to review' }, ...list) : null,
      applyButton || view.announcement
        ? h(doc, 'div', { class: 'actions' }, applyButton, view.announcement ? h(doc, 'span', { class: 'said' }, view.announcement) : null)
        : null,
    );
    // The live region is created once and only its text changes, so screen readers announce changes.
    if (firstDraw) this.status = h(doc, 'p', { class: 'status', role: 'status', 'aria-live': 'polite' });
    container.replaceChildren(section);
    const statusEl = this.status as HTMLElement;
    section.insertBefore(statusEl, section.children[1] ?? null);
    const status = statusLine(view.findings);
    if (statusEl.textContent !== status) statusEl.textContent = status;
  }
}

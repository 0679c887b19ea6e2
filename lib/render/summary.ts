import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { SEVERITY_WORD, countBySeverity, statusLine, type Finding } from '../checks';
import { h } from './dom';
import { createHost, type Host } from './host';
import { SUMMARY_CSS } from './styles';

export interface SummaryState {
  findings: readonly Finding[];
  /** "Apply office defaults" is offered when set. */
  offerDefaults: boolean;
  /** A line saying what the assistant did by itself (e.g. applied the office defaults). */
  said: string;
}

export interface SummaryActions {
  showField(finding: Finding): void;
  applyDefaults(): void;
}

/** The status line: what a screen reader announces, politely, when it changes. */
export const summaryStatus = statusLine;

/** The summary near the Save button. One host, moved when the Save button is re-rendered. */
export class Summary {
  private ui: Host | null = null;
  private creating = false;
  private anchor: Element | null = null;
  private state: SummaryState | null = null;
  private drawnKey = '';
  private status: HTMLElement | null = null;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly actions: SummaryActions,
    private readonly onError: (error: unknown) => void,
  ) {}

  update(anchor: Element | null, state: SummaryState): void {
    this.state = state;
    if (!anchor) {
      if (this.ui?.shadowHost.isConnected) this.ui.shadowHost.remove();
      this.anchor = null;
      this.drawnKey = '';
      return;
    }
    if (!this.ui) {
      this.anchor = anchor;
      this.create();
      return;
    }
    if (this.anchor !== anchor || !this.ui.shadowHost.isConnected) {
      this.anchor = anchor;
      this.ui.mount();
      this.drawnKey = '';
    }
    this.draw(this.ui.uiContainer, state);
  }

  host(): HTMLElement | null {
    return this.ui?.shadowHost.isConnected ? this.ui.shadowHost : null;
  }

  remove(): void {
    this.ui?.remove();
    this.ui = null;
  }

  private create(): void {
    if (this.creating) return;
    this.creating = true;
    createHost(this.ctx, { name: 'caljobs-assistant-summary', css: SUMMARY_CSS, anchor: () => this.anchor, append: 'before' })
      .then((ui) => {
        this.ui = ui;
        this.creating = false;
        if (this.anchor && this.state) {
          const anchor = this.anchor;
          this.anchor = null;
          this.update(anchor, this.state);
        }
      })
      .catch((error: unknown) => {
        this.creating = false;
        this.onError(error);
      });
  }

  private draw(container: HTMLElement, state: SummaryState): void {
    const counts = countBySeverity(state.findings);
    const status = summaryStatus(state.findings);
    const key = JSON.stringify([state.findings.map((f) => [f.id, f.message]), state.offerDefaults, state.said]);
    if (key === this.drawnKey) return;
    const doc = container.ownerDocument;
    const firstDraw = this.drawnKey === '' || !this.status || !container.contains(this.status);
    this.drawnKey = key;
    const ready = counts.error === 0 && counts.warning === 0;
    const list = state.findings.map((finding) => {
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
    if (state.offerDefaults) {
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
        'data-state': ready ? 'ready' : counts.error ? 'errors' : 'warnings',
        'aria-labelledby': 'assistant-summary-title',
      },
      h(doc, 'h2', { id: 'assistant-summary-title' }, 'CalJOBS Credential Assistant'),
      list.length ? h(doc, 'ul', { 'aria-label': 'Items to review' }, ...list) : null,
      applyButton || state.said
        ? h(doc, 'div', { class: 'actions' }, applyButton, state.said ? h(doc, 'span', { class: 'said' }, state.said) : null)
        : null,
    );
    // The live region is created once and only its text changes, so screen readers announce changes.
    if (firstDraw) this.status = h(doc, 'p', { class: 'status', role: 'status', 'aria-live': 'polite' });
    container.replaceChildren(section);
    const statusEl = this.status as HTMLElement;
    section.insertBefore(statusEl, section.children[1] ?? null);
    if (statusEl.textContent !== status) statusEl.textContent = status;
  }
}

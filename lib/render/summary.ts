import { SEVERITY_WORD, countBySeverity, isReadyToSave, statusLine } from '../checks/severity';
import type { Finding } from '../checks/types';
import { h, uniqueId } from './dom';
import { createHost, type Host, type UiLifetime } from './host';
import { SUMMARY_CSS } from './styles';
import type { SummaryView } from './view';

export interface SummaryActions {
  showField(finding: Finding): void;
  applyDefaults(): void;
  /** "Make these my office defaults", then its confirmation, Cancel, and Undo. */
  keepOffice(): void;
  confirmOffice(): void;
  cancelOffice(): void;
  undoOffice(): void;
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
  /** The drawn section and its list, what they show besides the findings, and the list's items by finding. */
  private section: HTMLElement | null = null;
  private list: HTMLElement | null = null;
  private frame = '';
  private items = new Map<string, HTMLLIElement>();
  /** The latest finding behind each item (a kept item's button shows the finding as it is now). */
  private readonly findings = new Map<string, Finding>();

  constructor(
    private readonly ctx: UiLifetime,
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

  /** The supervisor's one-step setup from this form: offer, confirm, saving, done with Undo, undone. */
  private officeSetup(doc: Document, setup: SummaryView['officeSetup']): HTMLElement | null {
    if (!setup) return null;
    const button = (text: string, action: string, fn: () => void, primary = false) => {
      const b = h(doc, 'button', { type: 'button', 'data-action': action, class: primary ? 'primary' : 'secondary' }, text);
      b.addEventListener('click', fn);
      return b;
    };
    const box = (...children: Array<Node | string | null>) => h(doc, 'div', { class: 'office-setup', 'data-office-setup': setup.stage, role: 'group', 'aria-label': 'Office defaults' }, ...children);
    const names = (office: { region: string; office: string; agencyCode: string }) => `${office.region}, ${office.office} and agency code ${office.agencyCode}`;
    switch (setup.stage) {
      case 'offer': {
        const keep = button('Make these my office defaults', 'keep-office', () => this.actions.keepOffice());
        const hintId = uniqueId('assistant-office-hint');
        keep.setAttribute('aria-describedby', hintId);
        return box(keep, ' ', h(doc, 'span', { class: 'hint', id: hintId }, `${setup.office.region} · ${setup.office.office} · ${setup.office.agencyCode}`));
      }
      case 'confirm':
        return box(
          h(doc, 'p', {}, `Make ${names(setup.office)} your office defaults? They replace the ones in your active office profile.`),
          button('Yes, make them my defaults', 'confirm-office', () => this.actions.confirmOffice(), true),
          ' ',
          button('Cancel', 'cancel-office', () => this.actions.cancelOffice()),
        );
      case 'saving':
        return box(h(doc, 'p', { role: 'status' }, 'Saving your office defaults…'));
      case 'done':
        return box(
          h(doc, 'p', { role: 'status' }, `Saved: ${names(setup.office)} are now the office defaults of profile "${setup.profileName}".`),
          button('Undo', 'undo-office', () => this.actions.undoOffice()),
        );
      case 'undone':
        return box(h(doc, 'p', { role: 'status' }, 'Undone: your earlier office defaults are back.'));
      case 'failed':
        return box(h(doc, 'p', { role: 'alert' }, setup.message));
    }
  }

  /**
   * Draws the summary. When only the findings changed (staff typed, chose, a lookup wrote), the list and
   * the counts are updated in place: items still there are kept (with their focus), new ones added,
   * gone ones removed. Anything else (the first draw, a line or button that comes or goes) draws it anew.
   */
  private draw(container: HTMLElement, view: SummaryView): void {
    const doc = container.ownerDocument;
    const firstDraw = this.drawn === '' || !this.status || !container.contains(this.status);
    this.drawn = view.key;
    const items = this.itemsFor(doc, view.findings);
    const section = this.section;
    if (!firstDraw && section && view.frame === this.frame && container.contains(section)) {
      setCounts(section, view.findings);
      if (this.list) reconcile(this.list, items);
    } else {
      this.frame = view.frame;
      this.drawAnew(container, view, items);
    }
    const statusEl = this.status as HTMLElement;
    const status = statusLine(view.findings);
    if (statusEl.textContent !== status) statusEl.textContent = status;
  }

  /** The list's items, one per finding: the one drawn before when its finding is the same. */
  private itemsFor(doc: Document, findings: readonly Finding[]): HTMLLIElement[] {
    const kept = new Map<string, HTMLLIElement>();
    this.findings.clear();
    const items = findings.map((finding) => {
      const key = `${finding.id}\u0000${finding.severity}\u0000${finding.message}`;
      this.findings.set(key, finding);
      const item = this.items.get(key) ?? kept.get(key) ?? this.item(doc, key, finding);
      kept.set(key, item);
      return item;
    });
    this.items = kept;
    return items;
  }

  private item(doc: Document, key: string, finding: Finding): HTMLLIElement {
    const button = h(doc, 'button', { type: 'button' }, finding.message);
    button.addEventListener('click', () => this.actions.showField(this.findings.get(key) ?? finding));
    return h(
      doc,
      'li',
      { 'data-summary-check': finding.id, 'data-severity': finding.severity },
      h(doc, 'span', { class: 'kind' }, `${SEVERITY_WORD[finding.severity]}: `),
      button,
    );
  }

  private drawAnew(container: HTMLElement, view: SummaryView, items: HTMLLIElement[]): void {
    const doc = container.ownerDocument;
    let applyButton: HTMLButtonElement | null = null;
    if (view.offerDefaults) {
      applyButton = h(doc, 'button', { type: 'button', 'data-action': 'apply-defaults' }, 'Apply office defaults');
      applyButton.addEventListener('click', () => this.actions.applyDefaults());
    }
    const office = this.officeSetup(doc, view.officeSetup);
    this.list = items.length ? h(doc, 'ul', { 'aria-label': 'Items to review' }, ...items) : null;
    const section = h(
      doc,
      'section',
      { 'data-check-summary': true, 'aria-labelledby': 'assistant-summary-title' },
      h(doc, 'h2', { id: 'assistant-summary-title' }, 'CalJOBS Credential Assistant'),
      view.saveWatched
        ? null
        : h(doc, 'p', { class: 'unwatched', 'data-save-unwatched': true }, 'Save is not watched on this page: check the items below before you save.'),
      this.list,
      applyButton || view.announcement
        ? h(doc, 'div', { class: 'actions' }, applyButton, view.announcement ? h(doc, 'span', { class: 'said' }, view.announcement) : null)
        : null,
      office,
    );
    setCounts(section, view.findings);
    this.section = section;
    // The live region is created once and only its text changes, so screen readers announce changes.
    if (!this.status || !container.contains(this.status)) this.status = h(doc, 'p', { class: 'status', role: 'status', 'aria-live': 'polite' });
    // A redraw keeps keyboard focus on the same action (the buttons are new elements).
    const focused = (container.getRootNode() as ShadowRoot).activeElement?.getAttribute('data-action') ?? null;
    container.replaceChildren(section);
    if (focused) section.querySelector<HTMLElement>(`[data-action="${focused}"]`)?.focus();
    section.insertBefore(this.status, section.children[1] ?? null);
  }
}

/** The counts and state the summary's section carries (for styles and tests). */
function setCounts(section: HTMLElement, findings: readonly Finding[]): void {
  const counts = countBySeverity(findings);
  const set = (name: string, value: string) => {
    if (section.getAttribute(name) !== value) section.setAttribute(name, value);
  };
  set('data-errors', String(counts.error));
  set('data-warnings', String(counts.warning));
  set('data-infos', String(counts.info));
  set('data-state', isReadyToSave(findings) ? 'ready' : counts.error ? 'errors' : 'warnings');
}

/** Makes `list`'s children be `items`, in order, moving as few as it can (a kept item keeps its focus). */
function reconcile(list: HTMLElement, items: readonly HTMLElement[]): void {
  const wanted = new Set(items);
  for (const child of Array.from(list.children)) if (!wanted.has(child as HTMLElement)) child.remove();
  items.forEach((item, index) => {
    const at = list.children[index] ?? null;
    if (at !== item) list.insertBefore(item, at);
  });
}

import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { SEVERITY_WORD, type Finding } from '../checks';
import { h } from './dom';
import { createHost, type Host } from './host';
import { DIALOG_CSS } from './styles';

/**
 * Stops a Save (click, or Enter in a field) while errors or warnings show, and asks first.
 * "Save anyway" clicks the page's own Save button again, so the page posts exactly what it would have
 * (its scripts, the button's name and value). With nothing to review, Save goes through untouched.
 */
export interface SaveGuardOptions {
  /** The page's Save button now (it may be re-rendered by a postback). */
  saveButton(): HTMLElement | null;
  /** The form the guard watches. */
  formRoot(): Element | null;
  /** Findings that hold up saving (errors and warnings), freshly computed. */
  blockingFindings(): Finding[];
  /** Whether `node` belongs to the assistant's own UI. */
  isOurs(node: EventTarget | null): boolean;
  onError(error: unknown): void;
}

export class SaveGuard {
  private ui: Host | null = null;
  private dialog: HTMLDialogElement | null = null;
  private bypass = false;
  private returnFocus: HTMLElement | null = null;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly options: SaveGuardOptions,
  ) {}

  start(): void {
    // Window, capture phase: runs before the page's own handlers (inline onclick, jQuery, WebForms).
    this.ctx.addEventListener(window, 'click', (event) => this.onClick(event), { capture: true });
    this.ctx.addEventListener(window, 'keydown', (event) => this.onKeydown(event), { capture: true });
    this.ctx.addEventListener(window, 'submit', (event) => this.onSubmit(event), { capture: true });
  }

  isOpen(): boolean {
    return !!this.dialog?.open;
  }

  private onClick(event: MouseEvent): void {
    try {
      if (this.bypass) return;
      const save = this.options.saveButton();
      if (!save || !(event.target instanceof Node) || !save.contains(event.target)) return;
      if (this.options.blockingFindings().length === 0) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      this.open(save);
    } catch (error) {
      this.options.onError(error);
    }
  }

  private onKeydown(event: KeyboardEvent): void {
    try {
      if (this.bypass || event.key !== 'Enter' || event.isComposing) return;
      const target = event.target;
      if (!(target instanceof HTMLInputElement) || this.options.isOurs(target)) return;
      if (/^(button|submit|reset|image|checkbox|radio|file|hidden)$/.test(target.type)) return;
      const root = this.options.formRoot();
      const save = this.options.saveButton();
      if (!root || !save || !root.contains(target)) return;
      if (this.options.blockingFindings().length === 0) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      this.open(target);
    } catch (error) {
      this.options.onError(error);
    }
  }

  /** A backstop for submissions by the Save button that did not come through a click we saw. */
  private onSubmit(event: SubmitEvent): void {
    try {
      if (this.bypass) return;
      const save = this.options.saveButton();
      if (!save || event.submitter !== save) return;
      if (this.options.blockingFindings().length === 0) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      this.open(save);
    } catch (error) {
      this.options.onError(error);
    }
  }

  private async ensureDialog(): Promise<HTMLDialogElement> {
    if (this.dialog && this.ui?.shadowHost.isConnected) return this.dialog;
    if (!this.ui) {
      this.ui = await createHost(this.ctx, { name: 'caljobs-assistant-dialog', css: DIALOG_CSS, anchor: () => document.body, append: 'last' });
    }
    if (!this.ui.shadowHost.isConnected) this.ui.mount();
    const doc = this.ui.uiContainer.ownerDocument;
    const dialog = h(doc, 'dialog', {
      role: 'alertdialog',
      'aria-modal': 'true',
      'aria-labelledby': 'assistant-guard-title',
      'aria-describedby': 'assistant-guard-desc',
      'data-save-guard': true,
    });
    dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      this.close();
    });
    this.ui.uiContainer.replaceChildren(dialog);
    this.dialog = dialog;
    return dialog;
  }

  private open(returnFocus: HTMLElement): void {
    this.returnFocus = returnFocus;
    this.ensureDialog()
      .then((dialog) => {
        const findings = this.options.blockingFindings();
        const doc = dialog.ownerDocument;
        const back = h(doc, 'button', { type: 'button', class: 'primary', 'data-action': 'go-back' }, 'Go back');
        const anyway = h(doc, 'button', { type: 'button', 'data-action': 'save-anyway' }, 'Save anyway');
        back.addEventListener('click', () => this.close());
        anyway.addEventListener('click', () => this.saveAnyway());
        const errors = findings.filter((f) => f.severity === 'error').length;
        dialog.replaceChildren(
          h(doc, 'h2', { id: 'assistant-guard-title' }, errors ? 'This credential has errors' : 'Check these before saving'),
          h(
            doc,
            'p',
            { id: 'assistant-guard-desc' },
            errors
              ? 'Saving now may record a credential that will not count or fails validation. Go back to fix:'
              : 'These may cost performance credit. Go back to review:',
          ),
          h(
            doc,
            'ul',
            {},
            ...findings.map((f) =>
              h(doc, 'li', { 'data-guard-check': f.id, 'data-severity': f.severity }, h(doc, 'strong', {}, `${SEVERITY_WORD[f.severity]}: `), f.message),
            ),
          ),
          h(doc, 'div', { class: 'buttons' }, back, anyway),
        );
        if (!dialog.open) dialog.showModal();
        back.focus();
      })
      .catch((error: unknown) => this.options.onError(error));
  }

  close(): void {
    if (this.dialog?.open) this.dialog.close();
    const target = this.returnFocus;
    this.returnFocus = null;
    if (target?.isConnected) target.focus();
  }

  private saveAnyway(): void {
    this.returnFocus = null;
    if (this.dialog?.open) this.dialog.close();
    const save = this.options.saveButton();
    if (!save) return;
    this.bypass = true;
    try {
      save.click();
    } finally {
      this.bypass = false;
    }
  }

  remove(): void {
    this.ui?.remove();
    this.ui = null;
    this.dialog = null;
  }
}

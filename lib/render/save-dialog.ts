import { SEVERITY_WORD } from '../checks/severity';
import type { Finding } from '../checks/types';
import { h } from './dom';
import { createHost, type Host, type UiLifetime } from './host';
import { DIALOG_CSS } from './styles';

export interface SaveDialogChoice {
  /** Go back (or Esc): return to the form. */
  goBack(): void;
  /** Save anyway: let the page's own Save go through. */
  saveAnyway(): void;
}

/**
 * The dialog the Save guard shows while errors or warnings stand: what they are, Go back (default, and
 * Esc) or Save anyway. A modal <dialog> in our own shadow root.
 */
export class SaveDialog {
  private ui: Host | null = null;
  private dialog: HTMLDialogElement | null = null;
  private choice: SaveDialogChoice | null = null;

  constructor(
    private readonly ctx: UiLifetime,
    private readonly onError: (error: unknown) => void,
  ) {}

  open(findings: readonly Finding[], choice: SaveDialogChoice): void {
    this.choice = choice;
    this.ensureDialog()
      .then((dialog) => {
        const doc = dialog.ownerDocument;
        const back = h(doc, 'button', { type: 'button', class: 'primary', 'data-action': 'go-back' }, 'Go back');
        const anyway = h(doc, 'button', { type: 'button', 'data-action': 'save-anyway' }, 'Save anyway');
        back.addEventListener('click', () => this.decide('goBack'));
        anyway.addEventListener('click', () => this.decide('saveAnyway'));
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
      .catch((error: unknown) => this.onError(error));
  }

  remove(): void {
    this.ui?.remove();
    this.ui = null;
    this.dialog = null;
    this.choice = null;
  }

  private decide(what: keyof SaveDialogChoice): void {
    const choice = this.choice;
    this.choice = null;
    if (this.dialog?.open) this.dialog.close();
    choice?.[what]();
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
      this.decide('goBack');
    });
    this.ui.uiContainer.replaceChildren(dialog);
    this.dialog = dialog;
    return dialog;
  }
}

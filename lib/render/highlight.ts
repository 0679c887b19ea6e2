import { h } from './dom';
import { createHost, type Host, type UiLifetime } from './host';
import { HIGHLIGHT_CSS } from './styles';

/** The ring "Show me" draws around a spot for a moment. One overlay host, reused. */
export class Highlighter {
  private ui: Host | null = null;
  private timer: number | undefined;

  constructor(private readonly ctx: UiLifetime) {}

  async ring(target: Element): Promise<void> {
    if (!this.ui) {
      this.ui = await createHost(this.ctx, { name: 'caljobs-assistant-highlight', css: HIGHLIGHT_CSS, anchor: () => document.body, append: 'last' });
    }
    const ui = this.ui;
    if (!ui.shadowHost.isConnected) ui.mount();
    const rect = target.getBoundingClientRect();
    const pad = 4;
    ui.shadowHost.setAttribute('data-highlight', 'on');
    ui.shadowHost.style.cssText = `position:absolute !important; left:${rect.left + window.scrollX - pad}px !important; top:${rect.top + window.scrollY - pad}px !important; width:${rect.width + 2 * pad}px !important; height:${rect.height + 2 * pad}px !important; pointer-events:none !important; z-index:2147483646 !important;`;
    ui.uiContainer.replaceChildren(h(ui.uiContainer.ownerDocument, 'div', { 'aria-hidden': 'true' }));
    clearTimeout(this.timer);
    this.timer = window.setTimeout(() => {
      ui.shadowHost.removeAttribute('data-highlight');
      ui.shadowHost.remove();
    }, 2600);
  }

  remove(): void {
    clearTimeout(this.timer);
    this.ui?.remove();
    this.ui = null;
  }
}

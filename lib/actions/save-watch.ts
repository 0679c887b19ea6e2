import { isOurNode } from '../page/ours';

/**
 * Watches the ways the page can post its Save, and holds a Save back while the controller says errors
 * or warnings stand. "Save anyway" replays the same action once, so the page posts exactly what it
 * would have (its scripts, the button's name and value). With nothing to review, Save goes through
 * untouched. Listens on the window in the capture phase, before the page's own handlers.
 */
export interface SaveWatchOptions {
  /** The page's Save control now (it may be re-rendered by a postback). */
  saveControl(): HTMLElement | null;
  /** The form the watch covers. */
  formRoot(): Element | null;
  /** True when errors or warnings stand now (read fresh). */
  mustAsk(): boolean;
  /** Ask the user; `replay` posts the held-back Save. `returnFocus` is where focus goes on Go back. */
  ask(replay: () => void, returnFocus: HTMLElement): void;
  onError(error: unknown): void;
}

export class SaveWatch {
  private replaying = false;

  constructor(private readonly options: SaveWatchOptions) {}

  /** Starts watching until `signal` aborts. */
  start(signal: AbortSignal): void {
    const listen = <K extends keyof WindowEventMap>(type: K, fn: (event: WindowEventMap[K]) => void) =>
      window.addEventListener(type, (event) => this.guarded(() => fn(event)), { capture: true, signal });
    listen('click', (event) => this.onClick(event));
    listen('keydown', (event) => this.onKeydown(event));
    listen('submit', (event) => this.onSubmit(event));
  }

  private guarded(fn: () => void): void {
    if (this.replaying) return;
    try {
      fn();
    } catch (error) {
      this.options.onError(error);
    }
  }

  private hold(event: Event, returnFocus: HTMLElement): void {
    if (!this.options.mustAsk()) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    this.options.ask(() => this.replay(), returnFocus);
  }

  private onClick(event: MouseEvent): void {
    const save = this.options.saveControl();
    if (!save || !(event.target instanceof Node) || !save.contains(event.target)) return;
    this.hold(event, save);
  }

  private onKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Enter' || event.isComposing) return;
    const target = event.target;
    if (!(target instanceof HTMLInputElement) || isOurNode(target)) return;
    if (/^(button|submit|reset|image|checkbox|radio|file|hidden)$/.test(target.type)) return;
    const root = this.options.formRoot();
    if (!root || !this.options.saveControl() || !root.contains(target)) return;
    this.hold(event, target);
  }

  /** A backstop for submissions by the Save control that did not come through a click we saw. */
  private onSubmit(event: SubmitEvent): void {
    const save = this.options.saveControl();
    if (!save || event.submitter !== save) return;
    this.hold(event, save);
  }

  private replay(): void {
    const save = this.options.saveControl();
    if (!save) return;
    this.replaying = true;
    try {
      save.click();
    } finally {
      this.replaying = false;
    }
  }
}

import { isOurNode } from '../page/ours';
import { saveNamedBy, type SaveControl } from '../page/save';
import { clickAsThePage } from './page-click';

/**
 * Watches every way the page can post its Save, and holds a Save back while the controller says errors
 * or warnings stand; "Save anyway" then replays the same action once (the same control, the same event
 * target and argument), so the page posts exactly what it would have. With nothing to review, Save goes
 * through untouched, and any other post (an AutoPostBack, Cancel, paging, a lookup) is never held.
 *
 * The ways, all seen in the capture phase on the window, before the page's own handlers:
 * - a click on a Save control: the mouse, Space or Enter on it, Enter in a text box (the browser clicks
 *   the form's default button), `WebForm_FireDefaultButton` (the page clicks it), a script's `.click()`;
 *   a LinkButton's `javascript:__doPostBack(...)` and `WebForm_DoPostBackWithOptions` run from that click;
 * - a submit event whose submitter is Save, or whose `__EVENTTARGET` names Save (`requestSubmit()`);
 * - `form.submit()` called by a script for Save (`__doPostBack`), seen by lib/actions/page-posts.ts in
 *   the page's world, which asks with a cancelable `caljobs-assistant-post` event.
 */
export interface SaveWatchOptions {
  /** The page's Save controls now (re-rendered by postbacks). */
  saves(): readonly SaveControl[];
  /** The form the watch covers. */
  formRoot(): Element | null;
  /**
   * True when errors or warnings stand now (read fresh); a promise of it when the findings of what was
   * just read are still on their way (the checks run in the worker). The Save is held meanwhile and
   * posted as it was when nothing is to be reviewed.
   */
  mustAsk(): boolean | Promise<boolean>;
  /** Ask the user; `replay` posts the held-back Save. `returnFocus` is where focus goes on Go back. */
  ask(replay: () => void, returnFocus: HTMLElement | null): void;
  onError(error: unknown): void;
}

/** After "Save anyway", how long the replayed action may take to post (a LinkButton's script runs later). */
const REPLAY_WINDOW_MS = 2000;

export class SaveWatch {
  /** Until when Save attempts pass unasked: the replay of the held action, once. */
  private passUntil = 0;
  /** A Save is held for the findings to come: another Save meanwhile is swallowed (one post only). */
  private waiting = false;

  constructor(private readonly options: SaveWatchOptions) {}

  /** Starts watching until `signal` aborts. */
  start(signal: AbortSignal): void {
    const listen = <E extends Event>(type: string, fn: (event: E) => void) =>
      window.addEventListener(type, (event) => this.guarded(() => fn(event as E)), { capture: true, signal });
    listen<MouseEvent>('click', (event) => this.onClick(event));
    listen<SubmitEvent>('submit', (event) => this.onSubmit(event));
    listen<CustomEvent>('caljobs-assistant-post', (event) => this.onScriptPost(event));
    // Asks the page-world part (lib/actions/page-posts.ts) to start watching form.submit().
    document.dispatchEvent(new CustomEvent('caljobs-assistant-watch'));
  }

  private guarded(fn: () => void): void {
    try {
      fn();
    } catch (error) {
      this.options.onError(error);
    }
  }

  private replaying(): boolean {
    return Date.now() < this.passUntil;
  }

  /** A post went out (the replay, or nothing to ask): the replay window ends. */
  private posted(): void {
    this.passUntil = 0;
  }

  private hold(event: Event, replay: () => void, returnFocus: HTMLElement | null): boolean {
    if (this.replaying()) return false;
    const must = this.waiting || this.options.mustAsk();
    if (must === false) return false;
    event.preventDefault();
    event.stopImmediatePropagation();
    if (this.waiting) return true;
    const post = () => {
      this.passUntil = Date.now() + REPLAY_WINDOW_MS;
      replay();
    };
    if (must === true) {
      this.options.ask(post, returnFocus);
      return true;
    }
    // The findings are on their way: Save waits for them (a few milliseconds), then is asked about, or
    // posted exactly as it was. A failure lets it through: the page's Save is never held for good.
    this.waiting = true;
    must
      .then(
        (ask) => {
          this.waiting = false;
          if (ask) this.options.ask(post, returnFocus);
          else post();
        },
        (error: unknown) => {
          this.waiting = false;
          this.options.onError(error);
          post();
        },
      )
      .catch((error: unknown) => this.options.onError(error));
    return true;
  }

  private saveContaining(node: EventTarget | null): SaveControl | null {
    if (!(node instanceof Node) || isOurNode(node)) return null;
    return this.options.saves().find((save) => save.element.contains(node)) ?? null;
  }

  private onClick(event: MouseEvent): void {
    const save = this.saveContaining(event.target);
    if (!save) return;
    // Enter in a text box clicks the default button (detail 0): Go back returns to the text box.
    const active = document.activeElement;
    const typing = event.detail === 0 && active instanceof HTMLInputElement && active !== save.element && !!this.options.formRoot()?.contains(active);
    const element = save.element;
    this.hold(event, () => clickAsThePage(element), typing ? active : element);
  }

  private onSubmit(event: SubmitEvent): void {
    const form = event.target;
    if (!(form instanceof HTMLFormElement)) return;
    const submitter = event.submitter instanceof HTMLElement && isSubmitter(event.submitter) ? event.submitter : null;
    const bySubmitter = this.saveContaining(submitter);
    const byTarget = submitter ? null : saveNamedBy(this.options.saves(), postedField(form, '__EVENTTARGET'));
    if (!bySubmitter && !byTarget) return;
    const target = postedField(form, '__EVENTTARGET');
    const argument = postedField(form, '__EVENTARGUMENT');
    const held = this.hold(
      event,
      () => {
        setPostedField(form, '__EVENTTARGET', target);
        setPostedField(form, '__EVENTARGUMENT', argument);
        form.requestSubmit(submitter ?? undefined);
      },
      (bySubmitter ?? byTarget)?.element ?? null,
    );
    if (!held) this.posted();
  }

  private onScriptPost(event: CustomEvent): void {
    const form = event.target;
    if (!(form instanceof HTMLFormElement)) return;
    const save = saveNamedBy(this.options.saves(), postedField(form, '__EVENTTARGET'));
    const held = save && this.hold(event, () => document.dispatchEvent(new CustomEvent('caljobs-assistant-replay')), save.element);
    if (!held) this.posted();
  }
}

function postedField(form: HTMLFormElement, name: string): string {
  const field = form.elements.namedItem(name);
  return field instanceof HTMLInputElement ? field.value : '';
}

function setPostedField(form: HTMLFormElement, name: string, value: string): void {
  const field = form.elements.namedItem(name);
  if (field instanceof HTMLInputElement) field.value = value;
}

function isSubmitter(el: HTMLElement): el is HTMLButtonElement | HTMLInputElement {
  return (el instanceof HTMLButtonElement && el.type === 'submit') || (el instanceof HTMLInputElement && (el.type === 'submit' || el.type === 'image'));
}

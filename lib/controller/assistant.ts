import type { Lifetime } from './lifetime';
import type { CitedFinding } from '../checks/types';
import { hasChoices, officeToKeep } from '../actions/office-defaults';
import { SaveWatch } from '../actions/save-watch';
import { showMe } from '../actions/show-me';
import { isOurNode, leftoverRemoval } from '../page/ours';
import { currentLayout, snapshotOf, spotElements, type PageLayout } from '../page/read';
import { noteAnchorOf, summaryAnchorOf } from '../page/form';
import { FIELD_KEYS, snapshotKey, type CredentialForm, type FieldKey, type PageSnapshot, type Spot } from '../page/snapshot';
import { Highlighter } from '../render/highlight';
import { InlineNotes } from '../render/inline-notes';
import { SaveDialog } from '../render/save-dialog';
import { Summary } from '../render/summary';
import { formView, type OfficeSetupView } from '../render/view';
import { logErrorOnce } from '../util/log';
import { askWorker } from '../messaging/page';
import { officeLocked } from '../settings/defaults';
import { OfficeDefaultsFlow } from './office-defaults-flow';
import { OfficeSetup } from './office-setup';
import { PanelLink } from './panel-link';
import { SettingsLink } from './settings-link';
import { VALUES_EVENT, WATCH_EVENT } from './page-values';

/**
 * How often a case page is read again for a side panel that follows it, and how often the assistant
 * otherwise (on a form, on a case page nobody follows) checks that the extension is still there (a form
 * is read when the page world's watch of its values says so: lib/controller/page-values.ts).
 */
const POLL_MS = 400;
const ALIVE_MS = 2000;
/** How long after a DOM change the page is read again (postbacks, the form appearing). */
const SETTLE_MS = 60;
/** How long a Save waits for the worker's findings before it goes through unchecked (never held for good). */
const CHECK_WAIT_MS = 5000;

type ReadKind = 'values' | 'structure';

/**
 * One page's assistant: the controller that owns the lifecycle. Each update is one way:
 * reader (DOM → layout + snapshot, never writes) → checks (pure, run in the worker: the form goes there
 * with `checkForm`, the findings come back) → renderers (notes, summary, panel).
 * Page actions (office defaults, Show me, Save replay) run apart from updates, never inside a read.
 * Everything it holds dies with the page; nothing is stored, and nothing is sent but to the extension's
 * own worker (the form, to be checked) and side panel.
 */
export class Assistant {
  private layout: PageLayout | null = null;
  /** False until the page was located once (then `layout` null means: not our page). */
  private located = false;
  private snapshot: PageSnapshot = { page: 'other' };
  private findings: CitedFinding[] = [];
  /** The one "what changed" key of the last update: snapshot, settings, day, what the summary says. */
  private key = '';
  /** What the findings depend on, as of the last update: the snapshot, the settings, the day. */
  private checksKey = '';
  /** The `checksKey` the findings were checked for: until it equals `checksKey`, the worker's answer is awaited. */
  private checkedKey = '';
  /** The request for the findings of `checksKey` (always resolves: a failure is logged). */
  private checking: Promise<void> = Promise.resolve();
  /** Failed requests in a row (the worker starting, or restarting after an update): asked again after a while. */
  private failures = 0;
  /** What the summary shows besides the findings, as of the last read (drawn when the findings come). */
  private extras: { offerDefaults: boolean; officeSetup: OfficeSetupView | null } = { offerDefaults: false, officeSetup: null };
  private drawnLayout: PageLayout | null = null;
  /** Lives as long as the located page (one form, until a postback replaces it). */
  private pageScope: AbortController | null = null;
  private queued: ReadKind | null = null;
  private settleTimer: number | undefined;
  /** When the page was last read (a case page's interval need not read again right after a read). */
  private readAt = 0;
  private stopped = false;
  /**
   * An earlier copy's warnings (the extension was reloaded or updated: Firefox runs the new copy in open
   * pages) stay until this one draws its own, which waits for the worker's first answer; then they go.
   */
  private readonly removeLeftovers = leftoverRemoval(document);
  /** What the assistant did by itself, said in the summary ("Office defaults applied."). */
  private announcement = '';
  /** Starts the located case page's reads for a side panel now, not at the next ALIVE_MS check. */
  private followSoon: () => void = () => {};
  /** The worker answered, so the extension is there: the next check that it is waits ALIVE_MS from now. */
  private answered: () => void = () => {};
  private readonly settings = new SettingsLink(() =>
    this.guarded('settings', () => {
      this.officeDefaults.settingsChanged();
      this.update('values');
    }),
  );
  private readonly panel: PanelLink;
  private readonly officeDefaults = new OfficeDefaultsFlow({
    settings: () => ({ current: this.settings.current.settings, loaded: this.settings.loaded }),
    readNow: () => {
      this.update('values');
      return { snapshot: this.snapshot, form: this.form() };
    },
    pageChanged: () => this.requestUpdate('structure'),
    announce: (text) => {
      this.announcement = text;
    },
    guarded: (where, fn) => this.guarded(where, fn),
  });
  private readonly officeSetup = new OfficeSetup(() => this.guarded('office defaults', () => this.update('values')));
  private readonly notes: InlineNotes;
  private readonly summary: Summary;
  private readonly dialog: SaveDialog;
  private readonly highlighter: Highlighter;
  private readonly saveWatch: SaveWatch;

  constructor(private readonly ctx: Lifetime) {
    const onError = (error: unknown) => logErrorOnce('rendering', error);
    this.notes = new InlineNotes(ctx, onError);
    this.summary = new Summary(
      ctx,
      {
        showField: (finding) => this.guarded('show me', () => finding.field && this.showSpot(finding.field)),
        applyDefaults: () => this.guarded('applying office defaults', () => this.officeDefaults.apply('asked')),
        keepOffice: () => this.guarded('office defaults', () => this.officeSetup.keep()),
        confirmOffice: () => this.guarded('office defaults', () => this.officeSetup.confirm()),
        cancelOffice: () => this.guarded('office defaults', () => this.officeSetup.cancel()),
        undoOffice: () => this.guarded('office defaults', () => this.officeSetup.undo()),
      },
      onError,
    );
    this.dialog = new SaveDialog(ctx, (error) => logErrorOnce('save guard', error));
    this.highlighter = new Highlighter(ctx);
    this.panel = new PanelLink({
      state: () => {
        this.update('values');
        this.followSoon(); // a panel follows a case page from now on: read it every POLL_MS
        // The key the findings are of: when the worker's answer for a newer read comes, it is sent too.
        return { state: this.pageState(), key: this.checkedKey === this.checksKey ? this.key : 'checking' };
      },
      showSpot: (spot) => this.showSpot(spot),
    });
    this.saveWatch = new SaveWatch({
      saves: () => this.form()?.saves ?? [],
      formRoot: () => this.form()?.root ?? null,
      mustAsk: () => {
        if (this.ctx.isInvalid) {
          this.stop(); // the extension was reloaded or updated: Save is the page's again
          return false;
        }
        this.update('values'); // the page may have written values without events since the last read
        if (this.checkedKey === this.checksKey) return mustReview(this.findings);
        return this.findingsNow().then((findings) => {
          if (!findings) logErrorOnce('save guard', new Error('the checks did not answer: Save went through unchecked'));
          return !!findings && mustReview(findings);
        });
      },
      ask: (replay, returnFocus) =>
        this.dialog.open(
          this.findings.filter((f) => f.severity !== 'info'),
          { goBack: () => returnFocus?.isConnected && returnFocus.focus(), saveAnyway: replay },
        ),
      onError: (error) => logErrorOnce('save guard', error),
    });
  }

  start(): void {
    this.guarded('start', () => {
      const signal = this.ctx.signal;
      this.ctx.onInvalidated(() => this.stop());
      const observer = new MutationObserver((records) => this.guarded('observer', () => this.onMutations(records)));
      observer.observe(document.documentElement, { childList: true, subtree: true });
      signal.addEventListener('abort', () => observer.disconnect());
      const onChoice = (event: Event) => {
        if (!isOurNode(event.target)) this.requestUpdate('values');
      };
      document.addEventListener('change', onChoice, { capture: true, passive: true, signal });
      // Typed text (at staff's pause) and values scripts write without events, told by the page world's
      // watch (lib/controller/page-values.ts): no listener here runs per key, and no timer polls.
      document.addEventListener(VALUES_EVENT, () => this.requestUpdate('values'), { signal });
      this.panel.start(signal);
      this.settings.start(signal);
      this.update('structure');
    });
  }

  /** Removes everything the assistant put on the page; the page itself is left as it is. */
  private stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    clearTimeout(this.settleTimer);
    this.pageScope?.abort();
    for (const remove of [() => this.notes.removeAll(), () => this.summary.remove(), () => this.dialog.remove(), () => this.highlighter.remove()]) {
      try {
        remove();
      } catch (error) {
        logErrorOnce('removing the assistant', error);
      }
    }
    // Also tell WXT's context (its listeners, and the UI it tracks) when we noticed first.
    if (!this.ctx.signal.aborted) this.ctx.abort('stopped');
  }

  private guarded(where: string, fn: () => void): void {
    if (this.stopped) return;
    try {
      // signal.aborted is free; ctx.isInvalid asks the extension API, so only the interval and Save use it.
      if (this.ctx.signal.aborted) {
        this.stop();
        return;
      }
      fn();
    } catch (error) {
      logErrorOnce(where, error);
    }
  }

  private form() {
    return this.layout?.kind === 'credential-form' ? this.layout : null;
  }

  // ---- when to read -------------------------------------------------------------------------

  private onMutations(records: MutationRecord[]): void {
    const relevant = records.some((record) => {
      if (isOurNode(record.target)) return false;
      for (const node of Array.from(record.addedNodes)) if (!isOurNode(node)) return true;
      for (const node of Array.from(record.removedNodes)) if (!isOurNode(node)) return true;
      return false;
    });
    if (!relevant) return;
    clearTimeout(this.settleTimer);
    this.settleTimer = window.setTimeout(() => this.guarded('re-read', () => this.update('structure')), SETTLE_MS);
  }

  /** Events in one task (the page's own, or ours from an action) are read once, right after. */
  private requestUpdate(kind: ReadKind): void {
    if (this.queued === 'structure' || this.queued === kind) return;
    const first = this.queued === null;
    this.queued = kind;
    if (first) {
      queueMicrotask(() => {
        const queued = this.queued;
        this.queued = null;
        if (queued) this.guarded('update', () => this.update(queued));
      });
    }
  }

  /** A new page located (or none): everything tied to the old one ends, the new one starts. */
  private onNewLayout(layout: PageLayout | null): void {
    this.pageScope?.abort();
    this.pageScope = null;
    if (!layout) return;
    const scope = new AbortController();
    this.pageScope = scope;
    // On a form, values the page writes without events (Today, lookups) and typing are the page world's
    // to see (lib/controller/page-values.ts): asked to start here, it tells with VALUES_EVENT. A case
    // page is read again only for a side panel that follows it (its walkthrough), every POLL_MS while
    // one does; otherwise, as on a form, a check every ALIVE_MS that the extension is still there (a
    // 400 ms timer on a case page nobody follows cost about 1 ms of script time every 4 s).
    const form = layout.kind === 'credential-form';
    let timer: number | undefined;
    const following = () => !form && this.panel.watching && document.visibilityState !== 'hidden';
    const tick = () => {
      if (this.ctx.isInvalid) return this.stop(); // the extension was reloaded or updated
      // Not read again right after a read (a choice, an action, the panel's own request).
      if (following() && performance.now() - this.readAt >= POLL_MS / 2) this.guarded('poll', () => this.update('values'));
      if (!scope.signal.aborted) timer = window.setTimeout(tick, following() ? POLL_MS : ALIVE_MS);
    };
    timer = window.setTimeout(tick, ALIVE_MS);
    this.followSoon = () => {
      if (form || scope.signal.aborted) return;
      clearTimeout(timer);
      timer = window.setTimeout(tick, POLL_MS);
    };
    // While staff work, each answer from the worker says the extension is there: no timer task of its own
    // then (each costs the page about 0.1 ms of script time, measured on a form left open).
    this.answered = () => {
      if (following() || scope.signal.aborted) return;
      clearTimeout(timer);
      timer = window.setTimeout(tick, ALIVE_MS);
    };
    scope.signal.addEventListener('abort', () => clearTimeout(timer));
    if (form) {
      this.saveWatch.start(scope.signal);
      document.dispatchEvent(new CustomEvent(WATCH_EVENT));
    }
  }

  // ---- one update: read → check → render ------------------------------------------------------

  /** Reads the page, checks it and renders. 'values' re-reads located fields; 'structure' also locates them. */
  private update(kind: ReadKind): void {
    if (kind === 'values' && this.located && !this.layout) return; // not our page: nothing to re-read
    const relocate = kind === 'structure' || !this.located;
    const layout = currentLayout(document, this.layout, relocate);
    this.located = true;
    this.readAt = performance.now();
    if (layout !== this.layout) this.onNewLayout(layout);
    this.layout = layout;
    this.snapshot = snapshotOf(layout);
    const plan = this.officeDefaults.plan(this.snapshot);
    const offerDefaults = hasChoices(plan);
    const form = this.snapshot.page === 'credential-form' ? this.snapshot.form : null;
    const { settings, locked } = this.settings.current;
    const officeSetup = this.officeSetup.view(form ? officeToKeep(form, settings, officeLocked(locked)) : null);
    const day = new Date().toDateString();
    const checksKey = `${snapshotKey(this.snapshot)}|${this.settings.generation}|${day}`;
    const key = `${checksKey}|${offerDefaults}|${this.announcement}|${this.officeSetup.key(officeSetup)}`;
    const changed = key !== this.key;
    this.key = key;
    this.extras = { offerDefaults, officeSetup };
    if (checksKey !== this.checksKey) {
      this.checksKey = checksKey;
      this.check(checksKey, form);
    }
    // Drawn now when the findings are this read's (no form; or what changed is not what they depend on:
    // an office-defaults line, the page's layout); otherwise when the worker answers.
    if (this.checkedKey === checksKey) {
      if (changed || layout !== this.drawnLayout) this.render();
      this.panel.send(() => this.pageState(), key);
    }
    this.officeDefaults.afterUpdate(this.snapshot, plan);
  }

  /**
   * Asks the worker for the findings of this read (the checks run there: lib/messaging/check-form.ts)
   * and draws them when they come, unless the page was read again meanwhile (the newer read's answer
   * draws). A failure is logged, and the form is read and checked again shortly (the worker may be
   * starting: after the extension is updated, the open pages' new assistant may ask before it listens).
   */
  private check(key: string, form: CredentialForm | null): void {
    if (!form) {
      this.findings = [];
      this.checkedKey = key;
      return;
    }
    this.checking = askWorker('checkForm', { form }).then(
      (findings) =>
        this.guarded('checks', () => {
          this.answered();
          if (this.checksKey !== key) return;
          this.failures = 0;
          this.findings = findings;
          this.checkedKey = key;
          this.render();
          this.panel.send(() => this.pageState(), this.key);
        }),
      (error: unknown) => {
        logErrorOnce('checking the form', error);
        this.removeLeftovers(); // nothing to draw in their place: stale warnings go all the same
        if (this.checksKey !== key) return;
        this.checksKey = ''; // the next read asks again
        if (this.failures < 5) setTimeout(() => this.guarded('checking again', () => this.update('values')), 250 * 2 ** this.failures++);
      },
    );
  }

  /** The findings of the page as read now, once the worker has answered; null when it did not (in time). */
  private async findingsNow(): Promise<readonly CitedFinding[] | null> {
    const late = new Promise<boolean>((resolve) => setTimeout(resolve, CHECK_WAIT_MS, false));
    // Asked again while waiting (the page changed): wait for the newer answer.
    for (let asked: Promise<void> | null = null; this.checkedKey !== this.checksKey && asked !== this.checking; ) {
      asked = this.checking;
      if (!(await Promise.race([asked.then(() => true), late]))) break;
    }
    return this.checkedKey === this.checksKey ? this.findings : null;
  }

  private render(): void {
    this.removeLeftovers();
    const { offerDefaults, officeSetup } = this.extras;
    this.drawnLayout = this.layout;
    const form = this.form();
    const anchors = new Map<FieldKey, Element>();
    if (form) for (const key of FIELD_KEYS) {
      const location = form.fields.get(key);
      if (location) anchors.set(key, noteAnchorOf(location));
    }
    const summary = form ? summaryAnchorOf(form) : null;
    const view = formView(this.findings, { notes: anchors, summary, saveWatched: !!form?.save }, { offerDefaults, announcement: this.announcement, officeSetup });
    this.notes.update(view.notes);
    this.summary.update(view.summary);
  }

  private pageState() {
    return { snapshot: this.snapshot, findings: this.findings, spots: [...spotElements(this.layout).keys()] };
  }

  // ---- page actions ---------------------------------------------------------------------------

  /** The Date Credential Received as typed now, or null when this frame holds no form (for a lookup window). */
  credentialDate(): string | null {
    let date: string | null = null;
    this.guarded('answering a lookup window', () => {
      this.update('values');
      if (this.snapshot.page === 'credential-form' && this.snapshot.form.date.found) date = this.snapshot.form.date.text;
    });
    return date;
  }

  /** Scrolls to a field or walkthrough spot, focuses it (or its lookup link) and rings it. */
  private showSpot(spot: Spot): boolean {
    this.update('values');
    const element = spotElements(this.layout).get(spot);
    if (!element) return false;
    showMe(this.highlighter, element).catch((error: unknown) => logErrorOnce('show me', error));
    return true;
  }
}

/** True when errors or warnings stand (notes never hold up saving). */
function mustReview(findings: readonly CitedFinding[]): boolean {
  return findings.some((finding) => finding.severity !== 'info');
}

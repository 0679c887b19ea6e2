import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { browser } from 'wxt/browser';
import { runChecks, type Finding } from '../checks';
import { logErrorOnce } from '../util/log';
import { onMessage, sendMessage, type PageState } from '../messaging/protocol';
import { chooseOption, canApply, selectOf } from '../actions/office-defaults';
import { layoutIsStale, locatePage, snapshotOf, type FormLayout, type PageLayout } from '../page/read-page';
import { Highlighter } from '../render/highlight';
import { InlineNotes } from '../render/inline-notes';
import { SaveGuard } from '../render/save-guard';
import { Summary } from '../render/summary';
import { defaultSettings, type EffectiveSettings } from '../settings/defaults';
import { FIELD_KEYS, type FieldKey, type PageSnapshot, type Spot } from '../page/snapshot';

/** How often values the page writes without events (Today link, lookup windows) are looked for. */
const POLL_MS = 400;
/** How long after a DOM change the page is read again (postbacks, the form appearing). */
const SETTLE_MS = 60;

const OUR_TAGS = new Set(['CALJOBS-ASSISTANT-NOTE', 'CALJOBS-ASSISTANT-SUMMARY', 'CALJOBS-ASSISTANT-DIALOG', 'CALJOBS-ASSISTANT-HIGHLIGHT']);

/**
 * Whether a node is one of our hosts. Our UI lives only inside their shadow roots, so events from it
 * reach the document retargeted to the host, and the document's observer sees only the hosts.
 */
function isOurNode(node: Node | EventTarget | null): boolean {
  return node instanceof Element && OUR_TAGS.has(node.tagName);
}

/**
 * One page's assistant: reader → snapshot → checks → renderers, kept live.
 * Everything it holds dies with the page; nothing is stored or sent except to the side panel.
 */
export class Assistant {
  private layout: PageLayout | null = null;
  private settings: EffectiveSettings = { settings: defaultSettings(), locked: [], problems: [] };
  private snapshot: PageSnapshot = { page: 'other' };
  private findings: Finding[] = [];
  private lastKey = '';
  private lastSentKey = '';
  private panelWatching = false;
  private observer: MutationObserver | null = null;
  private settleTimer: number | undefined;
  private pollTimer: number | undefined;
  private autoFillDone = false;
  private said = '';
  private pendingOffice = 0;
  private stopped = false;
  private located = false;
  private settingsLoaded = false;
  private renderedLayout: FormLayout | null = null;
  private readonly notes: InlineNotes;
  private readonly summary: Summary;
  private readonly guard: SaveGuard;
  private readonly highlighter: Highlighter;

  constructor(private readonly ctx: ContentScriptContext) {
    const onError = (error: unknown) => logErrorOnce('rendering', error);
    this.notes = new InlineNotes(ctx, onError);
    const applyDefaults = () =>
      this.guarded('applying office defaults', () => {
        this.applyDefaults(false);
        this.refresh('structure');
      });
    this.summary = new Summary(ctx, { showField: (f) => this.showFinding(f), applyDefaults }, onError);
    this.guard = new SaveGuard(ctx, {
      saveButton: () => (this.form()?.save ?? null),
      formRoot: () => this.form()?.root ?? null,
      blockingFindings: () => {
        this.refresh('values');
        return this.findings.filter((f) => f.severity !== 'info');
      },
      isOurs: isOurNode,
      onError: (error) => logErrorOnce('save guard', error),
    });
    this.highlighter = new Highlighter(ctx);
  }

  start(): void {
    this.guarded('start', () => {
      this.ctx.onInvalidated(() => this.stop());
      this.refresh('structure');
      this.observer = new MutationObserver((records) => this.guarded('observer', () => this.onMutations(records)));
      this.observer.observe(document.documentElement, { childList: true, subtree: true });
      const onEdit = (event: Event) => {
        if (!isOurNode(event.target)) this.guarded('input', () => this.refresh('values'));
      };
      this.ctx.addEventListener(document, 'input', onEdit, { capture: true, passive: true });
      this.ctx.addEventListener(document, 'change', onEdit, { capture: true, passive: true });
      this.guard.start();
      this.listen();
      this.loadSettings();
    });
  }

  /** Removes everything the assistant put on the page; the page itself is left as it is. */
  private stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.observer?.disconnect();
    this.observer = null;
    clearTimeout(this.settleTimer);
    clearInterval(this.pollTimer);
    for (const remove of [() => this.notes.removeAll(), () => this.summary.remove(), () => this.guard.remove(), () => this.highlighter.remove()]) {
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
      // signal.aborted is free; ctx.isInvalid asks the extension API, so only the poll uses it.
      if (this.ctx.signal.aborted) {
        this.stop();
        return;
      }
      fn();
    } catch (error) {
      logErrorOnce(where, error);
    }
  }

  private form(): FormLayout | null {
    return this.layout?.kind === 'credential-form' ? this.layout : null;
  }

  // ---- reading ------------------------------------------------------------------------------

  private onMutations(records: MutationRecord[]): void {
    const relevant = records.some((record) => {
      if (isOurNode(record.target)) return false;
      for (const node of Array.from(record.addedNodes)) if (!isOurNode(node)) return true;
      for (const node of Array.from(record.removedNodes)) if (!isOurNode(node)) return true;
      return false;
    });
    if (!relevant) return;
    clearTimeout(this.settleTimer);
    // Plain timers (cleared in stop()): ctx.setTimeout adds an invalidation listener per call.
    this.settleTimer = window.setTimeout(() => this.guarded('re-read', () => this.refresh('structure')), SETTLE_MS);
  }

  /** Reads the page again. 'values' re-reads known fields; 'structure' also re-locates them. */
  private refresh(kind: 'values' | 'structure'): void {
    const form = this.form();
    if (kind === 'values' && this.located && !this.layout) return; // not our page: nothing to re-read
    if (kind === 'structure' || !this.located || (form && layoutIsStale(form))) {
      this.layout = locatePage(document);
      this.located = true;
    }
    // Office defaults change the page's selects (a postback may follow): read the page after them.
    if (this.maybeAutoFill()) this.layout = locatePage(document);
    // The snapshot is plain data made by our own reader; its zod schema is enforced where it crosses
    // to the side panel and in the reader's tests (building zod here would cost every page load).
    this.snapshot = snapshotOf(this.layout);
    this.updatePolling();
    this.render();
  }

  private updatePolling(): void {
    const wanted = this.snapshot.page !== 'other';
    if (wanted && this.pollTimer === undefined) {
      this.pollTimer = window.setInterval(() => {
        if (this.ctx.isInvalid) return this.stop(); // the extension was reloaded or updated
        if (document.visibilityState === 'hidden') return;
        this.guarded('poll', () => this.refresh('values'));
      }, POLL_MS);
    } else if (!wanted && this.pollTimer !== undefined) {
      clearInterval(this.pollTimer);
      this.pollTimer = undefined;
    }
  }

  // ---- checking and rendering ------------------------------------------------------------------

  private render(): void {
    const snapshot = this.snapshot;
    const form = this.form();
    const settings = this.settings.settings;
    this.findings = snapshot.page === 'credential-form' ? runChecks({ form: snapshot.form, settings, today: new Date() }) : [];
    const offerDefaults =
      !!form &&
      ((settings.region !== '' && canApply(form, 'region', settings.region)) ||
        (settings.office !== '' && canApply(form, 'office', settings.office)));
    const key = `${snapshot.page}|${this.findings.map((f) => `${f.id}:${f.message}`).join('|')}|${offerDefaults}|${this.said}`;
    // Hosts can only have moved when the form was located again (a new layout object).
    const stale = form !== null && form !== this.renderedLayout && this.anchorsMoved(form);
    this.renderedLayout = form;
    if (key !== this.lastKey || stale) {
      this.lastKey = key;
      this.notes.update(this.findings, form ? this.anchors(form) : new Map());
      this.summary.update(form?.save ?? null, { findings: this.findings, offerDefaults, said: this.said });
    }
    this.sendState();
  }

  private anchorsMoved(form: FormLayout): boolean {
    for (const field of FIELD_KEYS) {
      const host = this.notes.hostOf(field);
      if (host && host.parentElement !== form.fields.get(field)?.container) return true;
    }
    const summary = this.summary.host();
    return !!form.save && (!summary || summary.nextElementSibling !== form.save);
  }

  private anchors(form: FormLayout): Map<FieldKey, Element> {
    const map = new Map<FieldKey, Element>();
    for (const field of FIELD_KEYS) {
      const location = form.fields.get(field);
      if (location) map.set(field, location.container);
    }
    return map;
  }

  // ---- office defaults ------------------------------------------------------------------------

  /** Applies the office defaults when they are due by themselves; true when the page changed. */
  private maybeAutoFill(): boolean {
    const form = this.form();
    if (!form) return false;
    const settings = this.settings.settings;
    if (this.pendingOffice > 0) {
      // The region's postback has re-rendered the office list: pick the office now.
      const result = chooseOption(selectOf(form, 'office'), settings.office);
      if (result !== 'no-match' || Date.now() > this.pendingOffice) this.pendingOffice = 0;
      return result === 'applied';
    }
    if (!settings.autoFill || this.autoFillDone || !this.settingsLoaded) return false;
    this.autoFillDone = true;
    return this.applyDefaults(true);
  }

  /** Picks the office's LWIA/Region and Office Location where nothing is chosen; never over a choice. */
  private applyDefaults(automatic: boolean): boolean {
    const form = this.form();
    if (!form) return false;
    const { region, office } = this.settings.settings;
    const regionResult = chooseOption(selectOf(form, 'region'), region);
    const officeResult = chooseOption(selectOf(form, 'office'), office);
    if (officeResult === 'no-match' && regionResult === 'applied') this.pendingOffice = Date.now() + 10_000;
    const applied = regionResult === 'applied' || officeResult === 'applied';
    if (applied) this.said = automatic ? 'Office defaults were filled in automatically.' : 'Office defaults applied.';
    return applied;
  }

  // ---- settings -------------------------------------------------------------------------------

  private loadSettings(): void {
    const load = () =>
      sendMessage('getSettings')
        .then((effective) => {
          this.settings = effective;
          this.settingsLoaded = true;
          this.lastKey = '';
          this.guarded('settings', () => this.refresh('values'));
        })
        .catch((error: unknown) => logErrorOnce('loading settings', error));
    load();
    const onChanged = (_changes: unknown, area: string) => {
      if (area === 'sync' || area === 'managed') load();
    };
    browser.storage.onChanged.addListener(onChanged);
    this.ctx.onInvalidated(() => {
      try {
        browser.storage?.onChanged.removeListener(onChanged); // gone once the extension is reloaded
      } catch {
        // nothing to remove from: the extension's APIs are already gone
      }
    });
  }

  // ---- the side panel -------------------------------------------------------------------------

  private listen(): void {
    const removeRequest = onMessage('requestPageState', () => {
      this.panelWatching = true;
      this.lastSentKey = '';
      this.guarded('answering the panel', () => {
        this.refresh('values');
        this.sendState(); // also on pages that are not ours, so the panel can say so
      });
      return true;
    });
    const removeShow = onMessage('showSpot', ({ data }) => {
      let shown = false;
      this.guarded('show me', () => {
        shown = this.showSpot(typeof data?.spot === 'string' ? data.spot : '');
      });
      return shown;
    });
    const removeStructure = onMessage('pageStructure', async () => {
      const g = globalThis as { __caljobsStructureReport?: (doc: Document) => string };
      if (!g.__caljobsStructureReport) await import(/* @vite-ignore */ browser.runtime.getURL('/structure-report.js'));
      if (!g.__caljobsStructureReport) throw new Error('The structure report could not be loaded.');
      return g.__caljobsStructureReport(document);
    });
    this.ctx.onInvalidated(() => {
      for (const remove of [removeRequest, removeShow, removeStructure]) {
        try {
          remove();
        } catch {
          // the extension's APIs are already gone
        }
      }
    });
  }

  private sendState(): void {
    if (!this.panelWatching) return;
    const state: PageState = { snapshot: this.snapshot, findings: this.findings, spots: this.spots() };
    const key = JSON.stringify(state);
    if (key === this.lastSentKey) return;
    this.lastSentKey = key;
    sendMessage('pageState', state).catch(() => {
      // No panel is listening any more: stop sending until one asks again.
      this.panelWatching = false;
    });
  }

  private spots(): Spot[] {
    const layout = this.layout;
    if (!layout) return [];
    if (layout.kind === 'credential-form') {
      const spots: Spot[] = FIELD_KEYS.filter((key) => layout.fields.has(key));
      if (layout.save) spots.push('save');
      return spots;
    }
    const spots: Spot[] = [];
    if (layout.applicationToggle) spots.push('application-toggle');
    if (layout.credentialsToggle) spots.push('credentials-toggle');
    if (layout.createLink) spots.push('create-link');
    if (layout.grid) spots.push('credentials-grid');
    return spots;
  }

  private showFinding(finding: Finding): void {
    if (finding.field) this.showSpot(finding.field);
  }

  /** Scrolls to a field or walkthrough spot, focuses it (or its lookup link) and rings it. */
  private showSpot(spot: string): boolean {
    this.refresh('values');
    const layout = this.layout;
    if (!layout) return false;
    let target: Element | null = null;
    let focus: HTMLElement | null = null;
    if (layout.kind === 'credential-form') {
      if (spot === 'save') target = focus = layout.save;
      else {
        const location = layout.fields.get(spot as FieldKey);
        if (location) {
          target = location.container;
          focus = location.control ?? location.container.querySelector<HTMLElement>('a[href], button, input:not([type=hidden])');
        }
      }
    } else {
      const bySpot: Record<string, Element | null> = {
        'application-toggle': layout.applicationToggle,
        'credentials-toggle': layout.credentialsToggle,
        'create-link': layout.createLink,
        'credentials-grid': layout.grid,
      };
      target = bySpot[spot] ?? null;
      focus = target instanceof HTMLElement && target.matches('a, button, [tabindex]') ? target : null;
    }
    if (!target) return false;
    this.highlighter.show(target, focus).catch((error: unknown) => logErrorOnce('show me', error));
    return true;
  }
}

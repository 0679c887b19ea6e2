import { applyOfficeDefaults, hasChoices, planOfficeDefaults, type OfficeDefaultsPlan } from '../actions/office-defaults';
import type { FormLayout } from '../page/form';
import type { PageSnapshot } from '../page/snapshot';
import type { Settings } from '../settings/defaults';
import { logErrorOnce } from '../util/log';

/** How long the office default waits for the office list a region choice brings. */
const OFFICE_LIST_WAIT_MS = 10_000;

type How = 'asked' | 'automatic' | 'continuing';

export interface OfficeDefaultsHost {
  settings(): { current: Settings; loaded: boolean };
  /** The page read fresh (an action starts from what the page shows now). */
  readNow(): { snapshot: PageSnapshot; form: FormLayout | null };
  /** The page changed (choices made): locate and read it again. */
  pageChanged(): void;
  /** What the assistant did by itself, for the summary. */
  announce(text: string): void;
  guarded(where: string, fn: () => void): void;
}

/**
 * When and how the office defaults are applied to the form (a page action, never inside a read):
 * on "Apply office defaults", once per page when "Fill automatically" is on, and then the office a
 * region choice was waiting for (its list comes by script or postback).
 */
export class OfficeDefaultsFlow {
  private autoFillDone = false;
  /** An apply is under way (it waits for lists to open). */
  private applying = false;
  /** Until when the office default waits for the office list a region choice brings (ms epoch). */
  private officeListAwaitedUntil = 0;
  /** Choices tried in a list that could not be read beforehand and not found there ("office\0text"). */
  private readonly notOffered = new Set<string>();

  constructor(private readonly host: OfficeDefaultsHost) {}

  /** New office settings: every choice may be tried again. */
  settingsChanged(): void {
    this.notOffered.clear();
  }

  /** What applying would choose on `snapshot` now. */
  plan(snapshot: PageSnapshot): OfficeDefaultsPlan {
    if (snapshot.page !== 'credential-form') return {};
    const plan = planOfficeDefaults(snapshot.form, this.host.settings().current);
    // A choice tried on a list that could not be read beforehand, and not there: not offered again.
    for (const key of ['region', 'office'] as const) if (plan[key] !== undefined && this.notOffered.has(`${key}\u0000${plan[key]}`)) delete plan[key];
    return plan;
  }

  /** After each update: schedules what is due without a click (never runs it inside the update). */
  afterUpdate(snapshot: PageSnapshot, plan: OfficeDefaultsPlan): void {
    if (snapshot.page !== 'credential-form') return;
    const { current, loaded } = this.host.settings();
    let how: How | null = null;
    if (loaded && current.autoFill && !this.autoFillDone) {
      this.autoFillDone = true;
      how = 'automatic';
    } else if (this.officeListAwaitedUntil > 0) {
      if (Date.now() > this.officeListAwaitedUntil) this.officeListAwaitedUntil = 0;
      else if (plan.office !== undefined) how = 'continuing';
    }
    if (how && hasChoices(plan)) {
      const chosen = how;
      setTimeout(() => this.host.guarded('office defaults', () => this.apply(chosen)), 0);
    }
  }

  /**
   * Picks the office's LWIA/Region and Office Location where nothing is chosen; never over a choice.
   * `continuing`: the office a region choice was waiting for (says nothing new).
   */
  apply(how: How): void {
    if (this.applying) return;
    const { snapshot, form } = this.host.readNow();
    const plan = this.plan(snapshot);
    if (!form || !hasChoices(plan)) return;
    this.applying = true;
    applyOfficeDefaults(form, plan)
      .then((applied) => this.host.guarded('office defaults', () => this.after(how, plan, snapshot, applied)))
      .catch((error: unknown) => logErrorOnce('office defaults', error))
      .finally(() => {
        this.applying = false;
      });
  }

  private after(how: How, plan: OfficeDefaultsPlan, before: PageSnapshot, applied: { region: boolean; office: boolean }): void {
    for (const key of ['region', 'office'] as const) {
      const wanted = plan[key];
      const listUnknown = before.page === 'credential-form' && before.form[key].options === undefined;
      if (wanted !== undefined && !applied[key] && listUnknown && !(key === 'office' && applied.region)) this.notOffered.add(`${key}\u0000${wanted}`);
    }
    const officeWanted = this.host.settings().current.office.trim() !== '';
    if (how !== 'continuing') {
      this.officeListAwaitedUntil = applied.region && !applied.office && officeWanted ? Date.now() + OFFICE_LIST_WAIT_MS : 0;
    } else if (applied.office) this.officeListAwaitedUntil = 0;
    if (applied.region || applied.office) {
      if (how === 'asked') this.host.announce('Office defaults applied.');
      if (how === 'automatic') this.host.announce('Office defaults were filled in automatically.');
    }
    this.host.pageChanged();
  }
}

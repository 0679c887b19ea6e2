import type { Settings } from '../settings/defaults';
import type { FormLayout } from '../page/form';
import type { CredentialForm } from '../page/snapshot';

/**
 * Office defaults on the form: which choices to make (pure, from the snapshot) and making them (the
 * only writes the assistant does to the page's fields, besides Save anyway). Never over a choice the
 * user made; the page sees the change as its own (input and change events, so an AutoPostBack and a
 * cascading refill follow).
 */

/** Compares option texts the way a person would: case and spacing do not matter. */
export function sameChoiceText(a: string, b: string): boolean {
  const norm = (s: string) => s.replace(/[\u00a0\s]+/g, ' ').trim().toLowerCase();
  return norm(a) === norm(b);
}

export interface OfficeDefaultsPlan {
  /** The LWIA/Region choice to make, when it is unchosen and offered. */
  region?: string;
  /** The Office Location choice to make, when it is unchosen and offered. */
  office?: string;
}

/** What applying the office defaults would choose now (empty when nothing can be applied). */
export function planOfficeDefaults(form: CredentialForm, settings: Pick<Settings, 'region' | 'office'>): OfficeDefaultsPlan {
  const plan: OfficeDefaultsPlan = {};
  const pick = (value: CredentialForm['region'], wanted: string): string | undefined => {
    if (!wanted.trim() || !value.found || value.chosen) return undefined;
    return value.options?.find((option) => sameChoiceText(option, wanted));
  };
  const region = pick(form.region, settings.region);
  const office = pick(form.office, settings.office);
  if (region !== undefined) plan.region = region;
  if (office !== undefined) plan.office = office;
  return plan;
}

export const hasChoices = (plan: OfficeDefaultsPlan): boolean => plan.region !== undefined || plan.office !== undefined;

/** Picks the option whose text is `text` in a select and raises the events the page listens for. */
function choose(layout: FormLayout, key: 'region' | 'office', text: string): boolean {
  const select = layout.fields.get(key)?.control;
  if (!(select instanceof HTMLSelectElement)) return false;
  const option = Array.from(select.options).find((o) => sameChoiceText(o.textContent ?? '', text));
  if (!option) return false;
  select.value = option.value;
  select.dispatchEvent(new Event('input', { bubbles: true }));
  select.dispatchEvent(new Event('change', { bubbles: true }));
  return true;
}

/** Makes the plan's choices on the page; true when anything was chosen. */
export function applyOfficeDefaults(layout: FormLayout, plan: OfficeDefaultsPlan): { region: boolean; office: boolean } {
  const region = plan.region !== undefined && choose(layout, 'region', plan.region);
  const office = plan.office !== undefined && choose(layout, 'office', plan.office);
  return { region, office };
}

import type { Settings } from '../settings/defaults';
import type { FormLayout } from '../page/form';
import { controlAt } from '../page/locate';
import type { CredentialForm } from '../page/snapshot';
import { choose, sameChoiceText } from './choose';

/**
 * Office defaults on the form: which choices to make (pure, from the snapshot) and making them (the
 * only writes the assistant does to the page's fields, besides Save anyway). Never over a choice the
 * user made.
 */
export { sameChoiceText };

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
    // A list that cannot be known before typing (an autocomplete) is tried with the office's text.
    if (value.options === undefined) return wanted.trim();
    return value.options.find((option) => sameChoiceText(option, wanted));
  };
  const region = pick(form.region, settings.region);
  const office = pick(form.office, settings.office);
  if (region !== undefined) plan.region = region;
  if (office !== undefined) plan.office = office;
  return plan;
}

export const hasChoices = (plan: OfficeDefaultsPlan): boolean => plan.region !== undefined || plan.office !== undefined;

/** Makes the plan's choices on the page, region first; says which were made. */
export async function applyOfficeDefaults(layout: FormLayout, plan: OfficeDefaultsPlan): Promise<{ region: boolean; office: boolean }> {
  const made = { region: false, office: false };
  for (const key of ['region', 'office'] as const) {
    const text = plan[key];
    const location = layout.fields.get(key);
    const found = location && controlAt(location);
    if (text === undefined || !found || !found.control.isConnected) continue;
    made[key] = await choose(found, text);
  }
  return made;
}

import type { Settings } from '../settings/defaults';
import type { FormLayout } from '../page/form';
import { controlAt } from '../page/locate';
import type { CredentialForm } from '../page/snapshot';
import { choiceKey } from '../settings/choices';
import { choose, sameChoiceText } from './choose';

/**
 * Office defaults on the form: which choices to make (pure, from the snapshot) and making them (the
 * only writes the assistant does to the page's fields, besides Save anyway). Never over a choice the
 * user made.
 */
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
    // The wanted text's key once, and each option's once per list text (this runs at every read of
    // the form, and the Office Location list may hold a hundred options).
    const key = choiceKey(wanted);
    return value.options.find((option) => optionKey(option) === key);
  };
  const region = pick(form.region, settings.region);
  const office = pick(form.office, settings.office);
  if (region !== undefined) plan.region = region;
  if (office !== undefined) plan.office = office;
  return plan;
}

/** `choiceKey` of an option's text, remembered (the same lists are read again at every pause in typing). */
const optionKeys = new Map<string, string>();
function optionKey(text: string): string {
  let key = optionKeys.get(text);
  if (key === undefined) {
    if (optionKeys.size >= 2000) optionKeys.clear(); // a bound, never reached by one office's lists
    key = choiceKey(text);
    optionKeys.set(text, key);
  }
  return key;
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

/** The office a supervisor can keep from this form: region, office and agency code as the form shows them. */
export interface OfficeOnForm {
  region: string;
  office: string;
  agencyCode: string;
  agencyName: string;
}

/**
 * What "Make these my office defaults" would keep: offered when region, office and agency code are all
 * filled on the form, differ from the office defaults in use, and IT policy locks none of them.
 */
export function officeToKeep(form: CredentialForm, settings: Pick<Settings, 'region' | 'office' | 'agencyCode'>, policyLocksOffice: boolean): OfficeOnForm | null {
  if (policyLocksOffice || !form.region.chosen || !form.office.chosen || !form.agencyCode.chosen) return null;
  const code = form.agencyCode.code;
  if (!code) return null;
  const name = form.agencyCode.text.replace(/^\s*[A-Za-z0-9-]+\s+-\s+/, '').trim();
  const office = { region: form.region.text.trim(), office: form.office.text.trim(), agencyCode: code, agencyName: name };
  const same =
    sameChoiceText(office.region, settings.region) && sameChoiceText(office.office, settings.office) && sameChoiceText(office.agencyCode, settings.agencyCode.code);
  return same || !office.region || !office.office ? null : office;
}

import type { PageFacts, PageTiming } from './';
import { isEarlierDay, isLaterDay, knownDate, lastDayOnForm, parseCalJobsDate } from '../rules/dates';
import type { CredentialForm, PageSnapshot } from '../page/snapshot';

/**
 * What the decision tree may pre-answer from the attached form: the credential type chosen and
 * whether the date falls in the window. Derived facts only; no dates leave this function.
 */
export function pageFactsFrom(snapshot: PageSnapshot | null): PageFacts {
  if (snapshot?.page !== 'credential-form') return {};
  const { form } = snapshot;
  const facts: PageFacts = {};
  if (form.credential.chosen) facts.credentialText = form.credential.text;
  facts.timing = timingOf(form);
  return facts;
}

function timingOf(form: CredentialForm): PageTiming {
  const parsed = parseCalJobsDate(form.date.text);
  if (parsed.kind !== 'valid') return 'unknown';
  const start = knownDate(form.participationDate.text);
  if (start && isEarlierDay(parsed.date, start)) return 'before-participation';
  const last = lastDayOnForm(form);
  if (last && isLaterDay(parsed.date, last)) return 'after-window';
  if (!start) return 'unknown';
  return 'within-window';
}

import * as z from 'zod/mini';
import { lazy } from './lazy';

/**
 * What the page reader hands to the checks: plain data, no DOM. It lives only in the page's memory
 * (and in messages to the side panel); it is never stored, logged or sent anywhere.
 */

/** A read-only value shown as text (General Information block). */
export const TextValue = lazy(() =>
  z.object({ found: z.boolean(), text: z.string() }),
);
export type TextValue = z.infer<typeof TextValue>;

/** A select, or a lookup whose result the page writes back as text and hidden inputs. */
export const ChoiceValue = lazy(() =>
  z.object({
  found: z.boolean(),
  chosen: z.boolean(),
  text: z.string(),
  /** Leading code of a lookup result shown as "<code> - <name>" (activity, agency code). */
  code: z.optional(z.string()),
}),
);
export type ChoiceValue = z.infer<typeof ChoiceValue>;

export const FIELD_KEYS = [
  'region',
  'office',
  'credential',
  'otherCredential',
  'verification',
  'date',
  'activity',
  'agencyCode',
] as const;
export const FieldKey = lazy(() =>
  z.enum(FIELD_KEYS),
);
export type FieldKey = z.infer<typeof FieldKey>;

export const FIELD_LABELS: Record<FieldKey, string> = {
  region: 'LWIA/Region',
  office: 'Office Location',
  credential: 'Credential Received',
  otherCredential: 'Other Credential',
  verification: 'Credential Verification',
  date: 'Date Credential Received',
  activity: 'Associate to Training/Activity record',
  agencyCode: 'Agency Code',
};

export const CredentialForm = lazy(() =>
  z.object({
  program: TextValue,
  applicationDate: TextValue,
  participationDate: TextValue,
  exitDate: TextValue,
  maximumDate: TextValue,
  region: ChoiceValue,
  office: ChoiceValue,
  credential: ChoiceValue,
  otherCredential: TextValue,
  verification: ChoiceValue,
  date: TextValue,
  activity: ChoiceValue,
  agencyCode: ChoiceValue,
  saveFound: z.boolean(),
}),
);
export type CredentialForm = z.infer<typeof CredentialForm>;

/** What the walkthrough needs to know of the participant's case page. */
export const CasePage = lazy(() =>
  z.object({
  /** The WIOA application row is expanded (its Credentials section is visible). */
  applicationExpanded: z.boolean(),
  /** The Credentials section is expanded (its Create Credential link is visible). */
  credentialsExpanded: z.boolean(),
  createLinkFound: z.boolean(),
  /** Rows in the Credentials grid (0 when it says "There are no records to display."). */
  credentialRows: z.number(),
}),
);
export type CasePage = z.infer<typeof CasePage>;

export const PageSnapshot = lazy(() =>
  z.discriminatedUnion('page', [
  z.object({ page: z.literal('credential-form'), form: CredentialForm }),
  z.object({ page: z.literal('case-page'), casePage: CasePage }),
  z.object({ page: z.literal('other') }),
]),
);
export type PageSnapshot = z.infer<typeof PageSnapshot>;

export const emptyText = (): TextValue => ({ found: false, text: '' });
export const emptyChoice = (): ChoiceValue => ({ found: false, chosen: false, text: '' });

/** A blank form, as the reader would produce it when nothing is filled in (used by tests and demo). */
export function blankForm(): CredentialForm {
  return {
    program: emptyText(),
    applicationDate: emptyText(),
    participationDate: emptyText(),
    exitDate: emptyText(),
    maximumDate: emptyText(),
    region: emptyChoice(),
    office: emptyChoice(),
    credential: emptyChoice(),
    otherCredential: emptyText(),
    verification: emptyChoice(),
    date: emptyText(),
    activity: emptyChoice(),
    agencyCode: emptyChoice(),
    saveFound: false,
  };
}

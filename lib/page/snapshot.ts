/**
 * What the page reader hands to the checks: plain data, no DOM. It lives only in the page's memory
 * (and in messages to the side panel); it is never stored, logged or sent anywhere.
 *
 * These are the types; the zod schemas that validate them are in snapshot-schema.ts (kept apart so
 * the content script does not pay for building schemas on every CalJOBS page).
 */

/** A read-only value shown as text (General Information block). */
export interface TextValue {
  found: boolean;
  text: string;
}

/** A select, or a lookup whose result the page writes back as text and hidden inputs. */
export interface ChoiceValue {
  found: boolean;
  chosen: boolean;
  text: string;
  /** Leading code of a lookup result shown as "<code> - <name>" (activity, agency code). */
  code?: string | undefined;
  /**
   * The choices the control offers, as shown (placeholders left out): LWIA/Region and Office Location
   * only, for office defaults and the supervisor's pickers. Office names, never participant data.
   */
  options?: string[] | undefined;
}

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
export type FieldKey = (typeof FIELD_KEYS)[number];

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

export interface CredentialForm {
  program: TextValue;
  applicationDate: TextValue;
  participationDate: TextValue;
  exitDate: TextValue;
  maximumDate: TextValue;
  region: ChoiceValue;
  office: ChoiceValue;
  credential: ChoiceValue;
  otherCredential: TextValue;
  verification: ChoiceValue;
  date: TextValue;
  activity: ChoiceValue;
  agencyCode: ChoiceValue;
  saveFound: boolean;
}

/** What the walkthrough needs to know of the participant's case page. */
export interface CasePage {
  /** The WIOA application row is expanded (its Credentials section is visible). */
  applicationExpanded: boolean;
  /** The Credentials section is expanded (its Create Credential link is visible). */
  credentialsExpanded: boolean;
  createLinkFound: boolean;
  /** Rows in the Credentials grid (0 when it says "There are no records to display."). */
  credentialRows: number;
}

/** Spots on the participant's case page that "Show me" can point at (the walkthrough's steps 1, 2, 5). */
export const CASE_PAGE_SPOTS = ['application-toggle', 'credentials-toggle', 'create-link', 'credentials-grid'] as const;
/** Spots on the Create Credential form: every field, plus the Save control. */
export const FORM_SPOTS = [...FIELD_KEYS, 'save'] as const;
/** Every spot name "Show me" may send to the page. */
export const KNOWN_SPOTS = [...CASE_PAGE_SPOTS, ...FORM_SPOTS] as const;
export type CasePageSpot = (typeof CASE_PAGE_SPOTS)[number];
export type Spot = (typeof KNOWN_SPOTS)[number];
export const isKnownSpot = (spot: string): spot is Spot => (KNOWN_SPOTS as readonly string[]).includes(spot);

export type PageSnapshot =
  | { page: 'credential-form'; form: CredentialForm }
  | { page: 'case-page'; casePage: CasePage }
  | { page: 'other' };

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

/**
 * A short key of everything a snapshot says, to tell "nothing changed" cheaply on each keystroke and
 * poll (the lists of choices are the reader's cached arrays: compared by their contents' length and ends).
 */
export function snapshotKey(snapshot: PageSnapshot): string {
  if (snapshot.page === 'other') return 'other';
  if (snapshot.page === 'case-page') {
    const c = snapshot.casePage;
    return `case|${c.applicationExpanded}|${c.credentialsExpanded}|${c.createLinkFound}|${c.credentialRows}`;
  }
  let key = 'form';
  for (const value of Object.values(snapshot.form)) {
    if (typeof value === 'boolean') key += `|${value}`;
    else if ('chosen' in value) {
      const options = value.options;
      key += `|${value.found}${value.chosen}${value.code ?? ''}\u0001${value.text}${options ? `\u0001${options.length}${options[0] ?? ''}${options[options.length - 1] ?? ''}` : ''}`;
    } else key += `|${value.found}\u0001${value.text}`;
  }
  return key;
}

/**
 * The captions CalJOBS shows for each field, by meaning. Matching is exact after normalizing, so
 * "Credential Received" never matches "Date Credential Received".
 */

/** Lower case, &nbsp; as space, spaces collapsed, hints "(mm/dd/yyyy)", asterisks and colons dropped. */
export function normalizeCaption(text: string): string {
  let s = text.replace(/[\u00a0\u2007\u202f]/g, ' ').toLowerCase();
  s = s.replace(/\s+/g, ' ').trim();
  // Trailing hints in parentheses, e.g. "(mm/dd/yyyy)", "(specify)", "(required)"; and asterisks/colons.
  for (let i = 0; i < 3; i += 1) {
    s = s
      .replace(/\s*\([^()]*\)\s*$/, '')
      .replace(/^[*\s]+/, '')
      .replace(/[\s:*]+$/, '');
  }
  return s.replace(/\s*\/\s*/g, '/');
}

export const READ_ONLY_CAPTIONS = {
  program: ['program', 'program name'],
  applicationDate: ['application date'],
  participationDate: ['program participation date', 'participation date'],
  exitDate: ['exit date', 'program exit date'],
  maximumDate: ['maximum date to record after exit', 'maximum date to record', 'max date to record after exit'],
} as const;

export const FIELD_CAPTIONS = {
  region: ['lwia/region', 'lwda/region', 'lwia', 'lwda', 'region'],
  office: ['office location', 'office'],
  credential: ['credential received', 'credential type', 'type of credential', 'type of recognized credential'],
  otherCredential: ['other credential', 'specify other credential', 'other credential name'],
  verification: ['credential verification', 'verification', 'verification document'],
  date: ['date credential received', 'date credential attained', 'credential date', 'date attained'],
  activity: [
    'associate to training/activity record',
    'associate to training/activity',
    'associated training/activity record',
    'training/activity record',
    'associated activity',
  ],
  agencyCode: ['agency code', 'agency'],
} as const;

export type ReadOnlyKey = keyof typeof READ_ONLY_CAPTIONS;
export type FormFieldKey = keyof typeof FIELD_CAPTIONS;
export type CaptionKey = ReadOnlyKey | FormFieldKey;

const BY_CAPTION = new Map<string, CaptionKey>();
for (const [key, list] of Object.entries({ ...READ_ONLY_CAPTIONS, ...FIELD_CAPTIONS })) {
  for (const caption of list) BY_CAPTION.set(normalizeCaption(caption), key as CaptionKey);
}

/** The field a caption names, if any. */
export function captionKey(text: string): CaptionKey | undefined {
  if (text.length > 90) return undefined;
  return BY_CAPTION.get(normalizeCaption(text));
}

export function isReadOnlyKey(key: CaptionKey): key is ReadOnlyKey {
  return key in READ_ONLY_CAPTIONS;
}

/** A select's placeholder: "-- Select One --", "None Selected", "Please select", "(none)". */
export function isPlaceholderOption(text: string, value: string): boolean {
  if (value === '' || value === '0' || value === '-1') return true;
  return /^[-\s]*(select( one| an? \w+)?|none selected|please select( one)?|choose( one)?|\(none\)|none)[-\s.]*$/i.test(
    text.replace(/\u00a0/g, ' ').trim(),
  );
}

/**
 * Maps the "Credential Received" choice, whatever its exact wording on a given VOS release, to what it
 * means. CalJOBS's exact list is not public, so this matches by meaning, not by exact text.
 */
export type CredentialKind =
  | 'secondary'
  | 'associate'
  | 'bachelor'
  | 'graduate'
  | 'license'
  | 'certificate'
  | 'certification'
  | 'other'
  | 'unknown';

const RULES: Array<[RegExp, CredentialKind]> = [
  [/\bother\b/i, 'other'],
  [/\b(graduate|post[- ]?graduate|master'?s?|doctor(ate|al)?|ph\.?\s?d|mba)\b/i, 'graduate'],
  [/\b(high school|secondary|ged|hiset|tasc|equivalen(cy|t))\b/i, 'secondary'],
  [/\b(aa|as|aa\/as|associate'?s?)\b/i, 'associate'],
  [/\b(ba|bs|ba\/bs|bachelor'?s?)\b/i, 'bachelor'],
  [/\blicen[cs](e|ure)\b/i, 'license'],
  [/\bcertification\b/i, 'certification'],
  [/\b(certificate|credential|apprenticeship)\b/i, 'certificate'],
];

export function classifyCredential(text: string): CredentialKind {
  const clean = text.replace(/\u00a0/g, ' ').trim();
  if (clean === '') return 'unknown';
  for (const [pattern, kind] of RULES) if (pattern.test(clean)) return kind;
  return 'unknown';
}

/** An "Other…" choice that needs the Other Credential text box filled in. */
export function isOtherCredential(text: string): boolean {
  return /^\s*other\b/i.test(text) || /\(\s*specify\s*\)/i.test(text);
}

/** Vocational Rehabilitation (WIOA Title IV) is the only program where a graduate degree counts. */
export function isVocationalRehabilitation(program: string): boolean {
  return /vocational\s+rehab|\bvr\b|title\s+iv\b/i.test(program);
}

/**
 * CalJOBS activity codes that lead to credential attainment (public crosswalk of CalJOBS activity
 * codes to performance; see the reference and EDD directive WSD24-05).
 */
export const TRAINING_ACTIVITY_CODES: ReadonlySet<string> = new Set([
  '300', '302', '305', '306', '307', '320', '323', '324', '325', '328', '330', '333', '342', '346',
  '347', '350', '351', '352', '354', '415', '416', '418', '421', '429', '430', '432', '437', '438',
]);

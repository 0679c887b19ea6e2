/**
 * zod issues from validating settings, as sentences for people: which field (by its label on the
 * options page, and which office profile), and what is wrong with it. zod/mini has no English messages.
 */

/** What people call each field (the options page labels). */
const FIELD_LABELS: Record<string, string> = {
  region: 'LWIA/Region',
  office: 'Office Location',
  agencyCode: 'Agency Code',
  'agencyCode.code': 'Agency Code',
  'agencyCode.name': 'Agency name',
  agencyName: 'Agency name',
  name: 'Profile name',
  id: 'Profile id',
  requireAgencyCode: 'Require an agency code',
  autoFill: 'Fill office defaults automatically',
  checks: 'Check switches',
  profiles: 'Office profiles',
  activeProfileId: 'Profile in use',
};

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  boolean: 'true or false',
  object: 'an object',
  record: 'an object',
  array: 'a list',
  number: 'a number',
};

export interface SettingsIssue {
  code?: string;
  path: PropertyKey[];
  message: string;
  expected?: unknown;
  maximum?: unknown;
  minimum?: unknown;
  origin?: string;
  input?: unknown;
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return 'text';
  if (typeof value === 'boolean') return String(value);
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** "Office profile "Downtown"" for a path inside `profiles`, naming the profile when the input says. */
function profileLabel(index: number, input: unknown): string {
  const profiles = (input as { profiles?: unknown } | null)?.profiles;
  const name = Array.isArray(profiles) ? (profiles[index] as { name?: unknown } | undefined)?.name : undefined;
  return typeof name === 'string' && name.trim() ? `Office profile "${name.trim().slice(0, 60)}"` : `Office profile ${index + 1}`;
}

function whereOf(path: string[], input: unknown): string {
  const dotted = path.join('.');
  if (path[0] === 'checks' && path.length > 1) return `The switch for check "${path.slice(1).join('.')}" (settings.${dotted})`;
  if (path[0] === 'profiles' && path.length > 2) {
    const field = path.slice(2).join('.');
    const label = FIELD_LABELS[field] ?? field;
    return `${profileLabel(Number(path[1]), input)}: ${label} (settings.${dotted})`;
  }
  if (!dotted) return 'The settings';
  const label = FIELD_LABELS[dotted];
  return label ? `${label} (settings.${dotted})` : `settings.${dotted}`;
}

/** One issue as a sentence. */
function describeIssue(issue: SettingsIssue, input: unknown): string {
  const where = whereOf(issue.path.map(String), input);
  const custom = issue.message && issue.message !== 'Invalid input' ? issue.message : '';
  switch (issue.code) {
    case 'invalid_type': {
      const expected = typeof issue.expected === 'string' ? (TYPE_NAMES[issue.expected] ?? issue.expected) : 'another type';
      const got = describeValue(issue.input);
      return got === 'missing' ? `${where} is missing.` : `${where} should be ${expected}, not ${got}.`;
    }
    case 'too_big':
      if (issue.origin === 'array') return `${where}: ${custom || `at most ${String(issue.maximum)}.`}`;
      return `${where} is too long (at most ${String(issue.maximum)} characters).`;
    case 'too_small':
      return `${where}: ${custom || `at least ${String(issue.minimum)}.`}`;
    case 'invalid_format':
      return `${where}: ${custom || 'the value has the wrong format.'}`;
    default:
      return `${where}: ${custom || 'the value is not valid.'}`;
  }
}

/**
 * Zod issues from validating settings, as sentences naming each field (the first few only). `input`
 * (what was validated) lets a message name the office profile. For readable input types, parse with
 * `{ reportInput: true }`.
 */
export function describeSettingsIssues(issues: ReadonlyArray<SettingsIssue>, input?: unknown, max = 3): string {
  const shown = issues.slice(0, max).map((issue) => describeIssue(issue, input));
  const more = issues.length > max ? ` (and ${issues.length - max} more)` : '';
  return `${shown.join(' ')}${more}`;
}

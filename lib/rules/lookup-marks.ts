import { TRAINING_ACTIVITY_CODES } from './credential-types';
import { formatCalJobsDate, isLaterDay, knownDate } from './dates';

/**
 * What the lookup windows say next to each row (issue 14): pure, from the row's code and dates. The
 * same facts as the form's checks (one list of training codes: TRAINING_ACTIVITY_CODES), and no rule
 * stronger than the sources: where a row says nothing readable, the mark says nothing.
 */
export type ActivityMarkId = 'training' | 'not-training' | 'starts-after';

export interface Mark {
  id: ActivityMarkId | 'office-code';
  text: string;
  /** Shown as a word or symbol beside the text, never colour alone (aria-hidden: the text says it). */
  icon: string;
  tone: 'good' | 'neutral' | 'caution';
}

export const MARK_TEXT = {
  training: 'Training: can be linked',
  'not-training': 'Not a training activity',
  'starts-after': 'Starts after the credential date',
  'office-code': "Your office's code",
} as const;

/** Each mark as the lookup windows draw it. */
export const MARKS: Readonly<Record<Mark['id'], Mark>> = {
  training: { id: 'training', text: MARK_TEXT.training, icon: '\u2713', tone: 'good' },
  'not-training': { id: 'not-training', text: MARK_TEXT['not-training'], icon: '\u2013', tone: 'neutral' },
  'starts-after': { id: 'starts-after', text: MARK_TEXT['starts-after'], icon: '!', tone: 'caution' },
  'office-code': { id: 'office-code', text: MARK_TEXT['office-code'], icon: '\u2605', tone: 'good' },
};

/** The marks of one activity row. `credentialDate`: the form's Date Credential Received, when valid. */
export function activityMarks(row: { code: string; start: string }, credentialDate: Date | null): Mark[] {
  const marks: Mark[] = [];
  if (row.code) marks.push(TRAINING_ACTIVITY_CODES.has(row.code) ? MARKS.training : MARKS['not-training']);
  const start = knownDate(row.start);
  if (credentialDate && start && isLaterDay(start, credentialDate)) marks.push(MARKS['starts-after']);
  return marks;
}

/**
 * What the worker answers a Search Activities/Services window (lib/messaging/lookup-date.ts): the
 * form's date as CalJOBS writes it (null when the form has none that is valid, or did not answer), and
 * the marks of each row, in the rows' order. The rules run there, not in the page's script.
 */
export function activityMarksAnswer(rows: ReadonlyArray<{ code: string; start: string }>, dateText: string | null): ActivityMarksAnswer {
  const date = dateText === null ? null : knownDate(dateText);
  return { date: date ? formatCalJobsDate(date) : null, marks: rows.map((row) => activityMarks(row, date).map((mark) => mark.id as ActivityMarkId)) };
}

export interface ActivityMarksAnswer {
  date: string | null;
  marks: ActivityMarkId[][];
}

/** Whether an agency row holds the office's code (codes compared without case or spaces). */
export function isOfficeCode(rowCode: string, officeCode: string): boolean {
  const clean = (code: string) => code.replace(/\s+/g, '').toUpperCase();
  return clean(officeCode) !== '' && clean(rowCode) === clean(officeCode);
}

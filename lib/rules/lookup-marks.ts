import { TRAINING_ACTIVITY_CODES } from './credential-types';
import { formatCalJobsDate, isLaterDay, knownDate } from './dates';
import { SOURCES } from './sources';

/**
 * What the lookup windows say (issue 14): pure, from each row's code and dates, the form's date and the
 * office's code. The same facts as the form's checks (one list of training codes:
 * TRAINING_ACTIVITY_CODES), and no rule stronger than the sources: where a row says nothing readable,
 * the mark says nothing. Run in the worker (lib/messaging/lookups.ts): a lookup window reads its grid,
 * sends the rows, and draws the answer, so none of this is in a CalJOBS page's script (issue 15).
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

/**
 * What a lookup window draws: each row's marks, in the rows' order, and the one line above the grid
 * (null: no line).
 */
export interface LookupAnswer {
  marks: Mark[][];
  line: string | null;
}

/** The marks of one activity row. `credentialDate`: the form's Date Credential Received, when valid. */
export function activityMarks(row: { code: string; start: string }, credentialDate: Date | null): Mark[] {
  const marks: Mark[] = [];
  if (row.code) marks.push(TRAINING_ACTIVITY_CODES.has(row.code) ? MARKS.training : MARKS['not-training']);
  const start = knownDate(row.start);
  if (credentialDate && start && isLaterDay(start, credentialDate)) marks.push(MARKS['starts-after']);
  return marks;
}

/**
 * Search Activities/Services: each row's marks, from the form's Date Credential Received as it answered
 * (null: no form answered), and the line saying what the marks mean and what they rest on.
 */
export function activitiesAnswer(rows: ReadonlyArray<{ code: string; start: string }>, dateText: string | null): LookupAnswer {
  const date = dateText === null ? null : knownDate(dateText);
  const training = `Activities marked "${MARK_TEXT.training}" are education or training activities (${SOURCES.wsd2405.short})`;
  return {
    marks: rows.map((row) => activityMarks(row, date)),
    line: date
      ? `${training}; those marked "${MARK_TEXT['starts-after']}" begin after ${formatCalJobsDate(date)}, the date on the form.`
      : `${training}. Enter the Date Credential Received on the form to see which start after it.`,
  };
}

/** Whether an agency row holds the office's code (codes compared without case or spaces). */
export function isOfficeCode(rowCode: string, officeCode: string): boolean {
  const clean = (code: string) => code.replace(/\s+/g, '').toUpperCase();
  return clean(officeCode) !== '' && clean(rowCode) === clean(officeCode);
}

/**
 * Agency Code Search: the office's code marked on its row (the first that holds it), or a line saying
 * where to set the code, or that it is not on this page of the list.
 */
export function agencyAnswer(rows: ReadonlyArray<{ code: string }>, officeCode: string): LookupAnswer {
  const code = officeCode.trim();
  const at = rows.findIndex((row) => isOfficeCode(row.code, code));
  return {
    marks: rows.map((_row, i) => (i === at ? [MARKS['office-code']] : [])),
    line: !code
      ? "Set your office's agency code in the assistant's options (right-click its toolbar button, then Options) to have it marked here."
      : at < 0
        ? `Your office's code, ${code}, is not on this page of the list. Search for it by its code.`
        : null,
  };
}

import { addYears, isAfter, isBefore, isSameDay, isValid, startOfDay } from 'date-fns';
import type { CredentialForm } from '../page/snapshot';

/** The result of reading a date the way CalJOBS writes it: m/d/yyyy or mm/dd/yyyy, nothing else. */
export type ParsedDate =
  | { kind: 'empty' }
  | { kind: 'invalid'; text: string }
  | { kind: 'valid'; date: Date };

const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/**
 * Reads a CalJOBS date. Accepts 8/18/2014 and 08/18/2014; refuses 2-digit years, other separators,
 * and dates that do not exist (02/30/2015, 13/01/2015). Never guesses.
 */
export function parseCalJobsDate(text: string | null | undefined): ParsedDate {
  const trimmed = (text ?? '').replace(/\u00a0/g, ' ').trim();
  if (trimmed === '') return { kind: 'empty' };
  const match = US_DATE.exec(trimmed);
  if (!match) return { kind: 'invalid', text: trimmed };
  const month = Number(match[1]);
  const day = Number(match[2]);
  const year = Number(match[3]);
  if (year < 1900 || month < 1 || month > 12 || day < 1) return { kind: 'invalid', text: trimmed };
  const date = new Date(year, month - 1, day);
  if (!isValid(date) || date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day) {
    return { kind: 'invalid', text: trimmed };
  }
  return { kind: 'valid', date };
}

/** A valid date or null, for the read-only dates where "empty" and "unreadable" both mean "unknown". */
export function knownDate(text: string | null | undefined): Date | null {
  const parsed = parseCalJobsDate(text);
  return parsed.kind === 'valid' ? parsed.date : null;
}

/** One year after exit; an exit on February 29 gives February 28 (TEGL 10-16). */
export function oneYearAfter(date: Date): Date {
  return addYears(date, 1);
}

/** The last day a credential may carry: the page's maximum if shown, else exit + 1 year, else none. */
export function lastDayToRecord(exit: Date | null, maximumShown: Date | null): Date | null {
  if (!exit) return null;
  return maximumShown ?? oneYearAfter(exit);
}

/** The last day a credential on this form may carry, from its General Information dates (or none). */
export function lastDayOnForm(form: Pick<CredentialForm, 'exitDate' | 'maximumDate'>): Date | null {
  return lastDayToRecord(knownDate(form.exitDate.text), knownDate(form.maximumDate.text));
}

export function isLaterDay(a: Date, b: Date): boolean {
  return isAfter(startOfDay(a), startOfDay(b));
}

export function isEarlierDay(a: Date, b: Date): boolean {
  return isBefore(startOfDay(a), startOfDay(b));
}

export function isSameCalendarDay(a: Date, b: Date): boolean {
  return isSameDay(a, b);
}

/** m/d/yyyy, the way the General Information block writes dates. */
export function formatCalJobsDate(date: Date): string {
  return `${date.getMonth() + 1}/${date.getDate()}/${date.getFullYear()}`;
}

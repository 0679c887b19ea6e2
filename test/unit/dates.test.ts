import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatCalJobsDate, isLaterDay, knownDate, lastDayToRecord, oneYearAfter, parseCalJobsDate } from '@/lib/rules/dates';

describe('parseCalJobsDate', () => {
  it.each([
    ['8/18/2014', 2014, 7, 18],
    ['08/18/2014', 2014, 7, 18],
    [' 02/29/2016 ', 2016, 1, 29],
    ['12/31/2025', 2025, 11, 31],
  ])('reads %s', (text, y, m, d) => {
    const parsed = parseCalJobsDate(text);
    expect(parsed.kind).toBe('valid');
    if (parsed.kind === 'valid') expect([parsed.date.getFullYear(), parsed.date.getMonth(), parsed.date.getDate()]).toEqual([y, m, d]);
  });

  it.each(['02/30/2015', '13/01/2015', '1/2/15', '02/29/2015', '2015-08-18', '8.18.2014', 'today', '00/10/2015', '10/00/2015', '8/18/2014x', '123/1/2014'])(
    'refuses %s (never guesses)',
    (text) => expect(parseCalJobsDate(text).kind).toBe('invalid'),
  );

  it('treats blank as empty, not invalid', () => {
    expect(parseCalJobsDate('').kind).toBe('empty');
    expect(parseCalJobsDate('  \u00a0 ').kind).toBe('empty');
    expect(parseCalJobsDate(undefined).kind).toBe('empty');
  });

  it('never throws and round-trips what it accepts', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const parsed = parseCalJobsDate(text);
        if (parsed.kind === 'valid') expect(parseCalJobsDate(formatCalJobsDate(parsed.date))).toEqual(parsed);
      }),
    );
    fc.assert(
      fc.property(fc.date({ min: new Date(1900, 0, 1), max: new Date(2100, 11, 31), noInvalidDate: true }), (date) => {
        const parsed = parseCalJobsDate(formatCalJobsDate(date));
        expect(parsed.kind).toBe('valid');
      }),
    );
  });
});

describe('the one-year window', () => {
  it('is exit + 1 year; Feb 29 gives Feb 28', () => {
    expect(formatCalJobsDate(oneYearAfter(knownDate('8/18/2014')!))).toBe('8/18/2015');
    expect(formatCalJobsDate(oneYearAfter(knownDate('2/29/2016')!))).toBe('2/28/2017');
  });

  it("prefers the page's maximum; no exit means no window", () => {
    expect(lastDayToRecord(null, knownDate('8/18/2015'))).toBeNull();
    expect(formatCalJobsDate(lastDayToRecord(knownDate('8/18/2014'), knownDate('9/1/2015'))!)).toBe('9/1/2015');
    expect(formatCalJobsDate(lastDayToRecord(knownDate('8/18/2014'), null)!)).toBe('8/18/2015');
  });

  it('compares calendar days, not times', () => {
    const morning = new Date(2026, 10, 30, 8);
    const evening = new Date(2026, 10, 30, 20);
    expect(isLaterDay(evening, morning)).toBe(false);
  });
});

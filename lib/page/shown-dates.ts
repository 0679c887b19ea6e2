/** Dates as the page shows them in read-only text (General Information, lookup grids). */

/** Texts that mean "no date" in a read-only date: "Not Exited", "N/A", "--", "None". */
const NO_DATE = /^(?:not exited|not yet exited|n\/a|na|none|-+|—)?$/i;
const US_DATE = /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/;
const ISO_DATE = /\b(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+Z?)?\b/;

/**
 * A read-only date as the page wrote it, in m/d/yyyy: .NET's `8/18/2014 12:00:00 AM`, `08/18/2014`,
 * `2014-08-18`. Texts meaning "no date" give ''; anything else is kept as it is (and reads as unknown).
 */
export function readOnlyDate(text: string): string {
  const t = text.replace(/\u00a0/g, ' ').trim();
  if (NO_DATE.test(t)) return '';
  const us = US_DATE.exec(t);
  if (us) return `${us[1]}/${us[2]}/${us[3]}`;
  const iso = ISO_DATE.exec(t);
  if (iso) return `${Number(iso[2])}/${Number(iso[3])}/${iso[1]}`;
  return t;
}

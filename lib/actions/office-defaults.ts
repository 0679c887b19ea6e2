import { isPlaceholderOption } from '../page/captions';
import type { FormLayout } from '../page/read-page';

/** Compares option texts the way a person would: case and spacing do not matter. */
function sameText(a: string, b: string): boolean {
  const norm = (s: string) => s.replace(/[\u00a0\s]+/g, ' ').trim().toLowerCase();
  return norm(a) === norm(b);
}

export type DefaultResult = 'applied' | 'already-chosen' | 'no-match' | 'no-field' | 'no-default';

/**
 * Picks the option whose visible text matches `wanted` in an unchosen select, and raises the events
 * the page listens for (an ASP.NET AutoPostBack may follow). Never overwrites a choice.
 */
export function chooseOption(select: HTMLSelectElement | null | undefined, wanted: string): DefaultResult {
  if (!wanted.trim()) return 'no-default';
  if (!select) return 'no-field';
  const current = select.options[select.selectedIndex];
  if (current && !isPlaceholderOption(current.textContent ?? '', current.value)) return 'already-chosen';
  const option = Array.from(select.options).find((o) => sameText(o.textContent ?? '', wanted));
  if (!option) return 'no-match';
  select.value = option.value;
  select.dispatchEvent(new Event('input', { bubbles: true }));
  select.dispatchEvent(new Event('change', { bubbles: true }));
  return 'applied';
}

export function selectOf(layout: FormLayout, key: 'region' | 'office'): HTMLSelectElement | null {
  const control = layout.fields.get(key)?.control;
  return control instanceof HTMLSelectElement ? control : null;
}

/** Whether a default could be applied to the field now (unchosen, with a matching option). */
export function canApply(layout: FormLayout, key: 'region' | 'office', wanted: string): boolean {
  const select = selectOf(layout, key);
  if (!select || !wanted.trim()) return false;
  const current = select.options[select.selectedIndex];
  if (current && !isPlaceholderOption(current.textContent ?? '', current.value)) return false;
  return Array.from(select.options).some((o) => sameText(o.textContent ?? '', wanted));
}

import { format } from 'date-fns';
import { storage } from 'wxt/utils/storage';
import { CHOICES_STORAGE_KEY } from './changes';
import { RememberedChoicesSchema } from './choices-schema';
import {
  emptyChoices,
  mergeAgencyCodes,
  mergeFormChoices,
  type RememberedChoices,
  type SeenFormChoices,
} from './choices';
import { sameJson, serialQueue } from './serial';

/**
 * The remembered CalJOBS choice lists (choices.ts), in `local:caljobsChoices`: this browser only (they
 * are what this browser saw), never synced, never sent anywhere. The worker writes them only when
 * something changed, so a content script may report the same lists as often as it likes.
 */

export const choicesItem = storage.defineItem<RememberedChoices>(`local:${CHOICES_STORAGE_KEY}`, { version: 1 });

const inChoicesQueue = serialQueue();

/** Today as a calendar day in the browser's time zone. */
export function today(now = new Date()): string {
  return format(now, 'yyyy-MM-dd');
}

export async function getRememberedChoices(): Promise<RememberedChoices> {
  try {
    const parsed = RememberedChoicesSchema.safeParse(await choicesItem.getValue());
    return parsed.success ? parsed.data : emptyChoices();
  } catch {
    return emptyChoices();
  }
}

/** Applies `change` to the stored lists; writes only when the result differs. Resolves true when it wrote. */
function update(change: (stored: RememberedChoices) => RememberedChoices): Promise<boolean> {
  return inChoicesQueue(async () => {
    const stored = await getRememberedChoices();
    const next = change(stored);
    if (sameJson(stored, next)) return false;
    await choicesItem.setValue(next);
    return true;
  });
}

export function rememberFormChoices(seen: SeenFormChoices, now = new Date()): Promise<boolean> {
  return update((stored) => mergeFormChoices(stored, seen, today(now)));
}

export function rememberAgencyCodes(codes: ReadonlyArray<{ code: string; name: string }>, now = new Date()): Promise<boolean> {
  return update((stored) => mergeAgencyCodes(stored, codes, today(now)));
}

/** Forgets every remembered list (the options page's "Forget the remembered lists"). */
export function forgetRememberedChoices(): Promise<RememberedChoices> {
  return inChoicesQueue(async () => {
    await choicesItem.removeValue();
    return emptyChoices();
  });
}

/**
 * Which storage changes concern the settings: one answer for the worker, the extension pages and the
 * content script (which imports this file, so it stays tiny and zod-free).
 */

/** The user's settings live in `sync:settings` (and their version in `settings$`). */
export const SETTINGS_STORAGE_KEY = 'settings';
/** The CalJOBS choice lists remembered from forms live in `local:caljobsChoices`. */
export const CHOICES_STORAGE_KEY = 'caljobsChoices';

/**
 * Whether a `storage.onChanged` event may change the effective settings: the user's settings (any
 * profile, the active one, the shared switches) or IT policy (the whole managed area).
 */
export function isSettingsChange(changes: Record<string, unknown>, areaName: string): boolean {
  return areaName === 'managed' || (areaName === 'sync' && SETTINGS_STORAGE_KEY in changes);
}

/** Whether a `storage.onChanged` event changed the remembered CalJOBS choice lists. */
export function isChoicesChange(changes: Record<string, unknown>, areaName: string): boolean {
  return areaName === 'local' && CHOICES_STORAGE_KEY in changes;
}

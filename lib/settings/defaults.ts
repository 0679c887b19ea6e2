/**
 * The office settings' type and defaults, without zod (the content script needs these on every page;
 * the schema, repair and policy code is in settings-schema.ts and runs in the worker and options page).
 */
export const SETTINGS_VERSION = 2;

export interface Settings {
  /** Visible text of the LWIA/Region choice, e.g. "Los Angeles County". */
  region: string;
  /** Visible text of the Office Location choice. */
  office: string;
  agencyCode: { code: string; name: string };
  requireAgencyCode: boolean;
  autoFill: boolean;
  /** Check id → false to switch it off. A check not listed is on. */
  checks: Record<string, boolean>;
}

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  region: '',
  office: '',
  agencyCode: Object.freeze({ code: '', name: '' }),
  requireAgencyCode: true,
  autoFill: false,
  checks: Object.freeze({}),
}) as Settings;

export function defaultSettings(): Settings {
  return structuredClone(DEFAULT_SETTINGS); // a plain, unfrozen copy
}

/** Keys a policy can lock; also the option rows on the options page. */
export type SettingKey = 'region' | 'office' | 'agencyCode' | 'requireAgencyCode' | 'autoFill' | 'checks';

export interface EffectiveSettings {
  settings: Settings;
  /** Settings set by IT policy: shown read-only on the options page. */
  locked: SettingKey[];
  /** Repairs made to stored values, for the options page to show once. */
  problems: string[];
}

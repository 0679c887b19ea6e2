import * as z from 'zod/mini';
import { browser } from 'wxt/browser';
import { sendMessage } from '@/lib/messaging/schemas';
import { Settings, type EffectiveSettings } from '@/lib/settings/schema';

/**
 * How the options page reaches the settings: only through the background worker's messages, plus
 * storage change events to refresh live. Injected into the page so it can be rendered with a stand-in.
 */
export interface SettingsApi {
  getSettings(): Promise<EffectiveSettings>;
  saveSettings(settings: Settings): Promise<EffectiveSettings>;
  /** Calls `listener` when the user's settings or the policy change; returns the unsubscribe function. */
  onChanged(listener: () => void): () => void;
}

const SETTING_KEYS = ['region', 'office', 'agencyCode', 'requireAgencyCode', 'autoFill', 'checks'] as const;

/** What the worker answers, checked where it is received. */
export const EffectiveSettingsSchema = z.object({
  settings: Settings,
  locked: z.array(z.enum(SETTING_KEYS)),
  problems: z.array(z.string()),
});

function checked(value: unknown): EffectiveSettings {
  const parsed = EffectiveSettingsSchema.safeParse(value);
  if (!parsed.success) throw new Error('The assistant answered with settings this page cannot read. Reload the page.');
  return parsed.data;
}

export const messagingApi: SettingsApi = {
  async getSettings() {
    return checked(await sendMessage('getSettings'));
  },
  async saveSettings(settings) {
    return checked(await sendMessage('saveSettings', { settings }));
  },
  onChanged(listener) {
    const onStorageChanged = (changes: Record<string, unknown>, areaName: string) => {
      if (areaName === 'managed' || (areaName === 'sync' && 'settings' in changes)) listener();
    };
    browser.storage.onChanged.addListener(onStorageChanged);
    return () => browser.storage.onChanged.removeListener(onStorageChanged);
  },
};

import { browser } from 'wxt/browser';
import { EffectiveSettingsSchema, RememberedChoicesSchema, sendMessage } from '@/lib/messaging/schemas';
import { isChoicesChange, isSettingsChange } from '@/lib/settings/changes';
import type { RememberedChoices } from '@/lib/settings/choices';
import type { EffectiveSettingsWithProfiles, UserSettings } from '@/lib/settings/defaults';

/**
 * How the options page reaches the settings and the remembered CalJOBS lists: only through the
 * background worker's messages, plus storage change events to refresh live. Injected into the page so
 * it can be rendered with a stand-in.
 */
export interface SettingsApi {
  getSettings(): Promise<EffectiveSettingsWithProfiles>;
  saveSettings(settings: UserSettings): Promise<EffectiveSettingsWithProfiles>;
  getChoices(): Promise<RememberedChoices>;
  forgetChoices(): Promise<RememberedChoices>;
  /** Calls `listener` when the settings, the policy or the remembered lists change; returns the unsubscribe function. */
  onChanged(listener: () => void): () => void;
}

const UNREADABLE = 'The assistant answered with something this page cannot read. Reload the page.';

function checked<T>(schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } }, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new Error(UNREADABLE);
  return parsed.data;
}

export const messagingApi: SettingsApi = {
  async getSettings() {
    return checked(EffectiveSettingsSchema, await sendMessage('getSettings'));
  },
  async saveSettings(settings) {
    return checked(EffectiveSettingsSchema, await sendMessage('saveSettings', { settings }));
  },
  async getChoices() {
    return checked(RememberedChoicesSchema, await sendMessage('getRememberedChoices'));
  },
  async forgetChoices() {
    return checked(RememberedChoicesSchema, await sendMessage('forgetRememberedChoices'));
  },
  onChanged(listener) {
    const onStorageChanged = (changes: Record<string, unknown>, areaName: string) => {
      if (isSettingsChange(changes, areaName) || isChoicesChange(changes, areaName)) listener();
    };
    browser.storage.onChanged.addListener(onStorageChanged);
    return () => browser.storage.onChanged.removeListener(onStorageChanged);
  },
};

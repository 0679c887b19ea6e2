import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { EffectiveSettingsSchema, sendMessage } from '@/lib/messaging/schemas';
import { isSettingsChange } from '@/lib/settings/changes';
import { officeFullyLocked, type EffectiveSettingsWithProfiles } from '@/lib/settings/defaults';
import './profile-switcher.css';

/** How the switcher reaches the worker; injected so it can be rendered with a stand-in. */
export interface ProfilesApi {
  getSettings(): Promise<EffectiveSettingsWithProfiles>;
  setActiveProfile(profileId: string): Promise<EffectiveSettingsWithProfiles>;
  /** Calls `listener` when the settings or the policy change; returns the unsubscribe function. */
  onChanged(listener: () => void): () => void;
}

const checked = (value: unknown): EffectiveSettingsWithProfiles => {
  const parsed = EffectiveSettingsSchema.safeParse(value);
  if (!parsed.success) throw new Error('The assistant answered with settings the panel cannot read.');
  return parsed.data;
};

export const messagingProfilesApi: ProfilesApi = {
  async getSettings() {
    return checked(await sendMessage('getSettings'));
  },
  async setActiveProfile(profileId) {
    return checked(await sendMessage('setActiveProfile', { profileId }));
  },
  onChanged(listener) {
    const onStorageChanged = (changes: Record<string, unknown>, areaName: string) => {
      if (isSettingsChange(changes, areaName)) listener();
    };
    browser.storage.onChanged.addListener(onStorageChanged);
    return () => browser.storage.onChanged.removeListener(onStorageChanged);
  },
};

/**
 * The side panel header's office profile switch: the profile in use, and one click to use another.
 * Shown only with two or more profiles, and not when IT policy locks every office field (a switch
 * would change nothing then). Open CalJOBS forms follow the switch at once (they watch the settings).
 */
export function ProfileSwitcher({ api = messagingProfilesApi }: { api?: ProfilesApi }) {
  const [effective, setEffective] = useState<EffectiveSettingsWithProfiles | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => {
    api.getSettings().then(setEffective, () => setEffective(null));
  }, [api]);

  useEffect(() => {
    load();
    return api.onChanged(load);
  }, [api, load]);

  if (!effective || effective.profiles.length < 2 || officeFullyLocked(effective.locked)) return null;

  const choose = async (profileId: string) => {
    if (busy || profileId === effective.activeProfileId) return;
    setBusy(true);
    setError(null);
    try {
      setEffective(await api.setActiveProfile(profileId));
    } catch (failure) {
      setError(failure instanceof Error && failure.message ? failure.message : 'The profile could not be switched.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="profile-switcher">
      <span id="profile-switcher-label" className="profile-switcher-label">
        Office profile
      </span>
      <div role="group" aria-labelledby="profile-switcher-label" className="profile-switcher-options">
        {effective.profiles.map((profile) => {
          const active = profile.id === effective.activeProfileId;
          return (
            <button
              key={profile.id}
              type="button"
              className="profile-option"
              aria-pressed={active}
              aria-disabled={busy || undefined}
              onClick={() => void choose(profile.id)}
            >
              {active && <span aria-hidden="true">✓ </span>}
              {profile.name}
            </button>
          );
        })}
      </div>
      {error && (
        <p className="profile-switcher-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { DOWNTOWN, EASTSIDE, sampleUserSettings } from './support/settings';
import { alerts, button, click, container, render, useDom } from './support/options-page';
import { act } from 'react';
import { ProfileSwitcher, type ProfilesApi } from '@/components/panel/ProfileSwitcher';
import { effectiveSettings, type ManagedPolicy } from '@/lib/settings/policy';
import type { UserSettings } from '@/lib/settings/defaults';

/** The side panel header's profile switch, with a stand-in worker that uses the real policy rules. */

useDom();

function fakeWorker(initial: UserSettings, policy: ManagedPolicy = {}) {
  let user = structuredClone(initial);
  let listener: (() => void) | null = null;
  const current = () => ({ ...effectiveSettings(user, policy), problems: [] });
  const api = {
    getSettings: vi.fn(async () => current()),
    setActiveProfile: vi.fn(async (profileId: string) => {
      if (!user.profiles.some((p) => p.id === profileId)) throw new Error('That office profile no longer exists.');
      user = { ...user, activeProfileId: profileId };
      return current();
    }),
    onChanged: (cb: () => void) => {
      listener = cb;
      return () => (listener = null);
    },
  } satisfies ProfilesApi;
  return {
    api,
    async change(next: UserSettings) {
      user = next;
      await act(async () => listener?.());
      await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
    },
  };
}

const pressed = () => [...container.querySelectorAll('[aria-pressed="true"]')].map((b) => b.textContent?.replace('✓', '').trim());

describe('the side panel’s profile switch', () => {
  it('shows the profile in use and switches to another in one click, through the worker', async () => {
    const { api } = fakeWorker(sampleUserSettings());
    await render(ProfileSwitcher, { api });
    expect(container.querySelector('[role="group"]')?.getAttribute('aria-labelledby')).toBe('profile-switcher-label');
    expect(container.querySelector('#profile-switcher-label')?.textContent).toBe('Office profile');
    expect(pressed()).toEqual(['Downtown']);
    await click(button('Eastside'));
    expect(api.setActiveProfile).toHaveBeenCalledWith(EASTSIDE.id);
    expect(pressed()).toEqual(['Eastside']);
    // Clicking the profile in use does nothing.
    await click(button('✓ Eastside'));
    expect(api.setActiveProfile).toHaveBeenCalledTimes(1);
  });

  it('is not shown with a single profile, and appears when a second one is saved elsewhere', async () => {
    const worker = fakeWorker({ ...sampleUserSettings(), profiles: [DOWNTOWN] });
    await render(ProfileSwitcher, { api: worker.api });
    expect(container.innerHTML).toBe('');
    await worker.change(sampleUserSettings());
    expect(pressed()).toEqual(['Downtown']);
  });

  it('is not shown when IT policy locks every office field (a switch would change nothing)', async () => {
    const { api } = fakeWorker(sampleUserSettings(), { region: 'R', office: 'O', agencyCode: 'LA0211' });
    await render(ProfileSwitcher, { api });
    expect(container.innerHTML).toBe('');
  });

  it('is shown when policy locks only some office fields', async () => {
    const { api } = fakeWorker(sampleUserSettings(), { region: 'R' });
    await render(ProfileSwitcher, { api });
    expect(pressed()).toEqual(['Downtown']);
  });

  it('says so when the switch fails, and keeps showing the profile in use', async () => {
    const { api } = fakeWorker(sampleUserSettings());
    api.setActiveProfile.mockRejectedValueOnce(new Error('That office profile no longer exists.'));
    await render(ProfileSwitcher, { api });
    await click(button('Eastside'));
    expect(alerts()).toEqual(['That office profile no longer exists.']);
    expect(pressed()).toEqual(['Downtown']);
  });
});

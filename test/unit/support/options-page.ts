import { afterEach, beforeEach, vi } from 'vitest';
import { act, createElement, type ReactElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { SettingsApi } from '@/components/options/api';
import { emptyChoices, type RememberedChoices } from '@/lib/settings/choices';
import type { EffectiveSettingsWithProfiles, UserSettings } from '@/lib/settings/defaults';
import { effectiveSettings, keepLockedUserValues, type ManagedPolicy } from '@/lib/settings/policy';
import { UserSettings as UserSettingsSchema } from '@/lib/settings/schema';

/** Helpers for rendering the options page (and the panel's switcher) in happy-dom, as a user drives them. */

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/**
 * A stand-in for the worker's storage, using the real policy rules: keeps the user's settings,
 * applies `policy` on read and keeps locked values on save, and refuses what the worker refuses.
 */
export function fakeApi(initial: UserSettings, options: { policy?: ManagedPolicy; choices?: RememberedChoices; problems?: string[] } = {}) {
  let user = structuredClone(initial);
  let policy = options.policy ?? {};
  let problems = options.problems ?? [];
  let choices = options.choices ?? emptyChoices();
  const listeners = new Set<() => void>();
  const current = (): EffectiveSettingsWithProfiles => structuredClone({ ...effectiveSettings(user, policy), problems });
  const api = {
    getSettings: vi.fn(async () => current()),
    saveSettings: vi.fn(async (settings: UserSettings) => {
      if (!UserSettingsSchema.safeParse(settings).success) throw new Error('These settings are not valid.');
      user = keepLockedUserValues(structuredClone(settings), user, effectiveSettings(user, policy).locked);
      problems = [];
      return current();
    }),
    getChoices: vi.fn(async () => structuredClone(choices)),
    forgetChoices: vi.fn(async () => {
      choices = emptyChoices();
      return emptyChoices();
    }),
    onChanged: (listener: () => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  } satisfies SettingsApi;
  return {
    api,
    stored: () => structuredClone(user),
    /** Settings changed elsewhere (another window, sync, the panel's switch or policy). */
    async change(next: { user?: UserSettings; policy?: ManagedPolicy; choices?: RememberedChoices }) {
      if (next.user) user = structuredClone(next.user);
      if (next.policy) policy = next.policy;
      if (next.choices) choices = next.choices;
      await act(async () => {
        for (const listener of listeners) listener();
      });
    },
  };
}

export let container: HTMLElement;
let root: Root;

export function useDom(): void {
  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
  });
  afterEach(async () => {
    await act(async () => root.unmount());
    container.remove();
    vi.restoreAllMocks();
  });
}

export async function render<P extends object>(component: (props: P) => ReactElement | null, props: P): Promise<void> {
  await act(async () => {
    root.render(createElement(component, props));
  });
  // Let the first load resolve.
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

/** The control whose <label> text is exactly `text` (as Playwright's getByLabel(text, { exact: true })). */
export function byLabel(text: string): HTMLInputElement {
  const label = [...container.querySelectorAll('label')].find((l) => l.textContent?.trim() === text);
  if (!label) throw new Error(`no label "${text}"`);
  const control = container.querySelector<HTMLInputElement>(`#${CSS.escape(label.htmlFor)}`);
  if (!control) throw new Error(`label "${text}" has no control`);
  return control;
}

export function button(name: string): HTMLButtonElement {
  const found = [...container.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
  if (!found) throw new Error(`no button "${name}"`);
  return found;
}

export const hasButton = (name: string) => [...container.querySelectorAll('button')].some((b) => b.textContent?.trim() === name);
export const statusText = () => container.querySelector('#save-status')?.textContent ?? '';
export const alerts = () => [...container.querySelectorAll('[role="alert"]')].map((el) => el.textContent ?? '');

/** The text of everything a control's aria-describedby points at. */
export function description(control: Element): string {
  const ids = control.getAttribute('aria-describedby')?.split(' ') ?? [];
  return ids.map((id) => container.querySelector(`#${CSS.escape(id)}`)?.textContent ?? '').join(' | ');
}

/** Types into a React-controlled input. */
export async function type(input: HTMLInputElement, value: string): Promise<void> {
  await act(async () => {
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
    setter?.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

export async function select(control: HTMLSelectElement, value: string): Promise<void> {
  await act(async () => {
    const setter = Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')?.set;
    setter?.call(control, value);
    control.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

export async function click(element: HTMLElement): Promise<void> {
  await act(async () => {
    element.click();
  });
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

export async function key(element: HTMLElement, name: string): Promise<void> {
  await act(async () => {
    element.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true }));
  });
}

export async function chooseFile(input: HTMLInputElement, file: File): Promise<void> {
  Object.defineProperty(input, 'files', { configurable: true, value: [file] });
  await act(async () => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  // Let file.text() and the save resolve.
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 10));
  });
}

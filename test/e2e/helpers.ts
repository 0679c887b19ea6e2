import { expect } from 'vitest';
import type { Browser, Tab } from './driver';

export { byLabel, byRole, byText, capabilities, launch, nth, pageUrl, sleep, within, type Browser, type Tab, type TextMatch } from './driver';

/** Ids of the inline warnings shown now (inside our shadow roots). */
export async function inlineChecks(page: Tab): Promise<string[]> {
  return (await page.attrs('caljobs-assistant-note [data-check]', 'data-check')).map((id) => id ?? '').sort();
}

/** Waits (up to `timeout`) until the inline warnings are exactly `ids`. */
export async function expectChecks(page: Tab, ids: string[], timeout = 3000): Promise<void> {
  await expect.poll(() => inlineChecks(page), { timeout, interval: 100 }).toEqual([...ids].sort());
}

export async function summaryCounts(page: Tab): Promise<{ errors: number; warnings: number; infos: number; text: string }> {
  await page.waitFor('[data-check-summary]');
  const [errors, warnings, infos, text] = await Promise.all([
    page.attr('[data-check-summary]', 'data-errors'),
    page.attr('[data-check-summary]', 'data-warnings'),
    page.attr('[data-check-summary]', 'data-infos'),
    page.text('[data-check-summary] [role=status]'),
  ]);
  return { errors: Number(errors), warnings: Number(warnings), infos: Number(infos), text };
}

/** The field key a warning host is attached to, per check id. */
export async function noteFields(page: Tab): Promise<Record<string, string>> {
  return page.evaluateAll('caljobs-assistant-note', (hosts) => {
    const out: Record<string, string> = {};
    for (const host of hosts) {
      for (const note of Array.from(host.shadowRoot?.querySelectorAll('[data-check]') ?? [])) {
        out[note.getAttribute('data-check') ?? ''] = host.getAttribute('data-assistant-field') ?? '';
      }
    }
    return out;
  });
}

/** Everything we injected must be nameless and outside the page's form submission. */
export async function injectedNamedControls(page: Tab): Promise<number> {
  return page.evaluate(() => {
    let named = 0;
    for (const host of Array.from(document.querySelectorAll('caljobs-assistant-note, caljobs-assistant-summary, caljobs-assistant-dialog, caljobs-assistant-highlight'))) {
      if (host.hasAttribute('name')) named += 1;
      named += host.shadowRoot?.querySelectorAll('[name]').length ?? 0;
    }
    return named;
  });
}

export const ALL_BLANK = [
  'region-missing',
  'office-missing',
  'credential-missing',
  'verification-missing',
  'date-missing',
  'activity-missing',
  'agency-code-missing',
];

/**
 * Every end-to-end file ends with this: no request went anywhere but the fixture pages, no error was
 * thrown into a page, then the browser closes.
 */
export async function finish(browser: Browser | undefined): Promise<void> {
  if (!browser) return;
  try {
    const leaving = browser.requests.filter((r) => /^https?:/.test(r.url) && !r.url.startsWith('https://www.caljobs.ca.gov/'));
    expect(leaving, 'requests that left for somewhere other than CalJOBS').toEqual([]);
    expect(browser.foreign).toEqual([]);
    expect(browser.pageErrors, `errors thrown into pages: ${browser.pageErrors.join(' / ')}`).toEqual([]);
  } finally {
    await browser.close();
  }
}

/**
 * Sends a protocol message to the worker from an extension page, in @webext-core/messaging's format
 * (the same runtime message a content script sends), and returns the worker's `{ res }` or `{ err }`.
 */
export async function toWorker(page: Tab, type: string, data?: unknown): Promise<{ res?: unknown; err?: { message: string } }> {
  return (await page.evaluate(
    async ([t, d]: [string, unknown]) => {
      const g = globalThis as unknown as { browser?: { runtime: { sendMessage(m: unknown): Promise<unknown> } }; chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } };
      return (g.browser ?? g.chrome).runtime.sendMessage({ id: 1, type: t, data: d, timestamp: Date.now() });
    },
    [type, data],
  )) as { res?: unknown; err?: { message: string } };
}

/**
 * Changes the office profile in use, as the options page's Save does: through the worker's getSettings
 * and saveSettings (from an extension page, in the messaging wire format). The options page itself is
 * tested in office-defaults and office-profiles; elsewhere its pickers (which offer what forms showed)
 * would only be in the way.
 */
export async function saveOfficeProfile(
  browser: Browser,
  changes: { region?: string; office?: string; agencyCode?: { code: string; name: string } },
): Promise<void> {
  const page = await browser.openExtensionPage('options.html');
  const answer = await page.evaluate(async (wanted: typeof changes) => {
    type Api = { runtime: { sendMessage(m: unknown): Promise<{ res?: unknown; err?: { message: string } }> } };
    const g = globalThis as unknown as { browser?: Api; chrome: Api };
    const send = (type: string, data?: unknown) => (g.browser ?? g.chrome).runtime.sendMessage({ id: 1, type, data, timestamp: Date.now() });
    const got = (await send('getSettings')).res as {
      settings: { requireAgencyCode: boolean; autoFill: boolean; checks: Record<string, boolean> };
      profiles: Array<{ id: string }>;
      activeProfileId: string;
    };
    const profiles = got.profiles.map((p) => (p.id === got.activeProfileId ? { ...p, ...wanted } : p));
    const { requireAgencyCode, autoFill, checks } = got.settings;
    return send('saveSettings', { settings: { profiles, activeProfileId: got.activeProfileId, requireAgencyCode, autoFill, checks } });
  }, changes);
  expect(answer.err).toBeUndefined();
  await page.close();
}

import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { fixtureTabId, launch, pageUrl } from '../../scripts/browser.mjs';

export type Browser = Awaited<ReturnType<typeof launch>>;
export { launch, pageUrl };

/** Ids of the inline warnings shown now (inside our shadow roots; Playwright pierces open roots). */
export async function inlineChecks(page: Page): Promise<string[]> {
  return (await page.locator('caljobs-assistant-note [data-check]').evaluateAll((els) => els.map((el) => el.getAttribute('data-check') ?? ''))).sort();
}

/** Waits (up to `timeout`) until the inline warnings are exactly `ids`. */
export async function expectChecks(page: Page, ids: string[], timeout = 3000): Promise<void> {
  await expect.poll(() => inlineChecks(page), { timeout, interval: 100 }).toEqual([...ids].sort());
}

export async function summaryCounts(page: Page): Promise<{ errors: number; warnings: number; infos: number; text: string }> {
  const summary = page.locator('[data-check-summary]');
  await summary.waitFor({ state: 'attached', timeout: 5000 });
  const [errors, warnings, infos, text] = await Promise.all([
    summary.getAttribute('data-errors'),
    summary.getAttribute('data-warnings'),
    summary.getAttribute('data-infos'),
    summary.locator('[role=status]').textContent(),
  ]);
  return { errors: Number(errors), warnings: Number(warnings), infos: Number(infos), text: text ?? '' };
}

/** The field key a warning host is attached to, per check id. */
export async function noteFields(page: Page): Promise<Record<string, string>> {
  return page.locator('caljobs-assistant-note').evaluateAll((hosts) => {
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
export async function injectedNamedControls(page: Page): Promise<number> {
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

/** Opens a fixture in a fresh tab and the side panel attached to it (`sidepanel.html?tabId=N`). */
export async function openWithPanel(browser: Browser, name: Parameters<typeof pageUrl>[0], sample = 'blank'): Promise<{ page: Page; panel: Page; tabId: number }> {
  for (const old of browser.context.pages()) await old.close();
  const page = await browser.context.newPage();
  await page.goto(pageUrl(name, { case: sample }));
  const panel = await browser.context.newPage();
  await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html`);
  const tabId: number = await fixtureTabId(panel);
  await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?tabId=${tabId}`);
  await panel.setViewportSize({ width: 360, height: 900 });
  return { page, panel, tabId };
}

/** Runs axe-core on a page and returns the serious and critical violations. */
export async function axeViolations(page: Page, include?: string[]): Promise<Array<{ id: string; impact: string; nodes: number }>> {
  const { readFileSync } = await import('node:fs');
  const { createRequire } = await import('node:module');
  const source = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source);
  const violations = await page.evaluate(async (selectors) => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, o: object): Promise<{ violations: Array<{ id: string; impact: string; nodes: unknown[] }> }> } }).axe;
    const context = selectors ? { include: selectors.map((s) => [s]) } : document;
    const result = await axe.run(context, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
  }, include);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

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

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finish, inlineChecks, launch, pageUrl, type Browser, type Tab } from './helpers';

/**
 * No file of the extension is readable by any page, CalJOBS included: the assistant (with the
 * lookup-window help) and the support report are put into CalJOBS frames by the worker
 * (lib/messaging/page-scripts.ts), so the manifests list no web_accessible_resources, and a page
 * cannot tell the extension is installed by probing for its files.
 */
const PRIVATE = ['assistant.js', 'structure-report.js', 'background.js', 'options.html', 'sidepanel.html', 'caljobs-gate.js', 'page-world.js', 'manifest.json'];

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await finish(browser);
});

/** Whether a page can read `url`, asked the two ways a page can: fetch() and a <link rel=preload>. */
async function canRead(page: Tab, url: string): Promise<{ fetch: boolean; preload: boolean }> {
  return page.evaluate(async (u) => {
    const viaFetch = await fetch(u).then(
      (response) => response.ok,
      () => false,
    );
    const viaPreload = await new Promise<boolean>((resolve) => {
      const link = document.createElement('link');
      link.rel = 'preload';
      link.as = 'script';
      link.href = u;
      link.onload = () => resolve(true);
      link.onerror = () => resolve(false);
      document.head.append(link);
    });
    return { fetch: viaFetch, preload: viaPreload };
  }, url);
}

describe('extension files', () => {
  it('a CalJOBS page can read none of them, and the assistant still runs there', async () => {
    const page = await browser.open(pageUrl('classic', { case: 'missing-agency' }));
    await expect.poll(() => inlineChecks(page), { timeout: 5000, interval: 100 }).toContain('agency-code-missing');
    for (const file of PRIVATE) expect(await canRead(page, browser.extensionUrl(file)), file).toEqual({ fetch: false, preload: false });
    expectOnlyRefusals(PRIVATE);
    await page.close();
  });

  it('a page of any other site can read none of them', async () => {
    const page = await browser.openOtherSite('https://unrelated.example/', '<!doctype html><html lang="en"><title>Another site</title><p>Not CalJOBS.</p></html>');
    for (const file of PRIVATE) {
      expect(await canRead(page, browser.extensionUrl(file)), file).toEqual({ fetch: false, preload: false });
    }
    expectOnlyRefusals(PRIVATE);
    await page.close();
  });
});

/** Firefox reports each refused load as an error in the page (Chromium does not): those, and no other. */
function expectOnlyRefusals(files: string[]): void {
  for (const error of browser.takePageErrors()) {
    expect(files.some((file) => error.includes(browser.extensionUrl(file))), error).toBe(true);
  }
}

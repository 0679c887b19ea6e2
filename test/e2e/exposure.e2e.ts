import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finish, launch, pageUrl, type Browser, type Tab } from './helpers';

/**
 * The web-accessible files (the assistant and the lookup-window help, loaded on demand by the content
 * script, and the support report) are readable by CalJOBS pages only (the manifests'
 * web_accessible_resources `matches`), and nothing else of the extension is readable by any page.
 */
const EXPOSED = ['assistant.js', 'structure-report.js'];
const PRIVATE = ['background.js', 'options.html', 'sidepanel.html', 'caljobs-gate.js', 'page-world.js', 'manifest.json'];

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

describe('web-accessible files', () => {
  it('a CalJOBS page can read the assistant, the lookup help and the support report, and nothing else', async () => {
    const page = await browser.open(pageUrl('unrelated'));
    for (const file of EXPOSED) expect(await canRead(page, browser.extensionUrl(file)), file).toEqual({ fetch: true, preload: true });
    for (const file of PRIVATE) expect(await canRead(page, browser.extensionUrl(file)), file).toEqual({ fetch: false, preload: false });
    expectOnlyRefusals(PRIVATE);
    await page.close();
  });

  it('a page of any other site can read none of them', async () => {
    const page = await browser.openOtherSite('https://unrelated.example/', '<!doctype html><html lang="en"><title>Another site</title><p>Not CalJOBS.</p></html>');
    for (const file of [...EXPOSED, ...PRIVATE]) {
      expect(await canRead(page, browser.extensionUrl(file)), file).toEqual({ fetch: false, preload: false });
    }
    expectOnlyRefusals([...EXPOSED, ...PRIVATE]);
    await page.close();
  });
});

/** Firefox reports each refused load as an error in the page (Chromium does not): those, and no other. */
function expectOnlyRefusals(files: string[]): void {
  for (const error of browser.takePageErrors()) {
    expect(files.some((file) => error.includes(browser.extensionUrl(file))), error).toBe(true);
  }
}

import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser as PuppeteerBrowser, type ElementHandle, type HTTPRequest, type Page } from 'puppeteer-core';
import { CALJOBS, fixtureResponse, parseFormBody } from '../../../scripts/fixture-server.mjs';
import { Browser, BUILD_DIRS, type ExtensionApi, type LaunchOptions, type Post, type Request } from './index';
import { sleep, Tab, type Handle, type Primitives } from './tab';

/** The add-on id (wxt.config.ts, browser_specific_settings.gecko.id). */
export const GECKO_ID = 'caljobs-credential-assistant@lacounty.example';
/** The moz-extension:// host, pinned (it is random per profile otherwise). */
export const EXTENSION_UUID = 'c4a1f0b5-7e2d-4b8a-9c3e-5d6f7a8b9c0d';

export function findFirefox(): string | null {
  const candidates = [
    process.env.FIREFOX_PATH,
    '/usr/bin/firefox-esr',
    '/usr/bin/firefox',
    '/Applications/Firefox.app/Contents/MacOS/firefox',
    'C:\\Program Files\\Mozilla Firefox\\firefox.exe',
  ].filter((path): path is string => !!path);
  return candidates.find((path) => existsSync(path)) ?? null;
}

/**
 * Firefox (ESR 140+) through puppeteer-core over WebDriver BiDi: the production Firefox build
 * installed as a temporary add-on (no signing), fixtures answered by scripts/fixture-server.mjs
 * through puppeteer's request interception, which is per page: every tab gets it before its first
 * request (tabs the browser opens by itself get it as soon as they appear).
 */
class FirefoxBrowser extends Browser {
  readonly name = 'firefox' as const;
  private readonly wrapped = new Map<Page, Tab>();
  private readonly ready = new WeakMap<Page, Promise<void>>();
  private readonly scratch = mkdtempSync(join(tmpdir(), 'caljobs-assistant-files-'));

  constructor(
    private readonly browser: PuppeteerBrowser,
    logs: { requests: Request[]; posts: Post[]; foreign: string[]; pageErrors: string[] },
  ) {
    super(logs);
    browser.on('targetcreated', (target) => {
      if (target.type() !== 'page') return;
      // Over WebDriver BiDi a frame inside a page (a RadWindow's <iframe>) is a 'page' target too, but
      // request interception exists for top-level pages only (and covers their frames): prepare the
      // top-level ones (tabs, popup windows) only.
      void target.page().then(async (page) => {
        if (page && (await target.browserContext().pages()).includes(page)) await this.prepare(page);
      });
    });
  }

  /** Request interception and the page-error log, once per page; the page is then one of tabs(). */
  prepare(page: Page): Promise<void> {
    let ready = this.ready.get(page);
    if (!ready) {
      this.wrap(page);
      page.on('pageerror', (error) => this.pageErrors.push(`${page.url()}: ${error instanceof Error ? error.message : String(error)}`));
      page.on('request', (request) => void this.answer(request));
      page.on('close', () => this.wrapped.delete(page));
      ready = page.setRequestInterception(true);
      this.ready.set(page, ready);
    }
    return ready;
  }

  private async answer(request: HTTPRequest): Promise<void> {
    try {
      const url = new URL(request.url());
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return await request.continue();
      this.requests.push({ url: request.url(), method: request.method() });
      if (url.origin !== CALJOBS) {
        this.foreign.push(request.url());
        return await request.abort('blockedbyclient');
      }
      // On Firefox postData() is not filled in: the body has to be fetched.
      const postData = request.method() === 'POST' ? ((await request.fetchPostData()) ?? '') : '';
      if (request.method() === 'POST') this.posts.push({ path: url.pathname, body: postData, fields: parseFormBody(postData) as Record<string, string> });
      const answer = fixtureResponse({ method: request.method(), url, postData });
      await request.respond({ status: answer.status, contentType: answer.contentType, body: answer.body });
    } catch (error) {
      if (!request.isInterceptResolutionHandled()) await request.abort().catch(() => undefined);
      this.pageErrors.push(`fixture server: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private wrap(page: Page): Tab {
    let tab = this.wrapped.get(page);
    if (!tab) {
      tab = new Tab(primitives(page, this.scratch), page);
      this.wrapped.set(page, tab);
    }
    return tab;
  }

  async newTab(): Promise<Tab> {
    const page = await this.browser.newPage();
    await this.prepare(page);
    return this.wrap(page);
  }
  tabs(): Tab[] {
    return [...this.wrapped.values()];
  }
  extensionUrl(path: string): string {
    return `moz-extension://${EXTENSION_UUID}/${path}`;
  }
  /** Firefox's background page is not reachable from a driver: ask from an extension page instead. */
  private async inExtensionPage<R>(fn: () => Promise<R>): Promise<R> {
    const page = await this.openExtensionPage('options.html');
    try {
      return await page.evaluate(fn);
    } finally {
      await page.close();
    }
  }
  extensionStorage(): Promise<Record<string, Record<string, unknown>>> {
    return this.inExtensionPage(async () => {
      const api = (globalThis as unknown as { browser: ExtensionApi }).browser;
      const areas: Record<string, Record<string, unknown>> = {};
      for (const area of ['local', 'sync', 'session'] as const) areas[area] = await api.storage[area].get(null);
      return areas;
    });
  }
  managedStorage(): Promise<Record<string, unknown>> {
    return this.inExtensionPage(async () => {
      const api = (globalThis as unknown as { browser: ExtensionApi }).browser;
      // Firefox rejects when no policy names the add-on; Chromium answers {}: the same answer here.
      return api.storage.managed.get(null).catch((error: Error) => {
        if (/Managed storage manifest not found/i.test(error.message)) return {};
        throw error;
      });
    });
  }
  async reloadExtension(): Promise<void> {
    const page = await this.openExtensionPage('options.html');
    await page.evaluate(() => void (globalThis as unknown as { browser: ExtensionApi }).browser.runtime.reload()).catch(() => undefined);
    await page.close().catch(() => undefined);
  }
  async listenerCounts(): Promise<{ window: number; document: number }> {
    throw new Error('Firefox cannot count event listeners from a test driver (see Capabilities.listenerCounts)');
  }
  async close(): Promise<void> {
    await this.browser.close().catch(() => undefined);
    rmSync(this.scratch, { recursive: true, force: true });
  }
}

function primitives(page: Page, scratch: string): Primitives {
  const el = (handle: Handle) => handle as unknown as ElementHandle<HTMLElement>;
  const isExtension = (url: string) => url.startsWith('moz-extension:');
  /**
   * goto() and reload() on a moz-extension:// page load it but never resolve (Firefox 153), and
   * page.url() is not kept up to date there: navigate without waiting and poll the new document.
   */
  const navigateExtension = async (url: string | null) => {
    await page.evaluate(() => void ((window as unknown as { __e2eLeaving: boolean }).__e2eLeaving = true)).catch(() => undefined);
    if (url === null) void page.evaluate(() => location.reload()).catch(() => undefined);
    else void page.goto(url).catch(() => undefined);
    const end = Date.now() + 10_000;
    while (Date.now() < end) {
      const loaded = await page
        .evaluate(
          (u) => (u === null || location.href === u) && document.readyState === 'complete' && !(window as unknown as { __e2eLeaving?: boolean }).__e2eLeaving,
          url,
        )
        .catch(() => false);
      if (loaded) return;
      await sleep(50);
    }
    throw new Error(`Firefox did not load ${url ?? 'the page again'}`);
  };
  const href = () => page.evaluate(() => location.href).catch(() => page.url());
  return {
    goto: async (url) => {
      if (isExtension(url)) await navigateExtension(url);
      else await page.goto(url);
    },
    reload: async () => {
      if (isExtension(await href())) await navigateExtension(null);
      else await page.reload();
    },
    url: href,
    close: () => page.close(),
    setViewport: (width, height) => page.setViewport({ width, height }),
    evaluate: (fn, arg) => (typeof fn === 'string' ? page.evaluate(fn) : page.evaluate(fn as (a: unknown) => unknown, arg)),
    evaluateHandle: async (expression) => (await page.evaluateHandle(expression)) as unknown as Handle,
    // puppeteer's own click waits for an IntersectionObserver, which a background tab serves about
    // once a second: scroll and hit-test in the page instead, then click with the mouse.
    click: async (handle) => {
      const end = Date.now() + 5000;
      for (;;) {
        const point = (await handle.evaluate(((target: Element) => {
          let box = target.getBoundingClientRect();
          if (box.top < 0 || box.left < 0 || box.bottom > innerHeight || box.right > innerWidth) {
            target.scrollIntoView({ block: 'center', inline: 'center' });
            box = target.getBoundingClientRect();
          }
          const x = box.left + box.width / 2;
          const y = box.top + box.height / 2;
          let hit: Element | null = document.elementFromPoint(x, y);
          while (hit?.shadowRoot) {
            const inner = hit.shadowRoot.elementFromPoint(x, y);
            if (!inner || inner === hit) break;
            hit = inner;
          }
          const label = hit?.closest('label');
          for (let n: Node | null = hit; n; n = n.parentNode ?? (n as ShadowRoot).host ?? null) {
            if (n === target) return { x, y, hit: true };
          }
          return { x, y, hit: !!label && Array.from((target as HTMLInputElement).labels ?? []).includes(label), what: hit?.outerHTML.slice(0, 80) };
        }) as never)) as { x: number; y: number; hit: boolean; what?: string };
        if (point.hit) return page.mouse.click(point.x, point.y);
        if (Date.now() > end) throw new Error(`Another element would receive the click: ${point.what}`);
        await sleep(50);
      }
    },
    // Keys go to the focused element of the tab in front (Chromium's headless tabs each take their
    // own keys): bring the tab forward first, as a person switches to it before typing.
    type: async (handle, text) => {
      await page.bringToFront();
      await el(handle).type(text);
    },
    press: async (key) => {
      await page.bringToFront();
      await page.keyboard.press(key as never);
    },
    setInputFile: async (handle, file) => {
      const dir = mkdtempSync(join(scratch, 'upload-'));
      const path = join(dir, file.name);
      writeFileSync(path, file.contents);
      await (handle as unknown as ElementHandle<HTMLInputElement>).uploadFile(path);
    },
  };
}

export async function launchFirefox(options: LaunchOptions = {}): Promise<Browser> {
  const executablePath = findFirefox();
  if (!executablePath) throw new Error('No Firefox found: install it (apt-get install firefox-esr) or set FIREFOX_PATH.');
  const buildDir = BUILD_DIRS.firefox;
  if (!existsSync(join(buildDir, 'manifest.json'))) throw new Error('No Firefox build found: run `npm run build:firefox` first.');
  if (options.policies) throw new Error('policies: not yet');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    defaultViewport: { width: 1280, height: 900 },
    // Without it WebDriver BiDi refuses to open moz-extension:// pages.
    args: ['-remote-allow-system-access'],
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }) },
  });
  try {
    const firefox = new FirefoxBrowser(browser, { requests: [], posts: [], foreign: [], pageErrors: [] });
    await browser.installExtension(buildDir);
    // The launcher's first tab: prepared like any other, so that it is counted and can be closed.
    for (const page of await browser.pages()) await firefox.prepare(page);
    return firefox;
  } catch (error) {
    await browser.close().catch(() => undefined);
    throw error;
  }
}

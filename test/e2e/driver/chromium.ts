import type { BrowserContext, ElementHandle, Page } from 'playwright-core';
import { launch as launchWithExtension } from '../../../scripts/browser.mjs';
import { Browser, type ExtensionApi } from './index';
import { Tab, type Handle, type Primitives } from './tab';

/**
 * Chromium through playwright-core: Debian's Chromium (or CHROMIUM_PATH) with .output/chrome-mv3
 * loaded, fixtures routed by scripts/browser.mjs (which the demo and the benchmark share).
 */
class ChromiumBrowser extends Browser {
  readonly name = 'chromium' as const;
  private readonly wrapped = new WeakMap<Page, Tab>();

  private readonly context: BrowserContext;
  private readonly extensionId: string;
  private readonly shutdown: () => Promise<void>;

  constructor(launched: Awaited<ReturnType<typeof launchWithExtension>> & { otherSites: Map<string, string> }) {
    super(launched);
    this.context = launched.context;
    this.extensionId = launched.extensionId!;
    this.shutdown = launched.close;
  }

  private wrap(page: Page): Tab {
    let tab = this.wrapped.get(page);
    if (!tab) {
      tab = new Tab(primitives(page), page);
      this.wrapped.set(page, tab);
    }
    return tab;
  }

  async newTab(): Promise<Tab> {
    return this.wrap(await this.context.newPage());
  }
  tabs(): Tab[] {
    return this.context.pages().map((page) => this.wrap(page));
  }
  extensionUrl(path: string): string {
    return `chrome-extension://${this.extensionId}/${path}`;
  }
  private async worker() {
    const [worker] = this.context.serviceWorkers();
    return worker ?? (await this.context.waitForEvent('serviceworker', { timeout: 10_000 }));
  }
  async extensionStorage(): Promise<Record<string, Record<string, unknown>>> {
    return (await this.worker()).evaluate(async () => {
      const areas: Record<string, Record<string, unknown>> = {};
      for (const area of ['local', 'sync', 'session'] as const) areas[area] = await (globalThis as unknown as { chrome: ExtensionApi }).chrome.storage[area].get(null);
      return areas;
    });
  }
  async managedStorage(): Promise<Record<string, unknown>> {
    return (await this.worker()).evaluate(() => (globalThis as unknown as { chrome: ExtensionApi }).chrome.storage.managed.get(null));
  }
  async reloadExtension(): Promise<void> {
    await (await this.worker()).evaluate(() => (globalThis as unknown as { chrome: ExtensionApi }).chrome.runtime.reload()).catch(() => undefined);
  }
  async listenerCounts(tab: Tab): Promise<{ window: number; document: number }> {
    const page = tab.native as Page;
    const cdp = await this.context.newCDPSession(page);
    try {
      const count = async (expression: string) => {
        const { result } = await cdp.send('Runtime.evaluate', { expression });
        const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId!, depth: -1, pierce: true });
        return listeners.length;
      };
      return { window: await count('window'), document: await count('document') };
    } finally {
      await cdp.detach().catch(() => undefined);
    }
  }
  close(): Promise<void> {
    return this.shutdown();
  }
}

function primitives(page: Page): Primitives {
  const el = (handle: Handle) => handle as unknown as ElementHandle<HTMLElement>;
  return {
    goto: async (url) => {
      await page.goto(url);
    },
    reload: async () => {
      await page.reload();
    },
    url: async () => page.url(),
    close: () => page.close(),
    setViewport: (width, height) => page.setViewportSize({ width, height }),
    evaluate: (fn, arg) => page.evaluate(fn as never, arg),
    evaluateHandle: async (expression) => (await page.evaluateHandle(expression)) as unknown as Handle,
    click: (handle) => el(handle).click(),
    type: (handle, text) => el(handle).type(text),
    press: (key) => page.keyboard.press(key),
    // Each headless Chromium tab has its own focus: nothing to do.
    focusTab: async () => undefined,
    setInputFile: (handle, file) => el(handle).setInputFiles({ name: file.name, mimeType: file.mimeType, buffer: Buffer.from(file.contents) }),
  };
}

export async function launchChromium(): Promise<Browser> {
  // scripts/browser.mjs fills the request, POST, foreign-request and page-error logs.
  // The same map of other sites for scripts/browser.mjs (which reads it at request time) and the seam.
  const otherSites = new Map<string, string>();
  return new ChromiumBrowser({ ...(await launchWithExtension({ otherSites })), otherSites });
}

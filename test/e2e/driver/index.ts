/**
 * The seam between the end-to-end scenarios and the browsers (test/e2e/README.md). A scenario says
 * `launch()` and works with `Browser` and `Tab`; it never says which browser it is in. The browser is
 * chosen by E2E_BROWSER (`chromium`, the default, or `firefox`), which the vitest projects in
 * vitest.e2e.config.ts set.
 */
import { join, resolve } from 'node:path';
import { CALJOBS, pageUrl } from '../../../scripts/fixture-server.mjs';
import { sleep, Tab } from './tab';

export { Tab, sleep };
export type { AxeViolation, ElementRef } from './tab';
export { byLabel, byRole, byText, nth, within, type Target, type TextMatch } from './query';
export { pageUrl };

export type BrowserName = 'chromium' | 'firefox';
export type FixtureName = Parameters<typeof pageUrl>[0];

const ROOT = resolve(import.meta.dirname, '..', '..', '..');

/** The browser this run drives (E2E_BROWSER). */
export function browserName(): BrowserName {
  const name = process.env.E2E_BROWSER ?? 'chromium';
  if (name !== 'chromium' && name !== 'firefox') throw new Error(`E2E_BROWSER must be chromium or firefox, not "${name}"`);
  return name;
}

/** The production build each browser loads (`npm run build`, `npm run build:firefox`). */
export const BUILD_DIRS: Record<BrowserName, string> = {
  chromium: join(ROOT, '.output', 'chrome-mv3'),
  firefox: join(ROOT, '.output', 'firefox-mv3'),
};

/** What a browser lets a scenario do or see, where the two truly differ. */
export interface Capabilities {
  /**
   * Counting the event listeners on window and document (Chromium: DevTools protocol,
   * DOMDebugger.getEventListeners). Firefox offers no equivalent to a test driver: WebDriver BiDi has
   * no listener inspection, and Firefox's own (EventListenerService) is reachable only from
   * privileged browser code, not from a page or a driver session.
   */
  listenerCounts: boolean;
  /**
   * When the extension starts (install, update, reload), the browser runs the manifest's content
   * scripts in the matching tabs already open: Firefox does; Chromium does not (an open page keeps
   * the old, orphaned script until it is reloaded).
   */
  injectsIntoOpenTabs: boolean;
  /**
   * Starting the browser with an IT policy for the extension that no other browser on the machine
   * sees. Firefox reads `distribution/policies.json` beside its binary, so the seam starts it from a
   * private copy of its application directory (links to the real files, its own `distribution/`).
   * Chromium on Linux reads extension policy only from machine-wide files
   * (`/etc/chromium/policies/managed/`) that every Chromium here would read, other test runs included.
   */
  extensionPolicy: boolean;
}

export const CAPABILITIES: Record<BrowserName, Capabilities> = {
  chromium: { listenerCounts: true, injectsIntoOpenTabs: false, extensionPolicy: false },
  firefox: { listenerCounts: false, injectsIntoOpenTabs: true, extensionPolicy: true },
};

/** The capabilities of this run's browser, known before it starts (for `it.skipIf` and the like). */
export const capabilities: Capabilities = CAPABILITIES[browserName()];

export interface Request {
  url: string;
  method: string;
}
export interface Post {
  path: string;
  body: string;
  fields: Record<string, string>;
}

/** The part of the WebExtension API the drivers use from extension pages (types only). */
export interface ExtensionApi {
  storage: Record<'local' | 'sync' | 'session' | 'managed', { get(keys: null): Promise<Record<string, unknown>> }>;
  runtime: { reload(): void };
  tabs: { query(query: object): Promise<Array<{ id?: number; url?: string }>> };
}

export interface LaunchOptions {
  /**
   * IT policy for the extension (the flat keys of public/managed-schema.json), given to this browser
   * alone the way IT gives it, so that the extension reads it from storage.managed. Only where
   * `capabilities.extensionPolicy`.
   */
  extensionPolicy?: Record<string, unknown>;
}

/** A browser with the built extension loaded and the fixtures served at the CalJOBS address. */
export abstract class Browser {
  abstract readonly name: BrowserName;

  get capabilities(): Capabilities {
    return CAPABILITIES[this.name];
  }
  /** Every http(s) request any tab made. */
  readonly requests: Request[];
  /** Every POST to CalJOBS (the Save button, postbacks), with its parsed fields. */
  readonly posts: Post[];
  /** Requests for anything but the CalJOBS fixtures (aborted): the tests expect none. */
  readonly foreign: string[];
  /** Errors thrown into a page's own context. */
  readonly pageErrors: string[];

  constructor(logs: { requests: Request[]; posts: Post[]; foreign: string[]; pageErrors: string[]; otherSites?: Map<string, string> }) {
    this.otherSites = logs.otherSites ?? new Map();
    this.requests = logs.requests;
    this.posts = logs.posts;
    this.foreign = logs.foreign;
    this.pageErrors = logs.pageErrors;
  }

  get buildDir(): string {
    return BUILD_DIRS[this.name];
  }

  /** A new, empty tab. */
  abstract newTab(): Promise<Tab>;
  /** The open tabs. */
  abstract tabs(): Tab[];
  /** The address of one of the extension's own pages ("options.html", "sidepanel.html?tabId=2"). */
  abstract extensionUrl(path: string): string;
  /**
   * Takes the page errors logged so far out of `pageErrors` (for a scenario that provokes some on
   * purpose, such as refused loads, which Firefox reports as errors in the page and Chromium does not).
   */
  takePageErrors(): string[] {
    return this.pageErrors.splice(0);
  }

  /** Every storage area of the extension: { local, sync, session }. */
  abstract extensionStorage(): Promise<Record<string, Record<string, unknown>>>;
  /** What the extension reads from storage.managed (IT policy). */
  abstract managedStorage(): Promise<Record<string, unknown>>;
  /** Reloads the extension, as an update does (open pages keep their old content script). */
  abstract reloadExtension(): Promise<void>;
  /** Listeners on the tab's window and document (only where `capabilities.listenerCounts`). */
  abstract listenerCounts(tab: Tab): Promise<{ window: number; document: number }>;
  abstract close(): Promise<void>;

  /**
   * Pages of other websites that a scenario opens itself, to prove what they cannot do (URL → HTML;
   * anything else on their origins is "not found"). Answered like fixtures, and kept out of
   * `requests` and `foreign`.
   */
  protected readonly otherSites: Map<string, string>;

  /** A new tab on a page of another website (`https://…`, not CalJOBS) showing `html`. */
  async openOtherSite(url: string, html: string): Promise<Tab> {
    if (new URL(url).origin === CALJOBS) throw new Error('openOtherSite is for sites other than CalJOBS');
    this.otherSites.set(url, html);
    return this.open(url);
  }

  /** A new tab on `url` (a fixture: `pageUrl(name)`, or an extension page: `extensionUrl(path)`). */
  async open(url: string): Promise<Tab> {
    const tab = await this.newTab();
    await tab.goto(url);
    return tab;
  }

  /** A fixture page in a new tab (`pageUrl(name, { case: sample })`). */
  openFixture(name: FixtureName, sample?: string): Promise<Tab> {
    return this.open(pageUrl(name, sample === undefined ? {} : { case: sample }));
  }

  /** An extension page in a new tab. */
  openExtensionPage(path: string): Promise<Tab> {
    return this.open(this.extensionUrl(path));
  }

  /**
   * Closes every tab, opens a fixture and the side panel attached to it (`sidepanel.html?tabId=N`,
   * as the toolbar button attaches it; Firefox shows the same page in its sidebar).
   */
  async openWithPanel(name: FixtureName, sample = 'blank'): Promise<{ page: Tab; panel: Tab; tabId: number }> {
    const page = await this.newTab();
    for (const old of this.tabs()) if (old !== page) await old.close();
    await page.goto(pageUrl(name, { case: sample }));
    const panel = await this.openExtensionPage('sidepanel.html');
    const tabId = await this.tabIdOfOnlyPage(panel);
    await panel.goto(this.extensionUrl(`sidepanel.html?tabId=${tabId}`));
    await panel.setViewport(360, 900);
    return { page, panel, tabId };
  }

  /**
   * The tab id of the one open tab that is not an extension page, asked from an extension page.
   * Without the "tabs" permission a tab's URL is hidden (Chromium; Firefox MV2) or shown only for
   * CalJOBS (Firefox MV3, where the content script's match is a host permission), so the fixture is
   * "the tab that is not ours". Callers keep a single fixture tab open.
   */
  protected async tabIdOfOnlyPage(extensionPage: Tab): Promise<number> {
    const ids = await extensionPage.evaluate(async () => {
      const g = globalThis as unknown as { browser?: ExtensionApi; chrome: ExtensionApi };
      const api = g.browser ?? g.chrome;
      const tabs = await api.tabs.query({});
      return tabs.filter((t) => !t.url || !t.url.startsWith(location.origin)).map((t) => t.id ?? -1);
    });
    if (ids.length !== 1) throw new Error(`Expected one fixture tab, found ${ids.length}`);
    return ids[0]!;
  }
}

/** Starts the browser of this run (E2E_BROWSER) with the built extension. */
export async function launch(options: LaunchOptions = {}): Promise<Browser> {
  const name = browserName();
  if (name === 'firefox') return (await import('./firefox')).launchFirefox(options);
  if (options.extensionPolicy) throw new Error(`${name} cannot be given an extension policy here (Capabilities.extensionPolicy)`);
  return (await import('./chromium')).launchChromium();
}

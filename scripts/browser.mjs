// Starts Chromium with the built extension and serves the fixture pages at the real CalJOBS address.
// Shared by the end-to-end tests (through test/e2e/driver/chromium.ts), the demo (`npm start`), the
// screenshots and the benchmark. Firefox: test/e2e/driver/firefox.ts.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CALJOBS, FIXTURES_DIR, PAGES, fixtureResponse, pageUrl, parseFormBody } from './fixture-server.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const EXTENSION_DIR = process.env.EXTENSION_DIR ?? join(ROOT, '.output', 'chrome-mv3');

export { CALJOBS, FIXTURES_DIR, PAGES, pageUrl };

/** CHROMIUM_PATH if set (and then only it), else the usual places. */
export function findChromium() {
  if (process.env.CHROMIUM_PATH) return existsSync(process.env.CHROMIUM_PATH) ? process.env.CHROMIUM_PATH : null;
  const candidates = [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/snap/bin/chromium',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    'C:\\Program Files\\Chromium\\Application\\chrome.exe',
  ].filter(Boolean);
  return candidates.find((path) => existsSync(path)) ?? null;
}

/** The sample cases the Create Credential fixtures can show (their own script fills them in). */
export const SAMPLE_CASES = {
  blank: 'Nothing entered yet',
  clean: 'Everything right: ready to save',
  'missing-agency': 'No agency code (LA County rule)',
  'after-max': 'Date past the maximum after exit',
  'not-exited': 'Participant has not exited yet',
  'other-no-name': '"Other" credential without a name',
  'wrong-activity': 'Linked to a non-training activity',
};

/** A bar above the demo page (demo only, never in tests): sample cases and the other pages. */
function demoBar(name, current) {
  const link = (href, text, on) =>
    `<a href="${href}" style="color:#fff;margin-right:12px;${on ? 'font-weight:bold;text-decoration:underline' : ''}">${text}</a>`;
  const forms = ['classic', 'responsive', 'postback'].includes(name) ? name : 'classic';
  const cases = Object.entries(SAMPLE_CASES)
    .map(([id, text]) => link(`${PAGES[forms]}?enc=DemoToken&case=${id}`, text, name === forms && id === current))
    .join('');
  const pages = [['classic', 'Classic layout'], ['responsive', 'Responsive layout'], ['postback', 'Postback form'], ['case', 'Case page'], ['unrelated', 'Unrelated page']]
    .map(([id, text]) => link(`${PAGES[id]}?enc=DemoToken&case=${current}`, text, id === name))
    .join('');
  return `<div id="assistant-demo-bar" style="background:#4a1d6a;color:#fff;padding:6px 10px;font:13px system-ui,sans-serif">` +
    `<strong>Demo (not CalJOBS):</strong> sample cases: ${cases}<br>pages: ${pages}</div>`;
}

/**
 * The answer for a page of another website that a test opened on purpose (`otherSites`: URL → HTML):
 * the page itself, or "not found" for anything else on its origin (a browser asks for /favicon.ico).
 */
export function otherSiteAnswer(otherSites, url) {
  const html = otherSites.get(url.href);
  if (html !== undefined) return { status: 200, contentType: 'text/html; charset=utf-8', body: html };
  for (const known of otherSites.keys()) {
    if (new URL(known).origin === url.origin) return { status: 404, contentType: 'text/plain; charset=utf-8', body: 'Not found' };
  }
  return null;
}

/**
 * Launches Chromium with the production build loaded.
 * Returns the context, the extension id, and a log of every request (to prove nothing leaves) and of
 * every POST (the Save button's submissions).
 * `otherSites` (a Map of URL → HTML, read at request time): pages of other websites that a test opens
 * itself to prove what they cannot do; they are answered and kept out of the logs.
 */
export async function launch({ headless = true, extension = true, extensionDir = EXTENSION_DIR, slowMo = 0, demo = false, otherSites = new Map() } = {}) {
  const executablePath = findChromium();
  if (!executablePath) {
    throw new Error(
      process.env.CHROMIUM_PATH
        ? `CHROMIUM_PATH is ${process.env.CHROMIUM_PATH}, which does not exist.`
        : 'No Chromium found: install it (apt-get install chromium) or set CHROMIUM_PATH.',
    );
  }
  if (extension && !existsSync(join(extensionDir, 'manifest.json'))) throw new Error('No build found: run `npm run build` first.');
  const userDataDir = mkdtempSync(join(tmpdir(), 'caljobs-assistant-'));
  // Developer mode on, as it is wherever an unpacked extension is run: without it, this Chromium may
  // disable the extension when it reloads itself (runtime.reload(), as the reload test does), giving
  // "unsupportedDeveloperExtension" as the reason: a race seen with every build (1 reload in 4 with the
  // build before issue 15's worker checks, every reload after), not a fault of the extension.
  mkdirSync(join(userDataDir, 'Default'), { recursive: true });
  writeFileSync(join(userDataDir, 'Default', 'Preferences'), JSON.stringify({ extensions: { ui: { developer_mode: true } } }));
  const args = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-features=DialMediaRouteProvider,OptimizationHints,Translate',
  ];
  if (headless) args.push('--headless=new');
  if (extension) args.push(`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`);
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless,
    slowMo,
    args,
    viewport: { width: 1280, height: 900 },
  });
  const requests = [];
  const posts = [];
  /** Requests to anywhere but the fixture pages: the tests expect none (nothing leaves the browser). */
  const foreign = [];
  /** Errors thrown into the page's own context (the assistant must never cause one). */
  const pageErrors = [];
  context.on('request', (request) => {
    if (!/^https?:/.test(request.url()) || !otherSiteAnswer(otherSites, new URL(request.url()))) requests.push({ url: request.url(), method: request.method() });
  });
  context.on('page', (page) => page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`)));
  await context.route(
    (url) => url.protocol === 'http:' || url.protocol === 'https:',
    async (route) => {
      const request = route.request();
      const url = new URL(request.url());
      const other = otherSiteAnswer(otherSites, url);
      if (other) return route.fulfill(other);
      if (url.origin !== CALJOBS) {
        foreign.push(request.url());
        return route.abort('blockedbyclient');
      }
      const postData = request.postData() ?? '';
      if (request.method() === 'POST') posts.push({ path: url.pathname, body: postData, fields: parseFormBody(postData) });
      const decorate = demo ? (name, html, at) => html.replace(/<body([^>]*)>/i, (open) => `${open}${demoBar(name, at.searchParams.get('case') ?? 'blank')}`) : null;
      return route.fulfill(fixtureResponse({ method: request.method(), url, postData }, decorate));
    },
  );
  let extensionId = null;
  if (extension) {
    let [worker] = context.serviceWorkers();
    if (!worker) worker = await context.waitForEvent('serviceworker', { timeout: 15000 });
    extensionId = new URL(worker.url()).host;
  }
  const close = async () => {
    await context.close().catch(() => {});
    rmSync(userDataDir, { recursive: true, force: true });
  };
  return { context, extensionId, requests, posts, foreign, pageErrors, close, executablePath };
}

/**
 * The id of the fixture's tab, asked from an extension page: without the "tabs" permission other
 * tabs show no URL, so the fixture is the one tab without one (open a single fixture tab).
 */
export async function fixtureTabId(extensionPage) {
  return extensionPage.evaluate(async () => (await chrome.tabs.query({})).find((tab) => !tab.url)?.id ?? -1);
}

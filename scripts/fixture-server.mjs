// What the fixture "server" answers at the CalJOBS address, whatever browser asks: the same answers for
// Chromium (playwright-core routes) and Firefox (puppeteer-core request interception), the demo and the
// benchmark. Nothing here listens on a port: the browsers' request interception calls it.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const FIXTURES_DIR = join(ROOT, 'test', 'fixtures');
export const CALJOBS = 'https://www.caljobs.ca.gov';

/**
 * The fixture pages (test/fixtures/pages.json): name → { path, file, postback? }.
 * `postback: "same"`: a POST to the page is answered with the page again (a WebForms postback), with
 * the posted fields handed to the page's own script as `window.__postedForm` (an object of name →
 * value), so the fixture can re-render what the server would have (the next grid page, a refilled
 * list, "saved"). Without it, any POST is answered with the "saved" page.
 */
export const FIXTURE_PAGES = JSON.parse(readFileSync(join(FIXTURES_DIR, 'pages.json'), 'utf8')).pages;
export const PAGES = Object.fromEntries(Object.entries(FIXTURE_PAGES).map(([name, page]) => [name, page.path]));

/** https://www.caljobs.ca.gov/vosnet/... for a fixture, with an `enc` token like staff URLs carry. */
export function pageUrl(name, query = {}) {
  if (!PAGES[name]) throw new Error(`No fixture page named "${name}" in test/fixtures/pages.json.`);
  const params = new URLSearchParams({ enc: 'Qm9ndXNUb2tlbkZvclRlc3Rz', ...query });
  return `${CALJOBS}${PAGES[name]}?${params}`;
}

export const SAVED_PAGE = `<!doctype html><html><head><title>Credential saved</title></head><body><form name="aspnetForm" id="aspnetForm"><h1 id="saved">The credential was saved.</h1></form></body></html>`;
const NOT_FOUND = '<!doctype html><title>Not found</title><p>Not found</p>';

/** The fixture served at `url` (a URL object), or null. */
export function fixtureAt(url) {
  const entry = Object.entries(FIXTURE_PAGES).find(([, page]) => page.path.toLowerCase() === url.pathname.toLowerCase());
  return entry ? { name: entry[0], ...entry[1] } : null;
}

/** application/x-www-form-urlencoded → { name: value } (the last value of a repeated name wins). */
export function parseFormBody(body) {
  const fields = {};
  for (const [name, value] of new URLSearchParams(body ?? '')) fields[name] = value;
  return fields;
}

/**
 * The answer to one request for the CalJOBS origin: { status, contentType, body }.
 * `decorate(name, html, url)` may change a page's HTML before it is sent (the demo's bar).
 */
export function fixtureResponse({ method, url, postData = '' }, decorate = null) {
  const fixture = fixtureAt(url);
  if (method === 'POST' && !(fixture && fixture.postback === 'same')) {
    return { status: 200, contentType: 'text/html; charset=utf-8', body: SAVED_PAGE };
  }
  if (!fixture) return { status: 404, contentType: 'text/html; charset=utf-8', body: NOT_FOUND };
  let body = readFileSync(join(FIXTURES_DIR, fixture.file), 'utf8');
  if (method === 'POST') {
    const posted = JSON.stringify(parseFormBody(postData)).replace(/</g, '\\u003c');
    body = body.replace(/<head([^>]*)>/i, (open) => `${open}<script>window.__postedForm = ${posted};</script>`);
  }
  if (decorate) body = decorate(fixture.name, body, url);
  return { status: 200, contentType: 'text/html; charset=utf-8', body };
}

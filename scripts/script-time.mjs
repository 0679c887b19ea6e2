// Main-thread script time of a page, as `npm run bench` (scripts/bench.mjs) and
// scripts/bench-compare.mjs measure it: CDP Performance.getMetrics → ScriptDuration, thread ticks.
import { pageUrl } from './fixture-server.mjs';

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * What is measured: ScriptDuration (script time, the budgets' measure) unless BENCH_METRIC names another
 * of the protocol's metrics (TaskDuration: all of the main thread's work, style and layout included; or
 * RecalcStyleDuration, LayoutDuration), to see whether a change saves work or only moves it out of script.
 */
export const METRIC = process.env.BENCH_METRIC ?? 'ScriptDuration';

/** The page's script time so far (or BENCH_METRIC's), in ms. A metric the browser does not give is an error, not 0. */
export async function scriptMs(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = metrics.find((m) => m.name === METRIC);
  if (!metric) throw new Error(`BENCH_METRIC=${METRIC}: no such metric; the browser gives ${metrics.map((m) => m.name).join(', ')}.`);
  return metric.value * 1000;
}

/** A DevTools session on `page` that measures in thread ticks. */
export async function measured(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  return cdp;
}

/** A fixture page as its load is measured: the form fixtures with their blank case, the others as they are. */
export const loadUrl = (name) => pageUrl(name, ['unrelated', 'case-300', 'case'].includes(name) ? {} : { case: 'blank' });

/** Script time of one fresh load of `url`, `settleMs` after load (the page's own scripts + the extension's, if loaded). */
export async function loadCost(context, url, settleMs) {
  const page = await context.newPage();
  const cdp = await measured(context, page);
  const before = await scriptMs(cdp);
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(settleMs);
  const cost = (await scriptMs(cdp)) - before;
  await page.close();
  return cost;
}

/**
 * Script time of a page left open with nothing done on it: the `windowMs` that start `afterMs` after
 * its load (the load and the first render are over by then).
 */
export async function openPageCost(context, url, afterMs, windowMs) {
  const page = await context.newPage();
  const cdp = await measured(context, page);
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(afterMs);
  const before = await scriptMs(cdp);
  await page.waitForTimeout(windowMs);
  const cost = (await scriptMs(cdp)) - before;
  await page.close();
  return cost;
}

/** A form left open: the 4 s after its first 4 s. What it costs while staff read, think or look elsewhere. */
const IDLE_MS = 4000;
export const idleCost = (context, url) => openPageCost(context, url, IDLE_MS, IDLE_MS);

/** A page that never sits still (the large busy page): 10 s, from `afterMs` after its load. */
const BUSY_WINDOW_MS = 10_000;
export const busyCost = (context, url, afterMs) => openPageCost(context, url, afterMs, BUSY_WINDOW_MS);

/** The classic form's Date Credential Received, where the keystroke rows type by default. */
const DATE_FIELD = '#ctl00_Main_content_ucCredential_txtDateReceived';
/** The unrelated page's Last Name search box, and what staff type there. */
export const SEARCH_BOX = '#ctl00_Main_content_ucSearch_txtLastName';
export const SEARCH_KEYS = 'Rodriguez';
const WINDOW_MS = 1200;
const QUIET_MS = 1000; // before each round: the emptied field is read, and the page is quiet again

/**
 * Script time per key of typing `keys` into the field at `selector` (the classic form's date field
 * unless told), the median of `rounds` rounds. Each round is a window of WINDOW_MS from the first key:
 * long enough for the read at staff's pause to fall in it, whenever a build makes it, and everything
 * else the page and the extension do in that time counts too (`npm run bench` subtracts the same
 * window measured without the extension). `{ typing: true }`: the window ends 100 ms after the last
 * key instead, before any read at a pause (what each key costs while staff type).
 */
export async function keystrokeCost(context, url, { rounds, keys, settleMs, typing = false, selector = DATE_FIELD }) {
  const page = await context.newPage();
  const cdp = await measured(context, page);
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(settleMs);
  const field = page.locator(selector);
  const samples = [];
  for (let round = 0; round < rounds; round += 1) {
    await field.fill('');
    await field.focus();
    await page.waitForTimeout(QUIET_MS);
    const start = Date.now();
    const before = await scriptMs(cdp);
    await page.keyboard.type(keys, { delay: 25 });
    await page.waitForTimeout(typing ? 100 : Math.max(0, WINDOW_MS - (Date.now() - start)));
    samples.push(((await scriptMs(cdp)) - before) / keys.length);
  }
  await page.close();
  return median(samples);
}

/**
 * The keystroke as the side-by-side scripts measure it (bench-compare.mjs, bench-ab.mjs): "08/08/2015"
 * typed into the classic form's date field, per key, the median of 3 rounds; `typing`: as keystrokeCost's.
 */
export const dateTyping = (settleMs, typing = false) => (context) =>
  keystrokeCost(context, loadUrl('classic'), { rounds: 3, keys: '08/08/2015', settleMs, typing });

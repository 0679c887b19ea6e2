// `node scripts/bench-compare.mjs <build dir> [<build dir> ...]`: the script time each build adds to
// CalJOBS page loads, measured side by side. One Chromium without the extension and one per build run
// at once, and each run loads the page in every browser in turn, so a slow moment of the machine falls
// on all of them: on a shared machine the absolute figures of `npm run bench` drift by a millisecond or
// more between runs (its "without" column shows it), while this comparison holds. BENCH_PAGES picks
// the fixtures (default unrelated,classic,telerik,frame-host,case-300; `keystroke` is typing into the
// classic form's date field, per key, as `npm run bench` measures it, and `typing` the same up to 100 ms
// after the last key; `idle` is the classic form left open, 4 s to 8 s after load; `unrelated-typing` is
// typing a name into the unrelated page's search box, per key, 1.2 s from the first key; `idle-case` the
// case page left open as `idle`; `busy` the large busy unrelated page, 10 s from 0.8 s after load), BENCH_RUNS the runs (15).
// Example: compare the last release's unpacked build with this one: `node scripts/bench-compare.mjs
// /tmp/release-build .output/chrome-mv3`. Medians; CDP ScriptDuration, thread ticks, 0.8 s after load.
import { resolve } from 'node:path';
import { launch, pageUrl } from './browser.mjs';
import { SEARCH_BOX, SEARCH_KEYS, busyCost, dateTyping, idleCost, keystrokeCost, loadCost, loadUrl, median } from './script-time.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const PAGES = (process.env.BENCH_PAGES ?? 'unrelated,classic,telerik,frame-host,case-300').split(',');
const builds = process.argv.slice(2);
if (builds.length === 0) {
  console.error('Usage: node scripts/bench-compare.mjs <build dir> [<build dir> ...]');
  process.exit(2);
}
const SETTLE_MS = 800;

/** The measures that are not a page's load, by name (per key: shown with three decimals). */
const PER_KEY = {
  keystroke: dateTyping(SETTLE_MS),
  typing: dateTyping(SETTLE_MS, true),
  'unrelated-typing': (context) => keystrokeCost(context, pageUrl('unrelated'), { rounds: 3, settleMs: SETTLE_MS, keys: SEARCH_KEYS, selector: SEARCH_BOX }),
};
const OPEN_PAGE = {
  idle: (context) => idleCost(context, loadUrl('classic')),
  'idle-case': (context) => idleCost(context, pageUrl('case')),
  busy: (context) => busyCost(context, pageUrl('unrelated-busy'), SETTLE_MS),
};
/** Any other name is a fixture page's load (the form fixtures with their blank case). */
function loadOf(name) {
  const url = loadUrl(name);
  return (context) => loadCost(context, url, SETTLE_MS);
}

const browsers = [{ name: 'without', browser: await launch({ extension: false }) }];
try {
  for (const dir of builds) browsers.push({ name: dir, browser: await launch({ extensionDir: resolve(dir) }) });
  console.log(`| page | without | ${builds.map((b) => `${b} (added)`).join(' | ')} |`);
  console.log(`|---|---|${builds.map(() => '---|').join('')}`);
  for (const name of PAGES) {
    const cost = PER_KEY[name] ?? OPEN_PAGE[name] ?? loadOf(name);
    const samples = new Map(browsers.map((b) => [b.name, []]));
    for (const { browser } of browsers) await cost(browser.context); // warm up
    for (let run = 0; run < RUNS; run += 1) for (const { name: which, browser } of browsers) samples.get(which).push(await cost(browser.context));
    const base = median(samples.get('without'));
    const d = name in PER_KEY ? 3 : 2;
    console.log(`| ${name} | ${base.toFixed(d)} ms | ${builds.map((b) => `+${(median(samples.get(b)) - base).toFixed(d)} ms`).join(' | ')} |`);
  }
} finally {
  await Promise.all(browsers.map(({ browser }) => browser.close()));
}

// `npm run profile [-- <fixture> [case]]`: where the content script's time goes. Loads a fixture page
// with the built extension several times under the V8 CPU profiler (DevTools protocol, 50 µs sampling)
// and sums self time by function and by script, for the extension's own scripts (chrome-extension://)
// and for the engine's work they cause (garbage collection, DOM calls show as native frames).
// PROFILE_KEYS=<selector>: profile typing "08/08/2015" into that field instead of the load, up to 1 s
// after the last key (the read at staff's pause included); PROFILE_WARM=1: after one round typed and
// emptied first (warm code, as in the bench's median round).
// A diagnosis tool, not a benchmark: `npm run bench` gives the figures.
import { launch, pageUrl } from './browser.mjs';

const name = process.argv[2] ?? 'unrelated';
const sample = process.argv[3] ?? 'blank';
const RUNS = Number(process.env.PROFILE_RUNS ?? 8);
const KEYS = '08/08/2015';

const browser = await launch();
const bySelf = new Map();
// PROFILE_INCLUSIVE=update,render,...: also the time spent inside functions of these names (callees included).
const inclusiveNames = (process.env.PROFILE_INCLUSIVE ?? '').split(',').filter(Boolean);
const inclusive = new Map();
const byScript = new Map();
let total = 0;
try {
  for (let run = 0; run < RUNS; run += 1) {
    const page = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
    if (process.env.PROFILE_KEYS) {
      // The keystroke path: the form loaded and settled first, then only the typing is profiled.
      await page.goto(pageUrl(name, { case: sample }), { waitUntil: 'load' });
      await page.waitForTimeout(1200);
      await page.focus(process.env.PROFILE_KEYS);
      if (process.env.PROFILE_WARM) {
        // A round typed and emptied first, as the bench's median round is: the code is warm.
        await page.keyboard.type(KEYS, { delay: 25 });
        await page.waitForTimeout(1000);
        await page.fill(process.env.PROFILE_KEYS, '');
        await page.focus(process.env.PROFILE_KEYS);
        await page.waitForTimeout(1000);
      }
      await cdp.send('Profiler.start');
      await page.keyboard.type(KEYS, { delay: 25 });
      await page.waitForTimeout(1000); // the read at staff's pause (0.4–0.8 s after the last key) included
    } else {
      await cdp.send('Profiler.start');
      await page.goto(pageUrl(name, { case: sample }), { waitUntil: 'load' });
      await page.waitForTimeout(1200);
    }
    const { profile } = await cdp.send('Profiler.stop');
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const dt = profile.timeDeltas;
    const hits = new Map();
    // PROFILE_COUNT=1: each sample counts as one sampling interval (50 µs) instead of the time to the
    // next sample, which a busy machine, or the thread going idle after it, stretches well past 50 µs.
    const weight = (i) => (process.env.PROFILE_COUNT ? 50 : (dt[i + 1] ?? 0));
    profile.samples.forEach((id, i) => hits.set(id, (hits.get(id) ?? 0) + weight(i)));
    for (const [id, us] of hits) {
      // Attribute a sample to the extension when any frame on its stack is ours.
      let ours = null;
      for (let at = id; at !== undefined; at = parent.get(at)) {
        const url = nodes.get(at)?.callFrame.url ?? '';
        if (url.startsWith('chrome-extension://')) {
          ours = url.split('/').pop();
          break;
        }
      }
      if (!ours) continue;
      const seen = new Set();
      for (let at = id; at !== undefined; at = parent.get(at)) {
        const fn = nodes.get(at)?.callFrame.functionName;
        if (fn && inclusiveNames.includes(fn) && !seen.has(fn)) {
          seen.add(fn);
          inclusive.set(fn, (inclusive.get(fn) ?? 0) + us);
        }
      }
      const frame = nodes.get(id).callFrame;
      let key = `${frame.functionName || '(anonymous)'} ${frame.url ? frame.url.split('/').pop() : '(native)'}:${frame.lineNumber}`;
      // PROFILE_CALLERS=1: a native frame is named with the function that called it.
      if (process.env.PROFILE_CALLERS && !frame.url) {
        const caller = nodes.get(parent.get(id))?.callFrame;
        if (caller) key += ` ← ${caller.functionName || '(anonymous)'} ${caller.url.split('/').pop()}:${caller.lineNumber}`;
      }
      bySelf.set(key, (bySelf.get(key) ?? 0) + us);
      byScript.set(ours, (byScript.get(ours) ?? 0) + us);
      total += us;
    }
    await page.close();
  }
} finally {
  await browser.close();
}
const ms = (us) => (us / 1000 / RUNS).toFixed(3);
console.log(`${name}?case=${sample}: ${ms(total)} ms per load in stacks that involve the extension (mean of ${RUNS}, 50 µs samples)`);
for (const [script, us] of [...byScript].sort((a, b) => b[1] - a[1])) console.log(`  ${script.padEnd(28)} ${ms(us)} ms`);
for (const [fn, us] of [...inclusive].sort((a, b) => b[1] - a[1])) console.log(`  inside ${fn}: ${ms(us)} ms`);
console.log('Top self time:');
for (const [key, us] of [...bySelf].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${ms(us).padStart(7)} ms  ${key}`);

// `node scripts/bench-ab.mjs <build A> <build B> [page] [runs]`: whether build B costs a page less or more
// than build A, paired: one Chromium per build, and each run loads the page in both, in turns (A first in
// odd runs, B first in even ones), so a slow moment of the machine falls on both. Prints each build's
// median script time, the median of the per-run differences (B − A) and its 95% bootstrap interval.
// Finer than `bench-compare.mjs` for small changes: an interval that does not cover 0 is a difference,
// one that does is none this measure can see (README, Performance). `page` is a fixture's name
// (default unrelated) or `keystroke` (typing "08/08/2015" into the classic form's date field, per key,
// 1.2 s from the first key, as `npm run bench`); runs default to 50.
import { resolve } from 'node:path';
import { launch } from './browser.mjs';
import { dateTyping, loadCost, loadUrl, median } from './script-time.mjs';

const [a, b, name = 'unrelated', runs = '50'] = process.argv.slice(2);
if (!a || !b) {
  console.error('Usage: node scripts/bench-ab.mjs <build A> <build B> [page] [runs]');
  process.exit(2);
}
const SETTLE_MS = 800;
const cost = name === 'keystroke' ? dateTyping(SETTLE_MS) : (context) => loadCost(context, loadUrl(name), SETTLE_MS);

const A = await launch({ extensionDir: resolve(a) });
const B = await launch({ extensionDir: resolve(b) });
const [sa, sb, diff] = [[], [], []];
try {
  await cost(A.context); // warm up
  await cost(B.context);
  for (let run = 0; run < Number(runs); run += 1) {
    const first = run % 2 ? A : B;
    const results = new Map();
    for (const side of [first, first === A ? B : A]) results.set(side, await cost(side.context));
    sa.push(results.get(A));
    sb.push(results.get(B));
    diff.push(results.get(B) - results.get(A));
  }
} finally {
  await Promise.all([A.close(), B.close()]);
}
// The median difference's 95% interval: the median of 2,000 resamples of the runs, with replacement.
const resampled = Array.from({ length: 2000 }, () => median(diff.map(() => diff[Math.floor(Math.random() * diff.length)]))).sort((x, y) => x - y);
const d = name === 'keystroke' ? 3 : 2;
console.log(
  `${name}, ${runs} runs: A ${median(sa).toFixed(d)} ms, B ${median(sb).toFixed(d)} ms; B − A ${median(diff).toFixed(d)} ms, 95% interval [${resampled[50].toFixed(d)}, ${resampled[1949].toFixed(d)}]`,
);

// Main-thread script time of a page, as `npm run bench` (scripts/bench.mjs) and
// scripts/bench-compare.mjs measure it: CDP Performance.getMetrics → ScriptDuration, thread ticks.

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** The page's script time so far, in ms. */
export async function scriptMs(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0) * 1000;
}

/** A DevTools session on `page` that measures in thread ticks. */
export async function measured(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  return cdp;
}

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

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

/**
 * Script time per key of typing `keys` into the classic form's date field, the median of `rounds`
 * rounds. Each round is a window of WINDOW_MS from the first key, long enough for the read at staff's
 * pause to fall in it whenever it comes, minus a window of the same length on the same page in which
 * nobody did anything for a while (what the page or the extension does anyway is not typing's cost).
 */
const WINDOW_MS = 1200;
const QUIET_MS = 2500; // longer than the assistant's poll reads after something staff did (ACTIVE_MS)
export async function keystrokeCost(context, url, { rounds, keys, settleMs }) {
  const page = await context.newPage();
  const cdp = await measured(context, page);
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(Math.max(settleMs, QUIET_MS));
  const windowCost = async (act) => {
    const start = Date.now();
    const before = await scriptMs(cdp);
    await act();
    await page.waitForTimeout(Math.max(0, WINDOW_MS - (Date.now() - start)));
    return (await scriptMs(cdp)) - before;
  };
  const idle = await windowCost(async () => {});
  const field = page.locator('#ctl00_Main_content_ucCredential_txtDateReceived');
  const samples = [];
  for (let round = 0; round < rounds; round += 1) {
    await field.fill('');
    await field.focus();
    await page.waitForTimeout(QUIET_MS); // the emptied field read, and what follows it over
    const typing = await windowCost(() => page.keyboard.type(keys, { delay: 25 }));
    samples.push((typing - idle) / keys.length);
  }
  await page.close();
  return median(samples);
}

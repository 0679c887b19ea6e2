// `npm run bench`: main-thread script time added by the extension, measured with the DevTools protocol
// (Performance.getMetrics → ScriptDuration), with and without the extension in one run.
// A benchmark, not a test: it prints figures against the budgets and writes .output/bench.json.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { EXTENSION_DIR, launch, pageUrl } from './browser.mjs';

const LOADS = Number(process.env.BENCH_LOADS ?? 15);
const KEYS = '08/08/2015';
const KEY_ROUNDS = Number(process.env.BENCH_KEY_ROUNDS ?? 6);
const SETTLE_MS = 1000; // after load: the content script runs at document_idle and renders
const BUDGETS = { unrelatedMs: 2.5, formMs: 8, keystrokeMs: 0.5, contentScriptGzipKb: 40 };

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

async function scriptMs(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0) * 1000;
}

/** Script time of one fresh page load (page's own scripts + the extension's, if loaded). */
async function loadCost(context, url, waitForAssistant) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const before = await scriptMs(cdp);
  await page.goto(url, { waitUntil: 'load' });
  if (waitForAssistant && process.env.BENCH_WAIT !== '0') await page.locator('[data-check-summary]').waitFor({ state: 'attached', timeout: 10_000 });
  await page.waitForTimeout(SETTLE_MS);
  const cost = (await scriptMs(cdp)) - before;
  await page.close();
  return cost;
}

/** Script time per keystroke typed into the date field of the classic form. */
async function keystrokeCost(context) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  await page.goto(pageUrl('classic', { case: 'blank' }), { waitUntil: 'load' });
  await page.waitForTimeout(SETTLE_MS);
  const field = page.locator('#ctl00_Main_content_ucCredential_txtDateReceived');
  const samples = [];
  for (let round = 0; round < KEY_ROUNDS; round += 1) {
    await field.fill('');
    await field.focus();
    const before = await scriptMs(cdp);
    await page.keyboard.type(KEYS, { delay: 25 });
    await page.waitForTimeout(100);
    samples.push(((await scriptMs(cdp)) - before) / KEYS.length);
  }
  await page.close();
  return median(samples);
}

async function measure(extension) {
  const browser = await launch({ extension });
  try {
    const unrelated = [];
    const form = [];
    // Warm up (first loads compile code), then alternate the two pages.
    await loadCost(browser.context, pageUrl('unrelated'), false);
    await loadCost(browser.context, pageUrl('classic'), extension);
    for (let i = 0; i < LOADS; i += 1) {
      unrelated.push(await loadCost(browser.context, pageUrl('unrelated'), false));
      form.push(await loadCost(browser.context, pageUrl('classic', { case: 'blank' }), extension));
    }
    const keystroke = await keystrokeCost(browser.context);
    return { unrelated: median(unrelated), form: median(form), keystroke };
  } finally {
    await browser.close();
  }
}

const without = await measure(false);
const withExt = await measure(true);
// What runs in a CalJOBS page: the gate on every page, plus the assistant on credential pages.
const gz = (file) => gzipSync(readFileSync(join(EXTENSION_DIR, file)), { level: 9 }).length / 1024;
const gateKb = gz('caljobs-gate.js');
const gzipKb = gateKb + gz('assistant.js');

const rows = [
  ['Unrelated CalJOBS page, per load', withExt.unrelated - without.unrelated, BUDGETS.unrelatedMs, 'ms'],
  ['Create Credential page incl. first render', withExt.form - without.form, BUDGETS.formMs, 'ms'],
  ['Per keystroke in the date field', withExt.keystroke - without.keystroke, BUDGETS.keystrokeMs, 'ms'],
  ['Content script on every page (gate), gzipped', gateKb, BUDGETS.contentScriptGzipKb, 'KB'],
  ['Content script on a credential page (gate + assistant), gzipped', gzipKb, BUDGETS.contentScriptGzipKb, 'KB'],
];
console.log(`Main-thread script time (CDP ScriptDuration, medians of ${LOADS} loads; ${SETTLE_MS} ms settle after load)`);
console.log(`  without extension: unrelated ${without.unrelated.toFixed(2)} ms, form ${without.form.toFixed(2)} ms, keystroke ${without.keystroke.toFixed(3)} ms`);
console.log(`  with extension:    unrelated ${withExt.unrelated.toFixed(2)} ms, form ${withExt.form.toFixed(2)} ms, keystroke ${withExt.keystroke.toFixed(3)} ms`);
console.log('');
for (const [name, value, budget, unit] of rows) {
  console.log(`${value <= budget ? 'within' : 'OVER  '}  ${name.padEnd(66)} ${value.toFixed(unit === 'KB' ? 1 : 3).padStart(8)} ${unit}  (budget ${budget} ${unit})`);
}
writeFileSync(
  join(EXTENSION_DIR, '..', 'bench.json'),
  JSON.stringify({ loads: LOADS, settleMs: SETTLE_MS, without, with: withExt, contentScriptGzipKb: gzipKb, gateGzipKb: gateKb, budgets: BUDGETS }, null, 2),
);

// ==== Lookup windows (issue 14) ===================================================================
// A Search Activities/Services and an Agency Code Search window opened as VOS does (a "VOSPopup"
// window with pu=1 whose opener is the Create Credential form), with and without the extension: the
// script time added in the popup (gate + lookup script + marks), and in the form behind it (its answer
// with the credential date). Medians of BENCH_LOOKUP_LOADS loads; added to .output/bench.json as `lookup`.
const LOOKUP_LOADS = Number(process.env.BENCH_LOOKUP_LOADS ?? 9);

async function lookupCost(context, lookup) {
  const form = await context.newPage();
  await form.goto(pageUrl('cascade', { case: 'clean' }), { waitUntil: 'load' });
  await form.waitForTimeout(SETTLE_MS);
  const formCdp = await context.newCDPSession(form);
  await formCdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  // The popup opened blank first, so that its script time is counted from its first byte.
  const [popup] = await Promise.all([context.waitForEvent('page'), form.evaluate(() => void window.open('about:blank', 'VOSPopup', 'width=760,height=560'))]);
  const cdp = await context.newCDPSession(popup);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const [popupBefore, formBefore] = [await scriptMs(cdp), await scriptMs(formCdp)];
  await popup.goto(pageUrl(lookup, { pu: '1' }), { waitUntil: 'load' });
  await popup.waitForTimeout(SETTLE_MS);
  const cost = { popup: (await scriptMs(cdp)) - popupBefore, form: (await scriptMs(formCdp)) - formBefore };
  await popup.close();
  await form.close();
  return cost;
}

async function measureLookups(extension) {
  const browser = await launch({ extension });
  try {
    const out = {};
    for (const lookup of ['lookup-activities', 'lookup-agency']) {
      await lookupCost(browser.context, lookup); // warm up
      const runs = [];
      for (let i = 0; i < LOOKUP_LOADS; i += 1) runs.push(await lookupCost(browser.context, lookup));
      out[lookup] = { popup: median(runs.map((r) => r.popup)), form: median(runs.map((r) => r.form)) };
    }
    return out;
  } finally {
    await browser.close();
  }
}

{
  const lookupWithout = await measureLookups(false);
  const lookupWith = await measureLookups(true);
  const lookupKb = gz('lookup.js');
  console.log('');
  console.log(`Lookup windows (VOSPopup over the form; medians of ${LOOKUP_LOADS} loads): script time with / without / added`);
  for (const lookup of Object.keys(lookupWith)) {
    for (const where of ['popup', 'form']) {
      const w = lookupWith[lookup][where];
      const wo = lookupWithout[lookup][where];
      console.log(`  ${`${lookup}, ${where === 'popup' ? 'in the window' : 'in the form behind it'}`.padEnd(48)} ${w.toFixed(2).padStart(7)} / ${wo.toFixed(2).padStart(7)} / ${(w - wo).toFixed(2).padStart(6)} ms`);
    }
  }
  console.log(`  lookup script (loaded in lookup windows only), gzipped: ${lookupKb.toFixed(1)} KB; gate + lookup ${(gateKb + lookupKb).toFixed(1)} KB`);
  const file = join(EXTENSION_DIR, '..', 'bench.json');
  const saved = JSON.parse(readFileSync(file, 'utf8'));
  writeFileSync(file, JSON.stringify({ ...saved, lookup: { loads: LOOKUP_LOADS, without: lookupWithout, with: lookupWith, lookupGzipKb: lookupKb } }, null, 2));
}
// ==== end of lookup windows ========================================================================

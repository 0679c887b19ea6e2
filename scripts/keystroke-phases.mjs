// `node scripts/keystroke-phases.mjs <build dir> [<build dir> ...]`: where the keystroke row's time falls,
// build against build (one Chromium without the extension and one per build, taking turns). Two views:
// - phases, on one page per browser kept open (warm code, as a form staff type into again and again):
//   the 10 keys up to 100 ms after the last ("keys"), from then to 600 ms after the first key (the
//   page world's first look at the typed field, 400 ms after the first key: "mid"), and from then to
//   1.2 s (the read at the pause, the worker's answer, the drawing: "late"); ROUNDS rounds (15), medians.
// - rounds, on fresh pages (PAGES, 6), as `npm run bench` types: each of the first 6 rounds after load
//   apart, the median over the pages (the first rounds run colder code: the bench's median is theirs).
// The keys are typed as the bench types them ("08/08/2015", a key every 25 ms, after the field is emptied
// and 1 s of quiet). CDP ScriptDuration, thread ticks; ms per round (divide by 10 for per key).
import { resolve } from 'node:path';
import { launch } from './browser.mjs';
import { loadUrl, measured, median, scriptMs } from './script-time.mjs';

const DATE = '#ctl00_Main_content_ucCredential_txtDateReceived';
const KEYS = '08/08/2015';
const ROUNDS = Number(process.env.ROUNDS ?? 15);
const PAGES = Number(process.env.PAGES ?? 6);
const FRESH_ROUNDS = 6;
const FORM = loadUrl('classic');
const builds = process.argv.slice(2);
if (builds.length === 0) {
  console.error('Usage: node scripts/keystroke-phases.mjs <build dir> [<build dir> ...]');
  process.exit(2);
}

/** One round: the field emptied, 1 s of quiet, the keys; script time at each mark (ms from the first key). */
async function round(page, cdp, marks) {
  const field = page.locator(DATE);
  await field.fill('');
  await field.focus();
  await page.waitForTimeout(1000);
  const start = Date.now();
  const at = [await scriptMs(cdp)];
  await page.keyboard.type(KEYS, { delay: 25 });
  for (const mark of marks) {
    await page.waitForTimeout(mark === 'last+100' ? 100 : Math.max(0, mark - (Date.now() - start)));
    at.push(await scriptMs(cdp));
  }
  return at.slice(1).map((t, i) => t - at[i]);
}

const browsers = [{ name: 'without', browser: await launch({ extension: false }) }];
try {
  for (const dir of builds) browsers.push({ name: dir, browser: await launch({ extensionDir: resolve(dir) }) });
  // Phases, one page per browser kept open.
  const open = [];
  for (const { name, browser } of browsers) {
    const page = await browser.context.newPage();
    const cdp = await measured(browser.context, page);
    await page.goto(FORM, { waitUntil: 'load' });
    open.push({ name, page, cdp, phases: { keys: [], mid: [], late: [], round: [] } });
  }
  await new Promise((done) => setTimeout(done, 3000));
  for (let n = 0; n <= ROUNDS; n += 1) {
    for (const p of open) {
      const [keys, mid, late] = await round(p.page, p.cdp, ['last+100', 600, 1200]);
      if (n === 0) continue; // a first round, to warm up
      p.phases.keys.push(keys);
      p.phases.mid.push(mid);
      p.phases.late.push(late);
      p.phases.round.push(keys + mid + late);
    }
  }
  for (const p of open) await p.page.close();
  const base = open[0].phases;
  console.log(`Phases, one page kept open, ${ROUNDS} rounds (ms per round, added):`);
  console.log(`| build | keys | mid (to 600 ms) | late (to 1.2 s) | round | per key |`);
  console.log('|---|---|---|---|---|---|');
  for (const p of open.slice(1)) {
    const added = (k) => median(p.phases[k]) - median(base[k]);
    console.log(`| ${p.name} | +${added('keys').toFixed(3)} | +${added('mid').toFixed(3)} | +${added('late').toFixed(3)} | +${added('round').toFixed(3)} | +${(added('round') / KEYS.length).toFixed(3)} |`);
  }
  // Rounds, fresh pages.
  const fresh = new Map(browsers.map(({ name }) => [name, Array.from({ length: FRESH_ROUNDS }, () => [])]));
  for (let n = 0; n < PAGES; n += 1) {
    for (const { name, browser } of browsers) {
      const page = await browser.context.newPage();
      const cdp = await measured(browser.context, page);
      await page.goto(FORM, { waitUntil: 'load' });
      await page.waitForTimeout(1000);
      for (let r = 0; r < FRESH_ROUNDS; r += 1) fresh.get(name)[r].push((await round(page, cdp, [1200]))[0]);
      await page.close();
    }
  }
  const without = fresh.get('without').map(median);
  console.log(`\nRounds 1–${FRESH_ROUNDS} after a fresh load, median of ${PAGES} pages (ms per round, added; last: per key over the rounds, as the bench):`);
  console.log(`| build | ${without.map((_, i) => `round ${i + 1}`).join(' | ')} | per key |`);
  console.log(`|---|${without.map(() => '---|').join('')}---|`);
  for (const { name } of browsers.slice(1)) {
    const rounds = fresh.get(name).map((xs, i) => median(xs) - without[i]);
    console.log(`| ${name} | ${rounds.map((ms) => `+${ms.toFixed(2)}`).join(' | ')} | +${(median(rounds) / KEYS.length).toFixed(3)} |`);
  }
} finally {
  await Promise.all(browsers.map(({ browser }) => browser.close()));
}

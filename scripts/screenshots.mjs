// `node scripts/screenshots.mjs`: writes the documentation screenshots in docs/screenshots/ from the
// end-to-end fixtures, with the production build (run `npx wxt build` first). Headless and deterministic:
// the fixtures carry fixed dates and fictitious participants; animations and the caret are turned off.
import { mkdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fixtureTabId, launch, pageUrl } from './browser.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'docs', 'screenshots');
const PAGE_WIDTH = 1100;
const PANEL_WIDTH = 380;
const P = '#ctl00_Main_content_ucCredential_';
const PANEL_TODAY = new Date(2026, 0, 15, 10, 0, 0);

const written = [];
const SHOT = { animations: 'disabled', caret: 'hide', scale: 'css' };

/** Document-relative box around every locator, padded, clamped to the page. */
async function boxAround(page, locators, pad = 12) {
  const boxes = [];
  for (const locator of locators) {
    await locator.waitFor({ state: 'visible', timeout: 10_000 });
    const box = await locator.boundingBox();
    if (box) boxes.push(box);
  }
  if (boxes.length === 0) throw new Error('nothing to frame');
  const { scrollX, scrollY, docWidth, docHeight } = await page.evaluate(() => ({
    scrollX: window.scrollX,
    scrollY: window.scrollY,
    docWidth: document.documentElement.scrollWidth,
    docHeight: document.documentElement.scrollHeight,
  }));
  const x0 = Math.max(0, Math.floor(Math.min(...boxes.map((b) => b.x)) + scrollX - pad));
  const y0 = Math.max(0, Math.floor(Math.min(...boxes.map((b) => b.y)) + scrollY - pad));
  const x1 = Math.min(docWidth, Math.ceil(Math.max(...boxes.map((b) => b.x + b.width)) + scrollX + pad));
  const y1 = Math.min(docHeight, Math.ceil(Math.max(...boxes.map((b) => b.y + b.height)) + scrollY + pad));
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

async function shoot(page, name, locators, pad) {
  const path = join(OUT, name);
  const clip = await boxAround(page, locators, pad);
  await page.screenshot({ ...SHOT, path, clip, fullPage: true });
  written.push(path);
}

/** Shoots the panel from its title down to the bottom of `last` (the panel is as wide as the shot). */
async function shootPanel(panel, name, last, below = 12) {
  await panel.evaluate(() => (document.activeElement instanceof HTMLElement ? document.activeElement.blur() : undefined));
  const box = await boxAround(panel, [panel.locator('.panel-header'), last], 0);
  await shootClip(panel, name, { x: 0, y: 0, width: PANEL_WIDTH, height: box.y + box.height + below });
}

async function shootClip(page, name, clip) {
  const path = join(OUT, name);
  await page.screenshot({ ...SHOT, path, clip, fullPage: true });
  written.push(path);
}

async function openForm(context, name, sample) {
  const page = await context.newPage();
  await page.setViewportSize({ width: PAGE_WIDTH, height: 900 });
  await page.goto(pageUrl(name, { case: sample }));
  await page.locator('[data-check-summary]').waitFor({ state: 'attached', timeout: 10_000 });
  return page;
}

/** Waits until the inline warnings stop changing (the assistant re-checks after the page's own script). */
async function settle(page, ms = 400) {
  let last = '';
  for (let i = 0; i < 40; i += 1) {
    const now = await page
      .locator('caljobs-assistant-note [data-check], [data-check-summary] [role=status]')
      .evaluateAll((els) => els.map((el) => el.textContent).join('|'));
    if (now === last && i > 0) break;
    last = now;
    await page.waitForTimeout(ms / 2);
  }
}

/** Like test/e2e/helpers.ts openWithPanel: the side panel page attached to the fixture's tab. */
async function openWithPanel(browser, name, sample = 'blank') {
  for (const old of browser.context.pages()) await old.close();
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: PAGE_WIDTH, height: 900 });
  await page.goto(pageUrl(name, { case: sample }));
  const panel = await browser.context.newPage();
  await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html`);
  const tabId = await fixtureTabId(panel);
  if (tabId < 0) throw new Error('could not find the fixture tab');
  await panel.setViewportSize({ width: PANEL_WIDTH, height: 800 });
  // The decision tree prints "Checked on <today>": a fixed day keeps the pictures the same every run.
  await panel.clock.setFixedTime(PANEL_TODAY);
  await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?tabId=${tabId}`);
  return { page, panel };
}

async function answer(panel, label) {
  await panel.getByRole('radio', { name: label }).check();
  await panel.getByRole('button', { name: 'Next' }).click();
}

/**
 * The options page is long (a switch for every check): shows its top (office defaults, rules, the first
 * checks) and its last check and Save row, with a marked gap for the checks in between. Composed in a blank page from two shots.
 */
async function shootOptions(context, page, name) {
  const SHOWN = 3;
  const checks = page.locator('ul.checks > li.check');
  const count = await checks.count();
  // Cut right at the edges of the list items, so no neighbouring check peeks in.
  const span = async (from, fromPad, to, toPad) => {
    const a = await boxAround(page, [from], 0);
    const b = await boxAround(page, [to], 0);
    return { y: a.y - fromPad, height: b.y + b.height + toPad - (a.y - fromPad) };
  };
  const top = await span(page.locator('main.options h1'), 16, checks.nth(SHOWN - 1), 1);
  const bottom = await span(checks.nth(count - 1), 1, page.locator('.actions'), 16);
  const main = await boxAround(page, [page.locator('main.options')], 0);
  const x = main.x - 16;
  const width = main.width + 32;
  const shot = async (box) =>
    (await page.screenshot({ ...SHOT, fullPage: true, clip: { x, y: box.y, width, height: box.height } })).toString('base64');
  const [a, b] = [await shot(top), await shot(bottom)];
  const sheet = await context.newPage();
  await sheet.setViewportSize({ width, height: 800 });
  await sheet.setContent(
    `<!doctype html><html><body style="margin:0;background:#fff">
      <div id="sheet" style="width:${width}px">
        <img src="data:image/png;base64,${a}" style="display:block">
        <div style="margin:0 16px;padding:6px 0;border-top:2px dashed #999;border-bottom:2px dashed #999;text-align:center;
          font:italic 13px 'DejaVu Sans',sans-serif;color:#555">… ${count - SHOWN - 1} more checks, each with its own switch …</div>
        <img src="data:image/png;base64,${b}" style="display:block">
      </div></body></html>`,
  );
  const path = join(OUT, name);
  await sheet.locator('#sheet').screenshot({ ...SHOT, path });
  written.push(path);
  await sheet.close();
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  const browser = await launch();
  try {
    const { context } = browser;

    // 1. Inline warnings on a blank form, next to each field of the Credential Information section.
    {
      const page = await openForm(context, 'classic', 'blank');
      await page.locator('caljobs-assistant-note [data-check=agency-code-missing]').waitFor({ timeout: 10_000 });
      await settle(page);
      await shoot(page, 'inline-warnings.png', [page.locator('.sectionHeader', { hasText: 'Credential Information' }), page.locator(`${P}tblCredential`)]);
      await page.close();
    }

    // 2. A clean form: no warnings, and the summary above Save says it is ready.
    {
      const page = await openForm(context, 'classic', 'clean');
      const summary = page.locator('[data-check-summary]');
      await summary.locator('[role=status]', { hasText: 'Ready to save' }).waitFor({ timeout: 10_000 });
      await settle(page);
      await shoot(page, 'summary-ready.png', [page.locator('.sectionHeader', { hasText: 'Credential Information' }), summary, page.locator('.buttonBar')]);
      await page.close();
    }

    // 3. The save guard: Save with an error showing opens the dialog over the form.
    {
      const page = await openForm(context, 'classic', 'missing-agency');
      await page.locator('caljobs-assistant-note [data-check=agency-code-missing]').waitFor({ timeout: 10_000 });
      await settle(page);
      await page.locator(`${P}btnSave`).click();
      const dialog = page.getByRole('alertdialog');
      await dialog.waitFor({ state: 'visible', timeout: 5000 });
      await page.waitForTimeout(200);
      await shoot(page, 'save-guard.png', [dialog], 48);
      await page.close();
    }

    // 4. Side panel, Checks tab, attached to a form whose date is past the maximum (its "Why?" opened).
    {
      const { panel } = await openWithPanel(browser, 'classic', 'after-max');
      const item = panel.locator('[role=tabpanel] [data-check=date-after-max]');
      await item.waitFor({ timeout: 10_000 });
      await item.locator('summary', { hasText: 'Why?' }).click();
      await panel.waitForTimeout(200);
      await shootPanel(panel, 'panel-checks.png', panel.locator('[role=tabpanel] .check-list'));
    }

    // 5. Side panel, Decision tree walked to an outcome (a state occupational license: counts).
    {
      const { panel } = await openWithPanel(browser, 'classic', 'after-max');
      await panel.getByRole('tab', { name: 'Decision tree' }).click();
      await answer(panel, /^Yes/);
      await answer(panel, 'During participation, or within one year after exit');
      await answer(panel, /government agency that issues a license/);
      await answer(panel, /Occupational license/);
      await answer(panel, /Technical or occupational skills/);
      await answer(panel, /^Yes/);
      const outcome = panel.locator('[data-outcome]');
      await outcome.waitFor({ timeout: 5000 });
      if ((await outcome.getAttribute('data-outcome')) !== 'counts') throw new Error('the decision tree did not reach "counts"');
      await panel.waitForTimeout(200);
      await shootPanel(panel, 'panel-decision-tree.png', panel.getByRole('tabpanel', { name: 'Decision tree' }));
    }

    // 6. Side panel, Walkthrough attached to the case page (step 1 is current; steps 1 and 2 shown).
    {
      const { panel } = await openWithPanel(browser, 'case');
      await panel.getByRole('tab', { name: 'Walkthrough' }).click();
      await panel.locator('[data-step=expand-application][data-step-state=current]').waitFor({ timeout: 10_000 });
      await panel.waitForTimeout(200);
      await shootPanel(panel, 'panel-walkthrough.png', panel.locator('[data-step=open-credentials]'), 4);
    }

    // 7. The options page with sample office defaults, saved.
    {
      for (const old of context.pages()) await old.close();
      const page = await context.newPage();
      await page.setViewportSize({ width: PAGE_WIDTH, height: 900 });
      await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
      await page.getByLabel('LWIA/Region', { exact: true }).fill('Los Angeles County');
      await page.getByLabel('Office Location', { exact: true }).fill('Example WorkSource Center');
      await page.getByLabel('Agency Code', { exact: true }).fill('LA0211');
      await page.getByLabel('Agency name (optional)', { exact: true }).fill('Example WorkSource Center');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.locator('#save-status', { hasText: 'Settings saved' }).waitFor({ timeout: 5000 });
      await page.evaluate(() => (document.activeElement instanceof HTMLElement ? document.activeElement.blur() : undefined));
      await shootOptions(context, page, 'options.png');
    }

    // 8. The lookup windows (office code LA0211 saved just above), as the VOSPopup windows the form opens.
    {
      // Search Activities/Services over a form dated 08/08/2015, on its third page: training or not,
      // and the activities that start after the credential date.
      for (const old of context.pages()) await old.close();
      const form = await openForm(context, 'cascade', 'clean');
      const [popup] = await Promise.all([context.waitForEvent('page'), form.locator('#ctl00_Main_content_ucCredentialInfo_lnkSearchActivities').click()]);
      await popup.locator('caljobs-assistant-lookup-mark [data-mark]').first().waitFor({ timeout: 10_000 });
      await Promise.all([popup.waitForEvent('load'), popup.locator('a[href*="Page$3"]').click()]);
      await popup.locator('caljobs-assistant-lookup-mark [data-mark=starts-after]').first().waitFor({ timeout: 10_000 });
      await popup.waitForTimeout(300);
      await shoot(popup, 'lookup-activities.png', [popup.locator('h1'), popup.locator('#ctl00_Main_content_gvActivities')]);
      await popup.close();
      await form.close();
    }
    {
      // Agency Code Search: the office's code marked, scrolled into view, with its one-click Select.
      const form = await openForm(context, 'aria', 'missing-agency');
      const [popup] = await Promise.all([context.waitForEvent('page'), form.locator(`${P}lnkAgencyCodeSearch`).click()]);
      const row = popup.locator('tr', { has: popup.locator('caljobs-assistant-lookup-mark') });
      await popup.locator('caljobs-assistant-lookup-mark [data-pick]').waitFor({ timeout: 10_000 });
      await popup.waitForTimeout(300);
      const grid = popup.locator('#ctl00_Main_content_gvAgency tr');
      const index = await row.evaluate((tr) => tr.rowIndex);
      await shoot(popup, 'lookup-agency.png', [popup.locator('h1'), grid.nth(index - 3), grid.nth(index + 2)], 8);
      await popup.close();
      await form.close();
    }
  } finally {
    await browser.close();
  }
  let total = 0;
  for (const path of written) {
    const size = statSync(path).size;
    total += size;
    console.log(`${relative(ROOT, path)}  ${(size / 1024).toFixed(0)} kB`);
  }
  console.log(`${written.length} files, ${(total / 1024).toFixed(0)} kB in all`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

// `npm start`: opens the demo Create Credential page in Chromium with the built extension loaded.
// With a display it opens a window and waits for you to close it; without one (a server, CI) it runs
// headless, prints what the assistant found on each sample case, and writes screenshots.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_DIR, launch, pageUrl, SAMPLE_CASES } from './browser.mjs';

const hasDisplay = process.platform === 'darwin' || process.platform === 'win32' || !!process.env.DISPLAY || !!process.env.WAYLAND_DISPLAY;
const headless = process.env.HEADLESS === '1' || !hasDisplay;

const browser = await launch({ headless, demo: true });
console.log(`Chromium: ${browser.executablePath}`);
console.log(`Extension loaded from ${EXTENSION_DIR} (id ${browser.extensionId})`);

if (!headless) {
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  await page.goto(pageUrl('classic', { case: 'blank' }));
  const panel = await browser.context.newPage();
  await panel.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await page.bringToFront();
  console.log('The demo page is open. Pick a sample case in the purple bar; open the side panel from the toolbar button.');
  console.log('Close the browser window to end the demo.');
  await new Promise((resolve) => browser.context.on('close', resolve));
  process.exit(0);
}

const out = join(EXTENSION_DIR, '..', 'demo');
mkdirSync(out, { recursive: true });
const page = await browser.context.newPage();
for (const [sample, description] of Object.entries(SAMPLE_CASES)) {
  await page.goto(pageUrl('classic', { case: sample }));
  const summary = page.locator('[data-check-summary]');
  await summary.waitFor({ state: 'attached', timeout: 10_000 });
  await page.waitForTimeout(600);
  const notes = await page.locator('caljobs-assistant-note [data-check]').evaluateAll((els) =>
    els.map((el) => `${el.getAttribute('data-severity')} ${el.getAttribute('data-check')}: ${el.querySelector('.message')?.textContent ?? ''}`),
  );
  const status = await summary.locator('[role=status]').textContent();
  console.log(`\n${sample} (${description})\n  summary: ${status}`);
  for (const note of notes) console.log(`  - ${note}`);
  const file = join(out, `${sample}.png`);
  await page.screenshot({ path: file, fullPage: true });
  console.log(`  screenshot: ${file}`);
}
await browser.close();

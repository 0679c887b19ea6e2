// Lints the Firefox build the way addons.mozilla.org (AMO) does, with the web-ext from node_modules.
//
//   node scripts/lint-firefox.mjs [--source-dir .output/firefox-mv3] [--strict]
//
// Build first (`npm run build:firefox` or `npm run zip`): this lints the unpacked directory the
// Firefox zip is made from. Not `--self-hosted`: the package is meant for AMO, so AMO's own rules
// apply (for example the add-on id and data_collection_permissions checks).
//
// Then checks what this project promises about the package (README, Privacy and permissions): Manifest
// V3, any web-accessible file readable by CalJOBS pages only (there are none now), no host permission beyond CalJOBS,
// the add-on id IT policies name.
//
// Prints a short summary and every message. Exit status:
//   0  no errors (warnings and notices are listed, not fatal);
//   1  lint found errors, the package breaks one of our promises, or web-ext could not run / its
//      output could not be read;
//   1  with --strict, also any warning that is not a known, explained third-party one (KNOWN below).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const WEB_EXT = join(ROOT, 'node_modules', 'web-ext', 'bin', 'web-ext.js');

/**
 * Warnings we know about and accept, each with the reason. A warning only counts as known if the
 * flagged code really is the library code described (checked against the file), so a new innerHTML
 * of our own is never waved through.
 */
const KNOWN = [
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    why: "react-dom's own handler for the dangerouslySetInnerHTML prop (our code never uses the prop or innerHTML)",
    matches: (before) => /dangerouslySetInnerHTML/.test(before) && /\.__html\b/.test(before) && /\.innerHTML\s*=/.test(before),
  },
];

function parseArgs(argv) {
  const args = { sourceDir: join(ROOT, '.output', 'firefox-mv3'), strict: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--strict') args.strict = true;
    else if (arg === '--source-dir' || arg === '-s') args.sourceDir = resolve(argv[++i] ?? '');
    else if (arg.startsWith('--source-dir=')) args.sourceDir = resolve(arg.slice('--source-dir='.length));
    else if (arg === '--help' || arg === '-h') {
      console.log('Usage: node scripts/lint-firefox.mjs [--source-dir .output/firefox-mv3] [--strict]');
      process.exit(0);
    } else {
      console.error(`Unknown argument: ${arg}`);
      process.exit(1);
    }
  }
  return args;
}

/** The code just before (and at) a message's position, on its line. */
function codeBefore(sourceDir, message) {
  if (!message.file || message.line == null) return '';
  try {
    const line = readFileSync(join(sourceDir, message.file), 'utf8').split('\n')[message.line - 1] ?? '';
    const at = Math.max(0, (message.column ?? 0) - 1);
    // The reported column is the start of the assignment expression (give or take one).
    return line.slice(Math.max(0, at - 400), at + 120);
  } catch {
    return '';
  }
}

function explain(sourceDir, message) {
  const before = codeBefore(sourceDir, message);
  return KNOWN.find((known) => known.code === message.code && known.matches(before))?.why ?? null;
}

function where(message) {
  if (!message.file) return '';
  return ` ${message.file}${message.line != null ? `:${message.line}${message.column != null ? `:${message.column}` : ''}` : ''}`;
}

const CALJOBS = 'https://www.caljobs.ca.gov/*';
const GECKO_ID = 'caljobs-credential-assistant@lacounty.example';

/** What we promise about the Firefox package, checked on its manifest: a list of broken promises. */
function shippingProblems(manifest) {
  const problems = [];
  if (manifest.manifest_version !== 3) {
    problems.push(`manifest_version is ${manifest.manifest_version}: Firefox ships as Manifest V3 (MV2 cannot limit web_accessible_resources to CalJOBS)`);
  }
  for (const entry of manifest.web_accessible_resources ?? []) {
    if (typeof entry === 'string' || JSON.stringify(entry.matches) !== JSON.stringify([CALJOBS]) || entry.extension_ids) {
      problems.push(`web_accessible_resources entry ${JSON.stringify(entry)} is not limited to ${CALJOBS}`);
    }
  }
  for (const host of [...(manifest.host_permissions ?? []), ...(manifest.optional_host_permissions ?? []), ...(manifest.permissions ?? []).filter((p) => p.includes('://') || p === '<all_urls>')]) {
    if (host !== CALJOBS) problems.push(`host permission ${host} reaches beyond CalJOBS`);
  }
  for (const script of manifest.content_scripts ?? []) {
    for (const match of script.matches ?? []) if (match !== CALJOBS) problems.push(`content script runs on ${match}`);
  }
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (id !== GECKO_ID) problems.push(`the add-on id is ${id}, not ${GECKO_ID} (the id IT policies name, docs/it-policy.md)`);
  return problems;
}

function main() {
  const { sourceDir, strict } = parseArgs(process.argv.slice(2));
  const rel = relative(ROOT, sourceDir);
  const shown = rel && !rel.startsWith('..') ? rel : sourceDir;
  if (!existsSync(join(sourceDir, 'manifest.json'))) {
    console.error(`No Firefox build in ${shown}: run \`npm run build:firefox\` (or \`npm run zip\`) first.`);
    process.exit(1);
  }
  if (!existsSync(WEB_EXT)) {
    console.error('web-ext is not installed: run `npm install`.');
    process.exit(1);
  }

  const run = spawnSync(
    process.execPath,
    [WEB_EXT, 'lint', '--source-dir', sourceDir, '--output', 'json', '--no-input', '--no-config-discovery'],
    {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, NO_UPDATE_NOTIFIER: '1' },
    },
  );
  if (run.error) {
    console.error(`Could not run web-ext: ${run.error.message}`);
    process.exit(1);
  }
  let report;
  try {
    // web-ext prints the linter's JSON report on stdout (and exits non-zero when there are errors).
    const start = run.stdout.indexOf('{');
    report = JSON.parse(run.stdout.slice(start));
  } catch {
    console.error(`web-ext lint did not print a JSON report (exit status ${run.status}).`);
    if (run.stdout.trim()) console.error(run.stdout.trim());
    if (run.stderr.trim()) console.error(run.stderr.trim());
    process.exit(1);
  }

  const errors = report.errors ?? [];
  const warnings = report.warnings ?? [];
  const notices = report.notices ?? [];
  const meta = report.metadata ?? {};
  console.log(
    `web-ext lint ${shown} (${meta.name ?? '?'} ${meta.version ?? '?'}, manifest v${meta.manifestVersion ?? '?'}, ` +
      `Firefox ≥ ${meta.firefoxMinVersion ?? 'any'}): ` +
      `${errors.length} error${errors.length === 1 ? '' : 's'}, ` +
      `${warnings.length} warning${warnings.length === 1 ? '' : 's'}, ` +
      `${notices.length} notice${notices.length === 1 ? '' : 's'}`,
  );

  let unexplained = 0;
  for (const [kind, list] of [
    ['error', errors],
    ['warning', warnings],
    ['notice', notices],
  ]) {
    for (const message of list) {
      const why = kind === 'warning' ? explain(sourceDir, message) : null;
      if (kind === 'warning' && !why) unexplained++;
      console.log(`  ${kind.padEnd(7)} ${message.code}${where(message)}: ${message.message}`);
      if (why) console.log(`          known: ${why}`);
      else if (message.description && kind !== 'notice') {
        console.log(`          ${String(message.description).replace(/\s+/g, ' ').trim()}`);
      }
    }
  }

  const problems = shippingProblems(JSON.parse(readFileSync(join(sourceDir, 'manifest.json'), 'utf8')));
  for (const problem of problems) console.log(`  promise ${problem}`);
  if (errors.length > 0) {
    console.error(`Firefox lint failed: ${errors.length} error${errors.length === 1 ? '' : 's'}.`);
    process.exit(1);
  }
  if (problems.length > 0) {
    console.error(`Firefox package check failed: ${problems.length} broken promise${problems.length === 1 ? '' : 's'}.`);
    process.exit(1);
  }
  if (strict && unexplained > 0) {
    console.error(`Firefox lint failed (--strict): ${unexplained} warning${unexplained === 1 ? '' : 's'} not known to be harmless.`);
    process.exit(1);
  }
  console.log(
    warnings.length === 0
      ? 'Firefox lint passed.'
      : `Firefox lint passed (${warnings.length - unexplained} known, explained warning${warnings.length - unexplained === 1 ? '' : 's'}` +
          `${unexplained ? `, ${unexplained} other` : ''}).`,
  );
}

main();

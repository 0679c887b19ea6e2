import { readFileSync } from 'node:fs';
import { parse } from 'acorn';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILD_DIRS, browserName } from './driver';
import allow from './permissions.json' with { type: 'json' };

/** The built manifest of this run's browser against the checked-in allowlist (test/e2e/permissions.json). */
const dir = BUILD_DIRS[browserName()];

describe(`${basename(dir)} manifest`, () => {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));

  it('asks only for allowed permissions, each with a reason', () => {
    const permissions: string[] = manifest.permissions ?? [];
    const hosts = permissions.filter((p) => p.includes('://') || p === '<all_urls>');
    for (const p of permissions.filter((p) => !hosts.includes(p))) expect(Object.keys(allow.permissions), p).toContain(p);
    for (const h of [...hosts, ...(manifest.host_permissions ?? []), ...(manifest.optional_permissions ?? []), ...(manifest.optional_host_permissions ?? [])]) {
      expect(Object.keys(allow.host_permissions), h).toContain(h);
    }
  });

  it('runs content scripts on CalJOBS only', () => {
    for (const script of manifest.content_scripts ?? []) {
      for (const match of script.matches) expect(Object.keys(allow.content_script_matches), match).toContain(match);
    }
  });

  it('exposes only the allowed web-accessible resources, to CalJOBS only', () => {
    for (const entry of manifest.web_accessible_resources ?? []) {
      // An MV2-style string entry would be readable by every site.
      expect(typeof entry, JSON.stringify(entry)).toBe('object');
      for (const resource of entry.resources) expect(Object.keys(allow.web_accessible_resources), resource).toContain(resource);
      expect(entry.matches).toEqual(['https://www.caljobs.ca.gov/*']);
    }
  });

  it('loads no remote code', () => {
    const csp = JSON.stringify(manifest.content_security_policy ?? '');
    expect(csp).not.toMatch(/https?:/);
    expect(manifest.externally_connectable).toBeUndefined();
    expect(manifest.background?.scripts ?? [manifest.background?.service_worker]).not.toContainEqual(expect.stringMatching(/^https?:/));
  });
});

describe(`${basename(dir)} page-side scripts`, () => {
  const PAGE_SIDE = ['caljobs-gate.js', 'page-world.js', 'assistant.js', 'structure-report.js'];
  // wxt.config.ts adds V8's explicit compile hint to each after minifying (README, Performance): on its
  // first line, or V8 does not see it; the rest of the file is the script as built.
  it.each(PAGE_SIDE)('%s starts with the compile hint and still parses', (file) => {
    const code = readFileSync(join(dir, file), 'utf8');
    expect(code.split('\n', 1)[0]).toBe('//# allFunctionsCalledOnLoad');
    expect(() => new Function(code)).not.toThrow();
  });

  // `globalName: false` (entrypoints/*) and no WXT wrapper (wxt.config.ts): nothing declared at the
  // script's top level, so no `var <name> = …` (nor a `let`, a function or a class) is defined in the
  // world's global at each injection (measured: the form's load 0.13 ms cheaper without it; README,
  // Performance). Each top-level statement is an expression: the script's one call.
  it.each(PAGE_SIDE)('%s defines no global variable of its own', (file) => {
    const program = parse(readFileSync(join(dir, file), 'utf8'), { ecmaVersion: 'latest', sourceType: 'script' });
    expect(program.body.length).toBeGreaterThan(0);
    expect(program.body.map((statement) => statement.type)).toEqual(program.body.map(() => 'ExpressionStatement'));
  });

  it('the worker does not carry it (it runs a few functions per event, not all of them)', () => {
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    const worker = manifest.background?.service_worker ?? manifest.background?.scripts?.[0];
    expect(readFileSync(join(dir, worker), 'utf8')).not.toContain('allFunctionsCalledOnLoad');
  });
});

// Store packaging: the icons every store asks for, a version the stores accept, and the manifest each
// browser gets from wxt.config.ts. (`npm run zip` and `node scripts/lint-firefox.mjs`, which check the
// built Firefox package itself, run in the full pipeline, not here; so does test/e2e/manifest.e2e.ts.)
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import config from '../../wxt.config';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Chrome Web Store: 16, 32, 48, 128. Firefox / AMO: 48, 96. */
const STORE_SIZES = [16, 32, 48, 96, 128];
const ICON_SOURCE = join(ROOT, 'assets', 'icon.svg');

/** The icon at `size`, rendered from the SVG exactly as @wxt-dev/auto-icons does at build time. */
async function rendered(size: number): Promise<{ width: number; height: number; channels: number; alpha(x: number, y: number): number }> {
  const png = await sharp(ICON_SOURCE).resize(size).png().toBuffer();
  const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, channels: info.channels, alpha: (x, y) => data[(y * info.width + x) * info.channels + 3] ?? -1 };
}

describe('icons', () => {
  it('wxt.config.ts has @wxt-dev/auto-icons draw every size the stores ask for from assets/icon.svg', () => {
    const config = readFileSync(join(ROOT, 'wxt.config.ts'), 'utf8');
    expect(config).toContain("'@wxt-dev/auto-icons'");
    const options = /autoIcons:\s*\{\s*baseIconPath:\s*'([^']+)',\s*sizes:\s*\[([\d,\s]+)\]/.exec(config);
    expect(options?.[1]).toBe('assets/icon.svg');
    const sizes = (options?.[2] ?? '').split(',').map((n) => Number(n.trim()));
    expect([...sizes].sort((a, b) => a - b)).toEqual(STORE_SIZES);
    expect(existsSync(ICON_SOURCE)).toBe(true);
    expect(existsSync(join(ROOT, 'public', 'icon')), 'no hand-made icons beside the generated ones').toBe(false);
  });

  describe.each(STORE_SIZES)('%i px', (size) => {
    it(`renders ${size} x ${size} with an alpha channel`, async () => {
      const icon = await rendered(size);
      expect([icon.width, icon.height, icon.channels]).toEqual([size, size, 4]);
    });

    it('has transparent corners (the store padding) and an opaque middle (not blank, not a full bleed)', async () => {
      const icon = await rendered(size);
      for (const [x, y] of [[0, 0], [size - 1, 0], [0, size - 1], [size - 1, size - 1]] as const) expect(icon.alpha(x, y)).toBe(0);
      const mid = size >> 1;
      expect(icon.alpha(mid, mid)).toBe(255);
    });
  });
});

describe('manifest for each store', () => {
  const CALJOBS = ['https://www.caljobs.ca.gov/*'];
  const manifestFor = async (browser: 'chrome' | 'firefox') => {
    const input = config.manifest;
    const env = { browser, manifestVersion: 3, mode: 'production', command: 'build' } as never;
    return (typeof input === 'function' ? await input(env) : input) as Record<string, any>;
  };

  it('is Manifest V3 for every browser, Firefox included (only MV3 can keep web-accessible files to CalJOBS)', () => {
    expect(config.manifestVersion).toBe(3);
  });

  describe.each(['chrome', 'firefox'] as const)('%s', (browser) => {
    it('exposes no file to any page (the worker puts the assistant and the support report into CalJOBS frames)', async () => {
      const manifest = await manifestFor(browser);
      expect(manifest.web_accessible_resources ?? []).toEqual([]);
      expect(manifest.permissions).toContain('scripting');
    });

    it('runs its content script on CalJOBS only, and asks for no host but CalJOBS', async () => {
      const manifest = await manifestFor(browser);
      expect([...new Set(manifest.content_scripts.flatMap((script: { matches: string[] }) => script.matches))]).toEqual(CALJOBS);
      expect(manifest.host_permissions ?? []).toEqual(CALJOBS);
      expect(manifest.optional_permissions ?? []).toEqual([]);
    });
  });

  it('Firefox: the add-on id IT policies name, Firefox 140+ (the ESR), no data collected', async () => {
    const gecko = (await manifestFor('firefox')).browser_specific_settings.gecko;
    expect(gecko.id).toBe('caljobs-credential-assistant@lacounty.example');
    expect(readFileSync(join(ROOT, 'docs', 'it-policy.md'), 'utf8')).toContain(gecko.id);
    expect(Number.parseFloat(gecko.strict_min_version)).toBeGreaterThanOrEqual(140);
    expect(gecko.data_collection_permissions).toEqual({ required: ['none'] });
  });
});

describe('version', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version?: unknown };

  it('package.json has a valid semver version (WXT copies it into the manifest)', () => {
    // The official semver.org regular expression.
    const SEMVER =
      /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;
    expect(typeof pkg.version).toBe('string');
    expect(pkg.version).toMatch(SEMVER);
  });

  it('its numeric part fits the manifest rules of Chrome (each part ≤ 65535) and Firefox (≤ 9 digits)', () => {
    const core = String(pkg.version).split(/[-+]/)[0]!.split('.');
    expect(core).toHaveLength(3);
    for (const part of core) {
      expect(part).toMatch(/^(0|[1-9]\d{0,8})$/);
      expect(Number(part)).toBeLessThanOrEqual(65535);
    }
  });
});

describe('code the Firefox lint would flag', () => {
  // scripts/lint-firefox.mjs accepts the two innerHTML warnings inside react-dom because none of our
  // code hands React raw HTML. Keep it that way: render text, not markup.
  const SOURCE_DIRS = ['entrypoints', 'lib', 'components'];
  const RAW_HTML = /\b(?:dangerouslySetInnerHTML|innerHTML|outerHTML|insertAdjacentHTML)\b|document\.write\s*\(|\beval\s*\(|new\s+Function\s*\(/;

  function sourceFiles(dir: string): string[] {
    if (!existsSync(dir)) return [];
    return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return sourceFiles(path);
      return /\.(?:ts|tsx|js|jsx|mjs|html)$/.test(entry.name) ? [path] : [];
    });
  }

  it('no extension source uses raw HTML injection, eval or new Function', () => {
    const offenders = SOURCE_DIRS.flatMap((dir) => sourceFiles(join(ROOT, dir))).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) => (RAW_HTML.test(line) && !/^\s*(?:\/\/|\*)/.test(line) ? [`${file.slice(ROOT.length + 1)}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(offenders).toEqual([]);
  });
});

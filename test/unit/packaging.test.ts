// Store packaging: the icons every store asks for, and a version the stores accept.
// (`npm run zip` and `node scripts/lint-firefox.mjs` themselves run in the full pipeline, not here.)
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ICON_SIZES, renderIcon } from '../../scripts/make-icons.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Chrome Web Store: 16, 32, 48, 128. Firefox / AMO: 48, 96. */
const STORE_SIZES = [16, 32, 48, 96, 128];

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

interface Chunk {
  type: string;
  data: Buffer;
  crcOk: boolean;
}

function chunks(png: Buffer): Chunk[] {
  const out: Chunk[] = [];
  let at = 8;
  while (at < png.length) {
    if (at + 12 > png.length) throw new Error(`truncated chunk at byte ${at}`);
    const length = png.readUInt32BE(at);
    if (at + 12 + length > png.length) throw new Error(`chunk at byte ${at} runs past the end`);
    const type = png.toString('latin1', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    const crc = png.readUInt32BE(at + 8 + length);
    out.push({ type, data, crcOk: crc32(png.subarray(at + 4, at + 8 + length)) === crc });
    at += 12 + length;
  }
  return out;
}

interface Ihdr {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  compression: number;
  filter: number;
  interlace: number;
}

function ihdr(data: Buffer): Ihdr {
  return {
    width: data.readUInt32BE(0),
    height: data.readUInt32BE(4),
    bitDepth: data[8]!,
    colorType: data[9]!,
    compression: data[10]!,
    filter: data[11]!,
    interlace: data[12]!,
  };
}

/** RGBA pixels of an 8-bit RGBA, non-interlaced PNG, undoing any of the five row filters. */
function decodeRgba(png: Buffer): { header: Ihdr; rgba: Uint8Array } {
  const all = chunks(png);
  const header = ihdr(all[0]!.data);
  const raw = inflateSync(Buffer.concat(all.filter((c) => c.type === 'IDAT').map((c) => c.data)));
  const bpp = 4;
  const stride = header.width * bpp;
  if (raw.length !== (stride + 1) * header.height) {
    throw new Error(`image data is ${raw.length} bytes, expected ${(stride + 1) * header.height}`);
  }
  const rgba = new Uint8Array(stride * header.height);
  for (let y = 0; y < header.height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x]!;
      const a = x >= bpp ? rgba[y * stride + x - bpp]! : 0;
      const b = y > 0 ? rgba[(y - 1) * stride + x]! : 0;
      const c = x >= bpp && y > 0 ? rgba[(y - 1) * stride + x - bpp]! : 0;
      let predictor: number;
      if (filter === 0) predictor = 0;
      else if (filter === 1) predictor = a;
      else if (filter === 2) predictor = b;
      else if (filter === 3) predictor = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      } else throw new Error(`row ${y}: unknown filter type ${filter}`);
      rgba[y * stride + x] = (value + predictor) & 0xff;
    }
  }
  return { header, rgba };
}

function iconPath(size: number): string {
  return join(ROOT, 'public', 'icon', `${size}.png`);
}

describe('icons', () => {
  it('the generator draws every size the stores ask for', () => {
    expect([...ICON_SIZES].sort((a, b) => a - b)).toEqual(STORE_SIZES);
  });

  it('public/icon holds only <size>.png files, which WXT turns into the manifest `icons`', () => {
    const files = readdirSync(join(ROOT, 'public', 'icon')).sort();
    expect(files).toEqual(STORE_SIZES.map((size) => `${size}.png`).sort());
  });

  describe.each(STORE_SIZES)('%i px', (size) => {
    it('exists and is a well-formed PNG (signature, IHDR first, chunk CRCs, IDAT, IEND last)', () => {
      const file = iconPath(size);
      expect(existsSync(file), `${file} is missing: run \`node scripts/make-icons.mjs\``).toBe(true);
      const png = readFileSync(file);
      expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
      const list = chunks(png);
      expect(list[0]?.type).toBe('IHDR');
      expect(list[0]?.data.length).toBe(13);
      expect(list.at(-1)?.type).toBe('IEND');
      expect(list.some((c) => c.type === 'IDAT')).toBe(true);
      for (const chunk of list) expect(chunk.crcOk, `CRC of ${chunk.type}`).toBe(true);
      // Small enough for any store: far below the 1 MB-class limits, and a sign nothing odd got in.
      expect(statSync(file).size).toBeLessThan(64 * 1024);
    });

    it(`is ${size} x ${size}, 8-bit RGBA, not interlaced`, () => {
      const header = ihdr(chunks(readFileSync(iconPath(size)))[0]!.data);
      expect(header).toEqual({
        width: size,
        height: size,
        bitDepth: 8,
        colorType: 6,
        compression: 0,
        filter: 0,
        interlace: 0,
      });
    });

    it('has transparent corners and an opaque middle (a rounded square, not a blank or a full bleed)', () => {
      const { rgba } = decodeRgba(readFileSync(iconPath(size)));
      const alpha = (x: number, y: number) => rgba[(y * size + x) * 4 + 3];
      // At 16 px the artwork runs to the edge, so a corner pixel keeps a trace of anti-aliasing.
      for (const [x, y] of [[0, 0], [size - 1, 0], [0, size - 1], [size - 1, size - 1]] as const) {
        expect(alpha(x, y)).toBeLessThan(16);
      }
      const mid = size >> 1;
      expect(alpha(mid, mid)).toBe(255);
    });

    it('is what scripts/make-icons.mjs draws (run `node scripts/make-icons.mjs` after changing it)', () => {
      const { rgba } = decodeRgba(readFileSync(iconPath(size)));
      // Compare as a Buffer: one equality check instead of thousands of per-pixel diffs.
      expect(Buffer.compare(Buffer.from(rgba), Buffer.from(renderIcon(size)))).toBe(0);
    });
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

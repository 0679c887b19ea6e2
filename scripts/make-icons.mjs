// Draws the extension icon and writes public/icon/<size>.png for every size the stores ask for.
// No external tools: the shapes are signed-distance functions, anti-aliased by supersampling, and the
// PNG encoder below uses only node:zlib. WXT picks up public/icon/<size>.png and fills `icons` in the
// manifest.
//
//   node scripts/make-icons.mjs            write the icons
//   node scripts/make-icons.mjs --check    exit 1 if a checked-in icon differs from what this draws
//
// The design: a rounded square in #1a5fb4 holding a white certificate rosette (a disc with two ribbon
// tails) with a blue check mark in it. At 16 and 32 px the ribbon tails and the rosette would turn to
// mush, so the small sizes draw a bold white check mark on the same blue square.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync, inflateSync } from 'node:zlib';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const ICON_DIR = join(ROOT, 'public', 'icon');

/** Chrome Web Store: 16, 32, 48, 128. Firefox / AMO: 48, 96. */
export const ICON_SIZES = [16, 32, 48, 96, 128];

const BLUE = [0x1a, 0x5f, 0xb4];
const WHITE = [0xff, 0xff, 0xff];

/**
 * Transparent padding on each side, in pixels. The Chrome Web Store asks for the 128 px icon to be
 * 96 x 96 of artwork inside 16 px of transparent padding; the toolbar sizes use (nearly) the whole
 * square so they stay legible.
 */
const PADDING = { 16: 0, 32: 1, 48: 2, 96: 4, 128: 16 };

// ---------------------------------------------------------------------------------------------------
// Geometry. Coordinates are in the unit square of the artwork (0,0 top left, 1,1 bottom right);
// each function returns a signed distance: negative inside, positive outside.

function roundedSquare(x, y, radius) {
  const qx = Math.abs(x - 0.5) - (0.5 - radius);
  const qy = Math.abs(y - 0.5) - (0.5 - radius);
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  return outside + Math.min(Math.max(qx, qy), 0) - radius;
}

function circle(x, y, cx, cy, r) {
  return Math.hypot(x - cx, y - cy) - r;
}

/** Distance to the segment a-b, minus half the stroke width: a stroke with round caps. */
function segment(x, y, ax, ay, bx, by, halfWidth) {
  const px = x - ax;
  const py = y - ay;
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - dx * t, py - dy * t) - halfWidth;
}

/** Convex polygon (points in clockwise or counter-clockwise order): inside test only. */
function insidePolygon(x, y, points) {
  let sign = 0;
  for (let i = 0; i < points.length; i++) {
    const [ax, ay] = points[i];
    const [bx, by] = points[(i + 1) % points.length];
    const cross = (bx - ax) * (y - ay) - (by - ay) * (x - ax);
    if (cross !== 0) {
      if (sign === 0) sign = Math.sign(cross);
      else if (Math.sign(cross) !== sign) return false;
    }
  }
  return true;
}

function check(x, y, points, halfWidth) {
  let d = Infinity;
  for (let i = 0; i + 1 < points.length; i++) {
    const [ax, ay] = points[i];
    const [bx, by] = points[i + 1];
    d = Math.min(d, segment(x, y, ax, ay, bx, by, halfWidth));
  }
  return d;
}

// Ribbon tails: two slanted strips hanging from under the rosette, each ending in a V notch.
const TAIL_LEFT = [
  [0.36, 0.55],
  [0.5, 0.6],
  [0.4, 0.9],
  [0.32, 0.82],
  [0.24, 0.86],
];
const TAIL_RIGHT = TAIL_LEFT.map(([px, py]) => [1 - px, py]);
// Split each (non-convex, because of the notch) tail into two convex pieces.
const TAIL_PIECES = [TAIL_LEFT, TAIL_RIGHT].flatMap((t) => [
  [t[0], t[1], t[2], t[3]],
  [t[0], t[3], t[4]],
]);

/**
 * The colour of one point of the artwork: [r, g, b, a] with a in 0..1, painted back to front.
 * `small` picks the simplified design for the toolbar sizes.
 */
function paint(x, y, small) {
  if (roundedSquare(x, y, 0.2) > 0) return null;
  let color = BLUE;
  if (small) {
    if (check(x, y, [[0.22, 0.53], [0.42, 0.72], [0.78, 0.3]], 0.095) <= 0) color = WHITE;
    return color;
  }
  if (TAIL_PIECES.some((piece) => insidePolygon(x, y, piece))) color = WHITE;
  if (circle(x, y, 0.5, 0.41, 0.29) <= 0) color = WHITE;
  if (circle(x, y, 0.5, 0.41, 0.245) <= 0 && circle(x, y, 0.5, 0.41, 0.215) > 0) color = BLUE;
  if (check(x, y, [[0.39, 0.42], [0.465, 0.495], [0.615, 0.335]], 0.038) <= 0) color = BLUE;
  return color;
}

/** Renders one size as straight (non-premultiplied) RGBA, 4 bytes a pixel, row by row. */
export function renderIcon(size, samples = 8) {
  const pad = PADDING[size] ?? Math.round(size / 16);
  const art = size - 2 * pad;
  const small = size <= 32;
  const rgba = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let covered = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px - pad + (sx + 0.5) / samples) / art;
          const y = (py - pad + (sy + 0.5) / samples) / art;
          const c = paint(x, y, small);
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          covered++;
        }
      }
      const i = (py * size + px) * 4;
      if (covered > 0) {
        rgba[i] = Math.round(r / covered);
        rgba[i + 1] = Math.round(g / covered);
        rgba[i + 2] = Math.round(b / covered);
        rgba[i + 3] = Math.round((255 * covered) / (samples * samples));
      }
    }
  }
  return rgba;
}

// ---------------------------------------------------------------------------------------------------
// PNG: 8-bit RGBA (colour type 6), no interlace, filter type 0 on every row, one IDAT.

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  Buffer.from(data).copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  ihdr[10] = 0; // compression: deflate
  ihdr[11] = 0; // filter method 0
  ihdr[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter type None
    Buffer.from(rgba.buffer, rgba.byteOffset + y * stride, stride).copy(raw, y * (stride + 1) + 1);
  }
  return Buffer.concat([
    PNG_SIGNATURE,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Decodes the pixels of a PNG this script wrote (RGBA, 8-bit, filter 0): for --check. */
function decodeOwnPng(png) {
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const idat = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    const type = png.toString('ascii', at + 4, at + 8);
    if (type === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  const rgba = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    if (raw[y * (stride + 1)] !== 0) return null;
    rgba.set(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)), y * stride);
  }
  return { width, height, rgba };
}

function main() {
  const checkOnly = process.argv.includes('--check');
  mkdirSync(ICON_DIR, { recursive: true });
  let stale = 0;
  for (const size of ICON_SIZES) {
    const file = join(ICON_DIR, `${size}.png`);
    const rgba = renderIcon(size);
    if (checkOnly) {
      let current = null;
      try {
        current = decodeOwnPng(readFileSync(file));
      } catch {
        current = null;
      }
      const same =
        current && current.width === size && current.height === size && Buffer.compare(Buffer.from(current.rgba), Buffer.from(rgba)) === 0;
      if (!same) {
        stale++;
        console.error(`public/icon/${size}.png is missing or differs from what scripts/make-icons.mjs draws`);
      }
      continue;
    }
    const png = encodePng(size, size, rgba);
    writeFileSync(file, png);
    console.log(`public/icon/${size}.png  ${size}x${size}  ${png.length} bytes`);
  }
  if (checkOnly) {
    if (stale) {
      console.error('Run `node scripts/make-icons.mjs` to redraw them.');
      process.exit(1);
    }
    console.log(`Icons up to date: ${ICON_SIZES.join(', ')} px.`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();

// `SOURCEMAP_BUILD=1 npx wxt build && node scripts/bundle-sizes.mjs [script.js]`: what each page-side
// script is made of, by source file, from the build's source maps (bytes of minified output that each
// source produced). A diagnosis tool for the size budget (`npm run bench` reports the totals).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const DIR = join(process.cwd(), '.output', 'chrome-mv3');
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
function decodeVlq(segment) {
  const out = [];
  let value = 0;
  let shift = 0;
  for (const ch of segment) {
    const digit = B64.indexOf(ch);
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      out.push(value & 1 ? -(value >> 1) : value >> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
}

function bySource(file) {
  const code = readFileSync(join(DIR, file), 'utf8');
  const map = JSON.parse(readFileSync(join(DIR, `${file}.map`), 'utf8'));
  const lines = code.split('\n');
  const sizes = new Map();
  const spans = new Map(); // source → [line, from, to] of the output it produced
  let source = 0;
  map.mappings.split(';').forEach((line, lineIndex) => {
    let column = 0;
    const segments = line.split(',').filter(Boolean).map(decodeVlq);
    segments.forEach((seg, i) => {
      column += seg[0];
      if (seg.length > 1) source += seg[1];
      const next = i + 1 < segments.length ? column + segments[i + 1][0] : (lines[lineIndex] ?? '').length;
      const name = map.sources[source] ?? '?';
      sizes.set(name, (sizes.get(name) ?? 0) + (next - column));
      if (!spans.has(name)) spans.set(name, []);
      spans.get(name).push([lineIndex, column, next]);
    });
  });
  const gzip = gzipSync(code, { level: 9 }).length;
  // A source's share of the gzipped size: how much smaller the file gzips with its output cut out.
  const gzShare = (names) => {
    const cut = lines.map((l) => l.split(''));
    for (const name of names) for (const [line, from, to] of spans.get(name) ?? []) for (let c = from; c < to; c += 1) cut[line][c] = '';
    return gzip - gzipSync(cut.map((l) => l.join('')).join('\n'), { level: 9 }).length;
  };
  return { total: code.length, gzip, sizes, gzShare };
}

const files = process.argv.slice(2).length ? process.argv.slice(2) : ['caljobs-gate.js', 'page-world.js', 'assistant.js', 'structure-report.js'];
for (const file of files) {
  const { total, gzip, sizes, gzShare } = bySource(file);
  console.log(`${file}: ${(total / 1024).toFixed(1)} KB, ${(gzip / 1024).toFixed(1)} KB gzipped`);
  const grouped = new Map();
  const members = new Map();
  for (const [name, bytes] of sizes) {
    const key = name.replace(/^(\.\.\/)+/, '').replace(/node_modules\/(\.pnpm\/)?((@[^/]+\/)?[^/]+).*/, 'node_modules/$2');
    grouped.set(key, (grouped.get(key) ?? 0) + bytes);
    members.set(key, [...(members.get(key) ?? []), name]);
  }
  console.log('    minified   gzipped share  source');
  for (const [name, bytes] of [...grouped].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 30)))
    console.log(`  ${(bytes / 1024).toFixed(1).padStart(6)} KB  ${(gzShare(members.get(name)) / 1024).toFixed(2).padStart(6)} KB  ${name}`);
}

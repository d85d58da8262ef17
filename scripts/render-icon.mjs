// Renders the marketplace icon media/icon.svg to media/icon.png (128×128, transparent corners) with the Chromium the
// tests already use. Run after editing the SVG: `node scripts/render-icon.mjs`; commit both files.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync, inflateSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, ROOT } from '../test/host/host.mjs';

const SIZE = 128;
const svg = readFileSync(join(ROOT, 'media', 'icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE }, deviceScaleFactor: 1 });
  await page.setContent(
    `<!doctype html><html><body style="margin:0;background:transparent">${svg.replace('<svg ', '<svg style="display:block" ')}</body></html>`,
  );
  const png = recompress(
    await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: SIZE, height: SIZE } }),
  );
  writeFileSync(join(ROOT, 'media', 'icon.png'), png);
  console.log(`media/icon.png: ${SIZE}×${SIZE}, ${png.length} bytes`);
} finally {
  await browser.close();
}

/**
 * The same pixels in fewer bytes (the VSIX has a 300 KiB budget): Chromium filters each row adaptively, but this icon's
 * flat colours compress best unfiltered (every row filter "none"), deflated at level 9: lossless, 7.6 → 6.6 KB.
 */
function recompress(png) {
  const chunks = [];
  for (let at = 8; at < png.length; at += 12 + png.readUInt32BE(at))
    chunks.push({
      type: png.toString('latin1', at + 4, at + 8),
      data: png.subarray(at + 8, at + 8 + png.readUInt32BE(at)),
    });
  const header = chunks.find((c) => c.type === 'IHDR').data;
  if (header[8] !== 8 || header[9] !== 6) return png; // only 8-bit RGBA, what Chromium writes
  const pixels = unfiltered(
    inflateSync(Buffer.concat(chunks.filter((c) => c.type === 'IDAT').map((c) => c.data))),
    header.readUInt32BE(0) * 4,
    header.readUInt32BE(4),
  );
  const stride = header.readUInt32BE(0) * 4;
  const rows = [];
  for (let y = 0; y < pixels.length / stride; y++)
    rows.push(Buffer.from([0]), pixels.subarray(y * stride, (y + 1) * stride));
  const data = deflateSync(Buffer.concat(rows), { level: 9, memLevel: 9 });
  const chunk = (type, body) => {
    const typed = Buffer.concat([Buffer.from(type, 'latin1'), body]);
    const frame = Buffer.alloc(8 + body.length + 4);
    frame.writeUInt32BE(body.length, 0);
    typed.copy(frame, 4);
    frame.writeUInt32BE(crc32(typed) >>> 0, 8 + body.length);
    return frame;
  };
  return Buffer.concat([
    png.subarray(0, 8),
    chunk('IHDR', header),
    chunk('IDAT', data),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Undoes PNG's per-row filters (none, sub, up, average, Paeth) of 4-byte pixels. */
function unfiltered(raw, stride, height) {
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const a = x >= 4 ? pixels[y * stride + x - 4] : 0;
      const b = y ? pixels[(y - 1) * stride + x] : 0;
      const c = x >= 4 && y ? pixels[(y - 1) * stride + x - 4] : 0;
      const paeth = () => {
        const p = a + b - c;
        const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      };
      const predictor = [0, a, b, (a + b) >> 1, filter === 4 ? paeth() : 0][filter];
      pixels[y * stride + x] = (raw[y * (stride + 1) + 1 + x] + predictor) & 255;
    }
  }
  return pixels;
}

// Renders the marketplace icon media/icon.svg to media/icon.png (128×128, transparent corners) with the Chromium the
// tests already use. Run after editing the SVG: `node scripts/render-icon.mjs`; commit both files.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync, inflateSync } from 'node:zlib';
import { applyPaletteSync, buildPaletteSync, utils } from 'image-q';
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
 * The icon in fewer bytes (the VSIX has a 300 KiB budget): its gradient and edges hold ~850 colours, which image-q's Wu
 * quantizer maps to a palette of 176 with no dithering (the largest error is 6 of 255 in one channel, invisible, as
 * with 256; 160 makes it 8); a palette PNG with transparency (PLTE + tRNS), translucent entries first so tRNS stops at
 * the last of them, rows unfiltered, deflated at level 9: 6.6 → 3.2 KB.
 */
function recompress(png) {
  const chunks = [];
  for (let at = 8; at < png.length; at += 12 + png.readUInt32BE(at))
    chunks.push({
      type: png.toString('latin1', at + 4, at + 8),
      data: png.subarray(at + 8, at + 8 + png.readUInt32BE(at)),
    });
  const header = chunks.find((c) => c.type === 'IHDR').data;
  if (header[8] !== 8 || header[9] !== 6) throw new Error('expected an 8-bit RGBA PNG from Chromium');
  const [width, height] = [header.readUInt32BE(0), header.readUInt32BE(4)];
  const pixels = unfiltered(
    inflateSync(Buffer.concat(chunks.filter((c) => c.type === 'IDAT').map((c) => c.data))),
    width * 4,
    height,
  );
  const image = utils.PointContainer.fromUint8Array(new Uint8Array(pixels), width, height);
  const options = { colorDistanceFormula: 'euclidean-bt709' };
  const palette = buildPaletteSync([image], { ...options, colors: 176, paletteQuantization: 'wuquant' });
  const mapped = applyPaletteSync(image, palette, { ...options, imageQuantization: 'nearest' }).getPointArray();
  const colours = palette
    .getPointContainer()
    .getPointArray()
    .sort((a, b) => a.a - b.a);
  const indexOf = new Map(colours.map((point, i) => [point.uint32, i]));
  const rows = Buffer.alloc((width + 1) * height); // each row: filter byte 0 (none), then one index per pixel
  mapped.forEach(
    (point, i) => (rows[Math.floor(i / width) * (width + 1) + 1 + (i % width)] = indexOf.get(point.uint32)),
  );
  const paletteHeader = Buffer.from(header);
  paletteHeader[9] = 3; // colour type: indexed
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
    chunk('IHDR', paletteHeader),
    chunk('PLTE', Buffer.from(colours.flatMap((p) => [p.r, p.g, p.b]))),
    chunk('tRNS', Buffer.from(colours.filter((p) => p.a < 255).map((p) => p.a))),
    chunk('IDAT', deflateSync(rows, { level: 9, memLevel: 9 })),
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

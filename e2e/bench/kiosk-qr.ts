/**
 * How well the kiosk's camera reads confirmation QR codes: random check-in codes drawn as the api draws them
 * (`checkInQrSvg`: error correction M, margin 2), at several sizes in a 640 × 480 camera frame, under conditions a
 * camera meets (sharp, blurred, noisy, tilted, dim). For each picture: read or not, and the time of one try.
 * The kiosk's way (QrScanner.tsx: jsQR, web-booking's own copy, on the frame scaled to 240 px high, here half
 * size) against the baseline ZXing 0.23, the decoder before it (at the frame's size, then at half size). Both run in
 * Debian's Chromium on the same canvas. A fake camera shows one frame for ever, a real one a new noisy frame a try.
 * A benchmark, not a test: it prints. `npm run bench:kiosk-qr` (CODES=100 by default).
 */
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { launchBrowser, repoRoot } from '../harness.js';

const codeCount = Number(process.env.CODES ?? 100);
const sizes = [120, 160, 200, 260, 320, 360, 400, 440];
const conditions = [
  'sharp',
  'blur 1 px',
  'blur 2 px',
  'noise ±20',
  'tilted 12° + blur 1 px',
  'dim + noise ±20',
  'no code',
  'no code, dim + noise ±20',
];

type Row = { pictures: number; zxing: number; zxingHalf: number; jsqr: number; zxingMs: number; jsqrMs: number };

// The libraries as the product and this package have them installed.
const fromBooking = createRequire(path.join(repoRoot, 'web-booking/package.json'));
const fromApi = createRequire(path.join(repoRoot, 'api/package.json'));
const fromHere = createRequire(import.meta.url);
const qrcode: { toString(text: string, options: object): Promise<string> } = fromApi('qrcode');

/** What api/src/modules/booking/codes.ts makes: "BC1-" and 26 upper-case base32 letters. */
function checkInCode(): string {
  const base32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  return `BC1-${Array.from(randomBytes(26), (b) => base32[b & 31]).join('')}`;
}

/**
 * Runs in the page: draws each picture and tries both decoders on it. A string, not a function: tsx would wrap a
 * function's inner functions in a helper the page does not have.
 */
const inPage = `
window.benchmark = async (svgs, codes, sizes, conditions) => {
  const frame = document.createElement('canvas');
  frame.width = 640;
  frame.height = 480;
  const context = frame.getContext('2d', { willReadFrequently: true });
  const half = document.createElement('canvas');
  half.width = 320;
  half.height = 240;
  const halfContext = half.getContext('2d', { willReadFrequently: true });
  const zxingReads = (canvas, code) => {
    try {
      const bitmap = new ZXing.BinaryBitmap(new ZXing.HybridBinarizer(new ZXing.HTMLCanvasElementLuminanceSource(canvas)));
      return new ZXing.QRCodeReader().decode(bitmap).getText() === code;
    } catch {
      return false;
    }
  };
  const jsqrReads = (canvas, canvasContext, code) => {
    const { width, height } = canvas;
    const found = jsQR(canvasContext.getImageData(0, 0, width, height).data, width, height, { inversionAttempts: 'dontInvert' });
    return !!found && found.data === code;
  };
  const scaled = (canvas, canvasContext) => {
    canvasContext.drawImage(frame, 0, 0, canvas.width, canvas.height);
    return canvas;
  };
  let seed = 1;
  const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const rows = {};
  const rowOf = (name) => (rows[name] ??= { pictures: 0, zxing: 0, zxingHalf: 0, jsqr: 0, zxingMs: 0, jsqrMs: 0 });
  for (const condition of conditions) rowOf(condition);
  for (let i = 0; i < svgs.length; i++) {
    const image = new Image();
    image.src = 'data:image/svg+xml;utf8,' + encodeURIComponent(svgs[i]);
    await image.decode();
    for (const size of sizes) {
      for (const condition of conditions) {
        if (condition.startsWith('no code') && size !== sizes[0]) continue;
        context.save();
        context.fillStyle = condition.includes('dim') ? '#b4b4b4' : '#fff';
        context.fillRect(0, 0, 640, 480);
        if (condition.startsWith('blur')) context.filter = 'blur(' + condition.split(' ')[1] + 'px)';
        if (condition.startsWith('tilted')) {
          context.filter = 'blur(1px)';
          context.translate(320, 240);
          context.rotate((12 * Math.PI) / 180);
          context.translate(-320, -240);
        }
        if (condition.includes('dim')) context.globalAlpha = 0.45;
        if (!condition.startsWith('no code')) context.drawImage(image, (640 - size) / 2, (480 - size) / 2, size, size);
        context.restore();
        if (condition.includes('noise')) {
          const pixels = context.getImageData(0, 0, 640, 480);
          for (let p = 0; p < pixels.data.length; p += 4) {
            const v = (random() - 0.5) * 40;
            for (let c = 0; c < 3; c++) pixels.data[p + c] = Math.max(0, Math.min(255, pixels.data[p + c] + v));
          }
          context.putImageData(pixels, 0, 0);
        }
        // The baseline: ZXing at the frame's size, and again at half size when that reads nothing.
        let start = performance.now();
        const zxing = zxingReads(frame, codes[i]);
        const zxingHalf = zxing || zxingReads(scaled(half, halfContext), codes[i]);
        const zxingMs = performance.now() - start;
        // The kiosk (QrScanner.tsx): jsQR on the frame scaled to 240 px high.
        start = performance.now();
        const kiosk = jsqrReads(scaled(half, halfContext), halfContext, codes[i]);
        const jsqrMs = performance.now() - start;
        // Sharp pictures are counted once more by size: how small a code may be.
        for (const row of condition === 'sharp' ? [rowOf(condition), rowOf('sharp, ' + size + ' px')] : [rowOf(condition)]) {
          row.pictures++;
          row.zxing += zxing;
          row.zxingHalf += zxingHalf;
          row.jsqr += kiosk;
          row.zxingMs += zxingMs;
          row.jsqrMs += jsqrMs;
        }
      }
    }
  }
  return rows;
};
`;

async function main(): Promise<void> {
  const codes = Array.from({ length: codeCount }, checkInCode);
  const svgs = await Promise.all(
    codes.map((code) => qrcode.toString(code, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 })),
  );
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.addScriptTag({ path: fromBooking.resolve('jsqr') });
    await page.addScriptTag({ path: fromHere.resolve('@zxing/library/umd/index.min.js') });
    await page.addScriptTag({ content: inPage });
    const rows: Record<string, Row> = await page.evaluate(
      ([svgs, codes, sizes, conditions]) =>
        (window as unknown as { benchmark: (...a: unknown[]) => Promise<Record<string, Row>> }).benchmark(
          svgs,
          codes,
          sizes,
          conditions,
        ),
      [svgs, codes, sizes, conditions] as const,
    );
    const percent = (n: number, of: number) => `${((100 * n) / of).toFixed(1)} %`;
    console.log(
      `\nKiosk QR decoder, ${codeCount} codes × ${sizes.length} sizes (${sizes.join(', ')} px) in a 640 × 480 frame\n`,
    );
    console.table(
      Object.fromEntries(
        Object.entries(rows).map(([condition, r]) => [
          condition,
          {
            pictures: r.pictures,
            'ZXing read': percent(r.zxing, r.pictures),
            'ZXing, again at ½': percent(r.zxingHalf, r.pictures),
            'kiosk: jsQR at ½': percent(r.jsqr, r.pictures),
            'ZXing (+½) ms/try': +(r.zxingMs / r.pictures).toFixed(1),
            'kiosk ms/try': +(r.jsqrMs / r.pictures).toFixed(1),
            'kiosk ÷ ZXing time': +(r.jsqrMs / r.zxingMs).toFixed(2),
          },
        ]),
      ),
    );
    console.log('"no code": frames without a code, for the time of a try that finds nothing (nothing to read).');
  } finally {
    await browser.close();
  }
}

await main();

// @ts-check
// Cuts KERN UX's typeface (Fira Sans, from @kern-ux/native) down to the letters German pages and the names of
// their visitors need, as woff2, into src/fonts/ (committed; src/fonts.css declares them). Run again after a KERN
// update: `pnpm --filter @bc/schema fonts:subset`.
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import subsetFont from 'subset-font';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const kernFonts = path.join(path.dirname(require.resolve('@kern-ux/native/package.json')), 'dist/fonts/fira-sans');

/** Unicode ranges kept; the same list is the @font-face unicode-range in src/fonts.css. */
export const ranges = [
  [0x20, 0x7e], // Basic Latin
  [0xa0, 0xff], // Latin-1: ä ö ü ß é ç ñ …, « », soft hyphen
  [0x100, 0x17f], // Latin Extended-A: names from Poland, Czechia, Hungary, Turkey, the Baltics, Croatia …
  [0x218, 0x21b], // Ș ș Ț ț (Romanian)
  [0x1e9e, 0x1e9e], // ẞ
  [0x2010, 0x2027], // dashes, quotes „ “ ‚ ‘ ’, •, …
  [0x2030, 0x203a], // ‰ ‹ ›
  [0x20ac, 0x20ac], // €
  [0x2122, 0x2122], // ™
  [0x2190, 0x2193], // arrows
  [0x2212, 0x2212], // minus
];

const text = ranges
  .flatMap(([from, to]) => Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i)))
  .join('');

for (const [weight, name] of [
  [400, 'Regular'],
  [600, 'SemiBold'],
]) {
  const full = await readFile(path.join(kernFonts, `FiraSans-${name}.woff2`));
  const subset = await subsetFont(full, text, { targetFormat: 'woff2' });
  const out = path.join(here, '../src/fonts', `fira-sans-${weight}-latin.woff2`);
  await writeFile(out, subset);
  console.log(`${path.basename(out)}: ${full.length} → ${subset.length} bytes`);
}

// Copies what the compiled api reads from disk next to it: the mail templates. Usage: node scripts/copy-assets.mjs <outDir>
import { cpSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const api = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.resolve(api, process.argv[2] ?? 'dist');
for (const folder of ['modules/mail/templates']) {
  const target = path.join(outDir, folder);
  rmSync(target, { recursive: true, force: true });
  cpSync(path.join(api, 'src', folder), target, { recursive: true });
}

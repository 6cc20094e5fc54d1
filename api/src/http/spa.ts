import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import express, { type Express, type Request, type RequestHandler, type Response } from 'express';
import Negotiator from 'negotiator';
import { repoRoot } from '../config.js';

/** Where each built SPA is served; the same paths are the SPAs' Vite `base`. */
export const spas = [
  { mount: '/booking', folder: 'web-booking' },
  { mount: '/staff', folder: 'web-staff' },
  { mount: '/track', folder: 'web-tracker' },
] as const;

export type SpaOptions = {
  /** The folder holding web-booking/dist, web-staff/dist and web-tracker/dist (the repository by default). */
  root?: string;
  /** Serve the build's .br/.gz files to browsers that accept them (true by default). */
  compression?: boolean;
};

type Encoding = 'br' | 'gzip';
const suffix: Record<Encoding, string> = { br: '.br', gzip: '.gz' };

/**
 * The encoding to send, from Accept-Encoding and what the build holds (negotiator, as express uses it): a higher
 * q-value first, `;q=0` and `*` as RFC 9110 says, and among equals brotli before gzip whatever the header's order
 * (Chromium sends "gzip, deflate, br, zstd").
 */
export function chooseEncoding(header: string | undefined, available: readonly Encoding[]): Encoding | undefined {
  if (!header || available.length === 0) return undefined;
  const chosen = new Negotiator({ headers: { 'accept-encoding': header } }).encoding([...available], {
    preferred: ['br', 'gzip'],
  });
  return available.find((e) => e === chosen);
}

/** Every file of a build that has precompressed variants, by its path under the build ("/assets/index-x.js"). */
function precompressedFiles(dist: string): Map<string, Encoding[]> {
  const names = new Set(
    readdirSync(dist, { recursive: true, encoding: 'utf8' }).map((f) => f.split(path.sep).join('/')),
  );
  const found = new Map<string, Encoding[]>();
  for (const name of names) {
    if (name.endsWith('.br') || name.endsWith('.gz')) continue;
    const encodings = (['br', 'gzip'] as const).filter((e) => names.has(name + suffix[e]));
    if (encodings.length > 0) found.set(`/${name}`, encodings);
  }
  return found;
}

/**
 * Sends `file` (absolute) as the browser accepts it: the .br or .gz beside it with Content-Encoding and the type of
 * the original, else the file itself. Returns the file to hand to express.static/sendFile.
 */
function negotiate(req: Request, res: Response, file: string, encodings: Encoding[] | undefined): string {
  if (!encodings) return file;
  // Every variant says that the answer depends on Accept-Encoding, the uncompressed one too (caches must not mix them).
  res.vary('Accept-Encoding');
  const encoding = chooseEncoding(req.headers['accept-encoding'], encodings);
  if (!encoding) return file;
  res.type(path.extname(file));
  res.setHeader('Content-Encoding', encoding);
  return file + suffix[encoding];
}

/** Serves the built SPAs with history fallback; returns the mounts whose build was missing. */
export function serveSpas(app: Express, opts: SpaOptions = {}): string[] {
  const root = opts.root ?? repoRoot;
  const missing: string[] = [];
  for (const { mount, folder } of spas) {
    const dist = path.join(root, folder, 'dist');
    const index = path.join(dist, 'index.html');
    if (!existsSync(index)) {
      missing.push(folder);
      continue;
    }
    // The build does not change while the api runs: which files have variants is read once.
    const variants = opts.compression === false ? new Map<string, Encoding[]>() : precompressedFiles(dist);
    const pickVariant: RequestHandler = (req, res, next) => {
      if (req.method !== 'GET' && req.method !== 'HEAD') return next();
      const encodings = variants.get(req.path);
      if (!encodings) return next();
      const chosen = negotiate(req, res, req.path, encodings);
      if (chosen !== req.path) req.url = chosen + req.url.slice(req.path.length);
      next();
    };
    app.use(
      mount,
      pickVariant,
      express.static(dist, {
        index: false,
        // Only the files themselves: a request for "/x" must not answer with "/x.br" under another name.
        extensions: false,
        setHeaders: (res, file) => {
          // Hashed assets never change; everything else is checked on every load.
          res.setHeader(
            'Cache-Control',
            file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
          );
        },
      }),
    );
    app.get([mount, `${mount}/*splat`], (req, res) => {
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(negotiate(req, res, index, variants.get('/index.html')));
    });
  }
  app.get('/', (_req, res) => res.redirect(302, '/booking/'));
  return missing;
}

import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';
import { repoRoot } from '../config.js';

/** Where each built SPA is served; the same paths are the SPAs' Vite `base`. */
export const spas = [
  { mount: '/booking', folder: 'web-booking' },
  { mount: '/staff', folder: 'web-staff' },
  { mount: '/track', folder: 'web-tracker' },
] as const;

/** Serves the built SPAs with history fallback; returns the mounts whose build was missing. */
export function serveSpas(app: Express): string[] {
  const missing: string[] = [];
  for (const { mount, folder } of spas) {
    const dist = path.join(repoRoot, folder, 'dist');
    const index = path.join(dist, 'index.html');
    if (!existsSync(index)) {
      missing.push(folder);
      continue;
    }
    app.use(
      mount,
      express.static(dist, {
        index: false,
        setHeaders: (res, file) => {
          // Hashed assets never change; everything else is checked on every load.
          res.setHeader(
            'Cache-Control',
            file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
          );
        },
      }),
    );
    app.get([mount, `${mount}/*splat`], (_req, res) => {
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(index);
    });
  }
  app.get('/', (_req, res) => res.redirect(302, '/booking/'));
  return missing;
}

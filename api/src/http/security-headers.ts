import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * Where pages served by the api may connect: their own origin and the configured ones (PUBLIC_URL, CORS_ORIGINS),
 * each over HTTP(S) and its WebSocket equivalent (listed explicitly: browsers before CSP 3 did not let 'self' cover
 * ws: and wss:). Never any host, so that injected script could not send data elsewhere.
 */
export function connectSources(origins: Iterable<string>): string[] {
  const sources = new Set(["'self'"]);
  for (const origin of origins) {
    sources.add(origin);
    sources.add(origin.replace(/^http/, 'ws'));
  }
  return [...sources];
}

/**
 * Browser features the pages may use: the camera for the kiosk's QR scanner (web-booking, same origin only),
 * the clipboard for copy buttons, autoplay for the call display's gong; nothing else, and nothing for frames of
 * other origins.
 */
export const PERMISSIONS_POLICY = [
  'camera=(self)',
  'clipboard-write=(self)',
  'autoplay=(self)',
  'microphone=()',
  'geolocation=()',
  'payment=()',
  'usb=()',
  'serial=()',
  'hid=()',
  'bluetooth=()',
  'midi=()',
  'display-capture=()',
  'browsing-topics=()',
].join(', ');

/** helmet's headers with the product's CSP, plus Permissions-Policy (helmet does not set it). */
export function securityHeaders(opts: { origins: Iterable<string>; secure: boolean }): RequestHandler[] {
  return [
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          connectSrc: connectSources(opts.origins),
          imgSrc: ["'self'", 'data:', 'blob:'],
          mediaSrc: ["'self'", 'data:', 'blob:'],
          styleSrc: ["'self'", "'unsafe-inline'"],
          upgradeInsecureRequests: null,
        },
      },
      // Links carry secret tokens (tracking, manage links): never leak them to other sites.
      referrerPolicy: { policy: 'no-referrer' },
      strictTransportSecurity: opts.secure,
    }),
    (_req, res, next) => {
      res.setHeader('Permissions-Policy', PERMISSIONS_POLICY);
      next();
    },
  ];
}

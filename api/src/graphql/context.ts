import type { Logger } from '../logger.js';
import type { CatalogLoaders } from '../modules/catalog/catalog.service.js';
import type { Services } from '../services.js';
import type { Identity } from '../shared/identity.js';

/** What every resolver gets; built once per HTTP request or per WebSocket connection. */
export type Context = {
  identity: Identity;
  services: Services;
  loaders: CatalogLoaders;
  log: Logger;
  clientIp: string;
  /** Set on HTTP requests only: lets login and logout write the session cookie. */
  cookies?: { set: (value: string, maxAgeSeconds: number) => void; clear: () => void };
};

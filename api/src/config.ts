import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** The repository root; default folders are resolved from here, not from the current directory. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const port = z.coerce
  .number({ message: 'must be a whole number between 1 and 65535' })
  .int('must be a whole number between 1 and 65535')
  .min(0, 'must be a whole number between 1 and 65535')
  .max(65535, 'must be a whole number between 1 and 65535');

const count = z.coerce
  .number({ message: 'must be a whole number of at least 1' })
  .int('must be a whole number')
  .min(1, 'must be at least 1');

const postgresUrl = z.string().refine((v) => /^postgres(ql)?:\/\/.+/.test(v) && URL.canParse(v), {
  message: 'must be a PostgreSQL URL like postgres://user:password@host:5432/database',
});

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  PORT: port.default(4000),
  HOST: z.string().min(1).default('127.0.0.1'),
  PUBLIC_URL: z.url({ message: 'must be an absolute URL like https://termine.example.de' }).optional(),
  DATABASE_URL: postgresUrl.optional(),
  EMBEDDED_PG_DIR: z.string().min(1).optional(),
  EMBEDDED_PG_PORT: port.default(54329),
  SEED: z.enum(['demo', 'none'], { message: 'must be "demo" or "none"' }).optional(),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      message: 'must be one of fatal, error, warn, info, debug, trace, silent',
    })
    .default('info'),
  CORS_ORIGINS: z.string().default(''),
  SESSION_TTL_HOURS: z.coerce
    .number({ message: 'must be a number of hours' })
    .positive()
    .max(24 * 30)
    .default(12),
  TRUST_PROXY: bool.default(false),
  SERVE_WEB: bool.default(true),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number({ message: 'must be milliseconds' }).int().positive().default(10_000),
  BOOKING_MAX_ACTIVE_PER_EMAIL: count.default(2),
  BOOKING_RATE_PER_HOUR: count.default(20),
  PORTAL_REQUESTS_PER_MINUTE: count.default(600),
  UPLOAD_MAX_MB: z.coerce.number({ message: 'must be a number of megabytes' }).positive().max(100).default(10),
  UPLOAD_MAX_FILES: count.default(5),
  UPLOAD_RATE_PER_HOUR: count.default(60),
});

export type Config = {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  publicUrl: string;
  database: { kind: 'external'; url: string } | { kind: 'embedded'; dir: string; port: number };
  seed: 'demo' | 'none';
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  corsOrigins: string[];
  sessionTtlHours: number;
  trustProxy: boolean;
  serveWeb: boolean;
  shutdownTimeoutMs: number;
  booking: { maxActivePerEmail: number; ratePerHour: number; portalRequestsPerMinute: number };
  uploads: { maxBytes: number; maxFiles: number; ratePerHour: number };
};

export type ConfigResult = { ok: true; config: Config } | { ok: false; errors: string[] };

/** Reads and validates the environment once. Pure: pass the environment in. */
export function parseConfig(env: Record<string, string | undefined>): ConfigResult {
  // Empty strings count as "not set", as in most deployment tools.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => {
        const name = String(issue.path[0] ?? 'environment');
        const got = cleaned[name];
        return `${name} ${issue.message}${got === undefined ? '' : ` (got "${got}")`}`;
      }),
    };
  }
  const e = parsed.data;
  const database: Config['database'] = e.DATABASE_URL
    ? { kind: 'external', url: e.DATABASE_URL }
    : {
        kind: 'embedded',
        dir: e.EMBEDDED_PG_DIR ? path.resolve(e.EMBEDDED_PG_DIR) : path.join(repoRoot, 'data', 'postgres'),
        port: e.EMBEDDED_PG_PORT,
      };
  return {
    ok: true,
    config: {
      env: e.NODE_ENV,
      port: e.PORT,
      host: e.HOST,
      publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
      database,
      seed: e.SEED ?? (database.kind === 'embedded' ? 'demo' : 'none'),
      logLevel: e.LOG_LEVEL,
      corsOrigins: e.CORS_ORIGINS.split(',')
        .map((s) => s.trim())
        .filter(Boolean),
      sessionTtlHours: e.SESSION_TTL_HOURS,
      trustProxy: e.TRUST_PROXY,
      serveWeb: e.SERVE_WEB,
      shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
      booking: {
        maxActivePerEmail: e.BOOKING_MAX_ACTIVE_PER_EMAIL,
        ratePerHour: e.BOOKING_RATE_PER_HOUR,
        portalRequestsPerMinute: e.PORTAL_REQUESTS_PER_MINUTE,
      },
      uploads: {
        maxBytes: Math.round(e.UPLOAD_MAX_MB * 1024 * 1024),
        maxFiles: e.UPLOAD_MAX_FILES,
        ratePerHour: e.UPLOAD_RATE_PER_HOUR,
      },
    },
  };
}

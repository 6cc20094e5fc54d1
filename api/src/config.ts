import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { SocketLimits } from './modules/live/socket-guard.js';

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

const smtpUrl = z.string().refine((v) => /^smtps?:\/\/[^/]+/.test(v) && URL.canParse(v) && new URL(v).hostname !== '', {
  message: 'must be an SMTP URL like smtp://user:password@mail.example.de:587 or smtps://mail.example.de:465',
});

/** "noreply@example.de" or "Bürgercentrum <noreply@example.de>". */
const mailbox = z.string().refine(
  (v) => {
    const m = /^(?:[^<>]*<([^<>\s]+)>|([^<>\s]+))$/.exec(v.trim());
    const address = m?.[1] ?? m?.[2];
    return !!address && /^[^@\s]+@[^@\s]+$/.test(address);
  },
  { message: 'must be an address like noreply@example.de or "Bürgercentrum <noreply@example.de>"' },
);

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
  WEB_COMPRESSION: bool.default(true),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number({ message: 'must be milliseconds' }).int().positive().default(10_000),
  BOOKING_MAX_ACTIVE_PER_EMAIL: count.default(2),
  BOOKING_RATE_PER_HOUR: count.default(20),
  PORTAL_REQUESTS_PER_MINUTE: count.default(600),
  UPLOAD_MAX_MB: z.coerce.number({ message: 'must be a number of megabytes' }).positive().max(100).default(10),
  UPLOAD_MAX_FILES: count.default(5),
  UPLOAD_RATE_PER_HOUR: count.default(60),
  SMTP_URL: smtpUrl.optional(),
  MAIL_FROM: mailbox.optional(),
  DEV_MAILBOX: bool.optional(),
  LIVE_SOCKETS_PER_ADDRESS: count.default(200),
  LIVE_CONNECTS_PER_MINUTE: count.default(120),
  LIVE_SUBSCRIPTIONS_PER_SOCKET: count.default(10),
  LIVE_RECHECK_SECONDS: count.default(60),
  RETENTION_DAYS: z.coerce
    .number({ message: 'must be a whole number of days between 1 and 3650' })
    .int('must be a whole number of days between 1 and 3650')
    .min(1, 'must be a whole number of days between 1 and 3650')
    .max(3650, 'must be a whole number of days between 1 and 3650')
    .default(14),
  /** Hosts of the push services the api sends Web Push to (subdomains included), comma-separated. */
  PUSH_ENDPOINT_HOSTS: z
    .string()
    .default('fcm.googleapis.com,push.services.mozilla.com,push.apple.com,notify.windows.com'),
  PUSH_SUBJECT: z
    .string()
    .refine((v) => /^(mailto:[^@\s]+@[^@\s]+|https:\/\/\S+)$/.test(v), {
      message: 'must be a mailto: address or an https: URL the push services may contact',
    })
    .optional(),
  TEST_CLOCK_START: z
    .string()
    .refine(
      (v) =>
        /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(v) && !Number.isNaN(Date.parse(v)),
      {
        message: 'must be an instant with its offset, like 2027-03-01T08:30:00Z',
      },
    )
    .optional(),
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
  /** Serve the SPAs' precompressed files (.br, .gz) and compress GraphQL responses; off only to measure without. */
  webCompression: boolean;
  shutdownTimeoutMs: number;
  booking: { maxActivePerEmail: number; ratePerHour: number; portalRequestsPerMinute: number };
  uploads: { maxBytes: number; maxFiles: number; ratePerHour: number };
  mail: {
    /** null: mails go to the embedded catcher (see modules/mail/dev-mailbox.ts). */
    smtpUrl: string | null;
    from: string;
    /** Serve the caught mails at /dev/mailbox; only ever true without smtpUrl. */
    devMailbox: boolean;
  };
  /** Web Push (modules/push): where pushes may go, and whom the push services contact about them (VAPID subject). */
  push: { endpointHosts: string[]; subject: string };
  /** Personal data of an appointment is removed this many days after its end or its cancellation. */
  retentionDays: number;
  /** WebSocket limits per client address and per socket (modules/live/socket-guard.ts). */
  live: SocketLimits;
  /**
   * Tests only (NODE_ENV=test): the api's clock shows this instant when the process starts and runs on from there,
   * so that browser tests meet the office open whatever the hour they run at. Null: the real time.
   */
  testClockStart: Date | null;
};

/** The address of "Name <address>" or of a bare address. */
function mailAddress(mailboxText: string): string {
  return /<([^<>\s]+)>/.exec(mailboxText)?.[1] ?? mailboxText;
}

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
        // Passwords in URLs (DATABASE_URL, SMTP_URL) are not repeated on the terminal.
        const shown = got?.replace(/\/\/([^:/@]*):[^@/]*@/, '//$1:***@');
        return `${name} ${issue.message}${shown === undefined ? '' : ` (got "${shown}")`}`;
      }),
    };
  }
  const e = parsed.data;
  if (e.SMTP_URL && e.DEV_MAILBOX === true) {
    return {
      ok: false,
      errors: [
        'DEV_MAILBOX can only be true without SMTP_URL (the dev mailbox shows the mails the embedded catcher got)',
      ],
    };
  }
  if (e.TEST_CLOCK_START && e.NODE_ENV !== 'test') {
    return {
      ok: false,
      errors: ['TEST_CLOCK_START is for tests only: it needs NODE_ENV=test (a product must run on the real time)'],
    };
  }
  const database: Config['database'] = e.DATABASE_URL
    ? { kind: 'external', url: e.DATABASE_URL }
    : {
        kind: 'embedded',
        dir: e.EMBEDDED_PG_DIR ? path.resolve(e.EMBEDDED_PG_DIR) : path.join(repoRoot, 'data', 'postgres'),
        port: e.EMBEDDED_PG_PORT,
      };
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  return {
    ok: true,
    config: {
      env: e.NODE_ENV,
      port: e.PORT,
      host: e.HOST,
      publicUrl,
      database,
      seed: e.SEED ?? (database.kind === 'embedded' ? 'demo' : 'none'),
      logLevel: e.LOG_LEVEL,
      corsOrigins: e.CORS_ORIGINS.split(',')
        .map((s) => s.trim())
        .filter(Boolean),
      sessionTtlHours: e.SESSION_TTL_HOURS,
      trustProxy: e.TRUST_PROXY,
      serveWeb: e.SERVE_WEB,
      webCompression: e.WEB_COMPRESSION,
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
      mail: {
        smtpUrl: e.SMTP_URL ?? null,
        from: e.MAIL_FROM?.trim() ?? `Bürgercentrum <noreply@${new URL(publicUrl).hostname}>`,
        // Without SMTP_URL the catcher keeps the mails; show them where nobody else can be reached by that page:
        // in development and with the embedded (demo) database, unless switched off. Elsewhere only when asked.
        devMailbox: e.SMTP_URL
          ? false
          : (e.DEV_MAILBOX ?? (e.NODE_ENV !== 'production' || database.kind === 'embedded')),
      },
      push: {
        endpointHosts: e.PUSH_ENDPOINT_HOSTS.split(',')
          .map((h) => h.trim().toLowerCase())
          .filter(Boolean),
        subject:
          e.PUSH_SUBJECT ?? `mailto:${mailAddress(e.MAIL_FROM?.trim() ?? `noreply@${new URL(publicUrl).hostname}`)}`,
      },
      retentionDays: e.RETENTION_DAYS,
      live: {
        socketsPerAddress: e.LIVE_SOCKETS_PER_ADDRESS,
        connectsPerMinute: e.LIVE_CONNECTS_PER_MINUTE,
        subscriptionsPerSocket: e.LIVE_SUBSCRIPTIONS_PER_SOCKET,
        maxBufferedBytes: 1024 * 1024,
        recheckSeconds: e.LIVE_RECHECK_SECONDS,
      },
      testClockStart: e.TEST_CLOCK_START ? new Date(e.TEST_CLOCK_START) : null,
    },
  };
}

/**
 * Chaos run: prints a table of what crashes, restarts and hostile input cost; asserts nothing (the expected value
 * stands next to each figure).
 *   npm run chaos            (from the repository root)
 * Starts a throw-away embedded PostgreSQL and real api processes (node + tsx, as `src/main.ts`) on 127.0.0.1 only,
 * and stops by itself. Each phase has a database of its own on that cluster. The api processes run on a test clock
 * from Monday 1 March 2027, 08:00 in Pforzheim (the office open), except the hostile phase, which runs as operators
 * run the api (NODE_ENV=production, real time).
 * 1. kill -9 under load: booking clients and kiosk clients (walk-in tickets, check-ins) against one api, killed and
 *    restarted on the same port CHAOS_KILLS times (default 3); then every acknowledged booking and ticket must be
 *    there exactly once and whole (services, confirmation mail row, tracking token).
 * 2. PostgreSQL stopped for 5 s and started again under an api with open subscriptions.
 * 3. Two api processes sending mail through one in-process SMTP server; one is killed under load; the other takes
 *    over its jobs and mails. Duplicates are counted at the SMTP server by Message-ID.
 * 4. Hostile input on a fresh api: NUL and lone surrogates in string arguments, malformed JSON, oversized bodies,
 *    queries and odd strings over the WebSocket, four 90 MB WebSocket frames (memory before and after).
 */
import '../src/node-env.js';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { ensureDatabase } from '../src/db/data-source.js';
import { type EmbeddedCluster, makeThrowawayDir, startEmbeddedPostgres } from '../src/db/embedded-postgres.js';
import { createLogger } from '../src/logger.js';
import { spawnApi } from '../test/crash-kit.js';
import { freePort } from '../test/free-port.js';
import { TestSmtpServer } from '../test/mail-server.js';
import { hostileInputs } from './hostile.js';
import { killUnderLoad, twoProcessesCrashOne } from './kill-phases.js';
import { postgresRestart } from './postgres-restart.js';

const KILLS = Number(process.env.CHAOS_KILLS ?? 3);
const WORKERS = Number(process.env.CHAOS_WORKERS ?? 6);
const log = createLogger('warn');
const rows: [string, string, string, string][] = [];
const row = (phase: string, what: string, value: string | number, expected: string) =>
  rows.push([phase, what, String(value), expected]);
const ms = (n: number) => (Number.isFinite(n) ? `${(n / 1000).toFixed(1)} s` : 'not within 120 s');
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

const tmp = await makeThrowawayDir('bc-chaos-');
const pgDir = path.join(tmp, 'pg');
const pgPort = await freePort();
let cluster: EmbeddedCluster | undefined = await startEmbeddedPostgres({ dir: pgDir, port: pgPort, log });
const pools: pg.Pool[] = [];
const smtp = await new TestSmtpServer().start();
smtp.delayMs = 20; // a mail takes a moment to be accepted, so that some are in flight when a process dies

/** Monday 1 March 2027, 08:00 in Pforzheim, for the api processes of phases 1–3 (needs NODE_ENV=test). */
const onTestClock = { NODE_ENV: 'test', TEST_CLOCK_START: '2027-03-01T07:00:00Z' };

/** A database of its own for a phase, with a pool for the checks, and the api's environment for it. */
async function phaseDatabase(name: string) {
  const url = (cluster as EmbeddedCluster).url(name);
  await ensureDatabase((cluster as EmbeddedCluster).url('postgres'), name);
  const db = new pg.Pool({ connectionString: url, max: 4 });
  db.on('error', () => undefined);
  pools.push(db);
  const env = {
    DATABASE_URL: url,
    SEED: 'demo',
    BOOKING_RATE_PER_HOUR: '1000000',
    LIVE_CONNECTS_PER_MINUTE: '100000',
    LOG_LEVEL: 'fatal',
  };
  return { db, env };
}

try {
  {
    const { db, env } = await phaseDatabase('chaos_kill');
    console.error(`1/4 kill -9 under booking and kiosk load (${KILLS} kills) …`);
    const f = await killUnderLoad({ ...env, ...onTestClock }, db, { kills: KILLS, workers: WORKERS });
    const p = '1 kill -9 under load';
    row(p, 'bookings acknowledged / present', `${f.bookings.acknowledged} / ${f.bookings.present}`, 'equal');
    row(p, 'tickets acknowledged / present', `${f.tickets.acknowledged} / ${f.tickets.present}`, 'equal');
    row(p, 'duplicates (bookings, tickets)', `${f.bookings.duplicates}, ${f.tickets.duplicates}`, '0, 0');
    row(p, 'half-written (bookings, tickets)', `${f.bookings.halfWritten}, ${f.tickets.halfWritten}`, '0, 0');
    row(p, 'requests without answer (process dead)', f.unanswered, 'any');
    row(p, 'unexpected answers', f.unexpected.length, '0');
    row(p, 'restart after kill -9 (until ready)', f.restartMs.map(ms).join(', '), 'process start time');
    for (const u of f.unexpected.slice(0, 3)) console.error(`  unexpected: ${u}`);
  }
  {
    const { env } = await phaseDatabase('chaos_postgres');
    console.error('2/4 PostgreSQL stopped and started under open subscriptions …');
    const api = await spawnApi({ ...env, ...onTestClock });
    try {
      const f = await postgresRestart(
        api,
        {
          stop: async () => {
            await cluster?.stop();
            cluster = undefined;
          },
          start: async () => {
            cluster = await startEmbeddedPostgres({ dir: pgDir, port: pgPort, log });
          },
        },
        { phones: 20, displays: 5, downMs: 5_000 },
      );
      const p = '2 PostgreSQL restart';
      row(p, 'PostgreSQL down', ms(f.downMs), '5 s + stop time');
      row(p, 'api ready again (after PostgreSQL start)', ms(f.readyMs), 'seconds');
      row(p, 'first write again (walk-in ticket)', ms(f.firstWriteMs), 'seconds');
      row(p, 'subscriptions resumed', `${f.resumed} / ${f.subscribers}`, 'all');
      row(p, 'last subscription updated (after PostgreSQL start)', ms(f.resumedMs), 'seconds');
      row(p, 'socket reconnects', f.reconnects, 'any');
      row(p, 'answers while down: 503 / other 5xx', `${f.outage.status503} / ${f.outage.status5xx}`, 'any / 0');
      row(p, 'answers while down: INTERNAL_SERVER_ERROR', f.outage.internal, '0');
    } finally {
      await api.kill();
    }
  }
  {
    const { db, env } = await phaseDatabase('chaos_two');
    console.error('3/4 two processes, one killed under load …');
    const messageHost = 'buergercentrum.localhost';
    const f = await twoProcessesCrashOne(
      { ...env, ...onTestClock, SMTP_URL: smtp.url, PUBLIC_URL: `http://${messageHost}` },
      db,
      smtp,
      { workers: 2, pauseMs: 150, messageHost },
    );
    const p = '3 two processes, kill -9 one';
    row(p, 'bookings acknowledged / present', `${f.bookings.acknowledged} / ${f.bookings.present}`, 'equal');
    row(p, 'duplicates, half-written', `${f.bookings.duplicates}, ${f.bookings.halfWritten}`, '0, 0');
    row(p, 'mails being sent at the kill (both processes)', f.claimedAtKill, 'any');
    row(p, 'all of them accepted by SMTP (after kill)', ms(f.claimTakeoverMs), '≤ 30 s');
    row(p, 'agenda jobs locked by the killed process', f.orphanedJobs, 'any');
    row(p, 'all of them taken over (after kill)', ms(f.jobTakeoverMs), '≤ 30 s');
    row(p, 'every confirmation sent (after kill)', ms(f.drainMs), 'load / mail rate');
    row(p, 'confirmations: rows / Message-IDs accepted', `${f.mails.expected} / ${f.mails.delivered}`, 'equal');
    row(
      p,
      'duplicate mails (a Message-ID accepted twice): in flight at the kill / other',
      `${f.mails.repeatedAtKill} / ${f.mails.repeatedOther}`,
      '≤ 1 (SMTP) / 0',
    );
    row(p, 'confirmations never accepted', f.mails.missing, '0');
  }
  {
    const { env } = await phaseDatabase('chaos_hostile');
    console.error('4/4 hostile input …');
    const api = await spawnApi({ ...env, NODE_ENV: 'production', LIVE_CONNECTS_PER_MINUTE: '120' });
    try {
      const f = await hostileInputs(api);
      const p = '4 hostile input';
      for (const [what, t] of Object.entries(f.tallies)) {
        row(p, `${what}: sent`, t.sent, '');
        row(p, `${what}: 5xx / INTERNAL`, `${t.status5xx} / ${t.internal}`, '0 / 0');
        console.error(`  ${what}: ${[...t.answers].map(([k, n]) => `${k} ×${n}`).join(', ')}`);
      }
      row(p, '90 MB WebSocket frames: close codes', f.frames.map((x) => x.closeCode ?? 'none').join(', '), '1009 ×4');
      row(p, '90 MB frames: bytes sent before close', f.frames.map((x) => mb(x.sentBytes)).join(', '), 'small');
      row(
        p,
        'api memory: start / before frames / after (RSS)',
        [f.before, f.beforeFrames, f.after].map((m) => mb(m.rss)).join(' / '),
        'flat',
      );
      row(
        p,
        'api peak memory: before frames / after (VmHWM)',
        `${mb(f.beforeFrames.peak)} / ${mb(f.after.peak)}`,
        'equal',
      );
    } finally {
      await api.kill();
    }
  }
} finally {
  for (const p of pools) await p.end().catch(() => undefined);
  await smtp.stop();
  await cluster?.stop();
  await rm(tmp, { recursive: true, force: true });
}

const widths = [0, 1, 2, 3].map((i) =>
  Math.max(...[['phase', 'measure', 'value', 'expected'], ...rows].map((r) => String(r[i]).length)),
);
const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i] as number)).join(' | ')} |`;
console.log(line(['phase', 'measure', 'value', 'expected']));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const r of rows) console.log(line(r));
process.exit(0);

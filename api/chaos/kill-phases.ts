/**
 * kill -9 phases: (1) one api under booking and kiosk load, killed and restarted on its port several times;
 * (2) two api processes sharing the load and sending mail through one SMTP server, one of them killed: the other
 * takes over its agenda jobs and its mails, and the SMTP server counts every Message-ID it accepted.
 */
import type pg from 'pg';
import {
  type ApiProcess,
  type Audit,
  auditBookings,
  auditTickets,
  LoadLog,
  prepareLoad,
  runLoad,
  sleep,
  spawnApi,
} from '../test/crash-kit.js';
import { freePort } from '../test/free-port.js';
import type { TestSmtpServer } from '../test/mail-server.js';

export type KillFigures = {
  kills: number;
  bookings: Audit;
  tickets: Audit;
  unanswered: number;
  unexpected: string[];
  /** kill -9 → the restarted process answers /readyz. */
  restartMs: number[];
};

/** Random pause in [min, max) ms: kills land at different points of the load. */
const between = (min: number, max: number) => sleep(min + Math.random() * (max - min));

export async function killUnderLoad(
  env: Record<string, string>,
  db: pg.Pool,
  opts: { kills: number; workers: number },
): Promise<KillFigures> {
  const port = await freePort();
  let api = await spawnApi(env, { port });
  try {
    const target = await prepareLoad(api.url, db, {
      tag: 'kill',
      today: '2027-03-01',
      until: '2027-04-20',
      checkIns: 60,
    });
    const log = new LoadLog();
    let stop = false;
    const load = runLoad(target, log, opts.workers, () => stop);
    const restartMs: number[] = [];
    for (let i = 0; i < opts.kills; i++) {
      await between(1_500, 4_000);
      const killedAt = performance.now();
      await api.kill();
      api = await spawnApi(env, { port });
      restartMs.push(performance.now() - killedAt);
    }
    await sleep(2_000);
    stop = true;
    await load;
    return {
      kills: opts.kills,
      bookings: await auditBookings(db, log),
      tickets: await auditTickets(db, log),
      unanswered: log.unanswered,
      unexpected: log.unexpected,
      restartMs,
    };
  } finally {
    await api.kill();
  }
}

export type TakeoverFigures = {
  bookings: Audit;
  /** Mails being sent (claimed) when the process was killed, by either process. */
  claimedAtKill: number;
  /** kill -9 → each of them accepted by the SMTP server (the killed process's ones sent again by the survivor). */
  claimTakeoverMs: number;
  /** kill -9 → no mail left to send (every confirmation accepted). */
  drainMs: number;
  /** Agenda jobs locked by the killed process at its death, and kill → all of them run or locked by the survivor. */
  orphanedJobs: number;
  jobTakeoverMs: number;
  mails: {
    /** Confirmation rows of the load's bookings, and their Message-IDs the SMTP server accepted. */
    expected: number;
    delivered: number;
    /**
     * Message-IDs accepted twice: of a mail in flight at the kill (handed to the SMTP server, not yet recorded as
     * sent: SMTP has no way to ask whether it arrived, so it is sent again with the same Message-ID), and any other
     * (which would be a fault of ours).
     */
    repeatedAtKill: number;
    repeatedOther: number;
    missing: number;
  };
};

export async function twoProcessesCrashOne(
  env: Record<string, string>,
  db: pg.Pool,
  smtp: TestSmtpServer,
  opts: { workers: number; pauseMs: number; messageHost: string },
): Promise<TakeoverFigures> {
  const victim = await spawnApi(env);
  const survivor = await spawnApi(env);
  const alive: ApiProcess[] = [victim, survivor];
  try {
    const base = await prepareLoad(victim.url, db, {
      tag: 'two',
      today: '2027-03-01',
      until: '2027-04-20',
      checkIns: 0,
    });
    const log = new LoadLog();
    let stopVictim = false;
    let stopSurvivor = false;
    const half = Math.floor(base.starts.length / 2);
    const load = { pauseMs: opts.pauseMs };
    const loads = [
      runLoad({ ...base, tag: 'two-a', starts: base.starts.slice(0, half) }, log, opts.workers, () => stopVictim, load),
      runLoad(
        { ...base, tag: 'two-b', url: survivor.url, starts: base.starts.slice(half) },
        log,
        opts.workers,
        () => stopSurvivor,
        load,
      ),
    ];
    await between(3_000, 5_000);
    const agendaName = `bc-api %:${victim.pid}`;
    const killedAt = performance.now();
    await victim.kill();
    stopVictim = true;
    alive.shift();
    const messageId = (id: string) => `<${id}@${opts.messageHost}>`;
    const claimed = (await db.query<{ id: string }>(`SELECT id FROM mail_message WHERE status = 'SENDING'`)).rows.map(
      (r) => messageId(r.id),
    );
    const jobs = (
      await db.query<{ id: string }>(
        `SELECT id::text FROM agenda_jobs WHERE locked_at IS NOT NULL AND last_modified_by LIKE $1`,
        [agendaName],
      )
    ).rows.map((r) => r.id);

    const accepted = () => new Set(smtp.received.map((m) => m.messageId));
    let claimTakeoverMs = Number.NaN;
    let jobTakeoverMs = jobs.length === 0 ? 0 : Number.NaN;
    const deadline = performance.now() + 120_000;
    while (performance.now() < deadline && (Number.isNaN(claimTakeoverMs) || Number.isNaN(jobTakeoverMs))) {
      const seen = accepted();
      if (Number.isNaN(claimTakeoverMs) && claimed.every((id) => seen.has(id)))
        claimTakeoverMs = performance.now() - killedAt;
      if (Number.isNaN(jobTakeoverMs)) {
        const { rows } = await db.query(
          `SELECT 1 FROM agenda_jobs WHERE id::text = ANY($1) AND locked_at IS NOT NULL AND last_modified_by LIKE $2`,
          [jobs, agendaName],
        );
        if (rows.length === 0) jobTakeoverMs = performance.now() - killedAt;
      }
      await sleep(50);
    }
    await sleep(2_000);
    stopSurvivor = true;
    await Promise.all(loads);
    let drainMs = Number.NaN;
    while (performance.now() < deadline + 120_000) {
      const { rows } = await db.query(
        `SELECT 1 FROM mail_message WHERE status IN ('PENDING', 'SENDING') AND kind = 'CONFIRMATION'`,
      );
      if (rows.length === 0) {
        drainMs = performance.now() - killedAt;
        break;
      }
      await sleep(200);
    }
    const { rows: confirmations } = await db.query<{ id: string }>(
      `SELECT m.id FROM mail_message m JOIN appointment a ON a.id = m."appointmentId"
        WHERE m.kind = 'CONFIRMATION' AND a.email = ANY($1)`,
      [log.emails],
    );
    const perMessageId = new Map<string, number>();
    for (const m of smtp.received) perMessageId.set(m.messageId ?? '', (perMessageId.get(m.messageId ?? '') ?? 0) + 1);
    const repeated = [...perMessageId].filter(([, n]) => n > 1).map(([id, n]) => ({ id, extra: n - 1 }));
    const extra = (list: typeof repeated) => list.reduce((n, r) => n + r.extra, 0);
    return {
      bookings: await auditBookings(db, log),
      claimedAtKill: claimed.length,
      claimTakeoverMs,
      drainMs,
      orphanedJobs: jobs.length,
      jobTakeoverMs,
      mails: {
        expected: confirmations.length,
        delivered: confirmations.filter((c) => perMessageId.has(messageId(c.id))).length,
        repeatedAtKill: extra(repeated.filter((r) => claimed.includes(r.id))),
        repeatedOther: extra(repeated.filter((r) => !claimed.includes(r.id))),
        missing: confirmations.filter((c) => !perMessageId.has(messageId(c.id))).length,
      },
    };
  } finally {
    for (const p of alive) await p.kill();
  }
}

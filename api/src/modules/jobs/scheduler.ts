import { hostname } from 'node:os';
import { PostgresBackend } from '@agendajs/postgres-backend';
import { Agenda } from 'agenda';
import type pg from 'pg';
import { type Logger, LogThrottle } from '../../logger.js';

/** A job the scheduler runs; `every` makes it recurring (agenda interval like '1 minute' or a cron line). */
export type JobSpec = {
  name: string;
  run: () => Promise<unknown>;
  every?: string;
  /** For cron lines: the zone they are read in. */
  timezone?: string;
};

/**
 * A job's agenda lock lapses this long after its last heartbeat: when a process dies (kill -9, power loss), another
 * one starts its jobs after at most this plus one scan (`processEvery`), instead of after agenda's default 10 minutes.
 */
export const JOB_LOCK_LIFETIME_MS = 15_000;
/** A running job renews its lock this often, so that a long run (retention) is never taken for a dead one. */
const HEARTBEAT_MS = 5_000;

/** The agenda table; created by a migration (the library's own schema creation is off). */
export const AGENDA_TABLE = 'agenda_jobs';

/**
 * Scheduled jobs on agenda with its PostgreSQL backend, in the product's own database: job rows are locked with
 * FOR UPDATE SKIP LOCKED and workers are woken through LISTEN/NOTIFY, so several api processes share the jobs
 * and each run happens in one of them. The jobs themselves are written to be safe if two runs ever overlap.
 */
export class JobScheduler {
  private agenda: Agenda | undefined;
  private readonly soon = new Map<string, NodeJS.Timeout>();
  /** While PostgreSQL is away the notification channel retries every 100 ms, reporting each failure twice. */
  private readonly outageLog: LogThrottle;

  constructor(
    private readonly pool: pg.Pool,
    private readonly log: Logger,
    private readonly jobs: readonly JobSpec[],
  ) {
    this.outageLog = new LogThrottle(log);
  }

  async start(): Promise<void> {
    const backend = new PostgresBackend({ pool: this.pool, tableName: AGENDA_TABLE, ensureSchema: false });
    // The LISTEN connection reports a lost database (restart, fail-over, our own stop) as an 'error' event and then
    // reconnects by itself; unheard, that event would end the process.
    backend.notificationChannel?.on('error', (err: Error) =>
      this.outageLog.warn({ err: err.message }, 'job notifications interrupted; reconnecting'),
    );
    const agenda = new Agenda({
      backend,
      name: `bc-api ${hostname()}:${process.pid}`,
      processEvery: '5 seconds',
      defaultLockLifetime: JOB_LOCK_LIFETIME_MS,
    });
    agenda.on('error', (err) => this.outageLog.error({ err }, 'job scheduler error'));
    for (const job of this.jobs) {
      agenda.define(
        job.name,
        async (run) => {
          // The heartbeat's last write is awaited before agenda saves the run's end, which it must not overwrite.
          let beat: Promise<void> = Promise.resolve();
          const heartbeat = setInterval(() => {
            beat = run.touch().catch((err) => this.log.warn({ err, job: job.name }, 'job heartbeat failed'));
          }, HEARTBEAT_MS);
          // A job never throws into agenda: the work is retried by its own rules (mails) or on the next run.
          try {
            const result = await job.run();
            this.log.debug({ job: job.name, result }, 'job done');
          } catch (err) {
            this.log.error({ err, job: job.name }, 'job failed');
          } finally {
            clearInterval(heartbeat);
            await beat;
          }
        },
        { concurrency: 1, lockLifetime: JOB_LOCK_LIFETIME_MS, removeOnComplete: !job.every },
      );
    }
    await agenda.start();
    this.agenda = agenda;
    for (const job of this.jobs) {
      if (job.every) await agenda.every(job.every, job.name, undefined, { timezone: job.timezone });
    }
  }

  /** Runs a job soon in whichever process picks it up first; never throws (the recurring run is the fallback). */
  /**
   * Runs the job within `withinMs`, once for all calls in that time: a burst of bookings queues one dispatch, not
   * one per booking.
   */
  runSoon(name: string, withinMs = 250): void {
    if (this.soon.has(name)) return;
    this.soon.set(
      name,
      setTimeout(() => {
        this.soon.delete(name);
        this.runNow(name);
      }, withinMs).unref(),
    );
  }

  runNow(name: string): void {
    this.agenda?.now(name).catch((err) => this.log.warn({ err, job: name }, 'could not queue a job'));
  }

  /** Lets running jobs finish (up to `timeoutMs`), then stops; the database pool stays open. */
  async stop(timeoutMs = 5000): Promise<void> {
    for (const timer of this.soon.values()) clearTimeout(timer);
    this.soon.clear();
    this.outageLog.clear();
    const agenda = this.agenda;
    this.agenda = undefined;
    if (!agenda) return;
    const result = await agenda.drain({ timeout: timeoutMs, closeConnection: false });
    if (result.timedOut) this.log.warn({ running: result.running }, 'jobs still running at stop; their locks expire');
  }
}

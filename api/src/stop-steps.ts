/**
 * Stopping the product in turn: each step (HTTP server, jobs, live updates, mail, clock, database pool, embedded
 * PostgreSQL) is awaited, but one that has not finished within its limit is left behind and logged by name, so that
 * the steps after it — above all stopping the embedded PostgreSQL cleanly — still run and the process can exit.
 */
import type { Logger } from './logger.js';

export type StopStep = { name: string; run: () => Promise<void> };

/**
 * The limit of one step: 60 % of the whole stop's (SHUTDOWN_TIMEOUT_MS, 10 s by default), so that after one hung step
 * the others, the embedded PostgreSQL last, still stop before the process exits anyway; more than the jobs' own drain
 * (5 s).
 */
export const stepLimitOf = (shutdownTimeoutMs: number) => Math.round(shutdownTimeoutMs * 0.6);

export async function stopInTurn(steps: readonly StopStep[], log: Logger, limitMs: number): Promise<void> {
  for (const step of steps) {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), limitMs);
    });
    const outcome = await Promise.race([
      step.run().then(
        () => 'done' as const,
        (err: unknown) => {
          log.error({ err, step: step.name }, 'error while stopping');
          return 'failed' as const;
        },
      ),
      late,
    ]);
    clearTimeout(timer);
    if (outcome === 'late')
      log.error({ step: step.name, limitMs }, 'stopping: a step did not finish in time; going on without it');
  }
}

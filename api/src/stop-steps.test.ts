import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.js';
import { stopInTurn } from './stop-steps.js';

function recordingLog() {
  const lines: { msg: string; step?: string }[] = [];
  const log = createLogger('error', {
    write: (line: string) => {
      const { msg, step } = JSON.parse(line) as { msg: string; step?: string };
      lines.push({ msg, step });
    },
  });
  return { log, lines };
}

describe('stopping in turn', () => {
  it('runs every step in order, and goes on after one that fails or hangs, naming it', async () => {
    const { log, lines } = recordingLog();
    const ran: string[] = [];
    await stopInTurn(
      [
        { name: 'server', run: async () => void ran.push('server') },
        { name: 'jobs', run: () => new Promise<void>(() => ran.push('jobs')) },
        { name: 'mail', run: async () => Promise.reject(new Error('smtp gone')).finally(() => ran.push('mail')) },
        { name: 'database', run: async () => void ran.push('database') },
      ],
      log,
      50,
    );
    expect(ran).toEqual(['server', 'jobs', 'mail', 'database']);
    expect(lines).toEqual([
      { msg: 'stopping: a step did not finish in time; going on without it', step: 'jobs' },
      { msg: 'error while stopping', step: 'mail' },
    ]);
  });

  it('waits for a slow step that finishes within the limit', async () => {
    const { log, lines } = recordingLog();
    let done = false;
    const drain = async () => {
      await new Promise((r) => setTimeout(r, 30));
      done = true;
    };
    await stopInTurn([{ name: 'drain', run: drain }], log, 1_000);
    expect(done).toBe(true);
    expect(lines).toEqual([]);
  });
});

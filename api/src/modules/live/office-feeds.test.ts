import { describe, expect, it } from 'vitest';
import { createLogger } from '../../logger.js';
import type { QueueState } from '../queue/rules/queue-model.js';
import { OfficeFeeds } from './office-feeds.js';

/** A picture whose state carries only a version number, which the projections below read. */
const state = (n: number) => ({ state: { n } as unknown as QueueState, byId: new Map(), estimates: new Map() });

function loader() {
  const calls: string[] = [];
  let version = 0;
  let release: (() => void) | null = null;
  let hold = false;
  return {
    calls,
    bump: () => {
      version += 1;
    },
    holdNext: () => {
      hold = true;
    },
    release: () => release?.(),
    load: async (officeId: string) => {
      calls.push(officeId);
      const v = version;
      if (hold) {
        hold = false;
        await new Promise<void>((r) => {
          release = r;
        });
      }
      return state(v);
    },
  };
}

const version = (s: unknown) => (s as { state: { n: number } } | null)?.state.n;

describe('OfficeFeeds', () => {
  it('gives the current snapshot first, then a newer one after a change', async () => {
    const l = loader();
    const feeds = new OfficeFeeds(l.load, createLogger('silent'));
    const it1 = feeds.watch('o1', (s) => version(s))[Symbol.asyncIterator]();
    expect((await it1.next()).value).toBe(0);
    l.bump();
    feeds.changed('o1');
    expect((await it1.next()).value).toBe(1);
    await it1.return?.();
    expect(feeds.subscriberCount).toBe(0);
  });

  it('reloads once for many subscribers, and once more for all changes that came during a reload', async () => {
    const l = loader();
    const feeds = new OfficeFeeds(l.load, createLogger('silent'));
    const subs = [1, 2, 3].map(() => feeds.watch('o1', (s) => version(s))[Symbol.asyncIterator]());
    await Promise.all(subs.map((s) => s.next()));
    expect(l.calls).toHaveLength(1);
    l.holdNext();
    feeds.changed('o1');
    l.bump();
    feeds.changed('o1');
    feeds.changed('o1');
    l.release();
    const seen = await Promise.all(subs.map((s) => s.next()));
    // The held reload saw version 0 (unchanged for the projection, so not sent); the one after it saw 1.
    expect(seen.map((r) => r.value)).toEqual([1, 1, 1]);
    expect(l.calls).toHaveLength(3);
    await Promise.all(subs.map((s) => s.return?.()));
  });

  it('does not send a view equal to the last one sent', async () => {
    const l = loader();
    const feeds = new OfficeFeeds(l.load, createLogger('silent'));
    const parity = feeds.watch('o1', (s) => (version(s) ?? 0) % 2)[Symbol.asyncIterator]();
    expect((await parity.next()).value).toBe(0);
    l.bump();
    l.bump();
    feeds.changed('o1'); // version 2: parity 0 again, not sent
    await new Promise((r) => setTimeout(r, 10));
    l.bump();
    feeds.changed('o1'); // version 3: parity 1
    expect((await parity.next()).value).toBe(1);
    expect(l.calls).toHaveLength(3);
    await parity.return?.();
  });

  it('ignores changes of offices nobody watches', () => {
    const l = loader();
    const feeds = new OfficeFeeds(l.load, createLogger('silent'));
    feeds.changed('o2');
    expect(l.calls).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { CallAnnouncer, SerialQueue } from './announcer';

const call = (key: string, active = true) => ({ key, active });

describe('which calls the display announces', () => {
  it('does not announce what is on the board when the display starts', () => {
    const a = new CallAnnouncer();
    expect(a.next([call('b'), call('a')])).toEqual([]);
    expect(a.next([call('c'), call('b'), call('a')])).toEqual([call('c')]);
  });

  it('announces each key once, oldest first, and a recall (new key) again', () => {
    const a = new CallAnnouncer();
    a.next([]);
    expect(a.next([call('b'), call('a')])).toEqual([call('a'), call('b')]);
    expect(a.next([call('b'), call('a')])).toEqual([]);
    expect(a.next([call('a2'), call('b')])).toEqual([call('a2')]);
  });

  it('after a reconnect announces only new calls that still wait for their visitor', () => {
    const a = new CallAnnouncer();
    a.next([call('a')]);
    // The same picture again after the socket came back: nothing new.
    expect(a.next([call('a')])).toEqual([]);
    // Two calls while offline; one visitor already reached the counter.
    expect(a.next([call('c'), call('b', false), call('a', false)])).toEqual([call('c')]);
  });
});

describe('serial queue', () => {
  it('runs one task after the other, also after a failing one', async () => {
    const q = new SerialQueue();
    const log: string[] = [];
    const task =
      (name: string, ms: number, fail = false) =>
      async () => {
        log.push(`${name} start`);
        await new Promise((r) => setTimeout(r, ms));
        log.push(`${name} end`);
        if (fail) throw new Error(name);
      };
    q.push(task('a', 20, true));
    q.push(task('b', 1));
    await new Promise((r) => setTimeout(r, 60));
    expect(log).toEqual(['a start', 'a end', 'b start', 'b end']);
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLogger, LogThrottle } from './logger.js';

describe('LogThrottle', () => {
  let lines: Record<string, unknown>[];
  let throttle: LogThrottle;
  beforeEach(() => {
    vi.useFakeTimers();
    lines = [];
    throttle = new LogThrottle(createLogger('info', { write: (l: string) => void lines.push(JSON.parse(l)) }), 60_000);
  });
  afterEach(() => {
    throttle.clear();
    vi.useRealTimers();
  });
  const brief = () => lines.map((l) => [l.msg, l.repeated ?? null]);

  it('logs the first occurrence at once and then one summary per interval with the count', () => {
    for (let i = 0; i < 20; i++) throttle.warn({ attempt: i }, 'database unreachable');
    expect(brief()).toEqual([['database unreachable', null]]);
    expect(lines[0]?.attempt).toBe(0);
    vi.advanceTimersByTime(60_000);
    expect(brief()).toEqual([
      ['database unreachable', null],
      ['database unreachable (repeated)', 19],
    ]);
    for (let i = 0; i < 5; i++) throttle.warn({}, 'database unreachable');
    vi.advanceTimersByTime(60_000);
    expect(brief().at(-1)).toEqual(['database unreachable (repeated)', 5]);
    expect(lines.at(-1)?.withinSeconds).toBe(60);
  });

  it('logs a condition in full again after a quiet interval, and keeps different messages apart', () => {
    throttle.error({}, 'a');
    throttle.warn({}, 'b');
    throttle.error({}, 'a');
    vi.advanceTimersByTime(60_000); // summary of a (1); b was alone
    vi.advanceTimersByTime(60_000); // quiet: nothing
    throttle.error({}, 'a');
    expect(brief()).toEqual([
      ['a', null],
      ['b', null],
      ['a (repeated)', 1],
      ['a', null],
    ]);
    expect(lines.map((l) => l.level)).toEqual([50, 40, 50, 50]);
  });
});

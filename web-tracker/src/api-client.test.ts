import { describe, expect, it } from 'vitest';
import { reconnectDelayMs } from './api-client';

describe('reconnecting a wall screen', () => {
  it('waits twice as long after each failed attempt, at most 30 s, plus up to 3 s of jitter', () => {
    expect(reconnectDelayMs(0, 0)).toBe(1300);
    expect(reconnectDelayMs(3, 0)).toBe(8300);
    expect(reconnectDelayMs(5, 0)).toBe(30_300);
    expect(reconnectDelayMs(50, 0)).toBe(30_300);
    expect(reconnectDelayMs(50, 0.999_999)).toBe(32_999);
  });
});

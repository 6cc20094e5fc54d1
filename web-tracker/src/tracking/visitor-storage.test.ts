import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  loadAlertedCall,
  loadLastTicket,
  loadPushChoice,
  loadReminder,
  localDay,
  saveAlertedCall,
  saveLastTicket,
  savePushChoice,
  saveReminder,
} from './visitor-storage';

describe("what the tracking page remembers on the visitor's phone", () => {
  const items = new Map<string, string>();
  beforeEach(() => {
    items.clear();
    vi.stubGlobal('localStorage', {
      getItem: (key: string) => items.get(key) ?? null,
      setItem: (key: string, value: string) => items.set(key, value),
      removeItem: (key: string) => items.delete(key),
    });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('keeps a reminder per tracking link until it is taken back', () => {
    saveReminder('t1', { ahead: 3, done: false });
    expect(loadReminder('t1')).toEqual({ ahead: 3, done: false });
    expect(loadReminder('t2')).toBeNull();
    saveReminder('t1', null);
    expect(loadReminder('t1')).toBeNull();
  });

  it('trusts no stored reminder that does not fit', () => {
    for (const stored of ['{', '"3"', '{"ahead":-1}', '{"ahead":"3"}', 'null']) {
      items.set('bc.track.reminder.t1', stored);
      expect(loadReminder('t1'), stored).toBeNull();
    }
    items.set('bc.track.reminder.t1', '{"ahead":2.7,"done":"yes"}');
    expect(loadReminder('t1')).toEqual({ ahead: 2, done: false });
  });

  it('remembers the call already signalled', () => {
    expect(loadAlertedCall('t1')).toBeNull();
    saveAlertedCall('t1', '2027-03-01T09:00:00Z');
    expect(loadAlertedCall('t1')).toBe('2027-03-01T09:00:00Z');
  });

  it('keeps the day’s last tracking link for that day only', () => {
    expect(loadLastTicket('2027-03-01')).toBeNull();
    saveLastTicket('t1', '2027-03-01');
    saveLastTicket('t2', '2027-03-01');
    expect(loadLastTicket('2027-03-01')).toBe('t2');
    expect(loadLastTicket('2027-03-02')).toBeNull();
    items.set('bc.track.last', '{"token": 5, "day": "2027-03-01"}');
    expect(loadLastTicket('2027-03-01')).toBeNull();
  });

  it('names the phone’s local day', () => {
    expect(localDay(new Date(2027, 2, 1, 23, 59))).toBe('2027-03-01');
    expect(localDay(new Date(2027, 11, 31, 0, 0))).toBe('2027-12-31');
  });

  it('forgets quietly where the browser keeps nothing', () => {
    vi.stubGlobal('localStorage', {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    });
    expect(() => saveReminder('t1', { ahead: 1, done: false })).not.toThrow();
    expect(loadReminder('t1')).toBeNull();
  });

  it('keeps the push choice per tracking link, and forgets it when turned off', () => {
    expect(loadPushChoice('a')).toBeNull();
    savePushChoice('a', { ahead: 2 });
    expect(loadPushChoice('a')).toEqual({ ahead: 2 });
    expect(loadPushChoice('b')).toBeNull();
    savePushChoice('a', null);
    expect(loadPushChoice('a')).toBeNull();
    items.set('bc.track.push.c', '{"ahead":"x"}');
    expect(loadPushChoice('c')).toBeNull();
  });
});

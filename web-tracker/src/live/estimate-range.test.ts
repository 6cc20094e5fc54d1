import { describe, expect, it } from 'vitest';
import { callWindow } from './estimate-range';

const at = (hhmm: string) => Date.parse(`2027-03-01T${hhmm}:00Z`);
const iso = (hhmm: string) => new Date(at(hhmm)).toISOString();
const estimate = (earliest: string, expected: string, latest: string) => ({
  earliestCallAt: iso(earliest),
  expectedCallAt: iso(expected),
  latestCallAt: iso(latest),
});

describe('estimated call time as the visitor reads it', () => {
  it('widens the range to whole five minutes', () => {
    expect(callWindow(estimate('10:42', '10:47', '10:53'), at('10:20'))).toEqual({
      kind: 'between',
      from: at('10:40'),
      to: at('10:55'),
    });
  });

  it('gives one time when the widened range is five minutes at most', () => {
    expect(callWindow(estimate('10:41', '10:43', '10:44'), at('10:20'))).toEqual({ kind: 'around', at: at('10:45') });
    expect(callWindow(estimate('10:40', '10:40', '10:40'), at('10:20'))).toEqual({ kind: 'around', at: at('10:40') });
  });

  it('says "soon" when even the late end is five minutes away or less', () => {
    expect(callWindow(estimate('10:21', '10:23', '10:25'), at('10:20'))).toEqual({ kind: 'soon' });
    expect(callWindow(estimate('10:00', '10:05', '10:10'), at('10:20'))).toEqual({ kind: 'soon' });
  });

  it('never starts the range before now, though it may start on the five minutes just gone', () => {
    expect(callWindow(estimate('10:00', '10:30', '10:50'), at('10:22'))).toEqual({
      kind: 'between',
      from: at('10:20'),
      to: at('10:50'),
    });
  });

  it('copes with an expected time outside the range', () => {
    expect(callWindow(estimate('10:40', '11:10', '10:50'), at('10:20'))).toEqual({
      kind: 'between',
      from: at('10:40'),
      to: at('11:10'),
    });
  });
});

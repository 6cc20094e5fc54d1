import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { closedDatesBetween } from '../catalog/holidays.js';
import {
  type AvailabilityQuery,
  availableDays,
  type Busy,
  bookingDuration,
  type CounterPlan,
  type DayAvailability,
  dayOfInstant,
  freeCountersAt,
  nearestFreeStarts,
  type OfficeRules,
  startProblem,
  type WeeklyHours,
} from './availability.js';

const MIN = 60_000;
const BERLIN = 'Europe/Berlin';
const t = (iso: string) => Date.parse(iso);
const isos = (instants: readonly number[]) => instants.map((x) => new Date(x).toISOString());
/** `count` ISO instants from `first`, `stepMinutes` apart. */
const series = (first: string, count: number, stepMinutes: number) =>
  Array.from({ length: count }, (_, i) => new Date(t(first) + i * stepMinutes * MIN).toISOString());
const startsOf = (days: readonly DayAvailability[]) => isos(days.flatMap((d) => d.starts));

const workday = [
  { start: '08:00', end: '12:00' },
  { start: '13:00', end: '16:00' },
];
const WEEKDAYS: WeeklyHours = { 1: workday, 2: workday, 3: workday, 4: workday, 5: workday };

function office(over: Partial<OfficeRules> = {}): OfficeRules {
  return {
    timeZone: BERLIN,
    appointmentHours: WEEKDAYS,
    closedDates: new Set(),
    slotMinutes: 15,
    leadMinutes: 60,
    horizonDays: 30,
    ...over,
  };
}
function counter(id: string, services: string[] = ['id-card'], hours: WeeklyHours | null = null): CounterPlan {
  return { id, serviceIds: new Set(services), hours };
}

/** Friday 2027-03-19, 13:00 in Berlin (CET, UTC+1). */
const NOW = t('2027-03-19T12:00:00Z');
const MONDAY = '2027-03-22';
function query(over: Partial<AvailabilityQuery> = {}): AvailabilityQuery {
  return { now: NOW, serviceIds: ['id-card'], durationMinutes: 30, from: MONDAY, to: MONDAY, ...over };
}
/** Monday 08:00–11:30 and 13:00–15:30 local, every 15 min (a 30-min booking). */
const MONDAY_STARTS = [...series('2027-03-22T07:00:00.000Z', 15, 15), ...series('2027-03-22T12:00:00.000Z', 11, 15)];

describe('bookingDuration', () => {
  it('sums duration × count and rounds up to the grid', () => {
    expect(
      bookingDuration(
        [
          { durationMinutes: 15, count: 2 },
          { durationMinutes: 10, count: 1 },
        ],
        5,
      ),
    ).toBe(40);
    expect(
      bookingDuration(
        [
          { durationMinutes: 15, count: 2 },
          { durationMinutes: 10, count: 2 },
        ],
        15,
      ),
    ).toBe(60);
    expect(bookingDuration([{ durationMinutes: 7, count: 1 }], 5)).toBe(10);
    expect(bookingDuration([{ durationMinutes: 13, count: 3 }], 5)).toBe(40);
    expect(bookingDuration([{ durationMinutes: 10, count: 1 }], 5)).toBe(10);
    expect(() => bookingDuration([{ durationMinutes: 10, count: 1 }], 0)).toThrow(RangeError);
  });
});

describe('availableDays', () => {
  it('offers every grid start of the day; a 30-min booking cannot straddle the 12:00–13:00 lunch break', () => {
    const days = availableDays(office(), [counter('c1')], [], query());
    expect(days.map((d) => d.date)).toEqual([MONDAY]);
    expect(startsOf(days)).toEqual(MONDAY_STARTS);
    expect(startsOf(days)).not.toContain('2027-03-22T10:45:00.000Z'); // 11:45–12:15
    expect(startsOf(days)).not.toContain('2027-03-22T11:30:00.000Z'); // 12:30, in the break
  });

  it('fits a longer booking into one interval only', () => {
    const days = availableDays(office(), [counter('c1')], [], query({ durationMinutes: 60 }));
    expect(startsOf(days)).toEqual([
      ...series('2027-03-22T07:00:00.000Z', 13, 15), // 08:00 … 11:00
      ...series('2027-03-22T12:00:00.000Z', 9, 15), // 13:00 … 15:00
    ]);
  });

  it('counts capacity: 3 counters all busy → not free, 2 of 3 busy → free', () => {
    const three = [counter('c1'), counter('c2'), counter('c3')];
    const nineToTen = (id: string): Busy => ({
      counterId: id,
      start: t('2027-03-22T08:00:00Z'),
      end: t('2027-03-22T09:00:00Z'),
    });
    const morning = (busy: Busy[]) =>
      startsOf(availableDays(office(), three, busy, query())).filter((s) => s < '2027-03-22T11');

    expect(morning(['c1', 'c2', 'c3'].map(nineToTen))).toEqual([
      ...series('2027-03-22T07:00:00.000Z', 3, 15), // 08:00, 08:15, 08:30 (ends 09:00)
      ...series('2027-03-22T09:00:00.000Z', 7, 15), // 10:00 … 11:30
    ]);
    expect(morning(['c1', 'c2'].map(nineToTen))).toEqual(series('2027-03-22T07:00:00.000Z', 15, 15));
  });

  it('needs one counter that handles all chosen services', () => {
    const idCard = counter('A', ['id-card']);
    const passport = counter('B', ['passport']);
    const both = counter('C', ['id-card', 'passport']);
    const bothBusyAllMorning: Busy[] = [
      { counterId: 'C', start: t('2027-03-22T07:00:00Z'), end: t('2027-03-22T11:00:00Z') },
    ];
    const q = query({ serviceIds: ['id-card', 'passport'] });

    expect(startsOf(availableDays(office(), [idCard, passport, both], bothBusyAllMorning, q))).toEqual(
      series('2027-03-22T12:00:00.000Z', 11, 15),
    );
    expect(availableDays(office(), [idCard, passport], [], q)).toEqual([]);
    expect(startsOf(availableDays(office(), [idCard, passport], [], query()))).toEqual(MONDAY_STARTS);
  });

  it("respects a counter's own hours, intersected with the appointment hours", () => {
    const afternoonOnly = counter('X', ['id-card'], { 1: [{ start: '14:00', end: '15:00' }] });
    const early = counter('Y', ['id-card'], { 1: [{ start: '07:00', end: '09:00' }] });
    const q = query({ to: '2027-03-23' });

    const x = availableDays(office(), [afternoonOnly], [], q);
    expect(x.map((d) => d.date)).toEqual([MONDAY]); // no hours on Tuesday
    expect(startsOf(x)).toEqual(series('2027-03-22T13:00:00.000Z', 3, 15)); // 14:00, 14:15, 14:30
    expect(startsOf(availableDays(office(), [early], [], q))).toEqual(series('2027-03-22T07:00:00.000Z', 3, 15));
    expect(startsOf(availableDays(office(), [afternoonOnly, early], [], q))).toEqual([
      ...series('2027-03-22T07:00:00.000Z', 3, 15),
      ...series('2027-03-22T13:00:00.000Z', 3, 15),
    ]);
  });

  it('starts no earlier than now + lead time, on the grid', () => {
    const now = t('2027-03-22T07:50:00Z'); // 08:50 local
    const withLead = startsOf(availableDays(office(), [counter('c1')], [], query({ now })));
    expect(withLead[0]).toBe('2027-03-22T09:00:00.000Z'); // 10:00 local (≥ 09:50)
    expect(withLead).toHaveLength(7 + 11);
    const noLead = startsOf(availableDays(office({ leadMinutes: 0 }), [counter('c1')], [], query({ now })));
    expect(noLead[0]).toBe('2027-03-22T08:00:00.000Z'); // 09:00 local
  });

  it('clips the range to today … today + horizon', () => {
    const rules = office({ horizonDays: 2 });
    const q = query({ now: t('2027-03-22T11:00:00Z'), from: '2027-03-01', to: '2027-04-30' });
    const days = availableDays(rules, [counter('c1')], [], q);
    expect(days.map((d) => d.date)).toEqual(['2027-03-22', '2027-03-23', '2027-03-24']);
    expect(isos(days[0]?.starts ?? [])).toEqual(series('2027-03-22T12:00:00.000Z', 11, 15)); // from 13:00 local
  });

  it('skips closed dates, e.g. BW public holidays', () => {
    const closures = availableDays(
      office({ closedDates: new Set(['2027-03-23']) }),
      [counter('c1')],
      [],
      query({ to: '2027-03-24' }),
    );
    expect(closures.map((d) => d.date)).toEqual(['2027-03-22', '2027-03-24']);

    const holidays = closedDatesBetween('BW', '2027-01-04', '2027-01-08', []);
    const days = availableDays(
      office({ closedDates: holidays }),
      [counter('c1')],
      [],
      query({ now: t('2027-01-01T09:00:00Z'), from: '2027-01-04', to: '2027-01-08' }),
    );
    expect(days.map((d) => d.date)).toEqual(['2027-01-04', '2027-01-05', '2027-01-07', '2027-01-08']);
  });

  it('rejects an unknown time zone', () => {
    expect(() => availableDays(office({ timeZone: 'Mars/Olympus' }), [counter('c1')], [], query())).toThrow(RangeError);
  });
});

describe('daylight-saving changes (Europe/Berlin)', () => {
  const weekend: WeeklyHours = { 6: [{ start: '08:00', end: '12:00' }], 7: [{ start: '08:00', end: '12:00' }] };
  const summary = (days: DayAvailability[]) =>
    days.map((d) => [d.date, isos(d.starts.slice(0, 1))[0], isos(d.starts.slice(-1))[0], d.starts.length]);

  it('08:00 is 07:00Z before and 06:00Z after the spring change, and vice versa in autumn', () => {
    const rules = office({ appointmentHours: weekend });
    const spring = availableDays(rules, [counter('c1')], [], query({ from: '2027-03-27', to: '2027-03-28' }));
    expect(summary(spring)).toEqual([
      ['2027-03-27', '2027-03-27T07:00:00.000Z', '2027-03-27T10:30:00.000Z', 15],
      ['2027-03-28', '2027-03-28T06:00:00.000Z', '2027-03-28T09:30:00.000Z', 15],
    ]);
    const autumn = availableDays(
      { ...rules, horizonDays: 365 },
      [counter('c1')],
      [],
      query({ from: '2027-10-30', to: '2027-10-31' }),
    );
    expect(summary(autumn)).toEqual([
      ['2027-10-30', '2027-10-30T06:00:00.000Z', '2027-10-30T09:30:00.000Z', 15],
      ['2027-10-31', '2027-10-31T07:00:00.000Z', '2027-10-31T10:30:00.000Z', 15],
    ]);
  });

  const night = (start: string, end: string) =>
    office({ appointmentHours: { 7: [{ start, end }] }, slotMinutes: 30, horizonDays: 365 });
  const sunday = (date: string, durationMinutes = 30) => query({ from: date, to: date, durationMinutes });

  it('spring 01:00–04:00: the skipped hour has no starts, bookings last real time across the gap', () => {
    const rules = night('01:00', '04:00');
    // 01:00 CET, 01:30 CET, 03:00 CEST, 03:30 CEST – 2 real hours.
    expect(startsOf(availableDays(rules, [counter('c1')], [], sunday('2027-03-28')))).toEqual(
      series('2027-03-28T00:00:00.000Z', 4, 30),
    );
    // 60 min: 01:30 CET (00:30Z) ends 03:30 CEST (01:30Z); 03:30 CEST would end after 04:00.
    expect(startsOf(availableDays(rules, [counter('c1')], [], sunday('2027-03-28', 60)))).toEqual(
      series('2027-03-28T00:00:00.000Z', 3, 30),
    );
    expect(freeCountersAt(rules, [counter('c1')], [], ['id-card'], t('2027-03-28T00:30:00Z'), 60)).toEqual(['c1']);
  });

  it('autumn 01:00–04:00: the repeated hour is offered twice, as two different instants', () => {
    const days = availableDays(night('01:00', '04:00'), [counter('c1')], [], sunday('2027-10-31'));
    expect(days.map((d) => d.date)).toEqual(['2027-10-31']);
    // 01:00, 01:30, 02:00, 02:30 CEST, then 02:00, 02:30, 03:00, 03:30 CET – 4 real hours.
    expect(startsOf(days)).toEqual(series('2027-10-30T23:00:00.000Z', 8, 30));
  });

  it('boundaries: a missing wall time moves forward, a repeated one means its first occurrence', () => {
    const at = (from: string, to: string, date: string) =>
      startsOf(availableDays(night(from, to), [counter('c1')], [], sunday(date)));
    expect(at('02:30', '04:00', '2027-03-28')).toEqual(['2027-03-28T01:30:00.000Z']); // opens 03:30 CEST
    expect(at('02:00', '03:00', '2027-03-28')).toEqual([]); // interval lies in the gap
    // Opens at 02:30 CEST (00:30Z), closes 03:30 CET (02:30Z).
    expect(at('02:30', '03:30', '2027-10-31')).toEqual(series('2027-10-31T00:30:00.000Z', 4, 30));
    // Closes at the first 02:30 (CEST, 00:30Z).
    expect(at('01:00', '02:30', '2027-10-31')).toEqual(series('2027-10-30T23:00:00.000Z', 3, 30));
  });

  it('works for other zones, including a 30-min shift (Lord Howe Island, 02:00 → 02:30)', () => {
    const zone = (timeZone: string, date: string) =>
      startsOf(
        availableDays({ ...night('01:00', '04:00'), timeZone }, [counter('c1')], [], {
          ...sunday(date),
          now: t('2027-01-01T00:00:00Z'),
        }),
      );
    // New York, 2027-03-14: 01:00 and 01:30 EST, 03:00 and 03:30 EDT.
    expect(zone('America/New_York', '2027-03-14')).toEqual(series('2027-03-14T06:00:00.000Z', 4, 30));
    // Lord Howe, 2027-10-03: 01:00 and 01:30 at +10:30, then 02:30, 03:00, 03:30 at +11:00.
    expect(zone('Australia/Lord_Howe', '2027-10-03')).toEqual(series('2027-10-02T14:30:00.000Z', 5, 30));
  });

  it('startProblem uses the same wall-clock grid and real durations', () => {
    const rules = night('01:00', '04:00');
    const now = t('2027-03-01T12:00:00Z');
    expect(startProblem(rules, now, t('2027-03-28T01:00:00Z'), 30)).toBeNull(); // 03:00 CEST
    expect(startProblem(rules, now, t('2027-03-28T01:15:00Z'), 30)).toBe('OFF_GRID'); // 03:15 CEST
    expect(startProblem(rules, now, t('2027-03-28T01:30:00Z'), 60)).toBe('OUTSIDE_HOURS'); // until 04:30 CEST
    expect(startProblem(rules, now, t('2027-10-31T00:30:00Z'), 30)).toBeNull(); // 02:30 CEST
    expect(startProblem(rules, now, t('2027-10-31T01:30:00Z'), 30)).toBeNull(); // 02:30 CET
  });
});

describe('startProblem', () => {
  const rules = office({ horizonDays: 28, closedDates: new Set(['2027-03-23']) });
  const check = (start: string, duration = 30) => startProblem(rules, NOW, t(start), duration);

  it('returns null for a valid start', () => {
    expect(check('2027-03-22T07:00:00Z')).toBeNull(); // Mon 08:00
    expect(check('2027-03-22T10:30:00Z')).toBeNull(); // Mon 11:30–12:00
    expect(check('2027-04-16T13:30:00Z')).toBeNull(); // last day of the horizon, 15:30 CEST
  });

  it('names the problem', () => {
    expect(check('2027-03-19T11:45:00Z')).toBe('PAST');
    expect(check('2027-03-19T12:30:00Z')).toBe('TOO_SOON'); // lead 60 min
    expect(check('2027-04-19T06:00:00Z')).toBe('BEYOND_HORIZON'); // today + 31
    expect(check('2027-03-23T07:00:00Z')).toBe('CLOSED');
    expect(check('2027-03-22T07:05:00Z')).toBe('OFF_GRID');
    expect(check('2027-03-22T07:00:30Z')).toBe('OFF_GRID');
    expect(check('2027-03-22T10:45:00Z')).toBe('OUTSIDE_HOURS'); // 11:45–12:15 straddles lunch
    expect(check('2027-03-22T06:45:00Z')).toBe('OUTSIDE_HOURS'); // 07:45
    expect(check('2027-03-22T14:45:00Z')).toBe('OUTSIDE_HOURS'); // 15:45–16:15
    expect(check('2027-03-20T08:00:00Z')).toBe('CLOSED'); // Saturday: no appointment hours at all
  });
});

describe('freeCountersAt', () => {
  const general = counter('c2');
  const ownHours = counter('c1', ['id-card'], { 1: [{ start: '13:00', end: '14:00' }] });
  const passport = counter('c3', ['passport']);
  const all = [general, ownHours, passport];

  it('lists qualifying free counters in the given order', () => {
    expect(freeCountersAt(office(), all, [], ['id-card'], t('2027-03-22T12:00:00Z'), 30)).toEqual(['c2', 'c1']);
    expect(freeCountersAt(office(), all, [], ['id-card'], t('2027-03-22T12:45:00Z'), 30)).toEqual(['c2']); // –14:15
    expect(freeCountersAt(office(), all, [], ['passport'], t('2027-03-22T12:00:00Z'), 30)).toEqual(['c3']);
  });

  it('excludes counters with an overlapping booking ([start, end) is half-open)', () => {
    const busy: Busy[] = [
      { counterId: 'c2', start: t('2027-03-22T11:30:00Z'), end: t('2027-03-22T12:00:00Z') },
      { counterId: 'c1', start: t('2027-03-22T12:25:00Z'), end: t('2027-03-22T12:40:00Z') },
    ];
    expect(freeCountersAt(office(), all, busy, ['id-card'], t('2027-03-22T12:00:00Z'), 30)).toEqual(['c2']);
  });

  it('is empty outside appointment hours and on closed dates', () => {
    expect(freeCountersAt(office(), all, [], ['id-card'], t('2027-03-22T11:00:00Z'), 30)).toEqual([]); // lunch
    const closed = office({ closedDates: new Set([MONDAY]) });
    expect(freeCountersAt(closed, all, [], ['id-card'], t('2027-03-22T07:00:00Z'), 30)).toEqual([]);
  });
});

describe('nearestFreeStarts', () => {
  const q = { now: NOW, serviceIds: ['id-card'], durationMinutes: 30 };
  const nearest = (target: string, limit: number, rules = office()) =>
    isos(nearestFreeStarts(rules, [counter('c1')], [], q, t(target), limit));

  it('returns the closest starts in ascending order; ties go to the earlier one', () => {
    // Target 12:30 local: 13:00 (30′), 13:15 (45′), 11:30 and 13:30 (60′ each), …
    expect(nearest('2027-03-22T11:30:00Z', 4)).toEqual([
      '2027-03-22T10:30:00.000Z',
      '2027-03-22T12:00:00.000Z',
      '2027-03-22T12:15:00.000Z',
      '2027-03-22T12:30:00.000Z',
    ]);
    expect(nearest('2027-03-22T11:30:00Z', 3)).toEqual([
      '2027-03-22T10:30:00.000Z',
      '2027-03-22T12:00:00.000Z',
      '2027-03-22T12:15:00.000Z',
    ]);
  });

  it('looks at neighbouring days and stays within lead time and horizon', () => {
    // Saturday noon: Friday 15:15/15:30 (~21 h) are closer than Monday 08:00 CEST (43 h).
    expect(nearest('2027-03-27T11:00:00Z', 2)).toEqual(['2027-03-26T14:15:00.000Z', '2027-03-26T14:30:00.000Z']);
    expect(nearest('2027-03-01T00:00:00Z', 1)).toEqual(['2027-03-19T13:00:00.000Z']); // now + lead = 14:00 local
    expect(nearest('2028-01-01T00:00:00Z', 1)).toEqual(['2027-04-16T13:30:00.000Z']); // Fri 15:30 CEST
    expect(nearest('2027-03-22T11:30:00Z', 0)).toEqual([]);
  });

  it('skips busy starts', () => {
    const busy: Busy[] = [{ counterId: 'c1', start: t('2027-03-22T12:00:00Z'), end: t('2027-03-22T13:00:00Z') }];
    expect(isos(nearestFreeStarts(office(), [counter('c1')], busy, q, t('2027-03-22T12:00:00Z'), 2))).toEqual([
      '2027-03-22T13:00:00.000Z',
      '2027-03-22T13:15:00.000Z',
    ]);
  });
});

describe('a large office', () => {
  it('answers 60 days for 10 counters and 2,000 bookings consistently with the per-start checks', () => {
    const counters = Array.from({ length: 10 }, (_, i) =>
      counter(`c${i}`, i % 5 === 0 ? ['id-card', 'passport'] : ['id-card']),
    );
    let seed = 42;
    const random = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return Math.floor((seed / 2 ** 31) * n);
    };
    const base = t('2027-03-01T07:00:00Z');
    const busy: Busy[] = Array.from({ length: 2000 }, () => {
      const start = base + random(60) * 86_400_000 + random(32) * 15 * MIN;
      return { counterId: `c${random(10)}`, start, end: start + (1 + random(4)) * 15 * MIN };
    });
    const rules = office({ horizonDays: 60, leadMinutes: 0 });
    const q = query({
      now: t('2027-02-28T12:00:00Z'),
      from: '2027-03-01',
      to: '2027-04-29',
      serviceIds: ['id-card', 'passport'],
      durationMinutes: 45,
    });

    const days = availableDays(rules, counters, busy, q);
    expect(days).toHaveLength(44); // the weekdays of 2027-03-01 … 2027-04-29
    expect(days.every((d) => d.starts.every((s, i) => i === 0 || (d.starts[i - 1] ?? 0) < s))).toBe(true);

    // Every grid start of every day: offered ⇔ valid start with a free counter.
    for (const day of days) {
      const opening = DateTime.fromISO(`${day.date}T08:00`, { zone: BERLIN }).toMillis();
      const expected = Array.from({ length: 32 }, (_, i) => opening + i * 15 * MIN).filter(
        (s) =>
          startProblem(rules, q.now, s, q.durationMinutes) === null &&
          freeCountersAt(rules, counters, busy, q.serviceIds, s, q.durationMinutes).length > 0,
      );
      expect(day.starts).toEqual(expected);
    }
    const offered = days.reduce((n, d) => n + d.starts.length, 0);
    expect(offered).toBeGreaterThan(days.length * 12); // of at most 24 a day (08:00–11:15, 13:00–15:15)
    expect(offered).toBeLessThan(days.length * 24);
  });
});

describe('extra opening days', () => {
  const SATURDAY = '2027-03-20';
  const extraDays = new Map([[SATURDAY, [{ start: '09:00', end: '10:00' }]]]);

  it('offers the extra day’s hours on a day without weekly hours, for counters with their own hours too', () => {
    const counters = [counter('a', ['id-card'], { 1: workday })];
    const q = query({ from: SATURDAY, to: SATURDAY });
    expect(startsOf(availableDays(office(), counters, [], q))).toEqual([]);
    expect(startsOf(availableDays(office({ extraDays }), counters, [], q))).toEqual(
      series('2027-03-20T08:00:00.000Z', 3, 15),
    );
    expect(startProblem(office({ extraDays }), NOW, t('2027-03-20T08:30:00Z'), 30)).toBeNull();
    expect(startProblem(office({ extraDays }), NOW, t('2027-03-20T08:45:00Z'), 30)).toBe('OUTSIDE_HOURS');
    expect(freeCountersAt(office({ extraDays }), counters, [], ['id-card'], t('2027-03-20T08:00:00Z'), 30)).toEqual([
      'a',
    ]);
  });

  it('stays closed when the day is also closed', () => {
    const rules = office({ extraDays, closedDates: new Set([SATURDAY]) });
    expect(startsOf(availableDays(rules, [counter('a')], [], query({ from: SATURDAY, to: SATURDAY })))).toEqual([]);
    expect(startProblem(rules, NOW, t('2027-03-20T08:30:00Z'), 30)).toBe('CLOSED');
  });
});

describe('dayOfInstant', () => {
  const date = (instant: string) =>
    DateTime.fromMillis(dayOfInstant('Europe/Berlin', Date.parse(instant)) * 86_400_000, { zone: 'UTC' }).toISODate();
  it('is the office-local date, also around both daylight-saving changes', () => {
    expect(date('2027-03-27T22:59:59Z')).toBe('2027-03-27'); // 23:59:59 CET
    expect(date('2027-03-27T23:00:00Z')).toBe('2027-03-28'); // 00:00 CET, the day clocks go forward
    expect(date('2027-03-28T21:59:59Z')).toBe('2027-03-28'); // 23:59:59 CEST
    expect(date('2027-03-28T22:00:00Z')).toBe('2027-03-29');
    expect(date('2027-10-30T22:00:00Z')).toBe('2027-10-31'); // 00:00 CEST, the day clocks go back
    expect(date('2027-10-31T00:30:00Z')).toBe('2027-10-31'); // 02:30 CEST
    expect(date('2027-10-31T01:30:00Z')).toBe('2027-10-31'); // 02:30 CET, the second time
    expect(date('2027-10-31T22:59:59Z')).toBe('2027-10-31'); // 23:59:59 CET
    expect(date('2027-10-31T23:00:00Z')).toBe('2027-11-01');
  });
});

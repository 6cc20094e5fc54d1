import { BOOKING_PAGES, GLOBAL_ADMIN_PATHS, LEGAL_PAGES } from '@bc/schema/app-paths';
import { describe, expect, it } from 'vitest';
import {
  checkClosure,
  checkDetails,
  checkEmail,
  checkExtraDay,
  checkLanguages,
  checkNewOffice,
  checkPhone,
  checkSettings,
  checkWeekdayHours,
  isCalendarDate,
  isIanaTimeZone,
  minutesOf,
} from './office-rules.js';

const problems = (weekday: number, intervals: [string, string][]) => {
  const r = checkWeekdayHours(
    weekday,
    intervals.map(([opensAt, closesAt]) => ({ opensAt, closesAt })),
  );
  return r.ok ? [] : r.problems.map((p) => `${p.field}:${p.code}`);
};

describe('weekday hours', () => {
  it('accepts several intervals and returns them sorted', () => {
    const r = checkWeekdayHours(2, [
      { opensAt: '14:00', closesAt: '18:00' },
      { opensAt: '08:00', closesAt: '12:00' },
    ]);
    expect(r).toEqual({
      ok: true,
      value: [
        { opensAt: '08:00', closesAt: '12:00' },
        { opensAt: '14:00', closesAt: '18:00' },
      ],
    });
  });

  it('accepts an empty list (closed that day) and touching intervals', () => {
    expect(problems(7, [])).toEqual([]);
    expect(
      problems(1, [
        ['08:00', '12:00'],
        ['12:00', '16:00'],
      ]),
    ).toEqual([]);
  });

  it('refuses inverted and empty-length intervals', () => {
    expect(problems(1, [['12:00', '08:00']])).toEqual(['intervals.0.closesAt:INVERTED_INTERVAL']);
    expect(problems(1, [['09:00', '09:00']])).toEqual(['intervals.0.closesAt:EMPTY_INTERVAL']);
  });

  it('refuses overlapping intervals, naming the later one in the input', () => {
    expect(
      problems(1, [
        ['08:00', '12:00'],
        ['11:59', '15:00'],
      ]),
    ).toEqual(['intervals.1:OVERLAP']);
    expect(
      problems(1, [
        ['10:00', '11:00'],
        ['08:00', '16:00'],
      ]),
    ).toEqual(['intervals.1:OVERLAP']);
    expect(
      problems(1, [
        ['08:00', '12:00'],
        ['13:00', '14:00'],
        ['08:00', '12:00'],
      ]),
    ).toEqual(['intervals.2:OVERLAP']);
  });

  it('refuses bad time formats field by field', () => {
    expect(problems(1, [['8:00', '12:00']])).toEqual(['intervals.0.opensAt:BAD_TIME']);
    expect(problems(1, [['08:00', '24:00']])).toEqual(['intervals.0.closesAt:BAD_TIME']);
    expect(problems(1, [['08:60', 'noon']])).toEqual(['intervals.0.opensAt:BAD_TIME', 'intervals.0.closesAt:BAD_TIME']);
    expect(problems(1, [['08:00:00', '12:00']])).toEqual(['intervals.0.opensAt:BAD_TIME']);
  });

  it('refuses a weekday out of 1–7 and too many intervals', () => {
    expect(problems(0, [])).toEqual(['weekday:OUT_OF_RANGE']);
    expect(problems(8, [])).toEqual(['weekday:OUT_OF_RANGE']);
    const seven = Array.from({ length: 7 }, (_, i): [string, string] => [`0${i}:00`, `0${i}:30`]);
    expect(problems(1, seven)).toEqual(['intervals:TOO_MANY']);
  });

  it('reads times as minutes after midnight', () => {
    expect(minutesOf('00:00')).toBe(0);
    expect(minutesOf('23:59')).toBe(1439);
    expect(minutesOf('24:00')).toBeNull();
  });
});

describe('office settings', () => {
  it('keeps only the given fields and normalises the region', () => {
    expect(checkSettings({ slotMinutes: 10, maxCalls: null, holidayRegion: ' by ' })).toEqual({
      ok: true,
      value: { slotMinutes: 10, holidayRegion: 'BY' },
    });
    expect(checkSettings({})).toEqual({ ok: true, value: {} });
  });

  it('checks every field against its range', () => {
    const r = checkSettings({
      slotMinutes: 0,
      leadMinutes: -1,
      horizonDays: 367,
      checkInLateMinutes: 1.5,
      priorityMinutes: -5,
      maxCalls: 0,
      closingBufferMinutes: 1000,
      holidayRegion: 'XX',
    });
    expect(r.ok ? [] : r.problems.map((p) => `${p.field}:${p.code}`)).toEqual([
      'slotMinutes:OUT_OF_RANGE',
      'leadMinutes:OUT_OF_RANGE',
      'horizonDays:OUT_OF_RANGE',
      'checkInLateMinutes:OUT_OF_RANGE',
      'priorityMinutes:OUT_OF_RANGE',
      'maxCalls:OUT_OF_RANGE',
      'closingBufferMinutes:OUT_OF_RANGE',
      'holidayRegion:UNKNOWN_REGION',
    ]);
  });

  it('accepts the range ends', () => {
    expect(checkSettings({ slotMinutes: 1, horizonDays: 366, maxCalls: 10, leadMinutes: 0 }).ok).toBe(true);
  });
});

describe('closures', () => {
  it('accepts today and later with a trimmed note', () => {
    expect(checkClosure('2027-03-01', '  Betriebsausflug ', '2027-03-01')).toEqual({
      ok: true,
      value: { date: '2027-03-01', note: 'Betriebsausflug' },
    });
    expect(checkClosure('2027-03-02', null, '2027-03-01')).toEqual({
      ok: true,
      value: { date: '2027-03-02', note: '' },
    });
  });

  it('refuses past days, non-dates and long notes', () => {
    const codes = (date: string, note?: string) => {
      const r = checkClosure(date, note, '2027-03-01');
      return r.ok ? [] : r.problems.map((p) => `${p.field}:${p.code}`);
    };
    expect(codes('2027-02-28')).toEqual(['date:IN_THE_PAST']);
    expect(codes('2027-02-30')).toEqual(['date:BAD_DATE']);
    expect(codes('1.3.2027', 'x'.repeat(201))).toEqual(['date:BAD_DATE', 'note:TOO_LONG']);
  });

  it('knows calendar dates', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2027-02-29')).toBe(false);
    expect(isCalendarDate('2027-3-1')).toBe(false);
  });
});

describe('office details', () => {
  it('trims texts, keeps absent fields out and turns an empty notice into none', () => {
    expect(
      checkDetails({ name: '  Bürgercentrum   Nord ', postalCode: ' 75175 ', timeZone: 'Europe/Berlin', notice: '  ' }),
    ).toEqual({
      ok: true,
      value: { name: 'Bürgercentrum Nord', postalCode: '75175', timeZone: 'Europe/Berlin', notice: null },
    });
    expect(checkDetails({ street: null, notice: 'Heute nur bis 12 Uhr' })).toEqual({
      ok: true,
      value: { notice: 'Heute nur bis 12 Uhr' },
    });
  });

  it('names every bad field', () => {
    const r = checkDetails({
      name: ' ',
      street: 'x'.repeat(101),
      postalCode: '7517',
      city: '',
      timeZone: 'Mitteleuropa',
      notice: 'n'.repeat(201),
    });
    expect(r.ok ? [] : r.problems.map((p) => `${p.field}:${p.code}`)).toEqual([
      'name:REQUIRED',
      'street:TOO_LONG',
      'postalCode:BAD_POSTAL_CODE',
      'city:REQUIRED',
      'timeZone:UNKNOWN_TIME_ZONE',
      'notice:TOO_LONG',
    ]);
  });

  it('knows IANA zones and refuses offsets and made-up names', () => {
    for (const zone of ['Europe/Berlin', 'America/Argentina/Buenos_Aires', 'UTC', 'Etc/GMT+1'])
      expect(isIanaTimeZone(zone), zone).toBe(true);
    for (const zone of ['', '+01:00', 'CET1', 'Europe/Atlantis', 'Europe', 'europe berlin'])
      expect(isIanaTimeZone(zone), zone).toBe(false);
  });
});

describe('new office', () => {
  const base = {
    name: 'Bürgerbüro Nord',
    slug: 'buergerbuero-nord',
    street: 'Nordstraße 1',
    postalCode: '75179',
    city: 'Pforzheim',
    timeZone: 'Europe/Berlin',
  };

  it('accepts a complete office and defaults the holiday region', () => {
    expect(checkNewOffice(base)).toEqual({ ok: true, value: { ...base, holidayRegion: 'BW' } });
  });

  it('checks the slug', () => {
    for (const slug of ['nord', 'a1b', 'stelle-2', `a${'b'.repeat(39)}`])
      expect(checkNewOffice({ ...base, slug }).ok, slug).toBe(true);
    for (const slug of ['ab', 'Nord', '1nord', 'nord-', 'nord--sued', 'bürger', 'nord sued', `a${'b'.repeat(40)}`])
      expect(checkNewOffice({ ...base, slug }), slug).toEqual({
        ok: false,
        problems: [expect.objectContaining({ field: 'slug', code: 'BAD_SLUG' })],
      });
  });

  it('keeps the slugs of the pages beside the offices free (the paths the SPAs route by)', () => {
    const pages = [
      ...Object.values(BOOKING_PAGES),
      ...Object.values(GLOBAL_ADMIN_PATHS),
      ...Object.values(LEGAL_PAGES),
    ];
    expect(pages.length).toBeGreaterThan(0);
    for (const slug of pages)
      expect(checkNewOffice({ ...base, slug }), slug).toEqual({
        ok: false,
        problems: [expect.objectContaining({ field: 'slug', code: 'RESERVED_SLUG' })],
      });
  });

  it('names every missing or bad detail', () => {
    const r = checkNewOffice({
      name: '',
      slug: '',
      street: ' ',
      postalCode: '',
      city: '',
      timeZone: 'Berlin',
      holidayRegion: 'XX',
    });
    expect(r.ok ? [] : r.problems.map((p) => `${p.field}:${p.code}`)).toEqual([
      'slug:BAD_SLUG',
      'name:REQUIRED',
      'street:REQUIRED',
      'postalCode:REQUIRED',
      'city:REQUIRED',
      'timeZone:UNKNOWN_TIME_ZONE',
      'holidayRegion:UNKNOWN_REGION',
    ]);
  });
});

describe('extra opening days', () => {
  it('checks the date, the intervals and the note together', () => {
    expect(
      checkExtraDay('2027-03-06', [{ opensAt: '12:00', closesAt: '09:00' }], 'n'.repeat(201), '2027-03-01'),
    ).toEqual({
      ok: false,
      problems: [
        expect.objectContaining({ field: 'note', code: 'TOO_LONG' }),
        expect.objectContaining({ field: 'intervals.0.closesAt', code: 'INVERTED_INTERVAL' }),
      ],
    });
    expect(checkExtraDay('2027-02-27', [], null, '2027-03-01')).toMatchObject({
      ok: false,
      problems: [{ field: 'date', code: 'IN_THE_PAST' }],
    });
    expect(
      checkExtraDay(
        '2027-03-06',
        [
          { opensAt: '13:00', closesAt: '15:00' },
          { opensAt: '09:00', closesAt: '12:00' },
        ],
        ' Samstagsöffnung ',
        '2027-03-01',
      ),
    ).toEqual({
      ok: true,
      value: {
        date: '2027-03-06',
        note: 'Samstagsöffnung',
        intervals: [
          { opensAt: '09:00', closesAt: '12:00' },
          { opensAt: '13:00', closesAt: '15:00' },
        ],
      },
    });
  });
});

describe('office contact', () => {
  it('keeps a phone as written (tidied), removes it when empty, refuses what is not a number', () => {
    expect(checkPhone(' 07231  39-0 ')).toEqual({ ok: true, value: '07231 39-0' });
    expect(checkPhone('+49 (7231) 39/2000')).toEqual({ ok: true, value: '+49 (7231) 39/2000' });
    expect(checkPhone('   ')).toEqual({ ok: true, value: null });
    for (const bad of ['12345', 'Tel. 07231 39-0', '07231 39-0 ext. 5', '+49 7231 39-2000 123456789', '++49 7231 390'])
      expect(checkPhone(bad)).toMatchObject({ ok: false, problem: { field: 'phone', code: 'BAD_PHONE' } });
  });
  it('keeps an email in lower case, removes it when empty, refuses what is not an address', () => {
    expect(checkEmail(' Info@Pforzheim.Example ')).toEqual({ ok: true, value: 'info@pforzheim.example' });
    expect(checkEmail('')).toEqual({ ok: true, value: null });
    for (const bad of ['info', 'info@', 'a@b', 'a b@pforzheim.example', `${'x'.repeat(250)}@pforzheim.example`])
      expect(checkEmail(bad)).toMatchObject({ ok: false, problem: { field: 'email', code: 'BAD_EMAIL' } });
  });
  it('are part of the details: absent stays, empty clears, bad ones are field problems beside the others', () => {
    expect(checkDetails({ name: 'A' })).toEqual({ ok: true, value: { name: 'A' } });
    expect(checkDetails({ phone: '', email: '' })).toEqual({ ok: true, value: { phone: null, email: null } });
    expect(checkDetails({ postalCode: '1', phone: 'x', email: 'y' })).toMatchObject({
      ok: false,
      problems: [{ field: 'postalCode' }, { field: 'phone', code: 'BAD_PHONE' }, { field: 'email', code: 'BAD_EMAIL' }],
    });
  });
});

describe('kiosk languages', () => {
  it('keeps known languages once, German first, and needs German', () => {
    expect(checkLanguages(['en', 'DE', 'en'])).toEqual({ ok: true, value: ['de', 'en'] });
    expect(checkLanguages(['de'])).toEqual({ ok: true, value: ['de'] });
    expect(checkLanguages(['en'])).toMatchObject({
      ok: false,
      problem: { field: 'languages', code: 'GERMAN_REQUIRED' },
    });
    expect(checkLanguages([])).toMatchObject({ ok: false, problem: { code: 'GERMAN_REQUIRED' } });
    expect(checkLanguages(['de', 'fr'])).toMatchObject({ ok: false, problem: { code: 'UNSUPPORTED' } });
  });
});

import { describe, expect, it } from 'vitest';
import { csvField, statisticsCsv } from './stats-csv.js';
import { officeFigures } from './stats-figures.js';
import { Granularity } from './stats-periods.js';

describe('statistics CSV', () => {
  it('quotes separators and quotes, and defuses formulas', () => {
    expect(csvField('Bürgercentrum, Pforzheim')).toBe('"Bürgercentrum, Pforzheim"');
    expect(csvField('Say "hi"')).toBe('"Say ""hi"""');
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField(null)).toBe('');
    expect(csvField(-2.5)).toBe('-2.5');
  });

  it('has a row per period, a total row and the hourly load', () => {
    const figures = officeFigures({
      from: '2027-03-01',
      to: '2027-03-02',
      granularity: Granularity.DAY,
      calendar: { timeZone: 'Europe/Berlin', region: 'BW', hours: [], closures: [] },
      tickets: [
        {
          serviceDay: '2027-03-01',
          origin: 'KIOSK',
          bookingChannel: null,
          arrivedAt: Date.parse('2027-03-01T08:00:00Z'),
          appointmentStartsAt: null,
          firstCalledAt: Date.parse('2027-03-01T08:06:00Z'),
          status: 'DONE',
          issuedEstimate: {
            expectedCallAt: Date.parse('2027-03-01T08:03:30Z'),
            earliestCallAt: Date.parse('2027-03-01T08:00:00Z'),
            latestCallAt: Date.parse('2027-03-01T08:10:00Z'),
          },
          dayClosedFrom: null,
        },
      ],
      serviceTimes: [{ serviceDay: '2027-03-01', serviceId: 's1', minutes: 12 }],
      missedAppointmentDays: [],
      refusalDays: [],
      counterDays: [],
    });
    const csv = statisticsCsv({ officeName: 'BC', figures, serviceNames: new Map([['s1', 'Pass']]) });
    const lines = csv.split('\r\n');
    expect(lines[0]).toContain('wait_walk_in_minutes_median');
    expect(lines[0]).toContain('service_minutes:Pass_mean');
    expect(lines[1]?.startsWith('BC,2027-03-01,2027-03-01,1,0,0,0,1,0,0,,,,1,6,6,6,')).toBe(true);
    // After the no-shows, refusals and minutes past closing: closed at night, then estimate accuracy (all,
    // appointments, walk-ins), then the services.
    const header = (lines[0] as string).split(',');
    const day = (lines[1] as string).split(',');
    const cell = (name: string) => day[header.indexOf(name)];
    expect(header.indexOf('day_closed_waiting')).toBe(header.indexOf('minutes_past_closing') + 1);
    expect(cell('day_closed_at_counter')).toBe('0');
    expect(cell('estimate_all_count')).toBe('1');
    expect(cell('estimate_all_mae_minutes')).toBe('2.5');
    expect(cell('estimate_walk_in_bias_minutes')).toBe('2.5');
    expect(cell('estimate_walk_in_inside_range')).toBe('1');
    expect(cell('estimate_appointment_count')).toBe('0');
    expect(cell('estimate_appointment_mae_minutes')).toBe('');
    expect(header.indexOf('service_minutes:Pass_count')).toBe(header.indexOf('estimate_walk_in_inside_range') + 1);
    expect(lines[2]?.startsWith('BC,2027-03-02,2027-03-02,0,')).toBe(true);
    expect(lines[3]?.startsWith('BC,total,2027-03-01..2027-03-02,1,')).toBe(true);
    expect(lines[5]).toBe('office,hour_of_day,arrivals');
    expect(lines[6 + 9]).toBe('BC,9,1');
    expect(csv.endsWith('\r\n')).toBe(true);
  });
});

import { getHolidays } from 'feiertagejs';

/**
 * feiertagejs region codes an office may use: the 16 federal states, 'BUND' (nationwide holidays only) and
 * 'AUGSBURG' (Bavaria plus the Augsburger Friedensfest). feiertagejs' 'ALL' (every state's holidays at once) is no place.
 */
export const HOLIDAY_REGIONS = [
  'BW',
  'BY',
  'BE',
  'BB',
  'HB',
  'HE',
  'HH',
  'MV',
  'NI',
  'NW',
  'RP',
  'SL',
  'SN',
  'ST',
  'SH',
  'TH',
  'BUND',
  'AUGSBURG',
] as const;
export type HolidayRegion = (typeof HOLIDAY_REGIONS)[number];

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Whether `region` is a holiday region code closedDatesBetween accepts (see HOLIDAY_REGIONS). */
export function isValidHolidayRegion(region: string): region is HolidayRegion {
  return (HOLIDAY_REGIONS as readonly string[]).includes(region);
}

/**
 * The public holidays in the German federal state `region` (feiertagejs region code, e.g. 'BW') from `from` to `to`
 * inclusive: office-local date 'YYYY-MM-DD' → German name, in date order.
 */
export function holidaysBetween(region: string, from: string, to: string): Map<string, string> {
  if (!isValidHolidayRegion(region)) throw new RangeError(`Unknown holiday region: ${region}`);
  if (!DATE.test(from) || !DATE.test(to)) throw new RangeError(`Dates must be YYYY-MM-DD: ${from}, ${to}`);
  const holidays = new Map<string, string>();
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    for (const holiday of getHolidays(year, region)) {
      // feiertagejs puts each holiday at 12:00 UTC of its calendar date, so the UTC date is the German date.
      const date = holiday.date.toISOString().slice(0, 10);
      if (date >= from && date <= to) holidays.set(date, holiday.translate('de') ?? holiday.name);
    }
  }
  return holidays;
}

/**
 * Office-local dates 'YYYY-MM-DD' from `from` to `to` inclusive that are public holidays in `region` (see
 * holidaysBetween), plus the given extra closure dates inside the range.
 */
export function closedDatesBetween(region: string, from: string, to: string, closures: readonly string[]): Set<string> {
  const closed = new Set(holidaysBetween(region, from, to).keys());
  for (const date of closures) if (date >= from && date <= to) closed.add(date);
  return closed;
}

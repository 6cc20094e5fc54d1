/** Pure helpers for a clock that follows the server's time rather than the screen's own. */

/** Server time minus local time, in ms; undefined when the value is not a date. */
export function clockOffset(serverTimeIso: string, localNow: number): number | undefined {
  const server = Date.parse(serverTimeIso);
  return Number.isNaN(server) ? undefined : server - localNow;
}

/** Delay until just after the next full second of `now`, so the display flips on the second. */
export function msUntilNextSecond(now: number): number {
  return 1000 - (((now % 1000) + 1000) % 1000) + 5;
}

const fallbackTimeZone = 'Europe/Berlin';

/** HH:MM:SS (24 h) in the office's time zone; an unknown zone falls back to Europe/Berlin instead of failing. */
export function clockFormat(language: string, timeZone: string): Intl.DateTimeFormat {
  const options: Intl.DateTimeFormatOptions = {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  };
  const locale = language === 'en' ? 'en-GB' : 'de-DE';
  try {
    return new Intl.DateTimeFormat(locale, { ...options, timeZone });
  } catch {
    return new Intl.DateTimeFormat(locale, { ...options, timeZone: fallbackTimeZone });
  }
}

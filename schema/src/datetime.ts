/** Dates and times as all three apps show them: on the office's clock (Intl with its time zone), 24-hour. */

/** The Intl locale for a UI language. */
export function localeOf(language: string): string {
  return language === 'en' ? 'en-GB' : 'de-DE';
}

/** "09:30": the clock time of an instant in the office's zone. */
export function formatTime(instant: Date | string, timeZone: string, language: string): string {
  return new Intl.DateTimeFormat(localeOf(language), {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(new Date(instant));
}

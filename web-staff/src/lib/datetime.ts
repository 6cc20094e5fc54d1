/** Times as staff read them: always on the office's clock (Intl with the office's time zone), 24-hour. */

export function localeOf(language: string): string {
  return language === 'en' ? 'en-GB' : 'de-DE';
}

/** "09:30". */
export function formatTime(instant: string | Date, timeZone: string, language: string): string {
  return new Intl.DateTimeFormat(localeOf(language), {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(new Date(instant));
}

/** "Fr., 27.11., 08:00" / "Fri 27/11, 08:00": a day and time, for next free appointments. */
export function formatDayTime(instant: string | Date, timeZone: string, language: string): string {
  return new Intl.DateTimeFormat(localeOf(language), {
    weekday: 'short',
    day: '2-digit',
    month: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(new Date(instant));
}

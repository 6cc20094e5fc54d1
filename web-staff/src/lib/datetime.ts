import { localeOf } from '@bc/schema';

export { formatTime, localeOf } from '@bc/schema';

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

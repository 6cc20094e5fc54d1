import { type DestinationStream, type Logger, pino } from 'pino';

export type { Logger };

/** Structured JSON logs on stdout, one object per line. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = { level, base: { service: 'bc-api' }, timestamp: pino.stdTimeFunctions.isoTime };
  return destination ? pino(options, destination) : pino(options);
}

type Level = 'warn' | 'error';

/**
 * Logs a condition that repeats while it lasts (the database is down: every reconnect attempt, every request fails)
 * once, then one summary line per interval with how often it occurred, instead of a line per occurrence. Keyed by
 * the message; a condition quiet for a whole interval is logged in full again when it comes back.
 */
export class LogThrottle {
  private readonly windows = new Map<string, { count: number; timer: NodeJS.Timeout }>();

  constructor(
    private readonly log: Logger,
    private readonly intervalMs = 60_000,
  ) {}

  warn(details: object, message: string): void {
    this.write('warn', details, message);
  }

  error(details: object, message: string): void {
    this.write('error', details, message);
  }

  private write(level: Level, details: object, message: string): void {
    const open = this.windows.get(message);
    if (open) {
      open.count += 1;
      return;
    }
    this.log[level](details, message);
    this.openWindow(level, message);
  }

  private openWindow(level: Level, message: string): void {
    const window = {
      count: 0,
      timer: setTimeout(() => {
        this.windows.delete(message);
        if (window.count === 0) return;
        this.log[level]({ repeated: window.count, withinSeconds: this.intervalMs / 1000 }, `${message} (repeated)`);
        this.openWindow(level, message);
      }, this.intervalMs).unref(),
    };
    this.windows.set(message, window);
  }

  /** Drops pending summaries (at stop). */
  clear(): void {
    for (const { timer } of this.windows.values()) clearTimeout(timer);
    this.windows.clear();
  }
}

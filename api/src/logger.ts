import { type DestinationStream, type Logger, pino } from 'pino';

export type { Logger };

/** Structured JSON logs on stdout, one object per line. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = { level, base: { service: 'bc-api' }, timestamp: pino.stdTimeFunctions.isoTime };
  return destination ? pino(options, destination) : pino(options);
}

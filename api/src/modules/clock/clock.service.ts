import { EventEmitter, on } from 'node:events';

/**
 * A clock that shows `start` at the real instant `anchor` (epoch ms) and runs on in real time from there. With the
 * process's start as the anchor (`performance.timeOrigin`), whoever starts the process knows the api's time exactly.
 */
export function runningFrom(start: Date, anchor: number): () => Date {
  const offset = start.getTime() - anchor;
  return () => new Date(Date.now() + offset);
}

/** The process clock: one source of "now" (tests move it) and a shared 15-second tick for screens. */
export class ClockService {
  private readonly emitter = new EventEmitter().setMaxListeners(0);
  private timer: NodeJS.Timeout | undefined;

  constructor(
    readonly now: () => Date = () => new Date(),
    private readonly tickMs = 15_000,
  ) {}

  start(): void {
    this.timer ??= setInterval(() => this.emitter.emit('tick', this.now()), this.tickMs).unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** The current time at once, then every tick; ends as soon as the subscriber leaves. */
  ticks(): AsyncIterableIterator<Date> {
    const source = on(this.emitter, 'tick') as AsyncIterableIterator<[Date]>;
    let first = true;
    const iterator: AsyncIterableIterator<Date> = {
      next: async () => {
        if (first) {
          first = false;
          return { value: this.now(), done: false };
        }
        const r = await source.next();
        return r.done ? { value: undefined, done: true } : { value: r.value[0], done: false };
      },
      return: async () => {
        await source.return?.();
        return { value: undefined, done: true };
      },
      [Symbol.asyncIterator]: () => iterator,
    };
    return iterator;
  }
}

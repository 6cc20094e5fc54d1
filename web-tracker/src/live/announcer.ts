/**
 * Which calls of the call board are announced: each call key once, in order, never the calls that were already on
 * the board when the display started (or that it saw before a reconnect).
 */
export class CallAnnouncer<C extends { key: string; active: boolean }> {
  private seen = new Set<string>();
  private started = false;

  /**
   * The calls (newest first) from a new picture of the board; returns those to announce, oldest first: calls not
   * seen before that still wait for their visitor. The first picture only marks what is there as seen.
   */
  next(calls: readonly C[]): C[] {
    const fresh = calls.filter((c) => !this.seen.has(c.key));
    // A key that left the board never comes back (a new call gets a new key): remembering the board is enough.
    this.seen = new Set(calls.map((c) => c.key));
    if (!this.started) {
      this.started = true;
      return [];
    }
    return fresh.filter((c) => c.active).reverse();
  }
}

/** Runs tasks one after another (a gong and a sentence must not talk over the next call). */
export class SerialQueue {
  private tail: Promise<void> = Promise.resolve();

  push(task: () => Promise<void>): void {
    this.tail = this.tail.then(task).catch(() => undefined);
  }
}

/**
 * Promises kept per key for a short time in this process, for what is read far more often than it changes (an
 * office's plan, a service's texts). A failed load is not kept; past `maxKeys` keys all are dropped.
 */
export class KeptPromises<V> {
  private readonly kept = new Map<string, { at: number; value: Promise<V> }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxKeys: number,
  ) {}

  /** The kept promise for `key` while younger than the TTL, else a new one from `load`. */
  get(key: string, load: () => Promise<V>): Promise<V> {
    const hit = this.kept.get(key);
    if (hit && performance.now() - hit.at < this.ttlMs) return hit.value;
    if (this.kept.size >= this.maxKeys) this.kept.clear();
    const value = load();
    this.kept.set(key, { at: performance.now(), value });
    value.catch(() => {
      if (this.kept.get(key)?.value === value) this.kept.delete(key);
    });
    return value;
  }

  /** Forgets everything kept (after a change made in this process). */
  clear(): void {
    this.kept.clear();
  }
}

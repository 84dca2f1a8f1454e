/**
 * Answers remembered for a fixed time after they arrive, with the questions in flight shared: callers asking the
 * same key while a load runs get the same promise, so a burst of messages costs one call. A failed load is not
 * remembered. clear() also disowns the loads in flight, so that an answer read before a change is never kept.
 * At most maxEntries keys are kept; the least recently loaded go first.
 */
interface Entry<V> {
  readonly promise: Promise<V>;
  /** Infinity while the load runs. */
  expiresAt: number;
}

export class ExpiringCache<K, V> {
  private entries = new Map<K, Entry<V>>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: K, load: () => Promise<V>): Promise<V> {
    const current = this.entries.get(key);
    if (current && current.expiresAt > this.now()) return current.promise;
    const entry: Entry<V> = { promise: load(), expiresAt: Number.POSITIVE_INFINITY };
    this.entries.delete(key);
    this.entries.set(key, entry);
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
    entry.promise.then(
      () => {
        entry.expiresAt = this.now() + this.ttlMs;
      },
      () => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
      },
    );
    return entry.promise;
  }

  clear(): void {
    this.entries = new Map();
  }

  get size(): number {
    return this.entries.size;
  }
}

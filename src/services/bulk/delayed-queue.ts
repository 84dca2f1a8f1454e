/**
 * A FIFO queue whose items may carry a "not before" time: items waiting for their Retry-After stay in
 * the queue but are not handed out until then; ready items keep their order.
 */
export class DelayedQueue<T> {
  private items: { readonly item: T; readonly notBefore: number }[] = [];

  constructor(private readonly now: () => number = Date.now) {}

  get size(): number {
    return this.items.length;
  }

  push(item: T, delayMs = 0): void {
    this.items.push({ item, notBefore: delayMs > 0 ? this.now() + delayMs : 0 });
  }

  readyCount(): number {
    const now = this.now();
    return this.items.reduce((count, entry) => count + (entry.notBefore <= now ? 1 : 0), 0);
  }

  /** Up to max ready items, oldest first. */
  takeReady(max: number): T[] {
    const now = this.now();
    const taken: T[] = [];
    this.items = this.items.filter((entry) => {
      if (taken.length < max && entry.notBefore <= now) {
        taken.push(entry.item);
        return false;
      }
      return true;
    });
    return taken;
  }

  /** Everything, ready or not (cancellation). */
  takeAll(): T[] {
    const all = this.items.map((entry) => entry.item);
    this.items = [];
    return all;
  }

  /** Milliseconds until the next waiting item is ready; undefined when none waits. */
  nextReadyInMs(): number | undefined {
    const now = this.now();
    const waiting = this.items.filter((entry) => entry.notBefore > now).map((entry) => entry.notBefore - now);
    return waiting.length > 0 ? Math.min(...waiting) : undefined;
  }
}

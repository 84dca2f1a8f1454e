/**
 * Serialises work on one key of one storage within this process. Used where a storage gives no atomic
 * "create if absent": it closes the race between callers in this process (not between processes).
 */
const tails = new WeakMap<object, Map<string, Promise<unknown>>>();

export async function withKeyLock<T>(owner: object, key: string, work: () => Promise<T>): Promise<T> {
  let byKey = tails.get(owner);
  if (!byKey) {
    byKey = new Map();
    tails.set(owner, byKey);
  }
  const previous = byKey.get(key) ?? Promise.resolve();
  const run = previous.then(work, work);
  const tail = run.catch(() => undefined);
  byKey.set(key, tail);
  try {
    return await run;
  } finally {
    if (byKey.get(key) === tail) byKey.delete(key);
  }
}

/** Resolves when any of the promises settles, or after ms, whichever comes first (never rejects). */
export function waitForAny(promises: Iterable<Promise<unknown>>, ms: number): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, Math.max(0, ms));
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    for (const promise of promises) promise.then(done, done);
  });
}

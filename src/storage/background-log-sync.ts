/**
 * Flushes SQLite's write-ahead log to disk shortly after each commit, on libuv's thread pool.
 *
 * Why: with synchronous=FULL every commit waits for an fsync of the log, synchronously, on the event loop — the
 * largest single cost of a chat turn under load (test/bench/BENCHMARKS.md). With synchronous=NORMAL SQLite syncs
 * only at checkpoints, which keeps the file consistent and loses nothing when the process crashes or is killed (the
 * commit is in the operating system's cache), but a power loss could drop the latest commits. Syncing the log here,
 * at most `intervalMs` after a commit and without blocking, bounds that window. fsync applies to the file, whichever
 * descriptor asks, and this VFS locks with directories, not with POSIX locks that closing a descriptor would drop.
 */
import { promises as fs } from 'node:fs';

export class BackgroundLogSync {
  private timer: NodeJS.Timeout | undefined;
  private dirty = false;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly logPath: string,
    private readonly intervalMs: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Something was committed: make sure a flush follows. */
  committed(): void {
    this.dirty = true;
    if (this.timer) return;
    this.timer = setTimeout(() => void this.flush(), this.intervalMs);
    this.timer.unref(); // never keeps the process alive: without a power loss the commit is safe anyway
  }

  /** Syncs the log now if anything was committed since the last sync; resolves when it is on disk. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.dirty) return this.flushing;
    this.dirty = false;
    this.flushing = this.flushing.then(() => this.syncLog()).catch((error: unknown) => this.onError(error));
    return this.flushing;
  }

  /** Stops the timer; closing the database checkpoints and syncs the log itself. */
  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private async syncLog(): Promise<void> {
    let handle: fs.FileHandle;
    try {
      handle = await fs.open(this.logPath, 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return; // checkpointed and removed at close
      throw error;
    }
    try {
      await handle.datasync();
    } finally {
      await handle.close();
    }
  }
}

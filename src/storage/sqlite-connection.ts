/**
 * One connection to the embedded SQLite file (node-sqlite3-wasm: SQLite compiled to WebAssembly, with a VFS over
 * Node's fs). Shared by SqliteStorage and SqliteAuditLog so that both live in one database file.
 *
 * How this build locks (read from its VFS): every lock is an exclusive `mkdir <file>.lock`, readers included; there
 * is no shared memory, so WAL is unavailable and the rollback journal is used. A busy timeout makes a second
 * connection (another process, or a worker) wait for the lock instead of failing at once. The wait is synchronous:
 * it blocks the event loop, which is acceptable for one process and short transactions. Several bot instances
 * should share state through the Azure Blob store instead.
 *
 * A process killed inside a transaction leaves `<file>.lock` behind and every later access would be "database is
 * locked" forever. A live process holds the lock only during one synchronous statement or transaction (milliseconds),
 * so the lock is treated as abandoned, removed once and the operation retried (SQLite then rolls back the hot
 * journal, if any) when either:
 * - its owner is dead: every connection registers its process id in `<file>.holders/` while open; a lock older than
 *   a second while a registered process no longer exists was left by that process (kill -9). Checked at open too,
 *   so a restart after a crash does not wait;
 * - it is older than `staleLockMs`, whoever left it (a process that registered nowhere).
 */
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Database, type BindValues, type QueryResult, type RunResult } from 'node-sqlite3-wasm';

export interface SqliteConnectionOptions {
  /** How long an operation waits for another connection's lock. Default 5000 ms. */
  readonly busyTimeoutMs?: number;
  /** Age after which a lock directory is considered left behind by a dead process. Default 30000 ms. */
  readonly staleLockMs?: number;
}

const DEFAULT_BUSY_TIMEOUT_MS = 5_000;
const DEFAULT_STALE_LOCK_MS = 30_000;
/** Far longer than any statement or transaction of a live process holds the lock. */
const DEAD_OWNER_LOCK_AGE_MS = 1_000;

export class SqliteConnection {
  private readonly db: Database;
  private readonly lockPath: string;
  private readonly staleLockMs: number;
  private readonly holders: HolderRegistry;

  private constructor(readonly filePath: string, options: SqliteConnectionOptions) {
    this.lockPath = `${filePath}.lock`;
    this.staleLockMs = options.staleLockMs ?? DEFAULT_STALE_LOCK_MS;
    this.holders = new HolderRegistry(`${filePath}.holders`);
    this.recoverAtOpen();
    try {
      this.db = new Database(filePath);
      this.db.exec(`PRAGMA busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS))}`);
    } catch (error) {
      this.holders.leave();
      throw error;
    }
  }

  /** Opens (creating the directory and the file when missing) the database at filePath. */
  static open(filePath: string, options: SqliteConnectionOptions = {}): SqliteConnection {
    const absolutePath = path.resolve(filePath);
    fs.mkdirSync(path.dirname(absolutePath), { recursive: true });
    return new SqliteConnection(absolutePath, options);
  }

  get isOpen(): boolean {
    return this.db.isOpen;
  }

  exec(sql: string): void {
    this.withLockRecovery(() => this.db.exec(sql));
  }

  run(sql: string, values?: BindValues): RunResult {
    return this.withLockRecovery(() => this.db.run(sql, values));
  }

  all(sql: string, values?: BindValues): QueryResult[] {
    return this.withLockRecovery(() => this.db.all(sql, values));
  }

  get(sql: string, values?: BindValues): QueryResult | null {
    return this.withLockRecovery(() => this.db.get(sql, values));
  }

  /**
   * Runs work inside one write transaction. BEGIN IMMEDIATE takes the file lock before the first read, so checks
   * made inside work (such as an eTag comparison) still hold when the transaction commits.
   */
  transaction<T>(work: () => T): T {
    return this.withLockRecovery(() => {
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const result = work();
        this.db.exec('COMMIT');
        return result;
      } catch (error) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw error;
      }
    });
  }

  close(): void {
    if (this.db.isOpen) this.db.close();
    this.holders.leave();
  }

  private withLockRecovery<T>(operation: () => T): T {
    this.assertOpen();
    try {
      return operation();
    } catch (error) {
      if (isLockedError(error) && this.removeStaleLock()) return operation();
      throw error;
    }
  }

  private removeStaleLock(): boolean {
    try {
      const ageMs = Date.now() - fs.statSync(this.lockPath).mtimeMs;
      const dead = this.holders.deadHolders();
      if (ageMs < this.staleLockMs && !(dead.length > 0 && ageMs >= DEAD_OWNER_LOCK_AGE_MS)) return false;
      fs.rmdirSync(this.lockPath);
      this.holders.forget(dead);
      return true;
    } catch {
      return false;
    }
  }

  /**
   * Registers this connection, and removes a lock a dead process left behind. Right after a crash the lock may be
   * younger than DEAD_OWNER_LOCK_AGE_MS: waiting out the rest here spares every first operation a busy timeout.
   */
  private recoverAtOpen(): void {
    const dead = this.holders.deadHolders();
    this.holders.join();
    if (dead.length === 0) return;
    let lock: fs.Stats;
    try {
      lock = fs.statSync(this.lockPath);
    } catch {
      this.holders.forget(dead); // they died holding no lock
      return;
    }
    const wait = DEAD_OWNER_LOCK_AGE_MS - (Date.now() - lock.mtimeMs);
    if (wait > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, wait);
    try {
      const now = fs.statSync(this.lockPath);
      if (now.ino !== lock.ino || now.mtimeMs !== lock.mtimeMs) return; // released and taken again by a live process
      fs.rmdirSync(this.lockPath);
      this.holders.forget(dead);
    } catch {
      // Gone already: someone else recovered it.
    }
  }

  private assertOpen(): void {
    if (!this.db.isOpen) throw new Error(`The database ${this.filePath} is closed.`);
  }
}

function isLockedError(error: unknown): boolean {
  return error instanceof Error && /database is locked/i.test(error.message);
}

/**
 * Which processes have the database open: one empty file per connection, `<pid>-<random>`, in a directory next to
 * the database, removed on close (and the directory with the last one). A crashed process leaves its file behind,
 * which is how a lock it left can be told apart from a live holder's.
 */
class HolderRegistry {
  private readonly entry = `${process.pid}-${randomUUID().slice(0, 8)}`;

  constructor(private readonly directory: string) {}

  join(): void {
    // A closing process may remove the directory between mkdir and the write: try again.
    for (let attempt = 0; ; attempt++) {
      try {
        fs.mkdirSync(this.directory, { recursive: true });
        fs.writeFileSync(path.join(this.directory, this.entry), '');
        return;
      } catch (error) {
        if (attempt >= 3 || (error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
  }

  leave(): void {
    this.forget([this.entry]);
  }

  /** Entries of processes that no longer exist. */
  deadHolders(): string[] {
    let entries: string[];
    try {
      entries = fs.readdirSync(this.directory);
    } catch {
      return [];
    }
    return entries.filter((entry) => !isAlive(Number.parseInt(entry, 10)));
  }

  forget(entries: readonly string[]): void {
    for (const entry of entries) fs.rmSync(path.join(this.directory, entry), { force: true });
    try {
      fs.rmdirSync(this.directory);
    } catch {
      // Not empty: other connections are open.
    }
  }
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by someone else
  }
}

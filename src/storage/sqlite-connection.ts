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
 * locked" forever. Transactions here last milliseconds, so a lock older than `staleLockMs` is treated as abandoned
 * and removed once, after which the operation is retried; SQLite then rolls back the hot journal if there is one.
 */
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

export class SqliteConnection {
  private readonly db: Database;
  private readonly lockPath: string;
  private readonly staleLockMs: number;

  private constructor(readonly filePath: string, options: SqliteConnectionOptions) {
    this.lockPath = `${filePath}.lock`;
    this.staleLockMs = options.staleLockMs ?? DEFAULT_STALE_LOCK_MS;
    this.db = new Database(filePath);
    this.db.exec(`PRAGMA busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS))}`);
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
      if (ageMs < this.staleLockMs) return false;
      fs.rmdirSync(this.lockPath);
      return true;
    } catch {
      return false;
    }
  }

  private assertOpen(): void {
    if (!this.db.isOpen) throw new Error(`The database ${this.filePath} is closed.`);
  }
}

function isLockedError(error: unknown): boolean {
  return error instanceof Error && /database is locked/i.test(error.message);
}

/**
 * One connection to the embedded SQLite file (node-sqlite3-wasm: SQLite compiled to WebAssembly, with a VFS over
 * Node's fs). Shared by SqliteStorage and SqliteAuditLog so that both live in one database file, and by every
 * open() of the same file in this process: statements run synchronously on one thread, so one connection serves
 * them all without interleaving, and two handles in one process never lock each other out.
 *
 * How this build locks (read from its VFS): every lock is an exclusive `mkdir <file>.lock`, readers included, and
 * there is no shared memory. Two ways to use the file follow from that (`access`):
 * - 'exclusive' (the default, what the bot uses): the process takes the lock when it opens the file and keeps it
 *   until close (locking_mode=EXCLUSIVE), which makes the write-ahead log available without shared memory
 *   (journal_mode=WAL). A commit is then one append to the log, instead of a lock directory made and removed for
 *   every statement and a journal created, synced and deleted for every transaction: measured 16× less CPU per
 *   write (test/bench/BENCHMARKS.md). The log is synced off the event loop within 100 ms of a commit
 *   (background-log-sync.ts, synchronous=NORMAL): a crash or kill of the process loses nothing committed, a power
 *   loss at most those 100 ms. Another process cannot use the file meanwhile; it is refused with FileInUseError,
 *   which names the process.
 * - 'shared': every statement takes the lock and releases it (rollback journal), so several processes may open the
 *   file (a test that watches a running bot's state, a report); each statement pays for it.
 * Several bot instances should share state through the Azure Blob store instead.
 *
 * Every connection registers its process in `<file>.holders/` while open. A process killed with the file open
 * leaves `<file>.lock` (and possibly its log) behind; the lock is treated as abandoned, removed and SQLite recovers
 * the log or rolls back the hot journal, when:
 * - exclusive: no other live process has the file open (checked at open, the only time an exclusive connection
 *   takes the lock);
 * - shared: its owner is dead (a lock older than a second while a registered process no longer exists; a live
 *   shared holder keeps the lock only during one statement), or it is older than `staleLockMs`, and in both cases
 *   only if no live process holds the file exclusively.
 */
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Database, type BindValues, type QueryResult, type RunResult } from 'node-sqlite3-wasm';
import { BackgroundLogSync } from './background-log-sync';

export type SqliteFileAccess = 'exclusive' | 'shared';

export interface SqliteConnectionOptions {
  /** 'exclusive' (default): this process alone, write-ahead log. 'shared': several processes, lock per statement. */
  readonly access?: SqliteFileAccess;
  /** How long to wait for another connection's lock (shared), or for another process to close the file (exclusive). Default 5000 ms. */
  readonly busyTimeoutMs?: number;
  /** Shared access: age after which a lock directory is considered left behind by a dead process. Default 30000 ms. */
  readonly staleLockMs?: number;
}

/** The file is held by another process; the message says which one and what to do. */
export class FileInUseError extends Error {
  constructor(filePath: string, pids: readonly number[], access: SqliteFileAccess) {
    super(
      `The state file ${filePath} is in use by process ${pids.join(', ') || '(unknown)'}, so this process cannot open it ` +
        `for ${access} access. Run one bot process per state file (several instances share state through Azure Blob ` +
        `storage), or stop the other process. If no such process is License Desk, remove ${filePath}.lock.`,
    );
    this.name = 'FileInUseError';
  }
}

const DEFAULT_BUSY_TIMEOUT_MS = 5_000;
const DEFAULT_STALE_LOCK_MS = 30_000;
/** Far longer than any statement or transaction of a live shared holder keeps the lock. */
const DEAD_OWNER_LOCK_AGE_MS = 1_000;
const WAIT_STEP_MS = 50;
/** Exclusive access: the longest a commit stays only in the operating system's cache (lost on a power loss). */
const LOG_SYNC_INTERVAL_MS = 100;

/** The files this process has open, so that a second open() of a file shares its connection. */
const openFiles = new Map<string, OpenFile>();

export class SqliteConnection {
  private closed = false;

  private constructor(private readonly file: OpenFile) {}

  /** Opens (creating the directory and the file when missing) the database at filePath. */
  static open(filePath: string, options: SqliteConnectionOptions = {}): SqliteConnection {
    const absolutePath = path.resolve(filePath);
    const access = options.access ?? 'exclusive';
    let file = openFiles.get(absolutePath);
    if (file && file.access !== access) {
      throw new Error(`${absolutePath} is already open in this process for ${file.access} access, not ${access}.`);
    }
    if (!file) {
      fs.mkdirSync(path.dirname(absolutePath), { recursive: true });
      file = OpenFile.open(absolutePath, access, options);
      openFiles.set(absolutePath, file);
    }
    file.handles += 1;
    return new SqliteConnection(file);
  }

  get filePath(): string {
    return this.file.filePath;
  }

  get isOpen(): boolean {
    return !this.closed && this.file.db.isOpen;
  }

  exec(sql: string): void {
    this.withLockRecovery(() => this.file.db.exec(sql));
    this.file.committed();
  }

  run(sql: string, values?: BindValues): RunResult {
    const result = this.withLockRecovery(() => this.file.db.run(sql, values));
    if (!this.file.db.inTransaction) this.file.committed();
    return result;
  }

  all(sql: string, values?: BindValues): QueryResult[] {
    return this.withLockRecovery(() => this.file.db.all(sql, values));
  }

  get(sql: string, values?: BindValues): QueryResult | null {
    return this.withLockRecovery(() => this.file.db.get(sql, values));
  }

  /**
   * Runs work inside one write transaction. BEGIN IMMEDIATE takes the file lock before the first read, so checks
   * made inside work (such as an eTag comparison) still hold when the transaction commits. work is synchronous, so
   * no other handle of this process can run a statement in the middle.
   */
  transaction<T>(work: () => T): T {
    const db = this.file.db;
    return this.withLockRecovery(() => {
      db.exec('BEGIN IMMEDIATE');
      try {
        const result = work();
        db.exec('COMMIT');
        this.file.committed();
        return result;
      } catch (error) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw error;
      }
    });
  }

  /** Resolves once every commit so far is on disk (exclusive access syncs the log in the background). */
  flushLog(): Promise<void> {
    return this.file.logSync?.flush() ?? Promise.resolve();
  }

  /** Closes this handle; the file is closed (and its lock released) with the last handle of the process. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.file.handles -= 1;
    if (this.file.handles > 0) return;
    openFiles.delete(this.file.filePath);
    this.file.close();
  }

  private withLockRecovery<T>(operation: () => T): T {
    if (!this.isOpen) throw new Error(`The database ${this.filePath} is closed.`);
    try {
      return operation();
    } catch (error) {
      if (isLockedError(error) && this.file.removeAbandonedLock()) return operation();
      throw error;
    }
  }
}

/** The connection to one file, and what this process knows about the file's other users. */
class OpenFile {
  handles = 0;

  private constructor(
    readonly filePath: string,
    readonly access: SqliteFileAccess,
    readonly db: Database,
    private readonly holders: HolderRegistry,
    private readonly staleLockMs: number,
    /** Exclusive access only: SQLite itself syncs at every commit in shared access (synchronous=FULL). */
    readonly logSync: BackgroundLogSync | undefined,
  ) {}

  committed(): void {
    this.logSync?.committed();
  }

  static open(filePath: string, access: SqliteFileAccess, options: SqliteConnectionOptions): OpenFile {
    const busyTimeoutMs = Math.max(0, Math.floor(options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS));
    const holders = new HolderRegistry(`${filePath}.holders`, access);
    const lockPath = `${filePath}.lock`;
    if (access === 'exclusive') {
      waitUntilNoOtherHolder(holders, filePath, busyTimeoutMs);
      holders.join();
      removeLockIfUnchanged(lockPath, statOrUndefined(lockPath), holders); // nobody else is registered: abandoned
    } else {
      const exclusive = holders.liveHolders().filter((holder) => holder.access === 'exclusive');
      if (exclusive.length > 0) throw new FileInUseError(filePath, exclusive.map((holder) => holder.pid), access);
      recoverSharedAtOpen(lockPath, holders);
    }
    let db: Database | undefined;
    try {
      db = new Database(filePath);
      db.exec(`PRAGMA busy_timeout = ${busyTimeoutMs}`);
      if (access === 'exclusive') enterExclusiveLog(db, filePath, holders);
      else if (isInWriteAheadLogMode(filePath)) leaveExclusiveLog(db);
      const logSync = access === 'exclusive' ? new BackgroundLogSync(`${filePath}-wal`, LOG_SYNC_INTERVAL_MS, reportSyncFailure) : undefined;
      return new OpenFile(filePath, access, db, holders, options.staleLockMs ?? DEFAULT_STALE_LOCK_MS, logSync);
    } catch (error) {
      if (db?.isOpen) db.close();
      holders.leave();
      throw error;
    }
  }

  close(): void {
    this.logSync?.stop();
    if (this.db.isOpen) this.db.close(); // checkpoints the log into the file and syncs it
    this.holders.leave();
  }

  /** Shared access only: an exclusive connection never meets a lock it does not hold once open. */
  removeAbandonedLock(): boolean {
    if (this.access === 'exclusive') return false;
    const lockPath = `${this.filePath}.lock`;
    try {
      if (this.holders.liveHolders().some((holder) => holder.access === 'exclusive')) return false;
      const lock = fs.statSync(lockPath);
      const ageMs = Date.now() - lock.mtimeMs;
      const dead = this.holders.deadHolders();
      if (ageMs < this.staleLockMs && !(dead.length > 0 && ageMs >= DEAD_OWNER_LOCK_AGE_MS)) return false;
      fs.rmdirSync(lockPath);
      this.holders.forget(dead);
      return true;
    } catch {
      return false;
    }
  }
}

/** Takes the lock for good and switches to the write-ahead log; a racing process that got the lock first wins. */
function enterExclusiveLog(db: Database, filePath: string, holders: HolderRegistry): void {
  db.exec('PRAGMA locking_mode = EXCLUSIVE');
  let mode: unknown;
  try {
    mode = db.get('PRAGMA journal_mode = WAL')?.['journal_mode'];
  } catch (error) {
    if (!isLockedError(error)) throw error;
    throw new FileInUseError(filePath, holders.liveHolders().map((holder) => holder.pid), 'exclusive');
  }
  if (mode !== 'wal') throw new Error(`SQLite refused the write-ahead log for ${filePath} (journal mode ${String(mode)}).`);
  db.exec('PRAGMA synchronous = NORMAL');
}

/** A failed sync means the disk is failing: say so loudly, the process goes on (its commits are in the cache). */
function reportSyncFailure(error: unknown): void {
  process.emitWarning(`Syncing the SQLite log to disk failed: ${error instanceof Error ? error.message : String(error)}`, 'StateStorageWarning');
}

/**
 * A file last used exclusively may still be in write-ahead-log mode, which this VFS can only open exclusively:
 * checkpoint it back to a rollback journal, then release the lock (the next read in normal mode does).
 */
function leaveExclusiveLog(db: Database): void {
  db.exec('PRAGMA locking_mode = EXCLUSIVE');
  db.get('PRAGMA journal_mode = DELETE');
  db.exec('PRAGMA locking_mode = NORMAL');
  db.get('SELECT count(*) AS n FROM sqlite_master');
}

/** The database header's read/write format versions (bytes 18 and 19) are 2 in write-ahead-log mode. */
function isInWriteAheadLogMode(filePath: string): boolean {
  const header = Buffer.alloc(20);
  let fd: number | undefined;
  try {
    fd = fs.openSync(filePath, 'r');
    return fs.readSync(fd, header, 0, header.length, 0) === header.length && header[18] === 2;
  } catch {
    return false;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** A rolling restart: the previous process may still be closing the file. Start-up only, so waiting blocks. */
function waitUntilNoOtherHolder(holders: HolderRegistry, filePath: string, timeoutMs: number): void {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const live = holders.liveHolders();
    if (live.length === 0) return;
    if (Date.now() >= deadline) throw new FileInUseError(filePath, live.map((holder) => holder.pid), 'exclusive');
    sleep(WAIT_STEP_MS);
  }
}

/**
 * Shared access: registers this connection, and removes a lock a dead process left behind. Right after a crash the
 * lock may be younger than DEAD_OWNER_LOCK_AGE_MS: waiting out the rest here spares every first statement a busy
 * timeout.
 */
function recoverSharedAtOpen(lockPath: string, holders: HolderRegistry): void {
  const dead = holders.deadHolders();
  holders.join();
  if (dead.length === 0) return;
  const lock = statOrUndefined(lockPath);
  if (!lock) {
    holders.forget(dead); // they died holding no lock
    return;
  }
  const wait = DEAD_OWNER_LOCK_AGE_MS - (Date.now() - lock.mtimeMs);
  if (wait > 0) sleep(wait);
  removeLockIfUnchanged(lockPath, lock, holders);
}

/** Removes the lock seen earlier, unless it was released and taken again meanwhile (by a live process). */
function removeLockIfUnchanged(lockPath: string, seen: fs.Stats | undefined, holders: HolderRegistry): void {
  if (!seen) return;
  try {
    const now = fs.statSync(lockPath);
    if (now.ino !== seen.ino || now.mtimeMs !== seen.mtimeMs) return;
    fs.rmdirSync(lockPath);
    holders.forget(holders.deadHolders());
  } catch {
    // Gone already: someone else recovered it.
  }
}

function statOrUndefined(filePath: string): fs.Stats | undefined {
  try {
    return fs.statSync(filePath);
  } catch {
    return undefined;
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function isLockedError(error: unknown): boolean {
  return error instanceof Error && /database is locked/i.test(error.message);
}

interface Holder {
  readonly entry: string;
  readonly pid: number;
  readonly access: SqliteFileAccess;
}

/**
 * Which processes have the database open: one empty file per connection, `<pid>-<random>-<access>`, in a directory
 * next to the database, removed on close (and the directory with the last one). A crashed process leaves its file
 * behind, which is how a lock it left can be told apart from a live holder's.
 */
class HolderRegistry {
  private readonly entry: string;

  constructor(
    private readonly directory: string,
    access: SqliteFileAccess,
  ) {
    this.entry = `${process.pid}-${randomUUID().slice(0, 8)}-${access}`;
  }

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

  /** Other connections (this process's other threads included) whose process is alive. */
  liveHolders(): Holder[] {
    return this.entries().filter((holder) => holder.entry !== this.entry && isAlive(holder.pid));
  }

  /** Entries of processes that no longer exist. */
  deadHolders(): string[] {
    return this.entries()
      .filter((holder) => !isAlive(holder.pid))
      .map((holder) => holder.entry);
  }

  forget(entries: readonly string[]): void {
    for (const entry of entries) fs.rmSync(path.join(this.directory, entry), { force: true });
    try {
      fs.rmdirSync(this.directory);
    } catch {
      // Not empty: other connections are open.
    }
  }

  private entries(): Holder[] {
    let names: string[];
    try {
      names = fs.readdirSync(this.directory);
    } catch {
      return [];
    }
    return names.map((entry) => ({
      entry,
      pid: Number.parseInt(entry, 10),
      // Entries without a suffix were written by versions that locked per statement.
      access: entry.endsWith('-exclusive') ? 'exclusive' : 'shared',
    }));
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

/**
 * kill -9 with the SQLite file open leaves the lock directory behind (and, with exclusive access, the write-ahead
 * log). The embedded store must not wait for the lock to grow stale when the process that left it is known to be
 * dead: a restarted bot carries on at once, with what was committed and without what was not. A live process's
 * hold is still honoured, and an opener that cannot have the file says which process has it.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FileInUseError, SqliteConnection, type SqliteFileAccess } from '../../src/storage/sqlite-connection';
import { SqliteStorage } from '../../src/storage/sqlite-storage';

const CONNECTION_MODULE = path.resolve(__dirname, '../../src/storage/sqlite-connection.js');
const NEVER_STALE_MS = 10 * 60_000;
const ACCESSES: readonly SqliteFileAccess[] = ['exclusive', 'shared'];

describe('SQLite file left by a killed process (reliability)', function () {
  this.timeout(30_000);
  let dir: string;
  let file: string;
  let holder: ChildProcess | undefined;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'license-desk-lock-'));
    file = path.join(dir, 'license-desk.sqlite');
  });
  afterEach(() => {
    holder?.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Another process that opens the file, commits one row, then starts a write transaction and keeps it open. */
  async function processInTheMiddleOfAWrite(access: SqliteFileAccess, closeAfterMs?: number): Promise<ChildProcess> {
    const script = `
      const { SqliteConnection } = require(${JSON.stringify(CONNECTION_MODULE)});
      const connection = SqliteConnection.open(${JSON.stringify(file)}, { access: ${JSON.stringify(access)} });
      connection.exec('CREATE TABLE IF NOT EXISTS t (n INTEGER)');
      connection.exec('INSERT INTO t VALUES (1)');
      connection.exec('BEGIN IMMEDIATE');
      connection.exec('INSERT INTO t VALUES (2)');
      process.stdout.write('holding\\n');
      ${closeAfterMs === undefined ? 'setInterval(() => undefined, 1000);' : `setTimeout(() => { connection.exec('ROLLBACK'); connection.close(); }, ${closeAfterMs});`}`;
    const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      child.stdout?.on('data', (chunk: Buffer) => (chunk.toString().includes('holding') ? resolve() : undefined));
      child.once('exit', (code) => reject(new Error(`holder exited with ${code}`)));
    });
    return child;
  }

  async function kill(child: ChildProcess): Promise<void> {
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }

  for (const held of ACCESSES) {
    for (const restartedWith of ACCESSES) {
      it(`${held} holder: honoured while alive; killed, a ${restartedWith} restart carries on at once with what was committed`, async () => {
        holder = await processInTheMiddleOfAWrite(held);
        assert.ok(fs.existsSync(`${file}.lock`));

        if (held === 'shared' && restartedWith === 'shared') {
          const waiting = SqliteConnection.open(file, { access: 'shared', busyTimeoutMs: 100, staleLockMs: NEVER_STALE_MS });
          assert.throws(() => waiting.exec('INSERT INTO t VALUES (3)'), /database is locked/, 'a live holder keeps its lock');
          waiting.close();
        } else {
          assert.throws(
            () => SqliteConnection.open(file, { access: restartedWith, busyTimeoutMs: 100 }),
            (error: unknown) => error instanceof FileInUseError && error.message.includes(`process ${holder!.pid}`),
            'the opener is told which process has the file',
          );
        }

        await kill(holder);
        assert.ok(fs.existsSync(`${file}.lock`), 'kill -9 left the lock behind');

        // A restart: a new connection, with a stale-lock age that could never have passed.
        const restarted = SqliteStorage.open(file, { access: restartedWith, busyTimeoutMs: 100, staleLockMs: NEVER_STALE_MS });
        try {
          await restarted.write({ k: { n: 2 } });
          assert.equal(((await restarted.read(['k']))['k'] as { n: number }).n, 2);
          assert.deepEqual(restarted.connection.all('SELECT n FROM t'), [{ n: 1 }], "committed rows kept, the dead process's open transaction rolled back");
        } finally {
          await restarted.close();
        }
        assert.deepEqual(fs.readdirSync(dir).sort(), ['license-desk.sqlite'], 'no lock, log, journal or registration left after a clean close');
      });
    }
  }

  it('exclusive: waits for a process that is closing the file (a rolling restart) instead of failing', async () => {
    holder = await processInTheMiddleOfAWrite('exclusive', 300);
    const next = SqliteStorage.open(file, { busyTimeoutMs: 10_000 });
    try {
      assert.deepEqual(next.connection.all('SELECT n FROM t'), [{ n: 1 }]);
    } finally {
      await next.close();
    }
  });
});

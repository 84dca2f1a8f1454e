/**
 * kill -9 inside a SQLite transaction leaves the lock directory behind. The embedded store must not wait for it to
 * grow stale (30 s by default) when the process that left it is known to be dead: a restarted bot carries on at
 * once. A lock held by a live process is still honoured.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SqliteConnection } from '../../src/storage/sqlite-connection';
import { SqliteStorage } from '../../src/storage/sqlite-storage';

const CONNECTION_MODULE = path.resolve(__dirname, '../../src/storage/sqlite-connection.js');
const NEVER_STALE_MS = 10 * 60_000;

describe('SQLite lock left by a killed process (reliability)', function () {
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

  /** Another process that opens the file, starts a write transaction and keeps it open. */
  async function processHoldingTheLock(): Promise<ChildProcess> {
    const script = `
      const { SqliteConnection } = require(${JSON.stringify(CONNECTION_MODULE)});
      const connection = SqliteConnection.open(${JSON.stringify(file)});
      connection.exec('CREATE TABLE IF NOT EXISTS t (n INTEGER)');
      connection.exec('BEGIN IMMEDIATE');
      connection.exec('INSERT INTO t VALUES (1)');
      process.stdout.write('holding\\n');
      setInterval(() => undefined, 1000);`;
    const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      child.stdout?.on('data', (chunk: Buffer) => (chunk.toString().includes('holding') ? resolve() : undefined));
      child.once('exit', (code) => reject(new Error(`holder exited with ${code}`)));
    });
    return child;
  }

  it('honours the lock of a live process, and removes it at once when that process was killed', async () => {
    holder = await processHoldingTheLock();
    assert.ok(fs.existsSync(`${file}.lock`));

    const waiting = SqliteConnection.open(file, { busyTimeoutMs: 100, staleLockMs: NEVER_STALE_MS });
    assert.throws(() => waiting.exec('INSERT INTO t VALUES (2)'), /database is locked/, 'a live holder keeps its lock');
    waiting.close();

    await new Promise<void>((resolve) => {
      holder!.once('exit', () => resolve());
      holder!.kill('SIGKILL');
    });
    assert.ok(fs.existsSync(`${file}.lock`), 'kill -9 left the lock behind');

    // A restart: a new connection, with a stale-lock age that could never have passed.
    const restarted = SqliteStorage.open(file, { busyTimeoutMs: 100, staleLockMs: NEVER_STALE_MS });
    try {
      await restarted.write({ k: { n: 2 } });
      assert.equal(((await restarted.read(['k']))['k'] as { n: number }).n, 2);
      assert.deepEqual(restarted.connection.all('SELECT count(*) AS n FROM t'), [{ n: 0 }], "the dead process's transaction was rolled back");
    } finally {
      await restarted.close();
    }
    assert.deepEqual(fs.readdirSync(dir).sort(), ['license-desk.sqlite'], 'no lock, journal or registration left after a clean close');
  });
});

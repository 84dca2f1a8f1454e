import assert from 'node:assert/strict';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { SqliteStorage } from '../../src/storage/sqlite-storage';
import type { RaceAnswer, RaceCommand } from './support/storage-race-worker';
import { useTempDir } from './support/temp-dir';

/** A connection on its own thread (own WebAssembly instance, own file handle): as close to a second process as a test gets. */
class RaceWriter {
  private readonly answers: RaceAnswer[] = [];
  private waiting: ((answer: RaceAnswer) => void) | undefined;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (answer: RaceAnswer) => {
      const resolve = this.waiting;
      this.waiting = undefined;
      if (resolve) resolve(answer);
      else this.answers.push(answer);
    });
  }

  static async start(file: string, name: string): Promise<RaceWriter> {
    const writer = new RaceWriter(
      new Worker(path.join(__dirname, 'support', 'storage-race-worker.js'), { workerData: { file, name } }),
    );
    assert.equal((await writer.next()).kind, 'ready');
    return writer;
  }

  send(command: RaceCommand): Promise<RaceAnswer> {
    this.worker.postMessage(command);
    return this.next();
  }

  async stop(): Promise<void> {
    this.worker.postMessage({ kind: 'close' } satisfies RaceCommand);
    await new Promise((resolve) => this.worker.once('exit', resolve));
  }

  private next(): Promise<RaceAnswer> {
    const queued = this.answers.shift();
    if (queued) return Promise.resolve(queued);
    return new Promise((resolve) => (this.waiting = resolve));
  }
}

describe('SqliteStorage with several connections on one file (shared access)', function () {
  this.timeout(60_000);
  const dir = useTempDir();
  let storage: SqliteStorage;
  let writers: RaceWriter[];

  beforeEach(async () => {
    const file = path.join(dir.path, 'shared.sqlite');
    storage = SqliteStorage.open(file, { access: 'shared', busyTimeoutMs: 10_000 });
    writers = await Promise.all([RaceWriter.start(file, 'first'), RaceWriter.start(file, 'second')]);
  });
  afterEach(async () => {
    await Promise.all(writers.map((writer) => writer.stop()));
    await storage.close();
  });

  it('lets exactly one of two writers with the same eTag succeed, 50 rounds in a row', async () => {
    await storage.write({ contested: { round: 0 } });
    for (let round = 1; round <= 50; round += 1) {
      const eTag = (await storage.read(['contested']))['contested'].eTag as string;
      const answers = await Promise.all(writers.map((writer) => writer.send({ kind: 'write', key: 'contested', eTag, round })));
      const kinds = answers.map((answer) => answer.kind).sort();
      assert.deepEqual(kinds, ['conflict', 'written'], `round ${round}: ${JSON.stringify(answers)}`);
      const stored = (await storage.read(['contested']))['contested'];
      assert.equal(stored.round, round);
      assert.equal(stored.writer, answers[0]?.kind === 'written' ? 'first' : 'second');
    }
  });

  it('loses no increment when two connections read-modify-write the same item', async () => {
    const times = 40;
    const answers = await Promise.all(writers.map((writer) => writer.send({ kind: 'increment', key: 'counter', times })));
    assert.deepEqual(answers, [{ kind: 'incremented' }, { kind: 'incremented' }]);
    assert.equal((await storage.read(['counter']))['counter'].count, 2 * times);
  });
});

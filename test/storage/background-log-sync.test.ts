import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BackgroundLogSync } from '../../src/storage/background-log-sync';
import { SqliteStorage } from '../../src/storage/sqlite-storage';
import { useTempDir } from './support/temp-dir';

describe('BackgroundLogSync', () => {
  const dir = useTempDir();

  /** Counts syncs by watching the descriptor opens that a sync makes (fs.promises.open on the log). */
  function countingOpens(): { count: () => number; restore: () => void } {
    const original = fs.promises.open;
    let opened = 0;
    fs.promises.open = (async (...args: Parameters<typeof original>) => {
      opened += 1;
      return original(...args);
    }) as typeof original;
    return { count: () => opened, restore: () => void (fs.promises.open = original) };
  }

  const cases: readonly { name: string; commits: number; expectedSyncs: number }[] = [
    { name: 'nothing committed: no sync', commits: 0, expectedSyncs: 0 },
    { name: 'one commit: one sync', commits: 1, expectedSyncs: 1 },
    { name: 'a burst of commits: one sync for all of them', commits: 25, expectedSyncs: 1 },
  ];
  for (const testCase of cases) {
    it(testCase.name, async () => {
      const log = path.join(dir.path, 'state.sqlite-wal');
      fs.writeFileSync(log, 'frames');
      const opens = countingOpens();
      try {
        const errors: unknown[] = [];
        const sync = new BackgroundLogSync(log, 60_000, (error) => errors.push(error));
        for (let i = 0; i < testCase.commits; i += 1) sync.committed();
        await sync.flush();
        await sync.flush(); // nothing new since: no second sync
        assert.equal(opens.count(), testCase.expectedSyncs);
        assert.deepEqual(errors, []);
      } finally {
        opens.restore();
      }
    });
  }

  it('syncs on its own shortly after a commit', async () => {
    const log = path.join(dir.path, 'state.sqlite-wal');
    fs.writeFileSync(log, 'frames');
    const opens = countingOpens();
    try {
      const sync = new BackgroundLogSync(log, 10, () => undefined);
      sync.committed();
      for (let waited = 0; opens.count() === 0 && waited < 200; waited += 1) await new Promise((resolve) => setTimeout(resolve, 10));
      assert.equal(opens.count(), 1);
    } finally {
      opens.restore();
    }
  });

  it('takes a log already checkpointed and removed in its stride, and reports any other failure', async () => {
    const errors: unknown[] = [];
    const gone = new BackgroundLogSync(path.join(dir.path, 'missing-wal'), 60_000, (error) => errors.push(error));
    gone.committed();
    await gone.flush();
    assert.equal(errors.length, 0);

    fs.writeFileSync(path.join(dir.path, 'a-file'), '');
    const broken = new BackgroundLogSync(path.join(dir.path, 'a-file', 'wal'), 60_000, (error) => errors.push(error));
    broken.committed();
    await broken.flush();
    assert.equal(errors.length, 1);
    assert.match(String(errors[0]), /ENOTDIR/);
  });

  it("is what SqliteStorage's exclusive access uses: flushLog resolves once the write is synced", async () => {
    const file = path.join(dir.path, 'state.sqlite');
    const storage = SqliteStorage.open(file);
    const opens = countingOpens();
    try {
      await storage.write({ k: { n: 1 } });
      await storage.connection.flushLog();
      assert.equal(opens.count(), 1, 'one sync of the log after the commit');
    } finally {
      opens.restore();
      await storage.close();
    }
  });
});

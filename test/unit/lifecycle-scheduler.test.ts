/** The durable scheduler: due items run at their time, once across instances, and survive a restart. */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MemoryStorage, type Storage } from 'botbuilder';
import { LifecycleScheduler, type DueItem } from '../../src/services/lifecycle/scheduler';
import { SqliteStorage } from '../../src/storage/sqlite-storage';
import { silentLogger } from '../../src/logger';

const T0 = new Date('2026-03-02T09:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

function scheduler(storage: Storage, instanceId: string, ran: string[], options: { leaseMs?: number } = {}) {
  const s = new LifecycleScheduler(storage, { now: () => T0 }, { instanceId, log: silentLogger, ...options });
  s.register('note', async (item: DueItem) => {
    ran.push(`${item.id}@${instanceId}`);
  });
  return s;
}

const backings: { name: string; open: () => { storages: [Storage, Storage]; close: () => Promise<void> } }[] = [
  {
    name: 'MemoryStorage',
    open: () => {
      const shared = new MemoryStorage();
      return { storages: [shared, shared], close: async () => undefined };
    },
  },
  {
    name: 'SQLite, two connections on one file',
    open: () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lifecycle-scheduler-'));
      const a = SqliteStorage.open(path.join(dir, 'state.sqlite'));
      const b = SqliteStorage.open(path.join(dir, 'state.sqlite'));
      return { storages: [a, b], close: async () => void (await a.close(), await b.close()) };
    },
  },
];

for (const backing of backings) {
  describe(`lifecycle scheduler over ${backing.name}`, () => {
    it('runs an item only once it is due, and only once', async () => {
      const { storages, close } = backing.open();
      const ran: string[] = [];
      const s = scheduler(storages[0], 'one', ran);
      assert.equal(await s.schedule({ id: 'a', kind: 'note', dueAt: at(5), payload: {} }), true);
      assert.equal(await s.tick(at(4)), 0);
      assert.deepEqual(ran, []);
      assert.equal(await s.tick(at(5)), 1);
      assert.equal(await s.tick(at(6)), 0);
      assert.deepEqual(ran, ['a@one']);
      assert.deepEqual(await s.pending(), []);
      await close();
    });

    it('ignores a second schedule with the same id', async () => {
      const { storages, close } = backing.open();
      const s = scheduler(storages[0], 'one', []);
      assert.equal(await s.schedule({ id: 'a', kind: 'note', dueAt: at(5), payload: {} }), true);
      assert.equal(await s.schedule({ id: 'a', kind: 'note', dueAt: at(1), payload: {} }), false);
      assert.deepEqual((await s.pending()).map((item) => item.dueAt), [at(5).toISOString()]);
      await close();
    });

    it('two instances racing over one storage run each due item exactly once', async () => {
      const { storages, close } = backing.open();
      const ran: string[] = [];
      const a = scheduler(storages[0], 'A', ran);
      const b = scheduler(storages[1], 'B', ran);
      const ids = Array.from({ length: 25 }, (_, i) => `item-${i}`);
      for (const id of ids) await (ids.indexOf(id) % 2 ? a : b).schedule({ id, kind: 'note', dueAt: at(1), payload: {} });
      const counts = await Promise.all([a.tick(at(2)), b.tick(at(2)), a.tick(at(2)), b.tick(at(3))]);
      assert.equal(counts.reduce((sum, count) => sum + count, 0), ids.length);
      const runIds = ran.map((entry) => entry.split('@')[0]).sort();
      assert.deepEqual(runIds, [...ids].sort());
      await close();
    });

    it('a failed run is retried later, and the retry runs once', async () => {
      const { storages, close } = backing.open();
      const s = new LifecycleScheduler(storages[0], { now: () => T0 }, { instanceId: 'one', log: silentLogger });
      let calls = 0;
      s.register('flaky', async () => {
        calls++;
        if (calls === 1) throw new Error('Graph down');
      });
      await s.schedule({ id: 'f', kind: 'flaky', dueAt: at(0), payload: {} });
      assert.equal(await s.tick(at(0)), 1);
      assert.equal(calls, 1);
      assert.equal((await s.pending()).length, 1, 'still scheduled after the failure');
      assert.equal(await s.tick(at(0)), 0, 'not again at once');
      await s.tick(at(2));
      assert.equal(calls, 2);
      assert.deepEqual(await s.pending(), []);
      await close();
    });
  });
}

describe('lifecycle scheduler across a restart', () => {
  it('runs after a restart what was scheduled before it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lifecycle-restart-'));
    const file = path.join(dir, 'state.sqlite');
    const before = SqliteStorage.open(file);
    await scheduler(before, 'old', []).schedule({ id: 'follow-up', kind: 'note', dueAt: at(30), payload: { requestId: 'r1' } });
    await before.close();

    const after = SqliteStorage.open(file);
    const ran: string[] = [];
    const s = scheduler(after, 'new', ran);
    assert.deepEqual((await s.pending()).map((item) => item.payload), [{ requestId: 'r1' }]);
    assert.equal(await s.tick(at(30)), 1);
    assert.deepEqual(ran, ['follow-up@new']);
    await after.close();
  });

  it('an item claimed by a process that stopped runs elsewhere once its lease has run out', async () => {
    const storage = new MemoryStorage();
    const stopped = new LifecycleScheduler(storage, { now: () => T0 }, { instanceId: 'stopped', leaseMs: 10 * 60_000, log: silentLogger });
    stopped.register('note', () => new Promise<void>(() => undefined)); // never finishes: the process died mid-run
    await stopped.schedule({ id: 'x', kind: 'note', dueAt: at(0), payload: {} });
    void stopped.tick(at(0));
    await new Promise((resolve) => setImmediate(resolve));

    const ran: string[] = [];
    const survivor = scheduler(storage, 'survivor', ran, { leaseMs: 10 * 60_000 });
    assert.equal(await survivor.tick(at(5)), 0, 'the lease still protects it');
    assert.equal(await survivor.tick(at(11)), 1);
    assert.deepEqual(ran, ['x@survivor']);
  });

  it('purges finished items after the retention period, so their id can be used again', async () => {
    const storage = new MemoryStorage();
    const ran: string[] = [];
    const s = new LifecycleScheduler(storage, { now: () => T0 }, { instanceId: 'one', retentionMs: 60 * 60_000, log: silentLogger });
    s.register('note', async (item) => void ran.push(item.id));
    await s.schedule({ id: 'p', kind: 'note', dueAt: at(0), payload: {} });
    await s.tick(at(0));
    assert.equal(await s.schedule({ id: 'p', kind: 'note', dueAt: at(70), payload: {} }), false, 'the tombstone still holds the id');
    await s.tick(at(61));
    assert.equal(await s.schedule({ id: 'p', kind: 'note', dueAt: at(70), payload: {} }), true);
    await s.tick(at(70));
    assert.deepEqual(ran, ['p', 'p']);
  });
});

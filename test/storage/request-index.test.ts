import assert from 'node:assert/strict';
import type { RequestState } from '../../src/domain/request';
import { ConcurrencyConflict } from '../../src/ports';
import { finishedShardKey } from '../../src/storage/finished-request-shards';
import { REQUEST_INDEX_KEY } from '../../src/storage/request-index';
import { requestKey, StorageRequestStore } from '../../src/storage/request-store';
import { Crash, InstrumentedStorage, type StorageOperation } from './support/instrumented-storage';
import { ALL_STATES, at, forEachBackend, id, listed, lookAtIndex, move } from './support/request-index-fixtures';
import { sampleRequest } from './support/sample-request';

describe('request index: open document and finished shards', () => {
  forEachBackend(({ connect }) => {
    const paths: readonly { path: readonly [RequestState, ...RequestState[]]; open: boolean; finished: boolean }[] = [
      { path: ['pending'], open: true, finished: false },
      { path: ['completed'], open: false, finished: true },
      { path: ['pending', 'approved', 'assigning'], open: true, finished: false },
      { path: ['pending', 'approved', 'assigning', 'completed'], open: false, finished: true },
      { path: ['pending', 'rejected', 'pending'], open: true, finished: true },
      { path: ['pending', 'cancelled', 'pending', 'approved', 'failed'], open: false, finished: true },
      { path: ['expired', 'pending'], open: true, finished: true },
    ];
    for (const row of paths) {
      const where = [row.open && 'open', row.finished && 'in its day shard'].filter(Boolean).join(' and ');
      it(`${row.path.join(' → ')}: ${where}, listed once under its state only`, async () => {
        const storage = connect();
        const store = new StorageRequestStore(storage);
        const [created, ...moves] = row.path;
        await store.create(sampleRequest(id(1), { createdAt: at(7, 30), state: created }));
        for (const state of moves) await move(store, id(1), state);

        const index = await lookAtIndex(storage);
        assert.deepEqual(index.open, row.open ? [id(1)] : []);
        assert.deepEqual(index.finished, row.finished ? [id(1)] : []);
        assert.deepEqual(index.shards, row.finished ? ['2025-03-07'] : []);
        assert.deepEqual(index.closed, []);

        const last = row.path[row.path.length - 1] as RequestState;
        const otherProcess = new StorageRequestStore(connect());
        for (const reader of [store, otherProcess]) {
          assert.deepEqual(await listed(reader, [last]), [id(1)]);
          assert.deepEqual(await listed(reader, ALL_STATES.filter((state) => state !== last)), []);
          assert.deepEqual(await listed(reader, ALL_STATES), [id(1)]);
        }
      });
    }

    it('lists many requests over many days, each once, oldest first', async () => {
      const storage = connect();
      const store = new StorageRequestStore(storage);
      const finalStates: RequestState[] = ['pending', 'completed', 'rejected', 'approved', 'cancelled', 'completed'];
      // Created in an order that is neither by id nor by time.
      const order = Array.from({ length: 36 }, (_, n) => (n * 7) % 36);
      for (const n of order) {
        const state = finalStates[n % finalStates.length] as RequestState;
        await store.create(sampleRequest(id(n), { createdAt: at(1 + (n % 9), n) }));
        if (state !== 'pending') await move(store, id(n), state);
      }
      const expected = (states: RequestState[]): string[] =>
        Array.from({ length: 36 }, (_, n) => n)
          .filter((n) => states.includes(finalStates[n % finalStates.length] as RequestState))
          .sort((a, b) => at(1 + (a % 9), a).localeCompare(at(1 + (b % 9), b)))
          .map(id);

      for (const states of [['pending'], ['pending', 'approved'], ['completed'], ['completed', 'rejected', 'cancelled'], [...ALL_STATES]] as RequestState[][]) {
        assert.deepEqual(await listed(store, states), expected(states), states.join(','));
      }
      const index = await lookAtIndex(storage);
      assert.deepEqual(index.open, expected(['pending', 'approved']).sort());
      assert.deepEqual(index.finished, expected(['completed', 'rejected', 'cancelled']).sort());
      const finishedDays = expected(['completed', 'rejected', 'cancelled']).map((requestId) => at(1 + (Number(requestId.slice(-12)) % 9)).slice(0, 10));
      assert.deepEqual(index.shards, [...new Set(finishedDays)].sort());
    });

    it('continues a busy day in further shard parts, none above its capacity', async () => {
      const storage = new InstrumentedStorage(connect());
      const store = new StorageRequestStore(storage, { shardCapacity: 10 });
      for (let n = 0; n < 45; n += 1) {
        await store.create(sampleRequest(id(n), { createdAt: at(7, n) }));
        await move(store, id(n), 'completed');
      }
      const shardWrites = storage.written.filter((item) => item.key.startsWith(finishedShardKey('')));
      const largest = Math.max(...shardWrites.map((item) => Object.keys(item.value['entries'] as object).length));
      assert.equal(largest, 10);
      const index = await lookAtIndex(storage.inner);
      assert.deepEqual(index.shards, ['2025-03-07', '2025-03-07.1', '2025-03-07.2', '2025-03-07.3', '2025-03-07.4']);
      assert.deepEqual(index.finished, Array.from({ length: 45 }, (_, n) => id(n)));
      assert.equal((await listed(new StorageRequestStore(connect()), ['completed'])).length, 45);
    });

    it('takes back the open entry of a duplicate create when the request that exists is finished', async () => {
      const storage = connect();
      const store = new StorageRequestStore(storage);
      await store.create(sampleRequest(id(1), { createdAt: at(3) }));
      await move(store, id(1), 'completed');
      await assert.rejects(store.create(sampleRequest(id(1), { createdAt: at(4) })), ConcurrencyConflict);
      assert.deepEqual((await lookAtIndex(storage)).open, []);

      await store.create(sampleRequest(id(2), { createdAt: at(3) }));
      await assert.rejects(store.create(sampleRequest(id(2), { createdAt: at(4) })), ConcurrencyConflict);
      assert.deepEqual((await lookAtIndex(storage)).open, [id(2)]);
      assert.deepEqual(await listed(store, ['pending']), [id(2)]);
      assert.deepEqual(await listed(store, ['completed']), [id(1)]);
    });

    type Step = RequestState | { create: RequestState };
    const crashes: readonly {
      title: string;
      before: readonly RequestState[];
      step: Step;
      crash: readonly [StorageOperation, string | RegExp, number?];
      open: boolean;
      finished: boolean;
      listedAs?: RequestState;
    }[] = [
      { title: 'create: indexed, request never written', before: [], step: { create: 'pending' }, crash: ['write', requestKey(id(1))], open: true, finished: false },
      { title: 'create of a finished request: in its shard, request never written', before: [], step: { create: 'completed' }, crash: ['write', requestKey(id(1))], open: false, finished: true },
      { title: 'finish: request written, not yet in its shard', before: ['pending'], step: 'completed', crash: ['read', /^requests-index\/finished/], open: true, finished: false, listedAs: 'completed' },
      { title: 'finish: in its shard, still in the open document', before: ['pending'], step: 'completed', crash: ['write', REQUEST_INDEX_KEY], open: true, finished: true, listedAs: 'completed' },
      { title: 'reopen: open again, request still finished', before: ['pending', 'rejected'], step: 'pending', crash: ['write', requestKey(id(1))], open: true, finished: true, listedAs: 'rejected' },
    ];
    for (const row of crashes) {
      it(`after a crash (${row.title}) lists correctly, and the next moves leave a clean index`, async () => {
        const healthy = new StorageRequestStore(connect());
        const [created, ...moves] = row.before;
        if (created) await healthy.create(sampleRequest(id(1), { createdAt: at(5), state: created }));
        for (const state of moves) await move(healthy, id(1), state);

        const crashing = new InstrumentedStorage(connect());
        const [operation, key, occurrence] = row.crash;
        crashing.failBefore(operation, key, occurrence);
        const store = new StorageRequestStore(crashing);
        const step = row.step;
        await assert.rejects(
          typeof step === 'string' ? move(store, id(1), step) : store.create(sampleRequest(id(1), { createdAt: at(5), state: step.create })),
          Crash,
        );

        const index = await lookAtIndex(crashing.inner);
        assert.deepEqual(index.open, row.open ? [id(1)] : []);
        assert.deepEqual(index.finished, row.finished ? [id(1)] : []);
        const reader = new StorageRequestStore(connect());
        assert.deepEqual(await listed(reader, ALL_STATES), row.listedAs ? [id(1)] : []);
        if (row.listedAs) {
          assert.deepEqual(await listed(reader, [row.listedAs]), [id(1)]);
          assert.deepEqual(await listed(reader, ALL_STATES.filter((state) => state !== row.listedAs)), []);
        }

        const after = new StorageRequestStore(connect());
        const existing = await after.get(id(1));
        if (!existing) await after.create(sampleRequest(id(1), { createdAt: at(5) }));
        else if (existing.value.state !== 'pending') await move(after, id(1), 'pending');
        assert.deepEqual(await listed(after, ['pending']), [id(1)]);
        await move(after, id(1), 'completed');
        assert.deepEqual(await lookAtIndex(crashing.inner), { open: [], closed: [], finished: [id(1)], shards: ['2025-03-05'] });
        assert.deepEqual(await listed(after, ALL_STATES), [id(1)]);
      });
    }
  });
});

// Sizes do not depend on the backend, and hundreds of writes over HTTP would only make these slow: embedded only.
describe('request index: what a create and a finish write', () => {
  forEachBackend(({ connect }) => {
    const histories = [
      { title: 'spread over 30 days', day: (n: number) => 1 + (n % 30) },
      { title: 'all on the same day', day: () => 7 },
    ];
    for (const history of histories) {
      it(`a create writes the same open document after 10 and after 300 finished requests (${history.title})`, async () => {
        const storage = new InstrumentedStorage(connect());
        const store = new StorageRequestStore(storage);
        let next = 0;
        const finishMore = async (count: number): Promise<void> => {
          for (const end = next + count; next < end; next += 1) {
            await store.create(sampleRequest(id(next), { createdAt: at(history.day(next), next % 60) }));
            await move(store, id(next), 'completed');
          }
        };
        const indexWritesOfCreate = async (n: number): Promise<{ key: string; bytes: number }[]> => {
          const mark = storage.written.length;
          await store.create(sampleRequest(id(n), { createdAt: at(28) }));
          await move(store, id(n), 'completed');
          const written = storage.writtenSince(mark);
          const create = written.slice(0, written.findIndex((item) => item.key === requestKey(id(n))));
          return create.map(({ key, bytes }) => ({ key, bytes }));
        };

        await finishMore(10);
        const early = await indexWritesOfCreate(10_000);
        await finishMore(300);
        const late = await indexWritesOfCreate(10_001);

        assert.deepEqual(early.map((item) => item.key), [REQUEST_INDEX_KEY]);
        assert.deepEqual(late, early);
        assert.equal((await lookAtIndex(storage.inner)).finished.length, 312);
      });
    }

    it('a finish rewrites the same open document after 10 and after 300 finished requests', async () => {
      const storage = new InstrumentedStorage(connect());
      const store = new StorageRequestStore(storage);
      const finishWrites = async (n: number): Promise<{ key: string; bytes: number }[]> => {
        await store.create(sampleRequest(id(n), { createdAt: at(1 + (n % 30), n % 60) }));
        const mark = storage.written.length;
        await move(store, id(n), 'completed');
        return storage
          .writtenSince(mark)
          .filter((item) => item.key === REQUEST_INDEX_KEY)
          .map(({ key, bytes }) => ({ key, bytes }));
      };
      const costs: { key: string; bytes: number }[][] = [];
      for (let n = 0; n < 310; n += 1) costs.push(await finishWrites(n));
      assert.deepEqual(costs[309], costs[9]);
      assert.equal(costs[9]?.length, 1);
    });
  }, { embeddedOnly: true });
});

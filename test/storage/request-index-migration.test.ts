/**
 * A store written by the previous layout: one `requests-index` document with every id, finished ones marked
 * `open: false`. The upgraded index must list every request from the start and move the finished ones to shards.
 */
import assert from 'node:assert/strict';
import type { Storage } from 'botbuilder';
import type { RequestState } from '../../src/domain/request';
import { isOpen } from '../../src/domain/request-state';
import { REQUEST_INDEX_KEY } from '../../src/storage/request-index';
import { requestKey, StorageRequestStore } from '../../src/storage/request-store';
import { Crash, InstrumentedStorage } from './support/instrumented-storage';
import { ALL_STATES, at, forEachBackend, id, listed, lookAtIndex, move } from './support/request-index-fixtures';
import { sampleRequest } from './support/sample-request';

interface OldRequest {
  readonly n: number;
  readonly day: number;
  readonly state: RequestState;
  /** Reopens the old index counted for this entry. */
  readonly generation?: number;
}

/** Writes the requests and the index exactly as the previous request store did. */
async function seedOldLayout(storage: Storage, requests: readonly OldRequest[]): Promise<void> {
  const items: Record<string, object> = {};
  const entries: Record<string, object> = {};
  for (const { n, day, state, generation } of requests) {
    const request = sampleRequest(id(n), { createdAt: at(day, n), state });
    items[requestKey(request.id)] = { request, eTag: '*' };
    entries[request.id] = { createdAt: request.createdAt, open: isOpen(state), generation: generation ?? 0 };
  }
  await storage.write({ ...items, [REQUEST_INDEX_KEY]: { entries, eTag: '*' } });
}

const history: readonly OldRequest[] = [
  { n: 1, day: 1, state: 'completed' },
  { n: 2, day: 1, state: 'pending' },
  { n: 3, day: 2, state: 'rejected' },
  { n: 4, day: 2, state: 'completed', generation: 1 },
  { n: 5, day: 3, state: 'approved', generation: 2 },
  { n: 6, day: 4, state: 'cancelled' },
  { n: 7, day: 4, state: 'assigning' },
  { n: 8, day: 5, state: 'failed' },
  { n: 9, day: 6, state: 'expired' },
  { n: 10, day: 6, state: 'completed' },
];
const idsOf = (filter: (request: OldRequest) => boolean): string[] => history.filter(filter).map((request) => id(request.n));
const finishedIds = idsOf((request) => !isOpen(request.state));
const unfinishedIds = idsOf((request) => isOpen(request.state));

/** Every state lists exactly the history's requests in it (plus the given extra pending ones). */
async function assertListsHistory(store: StorageRequestStore, extraPending: readonly string[] = []): Promise<void> {
  for (const state of ALL_STATES) {
    const expected = [...idsOf((request) => request.state === state), ...(state === 'pending' ? extraPending : [])];
    assert.deepEqual(await listed(store, [state]), expected, state);
  }
  assert.deepEqual(await listed(store, ALL_STATES), [...history.map((request) => id(request.n)), ...extraPending]);
}

describe('request index: migration from the single index document', () => {
  forEachBackend(({ connect }) => {
    it('lists every request before any write, and after the first write holds only open entries', async () => {
      const storage = connect();
      await seedOldLayout(storage, history);
      const store = new StorageRequestStore(storage);
      await assertListsHistory(store);
      assert.equal((await lookAtIndex(storage)).closed.length, finishedIds.length, 'reading moves nothing');

      await store.create(sampleRequest(id(100), { createdAt: at(20) }));

      assert.deepEqual(await lookAtIndex(storage), {
        open: [...unfinishedIds, id(100)].sort(),
        closed: [],
        finished: [...finishedIds].sort(),
        shards: ['2025-03-01', '2025-03-02', '2025-03-04', '2025-03-05', '2025-03-06'],
      });
      await assertListsHistory(store, [id(100)]);
      await assertListsHistory(new StorageRequestStore(connect()), [id(100)]);
    });

    it('finishes and reopens requests indexed by the old layout', async () => {
      const storage = connect();
      await seedOldLayout(storage, history);
      const store = new StorageRequestStore(storage);
      await move(store, id(5), 'completed'); // open, generation 2 in the old index
      await move(store, id(4), 'pending'); // finished, reopened once before
      const index = await lookAtIndex(storage);
      assert.deepEqual(index.closed, []);
      assert.deepEqual(index.open, [id(2), id(4), id(7)]);
      assert.deepEqual(await listed(store, ['pending']), [id(2), id(4)]);
      assert.deepEqual(await listed(store, ['completed']), [id(1), id(5), id(10)]);
    });

    it('moves a long history a few days per write, listing everything throughout', async () => {
      const storage = connect();
      await seedOldLayout(storage, history);
      const store = new StorageRequestStore(storage, { migrationDaysPerWrite: 2 });
      const closedAfterEachWrite: number[] = [];
      const created: string[] = [];
      for (let write = 0; write < 4; write += 1) {
        created.push(id(100 + write));
        await store.create(sampleRequest(id(100 + write), { createdAt: at(20, write) }));
        closedAfterEachWrite.push((await lookAtIndex(storage)).closed.length);
        await assertListsHistory(store, created);
      }
      // Days 1, 2 | 4, 5 | 6: (1, 3, 4) | (6, 8) | (9, 10).
      assert.deepEqual(closedAfterEachWrite, [4, 2, 0, 0]);
    });

    it('loses nothing when two processes move it at once', async () => {
      const storage = connect();
      await seedOldLayout(storage, history);
      const first = new StorageRequestStore(storage);
      const second = new StorageRequestStore(connect());
      await Promise.all(
        Array.from({ length: 6 }, (_, n) => (n % 2 === 0 ? first : second).create(sampleRequest(id(100 + n), { createdAt: at(20, n) }))),
      );
      const index = await lookAtIndex(storage);
      assert.deepEqual(index.closed, []);
      assert.deepEqual(index.finished, [...finishedIds].sort());
      const created = Array.from({ length: 6 }, (_, n) => id(100 + n));
      await assertListsHistory(first, created);
      await assertListsHistory(second, created);
    });

    it('after a crash between the shard records and the rewrite, lists each once and the next write finishes', async () => {
      const crashing = new InstrumentedStorage(connect());
      await seedOldLayout(crashing.inner, history);
      // The create's own write of the open document, then the write that drops the recorded entries.
      crashing.failBefore('write', REQUEST_INDEX_KEY, 2);
      await assert.rejects(new StorageRequestStore(crashing).create(sampleRequest(id(100), { createdAt: at(20) })), Crash);

      const crashed = await lookAtIndex(crashing.inner);
      assert.deepEqual(crashed.closed, [...finishedIds].sort());
      assert.deepEqual(crashed.finished, [...finishedIds].sort());
      const store = new StorageRequestStore(connect());
      await assertListsHistory(store);

      await store.create(sampleRequest(id(101), { createdAt: at(20) }));
      assert.deepEqual((await lookAtIndex(crashing.inner)).closed, []);
      assert.deepEqual((await lookAtIndex(crashing.inner)).finished, [...finishedIds].sort());
      await assertListsHistory(store, [id(101)]);
    });

    it('moves an entry closed later by an instance still running the old code', async () => {
      const storage = connect();
      await seedOldLayout(storage, history);
      const store = new StorageRequestStore(storage);
      await store.create(sampleRequest(id(100), { createdAt: at(20) }));
      // What the old code does to finish request 7: write the request, then mark its entry closed.
      const stored = await store.get(id(7));
      assert.ok(stored);
      await storage.write({ [requestKey(id(7))]: { request: { ...stored.value, state: 'completed' }, eTag: '*' } });
      const [index] = Object.values(await storage.read([REQUEST_INDEX_KEY])) as { entries: Record<string, object> }[];
      assert.ok(index);
      await storage.write({
        [REQUEST_INDEX_KEY]: { entries: { ...index.entries, [id(7)]: { ...index.entries[id(7)], open: false } }, eTag: '*' },
      });
      assert.deepEqual(await listed(store, ['completed']), [id(1), id(4), id(7), id(10)]);

      await store.create(sampleRequest(id(101), { createdAt: at(20) }));
      const after = await lookAtIndex(storage);
      assert.deepEqual(after.closed, []);
      assert.ok(after.finished.includes(id(7)));
      assert.deepEqual(await listed(store, ['completed']), [id(1), id(4), id(7), id(10)]);
      assert.deepEqual(await listed(store, ['assigning']), []);
    });
  });
});

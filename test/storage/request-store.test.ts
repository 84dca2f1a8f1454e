import assert from 'node:assert/strict';
import * as path from 'node:path';
import { MemoryStorage, type Storage } from 'botbuilder';
import type { LicenseRequest, RequestState } from '../../src/domain/request';
import { ConcurrencyConflict } from '../../src/ports';
import { StorageRequestStore } from '../../src/storage/request-store';
import { SqliteStorage } from '../../src/storage/sqlite-storage';
import { inState, sampleRequest } from './support/sample-request';
import { useTempDir } from './support/temp-dir';

const id = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const at = (minute: number): string => new Date(Date.UTC(2025, 2, 1, 9, minute)).toISOString();

interface Backend {
  readonly name: string;
  open(): Promise<{ storage: Storage; close(): Promise<void> }>;
}

describe('StorageRequestStore', () => {
  const dir = useTempDir();
  const sqliteFile = (): string => path.join(dir.path, 'requests.sqlite');

  const backends: readonly Backend[] = [
    {
      name: 'SqliteStorage',
      open: async () => {
        const storage = SqliteStorage.open(sqliteFile());
        return { storage, close: () => storage.close() };
      },
    },
    { name: 'MemoryStorage', open: async () => ({ storage: new MemoryStorage(), close: async () => undefined }) },
  ];

  for (const backend of backends) {
    describe(`over ${backend.name}`, () => {
      let store: StorageRequestStore;
      let close: () => Promise<void>;

      beforeEach(async () => {
        const opened = await backend.open();
        store = new StorageRequestStore(opened.storage);
        close = opened.close;
      });
      afterEach(() => close());

      it('stores the whole request and returns it with its eTag', async () => {
        const request = sampleRequest(id(1));
        const created = await store.create(request);
        assert.deepEqual(created.value, request);
        const read = await store.get(id(1));
        assert.deepEqual(read, created);
      });

      it('refuses to create an id that exists', async () => {
        await store.create(sampleRequest(id(1)));
        await assert.rejects(store.create(sampleRequest(id(1), { requested: ['ENTERPRISEPREMIUM'] })), ConcurrencyConflict);
        assert.deepEqual((await store.get(id(1)))?.value.requested, ['MCOPSTN1']);
      });

      it('returns undefined for an unknown id', async () => {
        assert.equal(await store.get(id(9)), undefined);
      });

      it('replaces with the current eTag and chains on the returned one', async () => {
        const created = await store.create(sampleRequest(id(1)));
        const approved = await store.replace(inState(created.value, 'approved'), created.eTag);
        assert.notEqual(approved.eTag, created.eTag);
        const assigning = await store.replace(inState(approved.value, 'assigning'), approved.eTag);
        assert.deepEqual(await store.get(id(1)), assigning);
      });

      it('throws ConcurrencyConflict on a stale eTag or an unknown request', async () => {
        const created = await store.create(sampleRequest(id(1)));
        await store.replace(inState(created.value, 'approved'), created.eTag);
        await assert.rejects(store.replace(inState(created.value, 'rejected'), created.eTag), ConcurrencyConflict);
        assert.equal((await store.get(id(1)))?.value.state, 'approved');
        await assert.rejects(store.replace(sampleRequest(id(2)), 'any'), ConcurrencyConflict);
      });

      it('lists by state, oldest first, across finishing and reopening', async () => {
        const states: readonly RequestState[] = ['assigning', 'pending', 'completed', 'pending', 'approved', 'rejected'];
        const versions = new Map<string, { value: LicenseRequest; eTag: string }>();
        for (const [n, state] of states.entries()) {
          // Created newest first, so that "oldest first" cannot come from insertion order.
          const request = sampleRequest(id(n), { createdAt: at(60 - n), state });
          versions.set(request.id, await store.create(request));
        }
        const ids = async (wanted: RequestState[]): Promise<string[]> =>
          (await store.listByState(wanted)).map((request) => request.id);

        assert.deepEqual(await ids(['pending']), [id(3), id(1)]);
        assert.deepEqual(await ids(['approved', 'assigning']), [id(4), id(0)]);
        assert.deepEqual(await ids(['completed', 'rejected']), [id(5), id(2)]);
        assert.deepEqual(await ids([]), []);

        const pending = versions.get(id(1));
        assert.ok(pending);
        const cancelled = await store.replace(inState(pending.value, 'cancelled'), pending.eTag);
        assert.deepEqual(await ids(['pending']), [id(3)]);
        assert.deepEqual(await ids(['cancelled']), [id(1)]);

        // A move back from a finished state must be listed again.
        await store.replace(inState(cancelled.value, 'pending'), cancelled.eTag);
        assert.deepEqual(await ids(['pending']), [id(3), id(1)]);
      });

      it('keeps every request listed when many are created at once', async () => {
        const count = 25;
        await Promise.all(
          Array.from({ length: count }, (_, n) => store.create(sampleRequest(id(n), { createdAt: at(n) }))),
        );
        assert.deepEqual(
          (await store.listByState(['pending'])).map((request) => request.id),
          Array.from({ length: count }, (_, n) => id(n)),
        );
      });
    });
  }

  describe('over SqliteStorage only', () => {
    const open = (): { storage: SqliteStorage; store: StorageRequestStore } => {
      const storage = SqliteStorage.open(sqliteFile());
      return { storage, store: new StorageRequestStore(storage) };
    };

    it('lists the same requests after a restart', async () => {
      const first = open();
      const created = await first.store.create(sampleRequest(id(1), { createdAt: at(1) }));
      await first.store.create(sampleRequest(id(2), { createdAt: at(2) }));
      await first.store.replace(inState(created.value, 'assigning'), created.eTag);
      await first.storage.close();

      const second = open();
      try {
        assert.deepEqual(
          (await second.store.listByState(['approved', 'assigning'])).map((request) => request.id),
          [id(1)],
        );
        assert.deepEqual((await second.store.listByState(['pending'])).map((request) => request.id), [id(2)]);
        const stored = await second.store.get(id(1));
        assert.ok(stored);
        await second.store.replace(inState(stored.value, 'completed'), stored.eTag);
      } finally {
        await second.storage.close();
      }
    });

    it('lets exactly one of two concurrent replaces with the same eTag win, 50 rounds', async () => {
      // Two connections to one file, as two request handlers in two processes would have.
      const a = open();
      const b = open();
      try {
        let current = await a.store.create(sampleRequest(id(1)));
        for (let round = 1; round <= 50; round += 1) {
          const fromA = { ...current.value, updatedAt: at(round), decision: { id: 'a', displayName: 'A', at: at(round) } };
          const fromB = { ...current.value, updatedAt: at(round), decision: { id: 'b', displayName: 'B', at: at(round) } };
          const results = await Promise.allSettled([
            a.store.replace(fromA, current.eTag),
            b.store.replace(fromB, current.eTag),
          ]);
          const winners = results.filter((result) => result.status === 'fulfilled');
          const losers = results.filter((result) => result.status === 'rejected');
          assert.equal(winners.length, 1, `round ${round}`);
          assert.ok(losers[0]?.reason instanceof ConcurrencyConflict, `round ${round}`);
          const winner = winners[0]?.value;
          assert.ok(winner);
          const stored = await a.store.get(id(1));
          assert.deepEqual(stored, winner);
          current = winner;
        }
      } finally {
        await a.storage.close();
        await b.storage.close();
      }
    });

    it('lets only one of two concurrent creators of the same id succeed', async () => {
      const a = open();
      const b = open();
      try {
        const results = await Promise.allSettled([
          a.store.create(sampleRequest(id(7), { requested: ['MCOEV'] })),
          b.store.create(sampleRequest(id(7), { requested: ['MCOPSTN1'] })),
        ]);
        assert.deepEqual(results.map((result) => result.status).sort(), ['fulfilled', 'rejected']);
        const winner = results.find((result) => result.status === 'fulfilled');
        assert.deepEqual((await a.store.get(id(7)))?.value, winner?.status === 'fulfilled' ? winner.value.value : undefined);
        assert.equal((await a.store.listByState(['pending'])).length, 1);
      } finally {
        await a.storage.close();
        await b.storage.close();
      }
    });

    it('keeps every request listed when two connections create at once', async () => {
      const a = open();
      const b = open();
      try {
        await Promise.all(
          Array.from({ length: 20 }, (_, n) => (n % 2 === 0 ? a : b).store.create(sampleRequest(id(n), { createdAt: at(n) }))),
        );
        assert.equal((await b.store.listByState(['pending'])).length, 20);
      } finally {
        await a.storage.close();
        await b.storage.close();
      }
    });
  });
});

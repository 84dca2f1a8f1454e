/**
 * A finish (pending → completed) held at each step of its close while other writers reopen the request: the
 * reopened request must stay in the open document, whatever happens in between.
 */
import assert from 'node:assert/strict';
import type { RequestState } from '../../src/domain/request';
import { REQUEST_INDEX_KEY } from '../../src/storage/request-index';
import { requestKey, StorageRequestStore } from '../../src/storage/request-store';
import { InstrumentedStorage, type StorageOperation } from './support/instrumented-storage';
import { at, forEachBackend, id, listed, lookAtIndex, move } from './support/request-index-fixtures';
import { sampleRequest } from './support/sample-request';

type Hold = readonly [StorageOperation, string | RegExp, number?];

/** The finisher's operations: read request, read open document (generation), write request, read it back, then the close. */
const BEFORE_SHARD: Hold = ['read', /^requests-index\/finished/];
const BETWEEN_SHARD_AND_OPEN_DOCUMENT: Hold = ['read', REQUEST_INDEX_KEY, 2];
const BETWEEN_READ_AND_WRITE_OF_OPEN_DOCUMENT: Hold = ['write', REQUEST_INDEX_KEY];

const interleavings: readonly {
  title: string;
  /** Moves made before the finisher starts (from pending). */
  history?: readonly RequestState[];
  holdFinisher: Hold;
  /** Moves another process makes to completion while the finisher is held. */
  meanwhile?: readonly RequestState[];
  /** Or: a reopener held too, released after the finisher completes. */
  holdReopener?: Hold;
}[] = [
  { title: 'held before its shard record, reopened meanwhile', holdFinisher: BEFORE_SHARD, meanwhile: ['pending'] },
  { title: 'held between its shard record and the open document, reopened meanwhile', holdFinisher: BETWEEN_SHARD_AND_OPEN_DOCUMENT, meanwhile: ['pending'] },
  { title: 'held between reading and writing the open document, reopened meanwhile', holdFinisher: BETWEEN_READ_AND_WRITE_OF_OPEN_DOCUMENT, meanwhile: ['pending'] },
  // Finished and reopened before too: an entry removed and added again must not get a generation seen before.
  {
    title: 'held before its shard record, reopened, finished and reopened again meanwhile',
    history: ['completed', 'pending'],
    holdFinisher: BEFORE_SHARD,
    meanwhile: ['pending', 'completed', 'approved'],
  },
  {
    title: 'held between its shard record and the open document, reopened, finished and reopened again meanwhile',
    history: ['rejected', 'pending'],
    holdFinisher: BETWEEN_SHARD_AND_OPEN_DOCUMENT,
    meanwhile: ['pending', 'cancelled', 'pending'],
  },
  { title: 'a reopener held after its open entry, before its request write', holdFinisher: BEFORE_SHARD, holdReopener: ['write', requestKey(id(1))] },
  { title: 'a reopener held before its open entry, after reading the finished request', holdFinisher: BETWEEN_SHARD_AND_OPEN_DOCUMENT, holdReopener: ['read', REQUEST_INDEX_KEY] },
];

describe('request index: a close racing a reopen', () => {
  forEachBackend(({ connect }) => {
    for (const row of interleavings) {
      it(`keeps the reopened request open: finisher ${row.title}`, async () => {
        const before = new StorageRequestStore(connect());
        await before.create(sampleRequest(id(1), { createdAt: at(9) }));
        for (const state of row.history ?? []) await move(before, id(1), state);

        const finisherStorage = new InstrumentedStorage(connect());
        const heldFinisher = finisherStorage.pauseBefore(...row.holdFinisher);
        const finishing = move(new StorageRequestStore(finisherStorage), id(1), 'completed');
        await heldFinisher.reached;

        if (row.holdReopener) {
          const reopenerStorage = new InstrumentedStorage(connect());
          const heldReopener = reopenerStorage.pauseBefore(...row.holdReopener);
          const reopening = move(new StorageRequestStore(reopenerStorage), id(1), 'pending');
          await heldReopener.reached;
          heldFinisher.release();
          await finishing;
          heldReopener.release();
          await reopening;
        } else {
          const other = new StorageRequestStore(connect());
          for (const state of row.meanwhile ?? []) await move(other, id(1), state);
          heldFinisher.release();
          await finishing;
        }

        const reader = new StorageRequestStore(connect());
        const state = (await reader.get(id(1)))?.value.state;
        assert.ok(state && state !== 'completed', `still unfinished, found ${state}`);
        assert.deepEqual(await listed(reader, [state]), [id(1)]);
        assert.deepEqual((await lookAtIndex(finisherStorage.inner)).open, [id(1)]);
      });
    }
  });
});

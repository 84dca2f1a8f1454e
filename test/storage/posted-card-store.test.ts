import assert from 'node:assert/strict';
import * as path from 'node:path';
import type { PostedCard } from '../../src/ports';
import { StoragePostedCardStore } from '../../src/storage/posted-card-store';
import { SqliteStorage } from '../../src/storage/sqlite-storage';
import { useTempDir } from './support/temp-dir';

const requestId = '00000000-0000-4000-8000-000000000001';

function card(approver: number, overrides: Partial<PostedCard> = {}): PostedCard {
  return {
    requestId,
    approverId: `approver-${approver}`,
    conversationReference: { conversation: { id: `a:chat-${approver}` }, serviceUrl: 'https://smba.example/' },
    activityId: `activity-${approver}`,
    ...overrides,
  };
}

describe('StoragePostedCardStore', () => {
  const dir = useTempDir();
  const file = (): string => path.join(dir.path, 'cards.sqlite');
  let storage: SqliteStorage;
  let cards: StoragePostedCardStore;

  beforeEach(() => {
    storage = SqliteStorage.open(file());
    cards = new StoragePostedCardStore(storage);
  });
  afterEach(() => storage.close());

  it('lists nothing for a request without cards', async () => {
    assert.deepEqual(await cards.list(requestId), []);
  });

  it('lists the cards of one request in posting order, also after a restart', async () => {
    await cards.add(card(1));
    await cards.add(card(2));
    await cards.add(card(3, { requestId: 'another-request' }));
    await storage.close();
    storage = SqliteStorage.open(file());
    cards = new StoragePostedCardStore(storage);
    assert.deepEqual(await cards.list(requestId), [card(1), card(2)]);
  });

  it('keeps one entry when the same activity is recorded twice', async () => {
    await cards.add(card(1));
    await cards.add(card(2));
    const resent = card(1, { conversationReference: { conversation: { id: 'a:chat-1' }, serviceUrl: 'https://smba.example/2/' } });
    await cards.add(resent);
    assert.deepEqual(await cards.list(requestId), [resent, card(2)]);
  });

  it('keeps every card when approvers are posted to at the same time, from two connections', async () => {
    const other = SqliteStorage.open(file());
    try {
      const otherCards = new StoragePostedCardStore(other);
      const count = 12;
      await Promise.all(Array.from({ length: count }, (_, n) => (n % 2 === 0 ? cards : otherCards).add(card(n))));
      const listed = await cards.list(requestId);
      assert.deepEqual(
        listed.map((posted) => posted.approverId).sort(),
        Array.from({ length: count }, (_, n) => `approver-${n}`).sort(),
      );
    } finally {
      await other.close();
    }
  });
});

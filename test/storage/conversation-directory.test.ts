import assert from 'node:assert/strict';
import * as path from 'node:path';
import type { StoredConversation } from '../../src/ports';
import { StorageConversationDirectory } from '../../src/storage/conversation-directory';
import { SqliteStorage } from '../../src/storage/sqlite-storage';
import { useTempDir } from './support/temp-dir';

const tenantId = '7f3c6b52-0d8e-4c59-9d3a-2b1f3e9a4c10';
const userId = 'a1b2c3d4-0000-4000-8000-000000000002';
const personalChat = { conversation: { id: 'a:personal-chat', conversationType: 'personal' }, bot: { id: '28:bot' } };
const otherPersonalChat = { conversation: { id: 'a:reinstalled', conversationType: 'personal' }, bot: { id: '28:bot' } };

function conversation(overrides: Partial<StoredConversation> = {}): StoredConversation {
  return {
    userId,
    tenantId,
    channelUserId: '29:alex',
    locale: 'en-US',
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    reference: personalChat,
    updatedAt: '2025-03-01T09:00:00.000Z',
    ...overrides,
  };
}

describe('StorageConversationDirectory', () => {
  const dir = useTempDir();
  let storage: SqliteStorage;
  let directory: StorageConversationDirectory;
  const file = (): string => path.join(dir.path, 'conversations.sqlite');

  beforeEach(() => {
    storage = SqliteStorage.open(file());
    directory = new StorageConversationDirectory(storage);
  });
  afterEach(() => storage.close());

  it('finds what it remembered, also after a restart', async () => {
    await directory.remember(conversation());
    await storage.close();
    storage = SqliteStorage.open(file());
    directory = new StorageConversationDirectory(storage);
    assert.deepEqual(await directory.find(tenantId, userId), conversation());
  });

  it('returns undefined for someone unknown, and keeps tenants apart', async () => {
    await directory.remember(conversation());
    assert.equal(await directory.find(tenantId, 'someone-else'), undefined);
    assert.equal(await directory.find('another-tenant', userId), undefined);
  });

  const mergeCases: readonly { name: string; later: Partial<StoredConversation>; reference: unknown }[] = [
    { name: 'a null reference keeps the known personal chat', later: { reference: null }, reference: personalChat },
    { name: 'a new reference replaces the old one', later: { reference: otherPersonalChat }, reference: otherPersonalChat },
  ];
  for (const mergeCase of mergeCases) {
    it(`last write wins, but ${mergeCase.name}`, async () => {
      await directory.remember(conversation());
      const later = conversation({ locale: 'fr-FR', serviceUrl: 'https://smba.example/fr/', updatedAt: '2025-03-02T09:00:00.000Z', ...mergeCase.later });
      await directory.remember(later);
      assert.deepEqual(await directory.find(tenantId, userId), { ...later, reference: mergeCase.reference });
    });
  }

  it('stores null when no personal chat was ever known', async () => {
    await directory.remember(conversation({ reference: null }));
    assert.equal((await directory.find(tenantId, userId))?.reference, null);
  });

  it('does not lose the personal chat when a group message is remembered at the same time', async () => {
    for (let round = 0; round < 20; round += 1) {
      await storage.delete([`conversations/${tenantId}/${userId}`]);
      const writes = [directory.remember(conversation()), directory.remember(conversation({ reference: null }))];
      await Promise.all(round % 2 === 0 ? writes : writes.reverse());
      assert.deepEqual((await directory.find(tenantId, userId))?.reference, personalChat, `round ${round}`);
    }
  });
});

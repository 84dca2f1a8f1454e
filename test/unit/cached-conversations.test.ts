/** The conversation directory cache: the same sender again costs no storage write, a change of reach always does. */
import assert from 'node:assert/strict';
import { MemoryStorage, type Activity } from 'botbuilder';
import { CachedConversationDirectory } from '../../src/bot/cached-conversations';
import { rememberSender } from '../../src/bot/conversation-memory';
import type { ConversationDirectory, StoredConversation } from '../../src/ports';
import { StorageConversationDirectory } from '../../src/storage/conversation-directory';

/** The real storage-backed directory, with every call counted. */
class CountingDirectory implements ConversationDirectory {
  readonly inner = new StorageConversationDirectory(new MemoryStorage());
  writes = 0;
  reads = 0;
  async remember(conversation: StoredConversation): Promise<void> {
    this.writes++;
    await this.inner.remember(conversation);
  }
  async find(tenantId: string, userId: string): Promise<StoredConversation | undefined> {
    this.reads++;
    return this.inner.find(tenantId, userId);
  }
}

const personal = (activityId: string, changes: Partial<StoredConversation> = {}): StoredConversation => ({
  userId: 'alice',
  tenantId: 'tenant',
  channelUserId: '29:alice',
  locale: 'en-US',
  serviceUrl: 'https://smba.trafficmanager.net/emea/',
  bot: { id: '28:bot', name: 'License Desk' },
  reference: { activityId, conversation: { id: 'a:personal-alice' }, channelId: 'msteams', serviceUrl: 'https://smba.trafficmanager.net/emea/' },
  updatedAt: new Date(0).toISOString(),
  ...changes,
});

function setup() {
  const store = new CountingDirectory();
  let now = 0;
  const cached = new CachedConversationDirectory(store, { ttlMs: 60_000, now: () => now });
  return { store, cached, advance: (ms: number) => (now += ms) };
}

describe('CachedConversationDirectory', () => {
  it('writes a sender once while nothing that reaches them changes, the message id and time included', async () => {
    const { store, cached } = setup();
    await cached.remember(personal('m1'));
    await cached.remember(personal('m2', { updatedAt: new Date(5000).toISOString() }));
    assert.equal(store.writes, 1);
    assert.equal((await cached.find('tenant', 'alice'))?.channelUserId, '29:alice');
    assert.equal(store.reads, 0);
  });

  const changes: { what: string; change: Partial<StoredConversation> }[] = [
    { what: 'locale', change: { locale: 'fr-FR' } },
    { what: 'service URL', change: { serviceUrl: 'https://smba.trafficmanager.net/amer/' } },
    { what: 'Teams id', change: { channelUserId: '29:alice-2' } },
    { what: 'bot account', change: { bot: { id: '28:other-bot' } } },
    { what: 'personal conversation', change: { reference: { activityId: 'm1', conversation: { id: 'a:personal-alice-new' } } } },
  ];
  for (const { what, change } of changes) {
    it(`writes again when the ${what} changes`, async () => {
      const { store, cached } = setup();
      await cached.remember(personal('m1'));
      await cached.remember(personal('m2', change));
      assert.equal(store.writes, 2);
      assert.deepEqual(await store.inner.find('tenant', 'alice'), personal('m2', change));
    });
  }

  it('writes again once the entry is older than the TTL', async () => {
    const { store, cached, advance } = setup();
    await cached.remember(personal('m1'));
    advance(60_000);
    await cached.remember(personal('m2'));
    assert.equal(store.writes, 2);
  });

  it('keeps the personal conversation when a group chat message names the sender', async () => {
    const { store, cached } = setup();
    await cached.remember(personal('m1'));
    await cached.remember(personal('m2', { reference: null }));
    assert.equal(store.writes, 1);
    assert.equal((await cached.find('tenant', 'alice'))?.reference?.['activityId'], 'm1');
  });

  it('does not guess what the store holds for a sender it only saw in a group chat', async () => {
    const { store, cached } = setup();
    await store.inner.remember(personal('m0'));
    await cached.remember(personal('m1', { reference: null }));
    const found = await cached.find('tenant', 'alice');
    assert.equal(store.reads, 1);
    assert.equal(found?.reference?.['activityId'], 'm0');
  });

  it('reads the store on a miss and after the TTL', async () => {
    const { store, cached, advance } = setup();
    await store.inner.remember(personal('m0'));
    await cached.find('tenant', 'alice');
    await cached.find('tenant', 'alice');
    assert.equal(store.reads, 1);
    advance(60_000);
    await cached.find('tenant', 'alice');
    assert.equal(store.reads, 2);
    assert.equal(await cached.find('tenant', 'bob'), undefined);
    assert.equal(await cached.find('tenant', 'bob'), undefined);
    assert.equal(store.reads, 4);
  });

  it('still tells the bot about a first personal contact, once', async () => {
    const { cached } = setup();
    const activity = (id: string) =>
      ({
        id,
        type: 'message',
        channelId: 'msteams',
        serviceUrl: 'https://smba.trafficmanager.net/emea/',
        from: { id: '29:alice', aadObjectId: 'alice', name: 'Alice' },
        recipient: { id: '28:bot', name: 'License Desk' },
        conversation: { id: 'a:personal-alice', conversationType: 'personal', tenantId: 'tenant' },
        channelData: { tenant: { id: 'tenant' } },
        locale: 'en-US',
      }) as unknown as Activity;
    assert.equal(await rememberSender(cached, activity('m1'), new Date(0)), true);
    assert.equal(await rememberSender(cached, activity('m2'), new Date(1)), false);
  });
});

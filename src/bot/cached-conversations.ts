/**
 * The conversation directory without a storage round trip on every message. The bot remembers the sender of
 * each message (conversation-memory.ts); for someone who keeps chatting, that is the same entry again and again,
 * and with it a read and a durable write per turn. This decorator keeps what it last read or wrote per person for
 * a short time and writes only when something that matters changed: the personal conversation, its service URL,
 * the locale, the Teams id, the bot's account. The id of the message the reference was taken from does not
 * matter (proactive messages go to the conversation), nor does updatedAt, which is then refreshed once per ttl.
 *
 * Another instance sharing the store may have written a newer entry: this one sees it after at most ttlMs.
 */
import type { ConversationDirectory, StoredConversation } from '../ports';

export const DEFAULT_CONVERSATION_TTL_MS = 60_000;
const DEFAULT_MAX_ENTRIES = 10_000;

interface Remembered {
  readonly conversation: StoredConversation;
  readonly expiresAt: number;
}

export interface ConversationCacheOptions {
  readonly ttlMs?: number;
  readonly maxEntries?: number;
  readonly now?: () => number;
}

export class CachedConversationDirectory implements ConversationDirectory {
  private readonly entries = new Map<string, Remembered>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(
    private readonly inner: ConversationDirectory,
    options: ConversationCacheOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? DEFAULT_CONVERSATION_TTL_MS;
    this.maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES;
    this.now = options.now ?? Date.now;
  }

  async remember(conversation: StoredConversation): Promise<void> {
    const key = keyOf(conversation.tenantId, conversation.userId);
    const known = this.fresh(key);
    // The store keeps a known personal conversation when told null (a group chat message): so does the cache.
    const merged: StoredConversation = { ...conversation, reference: conversation.reference ?? known?.reference ?? null };
    if (known && sameReach(known, merged)) return;
    await this.inner.remember(conversation);
    if (conversation.reference !== null || known) this.keep(key, merged);
    else this.entries.delete(key);
  }

  async find(tenantId: string, userId: string): Promise<StoredConversation | undefined> {
    const key = keyOf(tenantId, userId);
    const known = this.fresh(key);
    if (known) return known;
    const stored = await this.inner.find(tenantId, userId);
    if (stored) this.keep(key, stored);
    return stored;
  }

  private fresh(key: string): StoredConversation | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt > this.now()) return entry.conversation;
    this.entries.delete(key);
    return undefined;
  }

  private keep(key: string, conversation: StoredConversation): void {
    this.entries.delete(key);
    this.entries.set(key, { conversation, expiresAt: this.now() + this.ttlMs });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
  }
}

function keyOf(tenantId: string, userId: string): string {
  return `${tenantId}/${userId}`;
}

/** Equal for every purpose the directory serves: reaching the person, in their language, as the same bot. */
function sameReach(a: StoredConversation, b: StoredConversation): boolean {
  return (
    a.userId === b.userId &&
    a.tenantId === b.tenantId &&
    a.channelUserId === b.channelUserId &&
    a.locale === b.locale &&
    a.serviceUrl === b.serviceUrl &&
    a.bot?.id === b.bot?.id &&
    a.bot?.name === b.bot?.name &&
    canonical(withoutActivityId(a.reference)) === canonical(withoutActivityId(b.reference))
  );
}

function withoutActivityId(reference: StoredConversation['reference']): Record<string, unknown> | null {
  if (!reference) return null;
  const { activityId: _activityId, ...rest } = reference;
  return rest;
}

/** JSON with object keys sorted, so that two equal references compare equal whatever their key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : item,
  );
}

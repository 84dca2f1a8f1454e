/**
 * Where each person can be reached proactively, under `conversations/<tenantId>/<userId>` in any botbuilder
 * Storage. The latest remember() wins, except that a null reference never erases a known personal conversation:
 * a message from a group chat tells us the person, not their personal chat.
 */
import type { Storage } from 'botbuilder';
import type { ConversationDirectory, StoredConversation } from '../ports';
import { readDocument, updateDocument } from './storage-items';

interface ConversationDocument {
  readonly conversation: StoredConversation;
}

export function conversationKey(tenantId: string, userId: string): string {
  return `conversations/${encodeURIComponent(tenantId)}/${encodeURIComponent(userId)}`;
}

export class StorageConversationDirectory implements ConversationDirectory {
  constructor(private readonly storage: Storage) {}

  async remember(conversation: StoredConversation): Promise<void> {
    await updateDocument<ConversationDocument>(
      this.storage,
      conversationKey(conversation.tenantId, conversation.userId),
      (current) => ({
        conversation: { ...conversation, reference: conversation.reference ?? current?.conversation.reference ?? null },
      }),
    );
  }

  async find(tenantId: string, userId: string): Promise<StoredConversation | undefined> {
    return (await readDocument<ConversationDocument>(this.storage, conversationKey(tenantId, userId)))?.value
      .conversation;
  }
}

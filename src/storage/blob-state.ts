/**
 * The state of any number of bot instances in one Azure Blob Storage container: dialog and conversation state
 * (botbuilder's BlobsStorage), requests with their index, the conversation directory and posted cards (the same
 * stores as the embedded state, over the blob storage, with eTag concurrency on every write), and the append-only
 * audit log (one blob per record). Nothing to release on close: the clients hold no open resources beyond
 * pooled HTTP connections.
 */
import { BlobAuditLog } from './blob-audit-log';
import { BlobStateStorage } from './blob-storage';
import { StorageConversationDirectory } from './conversation-directory';
import type { StateStores } from './open-state';
import { StoragePostedCardStore } from './posted-card-store';
import { StorageRequestStore } from './request-store';

export interface BlobState extends StateStores {
  readonly storage: BlobStateStorage;
}

/** Connects (creating the container when missing). The connection string is a secret: it is never logged. */
export async function openBlobState(connectionString: string, container: string): Promise<BlobState> {
  const storage = await BlobStateStorage.open(connectionString, container);
  return {
    storage,
    requests: new StorageRequestStore(storage),
    conversations: new StorageConversationDirectory(storage),
    cards: new StoragePostedCardStore(storage),
    audit: new BlobAuditLog(storage.container),
    description: `Azure Blob Storage container "${container}" at ${storage.container.url.replace(/\?.*$/, '')}`,
    close: async () => undefined,
  };
}

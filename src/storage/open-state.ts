/**
 * The embedded state of one bot process: every store over one SQLite file, `<dataDir>/license-desk.sqlite`.
 * Close it on shutdown (after the server stops taking requests) so the file is released cleanly.
 */
import * as path from 'node:path';
import type { Storage } from 'botbuilder';
import type { AuditLog, ConversationDirectory, PostedCardStore, RequestStore } from '../ports';
import { SqliteAuditLog } from './audit-log';
import { StorageConversationDirectory } from './conversation-directory';
import { StoragePostedCardStore } from './posted-card-store';
import { StorageRequestStore } from './request-store';
import type { SqliteConnectionOptions } from './sqlite-connection';
import { SqliteStorage } from './sqlite-storage';

export const EMBEDDED_STATE_FILE = 'license-desk.sqlite';

/** Every store of the bot, over one backing store (embedded SQLite, or Azure Blob Storage: blob-state.ts). */
export interface StateStores {
  /** Also the botbuilder Storage for ConversationState and UserState. */
  readonly storage: Storage;
  readonly requests: RequestStore;
  readonly conversations: ConversationDirectory;
  readonly cards: PostedCardStore;
  readonly audit: AuditLog;
  /** Where the state lives, for start-up logs; never holds a secret. */
  readonly description: string;
  close(): Promise<void>;
}

export interface EmbeddedState extends StateStores {
  readonly storage: SqliteStorage;
}

export function openEmbeddedState(dataDir: string, options: SqliteConnectionOptions = {}): EmbeddedState {
  const storage = SqliteStorage.open(path.join(dataDir, EMBEDDED_STATE_FILE), options);
  try {
    return {
      storage,
      requests: new StorageRequestStore(storage),
      conversations: new StorageConversationDirectory(storage),
      cards: new StoragePostedCardStore(storage),
      audit: SqliteAuditLog.attach(storage.connection),
      description: `embedded SQLite ${storage.connection.filePath}`,
      close: () => storage.close(),
    };
  } catch (error) {
    void storage.close();
    throw error;
  }
}

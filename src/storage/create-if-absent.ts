/**
 * botbuilder's Storage has no "create only if absent" (MemoryStorage and BlobsStorage store a write to a missing
 * key whatever eTag it carries). Stores that must not lose a first write to a race use this capability when the
 * storage offers it: SqliteStorage does, and a Blob-backed storage can with `ifNoneMatch: '*'`.
 * Without it, first writes are serialised within one process only (key-lock.ts).
 */
import type { Storage, StoreItems } from 'botbuilder';

export interface CreateIfAbsentStorage extends Storage {
  /** Stores every item, all or none; throws ConcurrencyConflict when any key already exists. */
  createIfAbsent(items: StoreItems): Promise<void>;
}

export function canCreateIfAbsent(storage: Storage): storage is CreateIfAbsentStorage {
  return typeof (storage as Partial<CreateIfAbsentStorage>).createIfAbsent === 'function';
}

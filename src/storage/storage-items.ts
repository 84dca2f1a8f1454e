/**
 * Reading and writing single documents over any botbuilder Storage with optimistic concurrency: the building
 * blocks of the request, conversation and posted-card stores.
 */
import { randomUUID } from 'node:crypto';
import type { Storage, StoreItem } from 'botbuilder';
import { ConcurrencyConflict } from '../ports';
import { canCreateIfAbsent } from './create-if-absent';
import { withKeyLock } from './key-lock';

export interface StoredDocument<T> {
  readonly value: T;
  readonly eTag: string;
}

/** The storages' own conflict errors (MemoryStorage, BlobsStorage: "eTag conflict", HTTP 412) as one type. */
export function isConcurrencyConflict(error: unknown): boolean {
  if (error instanceof ConcurrencyConflict) return true;
  if (!(error instanceof Error)) return false;
  const status = (error as { statusCode?: unknown }).statusCode;
  return status === 412 || /etag conflict/i.test(error.message);
}

export async function readDocument<T extends object>(
  storage: Storage,
  key: string,
): Promise<StoredDocument<T> | undefined> {
  return (await readDocuments<T>(storage, [key])).get(key);
}

export async function readDocuments<T extends object>(
  storage: Storage,
  keys: readonly string[],
): Promise<Map<string, StoredDocument<T>>> {
  const found = new Map<string, StoredDocument<T>>();
  if (keys.length === 0) return found;
  const items = await storage.read([...keys]);
  for (const key of keys) {
    const item = items[key] as StoreItem | undefined;
    if (!item) continue;
    const { eTag, ...value } = item;
    found.set(key, { value: value as T, eTag: typeof eTag === 'string' ? eTag : '' });
  }
  return found;
}

/** Stores a document that must not exist yet; throws ConcurrencyConflict when it does. */
export async function createDocument(storage: Storage, key: string, value: object): Promise<void> {
  if (canCreateIfAbsent(storage)) {
    await translateConflicts(key, () => storage.createIfAbsent({ [key]: value }));
    return;
  }
  // Without the capability, first writers are only serialised within this process; see create-if-absent.ts.
  await withKeyLock(storage, key, async () => {
    if (await readDocument(storage, key)) throw new ConcurrencyConflict(key);
    await storage.write({ [key]: { ...value, eTag: '*' } });
  });
}

/** Replaces a document if eTag is still current; throws ConcurrencyConflict otherwise. */
export async function replaceDocument(storage: Storage, key: string, value: object, eTag: string): Promise<void> {
  await translateConflicts(key, () => storage.write({ [key]: { ...value, eTag } }));
}

/**
 * Writes a document (created when absent, replaced when eTag is current) and returns the eTag of that write.
 * Storage.write returns nothing, so the document carries a one-off writeId and is read back: when someone else
 * wrote in between, the returned eTag is one that can never match, so the caller's next replace fails as it must.
 */
export async function writeVersioned<T extends object>(
  storage: Storage,
  key: string,
  value: T,
  eTag: string | undefined,
): Promise<string> {
  const writeId = randomUUID();
  const document = { ...value, writeId };
  if (eTag === undefined) await createDocument(storage, key, document);
  else await replaceDocument(storage, key, document, eTag);
  const written = await readDocument<{ writeId?: string }>(storage, key);
  return written && written.value.writeId === writeId ? written.eTag : `superseded:${writeId}`;
}

export interface UpdateOptions {
  /** Attempts before the last conflict is rethrown. Default 50. */
  readonly attempts?: number;
}

/**
 * Read-modify-write with eTag retries: change gets the current document (undefined when absent) and returns the
 * next one, or undefined when nothing needs writing. Returns the document as stored.
 */
export async function updateDocument<T extends object>(
  storage: Storage,
  key: string,
  change: (current: T | undefined) => T | undefined,
  options: UpdateOptions = {},
): Promise<T | undefined> {
  const attempts = options.attempts ?? 50;
  for (let attempt = 1; ; attempt += 1) {
    const current = await readDocument<T>(storage, key);
    const next = change(current?.value);
    if (next === undefined) return current?.value;
    try {
      if (current) await replaceDocument(storage, key, next, current.eTag);
      else await createDocument(storage, key, next);
      return next;
    } catch (error) {
      if (!isConcurrencyConflict(error) || attempt >= attempts) throw error;
      await pause(Math.random() * Math.min(50, 2 * attempt));
    }
  }
}

async function translateConflicts(key: string, write: () => Promise<void>): Promise<void> {
  try {
    await write();
  } catch (error) {
    if (error instanceof ConcurrencyConflict || !isConcurrencyConflict(error)) throw error;
    throw new ConcurrencyConflict(key);
  }
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * botbuilder Storage on Azure Blob Storage, shared by every bot instance. Reads, writes and deletes are
 * botbuilder's own BlobsStorage, whose eTag rules the stores rely on: a write carrying an eTag other than '*' is
 * sent with If-Match, so of two instances writing over the same version only one succeeds (the other gets
 * "eTag conflict", which storage-items.ts turns into ConcurrencyConflict).
 *
 * BlobsStorage stores a write to a missing key whatever eTag it carries, so two processes creating the same key
 * could both "win". createIfAbsent closes that gap with If-None-Match: * (the blob service refuses with 409 when
 * the blob exists). keys() lists by prefix, as SqliteStorage does, for lookups by partial id.
 */
import type { Storage, StoreItems } from 'botbuilder';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import { sanitizeBlobKey } from 'botbuilder-azure-blobs/lib/sanitizeBlobKey';
import { ContainerClient, RestError } from '@azure/storage-blob';
import { ConcurrencyConflict } from '../ports';
import type { CreateIfAbsentStorage } from './create-if-absent';

export class BlobStateStorage implements Storage, CreateIfAbsentStorage {
  private constructor(
    private readonly blobs: BlobsStorage,
    readonly container: ContainerClient,
  ) {}

  /** Connects to the container, creating it when missing. The connection string is a secret: never log it. */
  static async open(connectionString: string, containerName: string): Promise<BlobStateStorage> {
    const container = new ContainerClient(connectionString, containerName);
    await container.createIfNotExists();
    return new BlobStateStorage(new BlobsStorage(connectionString, containerName), container);
  }

  read(keys: string[]): Promise<StoreItems> {
    return this.blobs.read(keys);
  }

  write(changes: StoreItems): Promise<void> {
    return this.blobs.write(changes);
  }

  delete(keys: string[]): Promise<void> {
    return this.blobs.delete(keys);
  }

  /**
   * Creates each item only if its blob does not exist; throws ConcurrencyConflict when one does. Blob Storage has
   * no multi-blob transaction: with several items, those created before the conflict are deleted again.
   */
  async createIfAbsent(items: StoreItems): Promise<void> {
    const created: string[] = [];
    for (const [key, item] of Object.entries(items)) {
      const { eTag: _ignored, ...value } = item as Record<string, unknown>;
      const body = JSON.stringify(value);
      try {
        await this.container.getBlockBlobClient(sanitizeBlobKey(key)).upload(body, Buffer.byteLength(body), {
          conditions: { ifNoneMatch: '*' },
          blobHTTPHeaders: { blobContentType: 'application/json' },
        });
      } catch (error) {
        if (created.length > 0) await this.blobs.delete(created).catch(() => undefined);
        if (isExistsError(error)) throw new ConcurrencyConflict(key);
        throw error;
      }
      created.push(key);
    }
  }

  /** Every stored key that starts with prefix, sorted. */
  async keys(prefix: string): Promise<string[]> {
    const found: string[] = [];
    for await (const blob of this.container.listBlobsFlat({ prefix: encodeURIComponent(prefix) })) {
      // BlobsStorage names a blob encodeURIComponent(key); names with a '/' are not its own (the audit log's).
      if (!blob.name.includes('/')) found.push(decodeURIComponent(blob.name));
    }
    return found.filter((key) => key.startsWith(prefix)).sort();
  }
}

function isExistsError(error: unknown): boolean {
  const status = error instanceof RestError ? error.statusCode : (error as { statusCode?: unknown } | undefined)?.statusCode;
  return status === 409 || status === 412;
}

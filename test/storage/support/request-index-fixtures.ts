/**
 * What the request index tests share: the backends they run over (each able to give another connection, standing
 * in for another process), a look at the index documents as stored, and short ways to move a request on.
 */
import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import { MemoryStorage, type Storage } from 'botbuilder';
import type { RequestState } from '../../../src/domain/request';
import { BlobStateStorage } from '../../../src/storage/blob-storage';
import { FINISHED_CATALOG_KEY, finishedShardKey } from '../../../src/storage/finished-request-shards';
import { REQUEST_INDEX_KEY } from '../../../src/storage/request-index';
import type { StorageRequestStore } from '../../../src/storage/request-store';
import { SqliteStorage } from '../../../src/storage/sqlite-storage';
import { startAzurite, type Azurite } from '../../reliability/support/azurite';
import { inState } from './sample-request';
import { useTempDir } from './temp-dir';

export const ALL_STATES: readonly RequestState[] = ['pending', 'approved', 'assigning', 'completed', 'failed', 'rejected', 'cancelled', 'expired'];

export const id = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** 09:00 UTC plus minutes on day `day` of March 2025. */
export const at = (day: number, minute = 0): string => new Date(Date.UTC(2025, 2, day, 9, minute)).toISOString();

export interface IndexLook {
  /** Ids in the open document marked open, sorted. */
  readonly open: string[];
  /** Ids in the open document marked closed (old layout), sorted. */
  readonly closed: string[];
  /** Ids in the finished shards, sorted, once per occurrence. */
  readonly finished: string[];
  /** Shard names in the catalog. */
  readonly shards: string[];
}

export async function lookAtIndex(storage: Storage): Promise<IndexLook> {
  const items = await storage.read([REQUEST_INDEX_KEY, FINISHED_CATALOG_KEY]);
  const entries = Object.entries((items[REQUEST_INDEX_KEY] as { entries?: Record<string, { open: boolean }> } | undefined)?.entries ?? {});
  const shards = [...((items[FINISHED_CATALOG_KEY] as { shards?: string[] } | undefined)?.shards ?? [])];
  const shardDocuments = shards.length > 0 ? await storage.read(shards.map(finishedShardKey)) : {};
  return {
    open: entries.filter(([, entry]) => entry.open).map(([key]) => key).sort(),
    closed: entries.filter(([, entry]) => !entry.open).map(([key]) => key).sort(),
    finished: Object.values(shardDocuments)
      .flatMap((document) => Object.keys((document as { entries?: Record<string, string> }).entries ?? {}))
      .sort(),
    shards,
  };
}

export async function listed(store: StorageRequestStore, states: readonly RequestState[]): Promise<string[]> {
  return (await store.listByState(states)).map((request) => request.id);
}

/** Replaces the request with its current eTag, in the given state. */
export async function move(store: StorageRequestStore, requestId: string, state: RequestState): Promise<void> {
  const current = await store.get(requestId);
  if (!current) throw new Error(`no request ${requestId}`);
  await store.replace(inState(current.value, state), current.eTag);
}

export interface Backend {
  readonly name: string;
  /** Connects to this test's store: every call is another connection to the same data. */
  connect(): Storage;
}

interface BackendKind {
  readonly name: string;
  /** Once per describe, before its tests (starting a server). */
  start?(): Promise<void>;
  stop?(): Promise<void>;
  /** Per test: a new, empty store, and how to connect to it. */
  fresh(): Promise<() => Storage>;
}

/**
 * Runs define once per backend (SqliteStorage on a temp file, MemoryStorage, and unless only the embedded ones
 * are asked for, Azure Blob Storage on Azurite), with connections closed after each test. Call inside a describe().
 */
export function forEachBackend(define: (backend: Backend) => void, options: { embeddedOnly?: boolean } = {}): void {
  const dir = useTempDir();
  let azurite: Azurite | undefined;
  const kinds: BackendKind[] = [
    { name: 'SqliteStorage', fresh: async () => () => SqliteStorage.open(path.join(dir.path, 'requests.sqlite')) },
    {
      name: 'MemoryStorage',
      fresh: async () => {
        const memory = new MemoryStorage();
        return () => memory;
      },
    },
  ];
  if (!options.embeddedOnly) {
    kinds.push({
      name: 'BlobStateStorage (Azurite)',
      start: async () => {
        azurite = await startAzurite();
      },
      stop: async () => {
        await azurite?.stop();
      },
      fresh: async () => {
        if (!azurite) throw new Error('Azurite did not start');
        // The client keeps no state between calls: one client stands for any number of instances.
        const storage = await BlobStateStorage.open(azurite.connectionString, `index-${randomUUID().slice(0, 8)}`);
        return () => storage;
      },
    });
  }
  for (const kind of kinds) {
    describe(`over ${kind.name}`, () => {
      let connections: Storage[] = [];
      let open: () => Storage = () => {
        throw new Error('connect() is for tests only');
      };
      if (kind.start) before(() => kind.start?.());
      if (kind.stop) after(() => kind.stop?.());
      beforeEach(async () => {
        connections = [];
        open = await kind.fresh();
      });
      afterEach(async () => {
        for (const connection of connections) if (connection instanceof SqliteStorage) await connection.close();
      });
      define({
        name: kind.name,
        connect: () => {
          const connection = open();
          connections.push(connection);
          return connection;
        },
      });
    });
  }
}

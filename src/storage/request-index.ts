/**
 * botbuilder Storage cannot list keys, so the request store keeps one index document: every request id with its
 * creation time and whether it may still be unfinished ("open"). Listing unfinished requests reads only the open
 * ones; listing finished states reads them all. The request document stays the truth: callers filter candidates by
 * the state they actually read, so an entry that is open too long only costs a read.
 *
 * The invariant is "an unfinished request is always marked open", kept under concurrency by:
 * - marking open before the request is written (create, and a move from a finished to an unfinished state);
 * - closing only after a finished state was written, and only if no one reopened the entry meanwhile:
 *   every reopen increments `generation`, read before the finished state is written.
 */
import type { Storage } from 'botbuilder';
import type { RequestState } from '../domain/request';
import { isOpen } from '../domain/request-state';
import { readDocument, updateDocument } from './storage-items';

export const REQUEST_INDEX_KEY = 'requests-index';

/** Unfinished = still open in the request's life (the domain's definition). */
export function isUnfinished(state: RequestState): boolean {
  return isOpen(state);
}

interface IndexEntry {
  readonly createdAt: string;
  readonly open: boolean;
  readonly generation: number;
}

interface IndexDocument {
  readonly entries: Readonly<Record<string, IndexEntry>>;
}

export interface IndexedRequest {
  readonly id: string;
  readonly createdAt: string;
}

export class RequestIndex {
  constructor(private readonly storage: Storage) {}

  /** Adds the id unless it is indexed already (a retried create keeps the existing entry). */
  async add(id: string, createdAt: string, open: boolean): Promise<void> {
    await this.update((entries) => (entries[id] ? undefined : { ...entries, [id]: { createdAt, open, generation: 0 } }));
  }

  /** Marks the id open and starts a new generation, so that a close decided before this cannot apply. */
  async reopen(id: string, createdAt: string): Promise<void> {
    await this.update((entries) => {
      const entry = entries[id];
      return {
        ...entries,
        [id]: { createdAt: entry?.createdAt ?? createdAt, open: true, generation: (entry?.generation ?? 0) + 1 },
      };
    });
  }

  async generationOf(id: string): Promise<number | undefined> {
    return (await this.read())[id]?.generation;
  }

  /** Marks the id finished unless it was reopened since generation was read. */
  async closeIfUnchanged(id: string, generation: number): Promise<void> {
    await this.update((entries) => {
      const entry = entries[id];
      if (!entry || !entry.open || entry.generation !== generation) return undefined;
      return { ...entries, [id]: { ...entry, open: false } };
    });
  }

  /** Ids that may be in the given kind of state: only the open ones, or all. */
  async candidates(onlyUnfinished: boolean): Promise<IndexedRequest[]> {
    return Object.entries(await this.read())
      .filter(([, entry]) => entry.open || !onlyUnfinished)
      .map(([id, entry]) => ({ id, createdAt: entry.createdAt }));
  }

  private async read(): Promise<Readonly<Record<string, IndexEntry>>> {
    return (await readDocument<IndexDocument>(this.storage, REQUEST_INDEX_KEY))?.value.entries ?? {};
  }

  private async update(
    change: (entries: Readonly<Record<string, IndexEntry>>) => Record<string, IndexEntry> | undefined,
  ): Promise<void> {
    await updateDocument<IndexDocument>(this.storage, REQUEST_INDEX_KEY, (current) => {
      const entries = change(current?.entries ?? {});
      return entries && { entries };
    });
  }
}

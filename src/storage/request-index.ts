/**
 * botbuilder Storage cannot list keys, so the request store keeps an index of request ids in two parts:
 * - the open document (`requests-index`): the requests that may be unfinished, with their creation time and a
 *   generation. It is small (unfinished requests only) and rewritten on create, reopen and close;
 * - finished shards (finished-request-shards.ts): the requests that reached a finished state, one document per
 *   creation day, appended to on close and never rewritten whole.
 * One document for every request ever created made each create and finish rewrite the whole history (39 ms per
 * create at 10,000 requests); now their cost depends on the number of unfinished requests and on one day's
 * volume, not on how many finished requests exist. Listing unfinished requests reads the open document only;
 * listing finished states reads both parts and de-duplicates.
 *
 * The request document stays the truth: callers filter candidates by the state they actually read, so an id that
 * is open too long (or in both parts) only costs a read. What must never happen is an unfinished request missing
 * from the open document, or any request missing from both parts. That is kept under concurrency (several bot
 * instances may share one store; every document is written with its eTag) by:
 * - adding the open entry before the request is written (create, and a move from a finished to an unfinished
 *   state: reopen);
 * - closing only after a finished state was written: first recording the id in its shard (idempotent), then
 *   removing the open entry only if no one reopened it meanwhile. Every reopen draws a new random generation,
 *   read before the finished state is written, so a close decided before a reopen can never remove the entry,
 *   even when the entry was removed and added again in between (a counter kept in the entry would restart).
 *   A crash between the two steps leaves the id in both parts, which is harmless.
 *
 * Migration: before this layout, `requests-index` held every id, finished ones marked `open: false`. The open
 * document keeps that key and shape (its entries are all marked `open: true`), so the old document is an open
 * document with closed entries in it. Reads list those as finished candidates; each write of the open document
 * that finds some moves up to `migrationDaysPerWrite` days of them: recorded in their shards first, then dropped
 * by an eTag-checked write that keeps any entry reopened meanwhile. Two processes doing it at once both record
 * (idempotent) and the drops commute. The move is spread over writes so that no single create pays for a large
 * history. An instance still running the old code during a rolling upgrade keeps working on the same document;
 * the entries it closes are moved on the same way.
 */
import { randomBytes } from 'node:crypto';
import type { Storage } from 'botbuilder';
import type { RequestState } from '../domain/request';
import { isOpen } from '../domain/request-state';
import { FinishedRequestShards, creationDay, type IndexedRequest } from './finished-request-shards';
import { readDocument, updateDocument } from './storage-items';

export type { IndexedRequest } from './finished-request-shards';

export const REQUEST_INDEX_KEY = 'requests-index';

/** Unfinished = still open in the request's life (the domain's definition). */
export function isUnfinished(state: RequestState): boolean {
  return isOpen(state);
}

/** A random token drawn by every add and reopen; numbers in entries written before the sharded layout. */
export type Generation = string | number;

interface OpenEntry {
  readonly createdAt: string;
  /** Always true in this layout; false marks an entry of the old layout (or an old instance) still to move. */
  readonly open: boolean;
  readonly generation: Generation;
}

type OpenEntries = Readonly<Record<string, OpenEntry>>;

interface OpenDocument {
  readonly entries: OpenEntries;
}

export interface RequestIndexOptions {
  /** Entries in one finished shard document before its day continues in another. Default 500. */
  readonly shardCapacity?: number;
  /** Creation days of closed old-layout entries moved to shards by one write of the open document. Default 31. */
  readonly migrationDaysPerWrite?: number;
}

export class RequestIndex {
  private readonly finished: FinishedRequestShards;
  private readonly migrationDaysPerWrite: number;

  constructor(
    private readonly storage: Storage,
    options: RequestIndexOptions = {},
  ) {
    this.finished = new FinishedRequestShards(storage, options.shardCapacity ?? 500);
    this.migrationDaysPerWrite = options.migrationDaysPerWrite ?? 31;
  }

  /**
   * Indexes a request about to be created: an unfinished one in the open document unless it is open there already
   * (a retried create keeps the existing entry), a finished one in its shard. Returns the generation when it added
   * an open entry, so that a create that turns out to be a duplicate can take the entry back (closeIfUnchanged).
   */
  async add(id: string, createdAt: string, open: boolean): Promise<Generation | undefined> {
    if (!open) {
      await this.finished.record([{ id, createdAt }]);
      return undefined;
    }
    let added: Generation | undefined;
    await this.updateOpen((entries) => {
      added = undefined;
      if (entries[id]?.open) return undefined;
      added = newGeneration();
      return { ...entries, [id]: { createdAt, open: true, generation: added } };
    });
    return added;
  }

  /** Marks the id open with a new generation, so that a close decided before this cannot apply. */
  async reopen(id: string, createdAt: string): Promise<void> {
    await this.updateOpen((entries) => ({
      ...entries,
      [id]: { createdAt: entries[id]?.createdAt ?? createdAt, open: true, generation: newGeneration() },
    }));
  }

  /** The generation of the open entry; undefined when the id is not open. */
  async generationOf(id: string): Promise<Generation | undefined> {
    const entry = (await this.readOpen())[id];
    return entry?.open ? entry.generation : undefined;
  }

  /**
   * Records the id as finished, then removes its open entry unless it was reopened since generation was read
   * (undefined: the id was not open then, so only the record is made).
   */
  async closeIfUnchanged(id: string, createdAt: string, generation: Generation | undefined): Promise<void> {
    await this.finished.record([{ id, createdAt }]);
    if (generation === undefined) return;
    await this.updateOpen((entries) => {
      const entry = entries[id];
      if (!entry?.open || entry.generation !== generation) return undefined;
      const { [id]: _closed, ...others } = entries;
      return others;
    });
  }

  /** Ids that may be in the given kind of state, once each: only the open ones, or all. */
  async candidates(onlyUnfinished: boolean): Promise<IndexedRequest[]> {
    const found = new Map<string, IndexedRequest>();
    for (const [id, entry] of Object.entries(await this.readOpen())) {
      if (entry.open || !onlyUnfinished) found.set(id, { id, createdAt: entry.createdAt });
    }
    if (!onlyUnfinished) {
      for (const request of await this.finished.list()) if (!found.has(request.id)) found.set(request.id, request);
    }
    return [...found.values()];
  }

  private async readOpen(): Promise<OpenEntries> {
    return (await readDocument<OpenDocument>(this.storage, REQUEST_INDEX_KEY))?.value.entries ?? {};
  }

  /**
   * Read-modify-write of the open document (change returns undefined when nothing needs writing). When the
   * document still holds closed entries (old layout, or an instance running the old code), a batch of them is moved
   * to the shards afterwards.
   */
  private async updateOpen(change: (entries: OpenEntries) => OpenEntries | undefined): Promise<void> {
    let holdsClosedEntries = false;
    await updateDocument<OpenDocument>(this.storage, REQUEST_INDEX_KEY, (current) => {
      const entries = current?.entries ?? {};
      holdsClosedEntries = Object.values(entries).some((entry) => !entry.open);
      const changed = change(entries);
      return changed && { entries: changed };
    });
    if (holdsClosedEntries) await this.moveClosedEntries();
  }

  /** Records a batch of closed entries in their shards, then drops them from the open document. */
  private async moveClosedEntries(): Promise<void> {
    const byDay = new Map<string, IndexedRequest[]>();
    for (const [id, entry] of Object.entries(await this.readOpen())) {
      if (entry.open) continue;
      const day = creationDay(entry.createdAt);
      let batch = byDay.get(day);
      if (!batch) {
        if (byDay.size >= this.migrationDaysPerWrite) continue;
        batch = [];
        byDay.set(day, batch);
      }
      batch.push({ id, createdAt: entry.createdAt });
    }
    const recorded = [...byDay.values()].flat();
    if (recorded.length === 0) return;
    await this.finished.record(recorded);
    const ids = new Set(recorded.map((request) => request.id));
    await updateDocument<OpenDocument>(this.storage, REQUEST_INDEX_KEY, (current) => {
      const entries = Object.entries(current?.entries ?? {});
      // An entry reopened since it was read is open again, and kept.
      const kept = entries.filter(([id, entry]) => entry.open || !ids.has(id));
      return kept.length === entries.length ? undefined : { entries: Object.fromEntries(kept) };
    });
  }
}

function newGeneration(): string {
  return randomBytes(9).toString('base64url');
}

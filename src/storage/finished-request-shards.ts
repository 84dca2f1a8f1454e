/**
 * The finished half of the request index (see request-index.ts): ids of requests that reached a finished state,
 * kept in one document per creation day (UTC), so that recording a request rewrites one day's document and never
 * the history. A day with more than `capacity` entries continues in further parts (`2026-11-21`, `2026-11-21.1`,
 * …), so that no document grows without bound however busy a day is.
 *
 * botbuilder Storage cannot list keys: a catalog document names every shard, and is rewritten only when a shard
 * appears (once a day). A shard is listed in the catalog before anything is recorded in it, and the catalog only
 * grows, so a process may remember which names it has seen listed. Entries are never removed: a reopened request
 * stays here too, and a retried record may land in a later part; readers de-duplicate.
 */
import type { Storage } from 'botbuilder';
import { readDocument, readDocuments, updateDocument } from './storage-items';

export const FINISHED_CATALOG_KEY = 'requests-index/finished';

const READ_CHUNK = 100;

export function finishedShardKey(name: string): string {
  return `${FINISHED_CATALOG_KEY}/${name}`;
}

export interface IndexedRequest {
  readonly id: string;
  readonly createdAt: string;
}

interface CatalogDocument {
  readonly shards: readonly string[];
}

interface ShardDocument {
  /** id → createdAt */
  readonly entries: Readonly<Record<string, string>>;
}

export class FinishedRequestShards {
  /** Shard names seen in the catalog. */
  private readonly listed = new Set<string>();
  private catalogRead = false;

  constructor(
    private readonly storage: Storage,
    private readonly capacity: number,
  ) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('Shard capacity must be a positive integer.');
  }

  /** Stores every request in the shard of its creation day; returns once all are stored. */
  async record(requests: readonly IndexedRequest[]): Promise<void> {
    const byDay = new Map<string, Map<string, string>>();
    for (const { id, createdAt } of requests) {
      const day = creationDay(createdAt);
      const entries = byDay.get(day) ?? new Map<string, string>();
      entries.set(id, createdAt);
      byDay.set(day, entries);
    }
    if (byDay.size === 0) return;
    if (!this.catalogRead) await this.readCatalog();
    // One catalog write for all the days' current parts, rather than one per day.
    await this.ensureListed([...byDay.keys()].map((day) => partName(day, this.latestListedPart(day))));
    await Promise.all([...byDay].map(([day, entries]) => this.recordInDay(day, entries)));
  }

  /** Every recorded request, once each. */
  async list(): Promise<IndexedRequest[]> {
    const names = await this.readCatalog();
    const found = new Map<string, IndexedRequest>();
    for (let start = 0; start < names.length; start += READ_CHUNK) {
      const keys = names.slice(start, start + READ_CHUNK).map(finishedShardKey);
      for (const shard of (await readDocuments<ShardDocument>(this.storage, keys)).values()) {
        for (const [id, createdAt] of Object.entries(shard.value.entries)) {
          if (!found.has(id)) found.set(id, { id, createdAt });
        }
      }
    }
    return [...found.values()];
  }

  private async recordInDay(day: string, pending: Map<string, string>): Promise<void> {
    for (let part = this.latestListedPart(day); pending.size > 0; part += 1) {
      await this.ensureListed([partName(day, part)]);
      // Reading the catalog may have shown later parts, written by another process since this one last looked.
      part = this.latestListedPart(day);
      const name = partName(day, part);
      const stored = await updateDocument<ShardDocument>(this.storage, finishedShardKey(name), (current) => {
        const entries = current?.entries ?? {};
        let room = this.capacity - Object.keys(entries).length;
        const added: Record<string, string> = {};
        for (const [id, createdAt] of pending) {
          if (room <= 0) break;
          if (entries[id] !== undefined) continue;
          added[id] = createdAt;
          room -= 1;
        }
        return Object.keys(added).length > 0 ? { entries: { ...entries, ...added } } : undefined;
      });
      for (const id of [...pending.keys()]) {
        if (stored?.entries[id] !== undefined) pending.delete(id);
      }
    }
  }

  private async ensureListed(names: readonly string[]): Promise<void> {
    const missing = names.filter((name) => !this.listed.has(name));
    if (missing.length === 0) return;
    const catalog = await updateDocument<CatalogDocument>(this.storage, FINISHED_CATALOG_KEY, (current) => {
      const shards = new Set(current?.shards ?? []);
      const added = missing.filter((name) => !shards.has(name));
      return added.length > 0 ? { shards: [...shards, ...added].sort() } : undefined;
    });
    for (const name of catalog?.shards ?? []) this.listed.add(name);
  }

  private async readCatalog(): Promise<readonly string[]> {
    const names = (await readDocument<CatalogDocument>(this.storage, FINISHED_CATALOG_KEY))?.value.shards ?? [];
    for (const name of names) this.listed.add(name);
    this.catalogRead = true;
    return names;
  }

  /** The highest part of the day this process has seen listed; 0 when none. */
  private latestListedPart(day: string): number {
    let latest = 0;
    for (const name of this.listed) {
      if (name.startsWith(`${day}.`)) latest = Math.max(latest, Number(name.slice(day.length + 1)) || 0);
    }
    return latest;
  }
}

/** The UTC day of a creation time ("2026-11-21"); "undated" when it is not a time. */
export function creationDay(createdAt: string): string {
  const time = Date.parse(createdAt);
  return Number.isNaN(time) ? 'undated' : new Date(time).toISOString().slice(0, 10);
}

function partName(day: string, part: number): string {
  return part === 0 ? day : `${day}.${part}`;
}

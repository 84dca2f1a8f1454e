/**
 * Durable due items over the bot's botbuilder Storage, so that follow-ups, reminders and expiries survive
 * restarts and run once when several bot instances share the storage.
 *
 * Layout: one document per item under `schedule/<id>`, and one index document (`schedule-index`) listing every
 * item id with its due time, because botbuilder Storage cannot list keys. The item document is the truth.
 *
 * Exactly once: an instance runs a due item only after storing a lease on the item document with the eTag it
 * read (ConcurrencyConflict = another instance got there first). A finished item is not deleted at once but
 * kept as a tombstone (`doneAt`) for the retention period: a slower instance holding an old eTag then conflicts
 * with it, instead of re-creating a deleted key (MemoryStorage and Blob storage accept any eTag on a missing key).
 * Only a process that stops while running an item lets its lease run out; the item then runs again elsewhere
 * (at least once), so handlers re-read what they act on.
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { Storage } from 'botbuilder';
import { createLogger, type Logger } from '../../logger';
import type { Clock } from '../../ports';
import { isConcurrencyConflict, readDocument, readDocuments, updateDocument, writeVersioned } from '../../storage/storage-items';

export const SCHEDULE_INDEX_KEY = 'schedule-index';

export interface DueItem {
  /** Unique and deterministic where a caller may schedule twice (the second schedule is ignored). */
  readonly id: string;
  readonly kind: string;
  /** ISO 8601. */
  readonly dueAt: string;
  readonly payload: Readonly<Record<string, unknown>>;
}

/** Runs one due item; throwing makes the item run again later (with a growing delay). */
export type DueHandler = (item: DueItem, now: Date) => Promise<void>;

interface ItemDocument {
  readonly item: DueItem;
  readonly attempts: number;
  readonly lease?: { readonly by: string; readonly until: string };
  readonly doneAt?: string;
  readonly outcome?: 'done' | 'gave-up' | 'unknown-kind';
}

interface IndexEntry {
  readonly dueAt: string;
  readonly doneAt?: string;
}

interface IndexDocument {
  readonly entries: Readonly<Record<string, IndexEntry>>;
}

export interface SchedulerOptions {
  readonly instanceId?: string;
  /** How long a claimed item is protected from other instances; must exceed the longest handler. Default 10 min. */
  readonly leaseMs?: number;
  /** How long finished items are kept as tombstones. Default 1 day. */
  readonly retentionMs?: number;
  /** Failed runs before an item is given up. Default 8. */
  readonly maxAttempts?: number;
  readonly log?: Logger;
}

const MINUTE = 60_000;

export function scheduleKey(id: string): string {
  return `schedule/${encodeURIComponent(id)}`;
}

export class LifecycleScheduler {
  readonly instanceId: string;
  private readonly handlers = new Map<string, DueHandler>();
  private readonly leaseMs: number;
  private readonly retentionMs: number;
  private readonly maxAttempts: number;
  private readonly log: Logger;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(
    private readonly storage: Storage,
    private readonly clock: Clock,
    options: SchedulerOptions = {},
  ) {
    this.instanceId = options.instanceId ?? `${os.hostname()}/${process.pid}/${randomUUID().slice(0, 8)}`;
    this.leaseMs = options.leaseMs ?? 10 * MINUTE;
    this.retentionMs = options.retentionMs ?? 24 * 60 * MINUTE;
    this.maxAttempts = options.maxAttempts ?? 8;
    this.log = options.log ?? createLogger('warn');
  }

  register(kind: string, handler: DueHandler): void {
    this.handlers.set(kind, handler);
  }

  /** Stores the item; false when an item with this id exists (scheduled, running or recently done). */
  async schedule(item: { id: string; kind: string; dueAt: Date; payload: Record<string, unknown> }): Promise<boolean> {
    const due: DueItem = { id: item.id, kind: item.kind, dueAt: item.dueAt.toISOString(), payload: item.payload };
    try {
      await writeVersioned<ItemDocument>(this.storage, scheduleKey(item.id), { item: due, attempts: 0 }, undefined);
    } catch (error) {
      if (isConcurrencyConflict(error)) return false;
      throw error;
    }
    // Indexed after the document: an index entry always has a document, except after a purge (skipped on read).
    await this.updateIndex((entries) => ({ ...entries, [item.id]: { dueAt: due.dueAt } }));
    return true;
  }

  /** Items not done yet, earliest first (inspection and tests). */
  async pending(): Promise<DueItem[]> {
    const ids = Object.entries(await this.readIndex())
      .filter(([, entry]) => !entry.doneAt)
      .map(([id]) => id);
    const documents = await readDocuments<ItemDocument>(this.storage, ids.map(scheduleKey));
    return [...documents.values()]
      .filter((document) => !document.value.doneAt)
      .map((document) => document.value.item)
      .sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  }

  /** Runs every item due at `now` that no other instance holds; returns how many this instance ran. */
  async tick(now: Date = this.clock.now()): Promise<number> {
    const entries = await this.readIndex();
    const due = Object.entries(entries)
      .filter(([, entry]) => !entry.doneAt && Date.parse(entry.dueAt) <= now.getTime())
      .sort(([, a], [, b]) => a.dueAt.localeCompare(b.dueAt));
    let ran = 0;
    for (const [id] of due) {
      if (await this.runIfClaimed(id, now)) ran++;
    }
    await this.purge(entries, now);
    return ran;
  }

  /** Ticks every intervalMs on the system timer (one tick at a time) until stop(). */
  start(intervalMs: number): void {
    this.stop();
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.tick()
        .catch((error: unknown) => {
          this.log.error('schedule tick failed', { error: String(error) });
          return 0;
        })
        .finally(() => {
          this.running = undefined;
        });
    }, intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  private async runIfClaimed(id: string, now: Date): Promise<boolean> {
    const key = scheduleKey(id);
    const stored = await readDocument<ItemDocument>(this.storage, key);
    if (!stored) return false;
    if (stored.value.doneAt) {
      await this.markIndexed(id, stored.value.doneAt);
      return false;
    }
    const lease = stored.value.lease;
    if (lease && Date.parse(lease.until) > now.getTime()) return false;

    let eTag: string;
    try {
      const claimed: ItemDocument = { ...stored.value, lease: { by: this.instanceId, until: new Date(now.getTime() + this.leaseMs).toISOString() } };
      eTag = await writeVersioned<ItemDocument>(this.storage, key, claimed, stored.eTag);
    } catch (error) {
      if (isConcurrencyConflict(error)) return false;
      throw error;
    }
    if (eTag.startsWith('superseded:')) return false;

    const item = stored.value.item;
    const handler = this.handlers.get(item.kind);
    let next: ItemDocument;
    if (!handler) {
      this.log.warn('scheduled item of an unknown kind dropped', { id, kind: item.kind });
      next = { item, attempts: stored.value.attempts, doneAt: now.toISOString(), outcome: 'unknown-kind' };
    } else {
      try {
        await handler(item, now);
        next = { item, attempts: stored.value.attempts + 1, doneAt: now.toISOString(), outcome: 'done' };
      } catch (error) {
        const attempts = stored.value.attempts + 1;
        this.log.warn('scheduled item failed', { id, kind: item.kind, attempts, error: String(error) });
        next =
          attempts >= this.maxAttempts
            ? { item, attempts, doneAt: now.toISOString(), outcome: 'gave-up' }
            : { item: { ...item, dueAt: new Date(now.getTime() + retryDelayMs(attempts)).toISOString() }, attempts };
      }
    }
    try {
      await writeVersioned<ItemDocument>(this.storage, key, next, eTag);
    } catch (error) {
      if (!isConcurrencyConflict(error)) throw error;
      this.log.warn('scheduled item taken over while running (lease too short?)', { id });
      return true;
    }
    if (next.doneAt) await this.markIndexed(id, next.doneAt);
    else await this.updateIndex((entries) => ({ ...entries, [id]: { dueAt: next.item.dueAt } }));
    return true;
  }

  private async markIndexed(id: string, doneAt: string): Promise<void> {
    await this.updateIndex((entries) => {
      const entry = entries[id];
      return entry && !entry.doneAt ? { ...entries, [id]: { ...entry, doneAt } } : undefined;
    });
  }

  /** Tombstones past retention go, with index entries whose document is gone. */
  private async purge(entries: Readonly<Record<string, IndexEntry>>, now: Date): Promise<void> {
    const expired = Object.entries(entries)
      .filter(([, entry]) => entry.doneAt && now.getTime() - Date.parse(entry.doneAt) >= this.retentionMs)
      .map(([id]) => id);
    if (expired.length === 0) return;
    await this.storage.delete(expired.map(scheduleKey));
    await this.updateIndex((current) => {
      const kept = { ...current };
      for (const id of expired) if (kept[id]?.doneAt) delete kept[id];
      return kept;
    });
  }

  private async readIndex(): Promise<Readonly<Record<string, IndexEntry>>> {
    return (await readDocument<IndexDocument>(this.storage, SCHEDULE_INDEX_KEY))?.value.entries ?? {};
  }

  private async updateIndex(change: (entries: Readonly<Record<string, IndexEntry>>) => Record<string, IndexEntry> | undefined): Promise<void> {
    await updateDocument<IndexDocument>(this.storage, SCHEDULE_INDEX_KEY, (current) => {
      const entries = change(current?.entries ?? {});
      return entries && { entries };
    });
  }
}

/** 1, 2, 4 … minutes, at most an hour, between failed runs. */
function retryDelayMs(attempts: number): number {
  return Math.min(2 ** (attempts - 1), 60) * MINUTE;
}

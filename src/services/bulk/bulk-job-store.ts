/**
 * Bulk jobs over any botbuilder Storage: the job document `bulk-jobs/<id>` (eTag-checked transitions),
 * the users in chunks `bulk-job-users/<id>/<n>` of STORAGE_CHUNK_SIZE (only the chunk that changed is
 * rewritten), one lock document per user `bulk-locks/<userId>` while a job holds the user, and an
 * index of job ids (botbuilder Storage cannot list keys).
 */
import type { Storage } from 'botbuilder';
import { ConcurrencyConflict, type Versioned } from '../../ports';
import { canCreateIfAbsent } from '../../storage/create-if-absent';
import { createDocument, readDocument, readDocuments, updateDocument, writeVersioned } from '../../storage/storage-items';
import { isFinalJob, type BulkJob, type BulkUserEntry } from './bulk-job';
import { STORAGE_CHUNK_SIZE } from './bulk-limits';

const INDEX_KEY = 'bulk-jobs-index';
const jobKey = (id: string) => `bulk-jobs/${encodeURIComponent(id)}`;
const chunkKey = (id: string, index: number) => `bulk-job-users/${encodeURIComponent(id)}/${index}`;
const lockKey = (userId: string) => `bulk-locks/${encodeURIComponent(userId.toLowerCase())}`;

interface JobDocument {
  readonly job: BulkJob;
}
interface ChunkDocument {
  readonly entries: BulkUserEntry[];
}
interface LockDocument {
  readonly jobId: string;
}
interface IndexDocument {
  readonly entries: Readonly<Record<string, { readonly createdAt: string; readonly open: boolean }>>;
}

export type LockResult = { readonly locked: true } | { readonly locked: false; readonly conflicts: ReadonlyMap<string, string> };

export class BulkJobStore {
  constructor(private readonly storage: Storage) {}

  /** Stores a new job with its users (chunks first: a job document always has its chunks). */
  async create(job: BulkJob, entries: readonly BulkUserEntry[]): Promise<Versioned<BulkJob>> {
    const chunks = chunked(entries);
    const changes: Record<string, ChunkDocument> = {};
    chunks.forEach((chunk, index) => (changes[chunkKey(job.id, index)] = { entries: chunk }));
    if (chunks.length > 0) await this.storage.write(changes);
    await this.setIndexed(job.id, job.createdAt, true);
    const stored = { ...job, chunkCount: chunks.length };
    const eTag = await writeVersioned<JobDocument>(this.storage, jobKey(job.id), { job: stored }, undefined);
    return { value: stored, eTag };
  }

  async get(id: string): Promise<Versioned<BulkJob> | undefined> {
    const stored = await readDocument<JobDocument>(this.storage, jobKey(id));
    return stored && { value: stored.value.job, eTag: stored.eTag };
  }

  /** Replaces the job if eTag is current; throws ConcurrencyConflict otherwise. */
  async replace(job: BulkJob, eTag: string): Promise<Versioned<BulkJob>> {
    const current = await readDocument<JobDocument>(this.storage, jobKey(job.id));
    if (!current || current.eTag !== eTag) throw new ConcurrencyConflict(jobKey(job.id));
    const next = await writeVersioned<JobDocument>(this.storage, jobKey(job.id), { job }, eTag);
    if (isFinalJob(job.state)) await this.setIndexed(job.id, job.createdAt, false);
    return { value: job, eTag: next };
  }

  /** Read-modify-write with eTag retries; change returns undefined when nothing needs writing. */
  async update(id: string, change: (job: BulkJob) => BulkJob | undefined): Promise<BulkJob | undefined> {
    for (let attempt = 0; attempt < 20; attempt++) {
      const stored = await this.get(id);
      if (!stored) return undefined;
      const next = change(stored.value);
      if (!next) return stored.value;
      try {
        return (await this.replace(next, stored.eTag)).value;
      } catch (error) {
        if (!(error instanceof ConcurrencyConflict)) throw error;
      }
    }
    throw new ConcurrencyConflict(jobKey(id));
  }

  /** Every user of the job, in list order. */
  async entries(job: BulkJob): Promise<BulkUserEntry[][]> {
    const keys = Array.from({ length: job.chunkCount }, (_, index) => chunkKey(job.id, index));
    const found = await readDocuments<ChunkDocument>(this.storage, keys);
    return keys.map((key) => [...(found.get(key)?.value.entries ?? [])]);
  }

  async writeChunk(jobId: string, index: number, entries: readonly BulkUserEntry[]): Promise<void> {
    await this.storage.write({ [chunkKey(jobId, index)]: { entries: [...entries] } });
  }

  /** Jobs not yet ended, oldest first. */
  async listOpen(): Promise<BulkJob[]> {
    const index = (await readDocument<IndexDocument>(this.storage, INDEX_KEY))?.value.entries ?? {};
    const ids = Object.entries(index)
      .filter(([, entry]) => entry.open)
      .sort(([, a], [, b]) => a.createdAt.localeCompare(b.createdAt))
      .map(([id]) => id);
    const found = await readDocuments<JobDocument>(this.storage, ids.map(jobKey));
    return ids.flatMap((id) => {
      const job = found.get(jobKey(id))?.value.job;
      return job && !isFinalJob(job.state) ? [job] : [];
    });
  }

  /** Job ids that start with the prefix (the 8-character id people type, or the whole id). */
  async idsStartingWith(prefix: string): Promise<string[]> {
    const index = (await readDocument<IndexDocument>(this.storage, INDEX_KEY))?.value.entries ?? {};
    const lower = prefix.toLowerCase();
    return Object.keys(index).filter((id) => id.toLowerCase().startsWith(lower));
  }

  /** Which of the users another job holds (user id → job id). */
  async lockedBy(userIds: readonly string[]): Promise<Map<string, string>> {
    const found = await readDocuments<LockDocument>(this.storage, userIds.map(lockKey));
    const locked = new Map<string, string>();
    for (const userId of userIds) {
      const lock = found.get(lockKey(userId));
      if (lock) locked.set(userId, lock.value.jobId);
    }
    return locked;
  }

  /** Holds every user for the job, all or none: another job holding any of them wins. */
  async lock(jobId: string, userIds: readonly string[]): Promise<LockResult> {
    const already = await this.lockedBy(userIds);
    const conflicts = new Map([...already].filter(([, holder]) => holder !== jobId));
    if (conflicts.size > 0) return { locked: false, conflicts };
    const wanted = userIds.filter((userId) => !already.has(userId));
    const items: Record<string, LockDocument> = {};
    for (const userId of wanted) items[lockKey(userId)] = { jobId };
    if (wanted.length === 0) return { locked: true };
    try {
      if (canCreateIfAbsent(this.storage)) await this.storage.createIfAbsent(items);
      else await this.createOneByOne(jobId, wanted);
      return { locked: true };
    } catch (error) {
      if (!(error instanceof ConcurrencyConflict)) throw error;
      const raced = await this.lockedBy(userIds);
      return { locked: false, conflicts: new Map([...raced].filter(([, holder]) => holder !== jobId)) };
    }
  }

  /** Lets go of the users this job holds (locks of other jobs stay). */
  async unlock(jobId: string, userIds: readonly string[]): Promise<void> {
    const held = await this.lockedBy(userIds);
    const mine = [...held].filter(([, holder]) => holder === jobId).map(([userId]) => lockKey(userId));
    if (mine.length > 0) await this.storage.delete(mine);
  }

  /** Without an atomic multi-create, locks are taken one by one and rolled back on the first conflict. */
  private async createOneByOne(jobId: string, userIds: readonly string[]): Promise<void> {
    const created: string[] = [];
    try {
      for (const userId of userIds) {
        await createDocument(this.storage, lockKey(userId), { jobId });
        created.push(userId);
      }
    } catch (error) {
      await this.storage.delete(created.map(lockKey));
      throw error;
    }
  }

  private async setIndexed(id: string, createdAt: string, open: boolean): Promise<void> {
    await updateDocument<IndexDocument>(this.storage, INDEX_KEY, (current) => {
      const entries = current?.entries ?? {};
      if (entries[id]?.open === open) return undefined;
      return { entries: { ...entries, [id]: { createdAt, open } } };
    });
  }
}

export function chunked<T>(items: readonly T[], size = STORAGE_CHUNK_SIZE): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}

/**
 * Licence requests over any botbuilder Storage, one document per request under `requests/<id>`, plus the index
 * that makes listByState possible (see request-index.ts). The request is stored whole, as given.
 */
import type { Storage } from 'botbuilder';
import type { LicenseRequest } from '../domain/request';
import { ConcurrencyConflict, type RequestStore, type Versioned } from '../ports';
import { type Generation, isUnfinished, RequestIndex, type RequestIndexOptions } from './request-index';
import { readDocument, readDocuments, writeVersioned } from './storage-items';

const READ_CHUNK = 100;

interface RequestDocument {
  readonly request: LicenseRequest;
}

export function requestKey(id: string): string {
  return `requests/${encodeURIComponent(id)}`;
}

export class StorageRequestStore implements RequestStore {
  private readonly index: RequestIndex;

  constructor(
    private readonly storage: Storage,
    indexOptions: RequestIndexOptions = {},
  ) {
    this.index = new RequestIndex(storage, indexOptions);
  }

  /** Throws ConcurrencyConflict when a request with this id exists. */
  async create(request: LicenseRequest): Promise<Versioned<LicenseRequest>> {
    // Indexed first: a crash after this leaves an entry without a request, which listing skips.
    const openGeneration = await this.index.add(request.id, request.createdAt, isUnfinished(request.state));
    try {
      const eTag = await writeVersioned<RequestDocument>(this.storage, requestKey(request.id), { request }, undefined);
      return { value: request, eTag };
    } catch (error) {
      // Best effort: an entry left behind only costs a read, and the caller must see the conflict.
      if (error instanceof ConcurrencyConflict && openGeneration !== undefined) {
        await this.withdrawOpenEntry(request.id, openGeneration).catch(() => undefined);
      }
      throw error;
    }
  }

  async get(id: string): Promise<Versioned<LicenseRequest> | undefined> {
    const stored = await readDocument<RequestDocument>(this.storage, requestKey(id));
    return stored && { value: stored.value.request, eTag: stored.eTag };
  }

  async replace(request: LicenseRequest, eTag: string): Promise<Versioned<LicenseRequest>> {
    const key = requestKey(request.id);
    const stored = await readDocument<RequestDocument>(this.storage, key);
    if (!stored || stored.eTag !== eTag) throw new ConcurrencyConflict(key);

    const wasUnfinished = isUnfinished(stored.value.request.state);
    const willBeUnfinished = isUnfinished(request.state);
    if (willBeUnfinished && !wasUnfinished) await this.index.reopen(request.id, request.createdAt);
    const finishing = wasUnfinished && !willBeUnfinished;
    const generationBeforeWrite = finishing ? await this.index.generationOf(request.id) : undefined;

    const newETag = await writeVersioned<RequestDocument>(this.storage, key, { request }, eTag);

    if (finishing) await this.index.closeIfUnchanged(request.id, request.createdAt, generationBeforeWrite);
    return { value: request, eTag: newETag };
  }

  /**
   * After a duplicate create, takes back the open entry it added when the request that exists is finished: left
   * there, nothing would ever close it. The generation makes this safe against a concurrent reopen.
   */
  private async withdrawOpenEntry(id: string, generation: Generation): Promise<void> {
    const existing = (await this.get(id))?.value;
    if (existing && !isUnfinished(existing.state)) await this.index.closeIfUnchanged(id, existing.createdAt, generation);
  }

  /** Requests in any of the states, oldest first (by createdAt, then id). */
  async listByState(states: readonly LicenseRequest['state'][]): Promise<LicenseRequest[]> {
    if (states.length === 0) return [];
    const wanted = new Set(states);
    const candidates = await this.index.candidates(states.every(isUnfinished));
    const found: LicenseRequest[] = [];
    for (let start = 0; start < candidates.length; start += READ_CHUNK) {
      const keys = candidates.slice(start, start + READ_CHUNK).map((candidate) => requestKey(candidate.id));
      for (const stored of (await readDocuments<RequestDocument>(this.storage, keys)).values()) {
        if (wanted.has(stored.value.request.state)) found.push(stored.value.request);
      }
    }
    return found.sort(oldestFirst);
  }
}

function oldestFirst(a: LicenseRequest, b: LicenseRequest): number {
  const byTime = Date.parse(a.createdAt) - Date.parse(b.createdAt);
  if (byTime !== 0 && !Number.isNaN(byTime)) return byTime;
  return a.createdAt === b.createdAt ? a.id.localeCompare(b.id) : a.createdAt.localeCompare(b.createdAt);
}

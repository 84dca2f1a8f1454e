/**
 * Finding a request or bulk job by the id people type: the whole id, or its first characters (the bot
 * shows 8). Requests are found through the storage's key listing when it has one (SqliteStorage), or by
 * listing every request otherwise.
 */
import type { Storage } from 'botbuilder';
import type { LicenseRequest } from '../../domain/request';
import type { RequestStore } from '../../ports';
import type { BulkJob } from '../../services/bulk/bulk-job';
import type { BulkJobService } from '../../services/bulk/bulk-jobs';

export const MIN_ID_PREFIX = 4;
const ALL_STATES: LicenseRequest['state'][] = ['pending', 'approved', 'assigning', 'completed', 'failed', 'rejected', 'cancelled', 'expired'];

export type Found =
  | { readonly kind: 'request'; readonly request: LicenseRequest }
  | { readonly kind: 'job'; readonly job: BulkJob }
  | { readonly kind: 'none' }
  | { readonly kind: 'ambiguous'; readonly count: number }
  | { readonly kind: 'tooShort' };

interface KeyListing {
  keys(prefix: string): Promise<string[]>;
}

function canListKeys(storage: Storage | undefined): storage is Storage & KeyListing {
  return typeof (storage as Partial<KeyListing> | undefined)?.keys === 'function';
}

export async function findById(requests: RequestStore, jobs: BulkJobService, storage: Storage | undefined, typed: string): Promise<Found> {
  const prefix = typed.trim().toLowerCase();
  if (!/^[0-9a-f-]+$/.test(prefix) || prefix.replace(/-/g, '').length < MIN_ID_PREFIX) return { kind: 'tooShort' };
  const requestIds = await requestIdsStartingWith(requests, storage, prefix);
  const jobIds = await jobs.idsStartingWith(prefix);
  const total = requestIds.length + jobIds.length;
  if (total === 0) return { kind: 'none' };
  if (total > 1) return { kind: 'ambiguous', count: total };
  if (requestIds[0]) {
    const stored = await requests.get(requestIds[0]);
    return stored ? { kind: 'request', request: stored.value } : { kind: 'none' };
  }
  const job = await jobs.get(jobIds[0] as string);
  return job ? { kind: 'job', job } : { kind: 'none' };
}

async function requestIdsStartingWith(requests: RequestStore, storage: Storage | undefined, prefix: string): Promise<string[]> {
  if (canListKeys(storage)) {
    const keys = await storage.keys(`requests/${prefix}`);
    return keys.map((key) => decodeURIComponent(key.slice('requests/'.length)));
  }
  return (await requests.listByState(ALL_STATES)).map((request) => request.id).filter((id) => id.toLowerCase().startsWith(prefix));
}

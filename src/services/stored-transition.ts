/**
 * Applies one state-machine event to a stored request with the eTag it was read with, re-reading on a conflict:
 * a timer racing an approver's click, or two instances finishing the same write, produce one outcome, never two.
 * Used by the approval workflow and the lifecycle timers.
 */
import type { LicenseRequest } from '../domain/request';
import { transition, type RequestEvent } from '../domain/request-state';
import { ConcurrencyConflict, type RequestStore } from '../ports';

const MAX_CONFLICT_RETRIES = 8;

/** The request was changed by someone else on every attempt. */
export class KeptChanging extends Error {
  override name = 'KeptChanging';
}

/** The stored request after the event, or undefined when it did not change it (missing, refused, unchanged). */
export async function applyStored(requests: RequestStore, requestId: string, event: RequestEvent, now: Date): Promise<LicenseRequest | undefined> {
  for (let attempt = 0; attempt < MAX_CONFLICT_RETRIES; attempt++) {
    const stored = await requests.get(requestId);
    if (!stored) return undefined;
    const result = transition(stored.value, event, now);
    if (result.kind !== 'changed') return undefined;
    try {
      return (await requests.replace(result.request, stored.eTag)).value;
    } catch (error) {
      if (!(error instanceof ConcurrencyConflict)) throw error;
    }
  }
  throw new KeptChanging(`Request ${requestId} kept changing while ${event.type} was applied`);
}

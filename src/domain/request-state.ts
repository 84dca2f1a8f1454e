/**
 * The life of a stored licence request, as idempotent transitions:
 *   pending → approved → assigning → completed | failed
 *   pending → rejected | cancelled | expired (nobody decided in time)
 *   pending → pending with more approvers (escalation to the fallback approvers)
 *   approved → failed (the re-check at approval time refused)
 * Repeating an event that already happened gives "unchanged" (a double click, a retried invoke);
 * a conflicting event gives "refused" and never alters the recorded decision.
 * Only "changed" means the caller must save; after claimAssignment, only "changed" means the caller
 * owns the Graph write.
 *
 * The Graph write is guarded by a claim (instance id + time). A claim older than the lease belongs to a
 * process that stopped: another instance may take it over (the caller saves with the eTag it read, so
 * only one of several instances wins). The holder renews its claim right before every Graph write; a
 * renewal refused with CLAIM_HELD means someone else took over and the holder must not write.
 */
import type { AssignmentClaim, Decider, LicenseRequest, Person, RequestOutcome, RequestState } from './request';

export type RequestEvent =
  | { readonly type: 'approve'; readonly by: Person; readonly comment?: string }
  | { readonly type: 'reject'; readonly by: Person; readonly comment?: string }
  | { readonly type: 'cancel'; readonly by: Person }
  | { readonly type: 'expire' }
  | { readonly type: 'addApprovers'; readonly approvers: readonly Person[] }
  | { readonly type: 'claimAssignment'; readonly by: string; readonly leaseMs: number }
  | { readonly type: 'renewClaim'; readonly by: string }
  | { readonly type: 'complete'; readonly outcome?: Partial<RequestOutcome> }
  | {
      readonly type: 'fail';
      readonly reasonCode: string;
      readonly params?: RequestOutcome['params'];
      readonly graph?: RequestOutcome['graph'];
    };

/** CLAIM_HELD: another instance holds a live claim on the Graph write. */
export type TransitionRefusal = 'ALREADY_DECIDED' | 'INVALID_TRANSITION' | 'CLAIM_HELD';

export type TransitionResult =
  | { readonly kind: 'changed'; readonly request: LicenseRequest }
  | { readonly kind: 'unchanged'; readonly request: LicenseRequest }
  | { readonly kind: 'refused'; readonly reason: TransitionRefusal; readonly request: LicenseRequest };

const FINAL_STATES: readonly RequestState[] = ['completed', 'failed', 'rejected', 'cancelled', 'expired'];
/** States a request reaches only after someone approved it. */
const APPROVED_STATES: readonly RequestState[] = ['approved', 'assigning', 'completed', 'failed'];

export function isFinal(state: RequestState): boolean {
  return FINAL_STATES.includes(state);
}

export function isOpen(state: RequestState): boolean {
  return !isFinal(state);
}

export function transition(request: LicenseRequest, event: RequestEvent, now: Date): TransitionResult {
  const at = now.toISOString();
  const changed = (update: Partial<LicenseRequest>): TransitionResult => ({
    kind: 'changed',
    request: { ...request, ...update, updatedAt: at },
  });
  const unchanged: TransitionResult = { kind: 'unchanged', request };
  const refused = (reason: TransitionRefusal): TransitionResult => ({ kind: 'refused', reason, request });
  const decidedBySame = (by: Person): boolean => request.decision?.id === by.id;

  switch (event.type) {
    case 'approve':
      if (request.state === 'pending') return changed({ state: 'approved', decision: decider(event.by, at, event.comment) });
      return APPROVED_STATES.includes(request.state) && decidedBySame(event.by) ? unchanged : refused('ALREADY_DECIDED');
    case 'reject':
      if (request.state === 'pending') return changed({ state: 'rejected', decision: decider(event.by, at, event.comment) });
      return request.state === 'rejected' && decidedBySame(event.by) ? unchanged : refused('ALREADY_DECIDED');
    case 'cancel':
      if (request.state === 'pending') return changed({ state: 'cancelled', decision: decider(event.by, at) });
      return request.state === 'cancelled' ? unchanged : refused('ALREADY_DECIDED');
    case 'expire':
      if (request.state === 'pending') return changed({ state: 'expired' });
      return request.state === 'expired' ? unchanged : refused('ALREADY_DECIDED');
    case 'addApprovers': {
      if (request.state !== 'pending') return refused('INVALID_TRANSITION');
      const added = newPeople(request.approvers, event.approvers);
      return added.length === 0 ? unchanged : changed({ approvers: [...request.approvers, ...added] });
    }
    case 'claimAssignment': {
      const claim: AssignmentClaim = { by: event.by, at };
      if (request.state === 'approved') return changed({ state: 'assigning', claim });
      if (request.state !== 'assigning') return refused('INVALID_TRANSITION');
      if (request.claim?.by === event.by) return unchanged;
      return claimExpired(request.claim, now, event.leaseMs) ? changed({ claim }) : refused('CLAIM_HELD');
    }
    case 'renewClaim':
      if (request.state !== 'assigning') return refused('INVALID_TRANSITION');
      return request.claim?.by === event.by ? changed({ claim: { by: event.by, at } }) : refused('CLAIM_HELD');
    case 'complete':
      if (request.state === 'assigning') return changed({ state: 'completed', outcome: { ...event.outcome, at: event.outcome?.at ?? at } });
      return request.state === 'completed' ? unchanged : refused('INVALID_TRANSITION');
    case 'fail':
      if (request.state === 'approved' || request.state === 'assigning') {
        return changed({ state: 'failed', outcome: failure(event, at) });
      }
      return request.state === 'failed' ? unchanged : refused('INVALID_TRANSITION');
  }
}

/** A request claimed before claims were recorded has no claim: whoever finds it may take it. */
function claimExpired(claim: AssignmentClaim | undefined, now: Date, leaseMs: number): boolean {
  if (!claim) return true;
  const claimedAt = Date.parse(claim.at);
  return Number.isNaN(claimedAt) || now.getTime() - claimedAt >= leaseMs;
}

/** The candidates not already among the people, each once. */
function newPeople(people: readonly Person[], candidates: readonly Person[]): Person[] {
  const known = new Set(people.map((person) => person.id));
  const added: Person[] = [];
  for (const candidate of candidates) {
    if (known.has(candidate.id)) continue;
    known.add(candidate.id);
    added.push({ id: candidate.id, displayName: candidate.displayName });
  }
  return added;
}

function decider(by: Person, at: string, comment?: string): Decider {
  const trimmed = comment?.trim();
  return { id: by.id, displayName: by.displayName, at, ...(trimmed ? { comment: trimmed } : {}) };
}

function failure(event: Extract<RequestEvent, { type: 'fail' }>, at: string): RequestOutcome {
  return {
    at,
    reasonCode: event.reasonCode,
    ...(event.params ? { params: event.params } : {}),
    ...(event.graph ? { graph: event.graph } : {}),
  };
}

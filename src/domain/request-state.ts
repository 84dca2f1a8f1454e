/**
 * The life of a stored licence request, as idempotent transitions:
 *   pending → approved → assigning → completed | failed
 *   pending → rejected | cancelled
 *   approved → failed (the re-check at approval time refused)
 * Repeating an event that already happened gives "unchanged" (a double click, a retried invoke);
 * a conflicting event gives "refused" and never alters the recorded decision.
 * Only "changed" means the caller must save; after claimAssignment, only "changed" means the caller
 * owns the Graph write.
 */
import type { Decider, LicenseRequest, Person, RequestOutcome, RequestState } from './request';

export type RequestEvent =
  | { readonly type: 'approve'; readonly by: Person; readonly comment?: string }
  | { readonly type: 'reject'; readonly by: Person; readonly comment?: string }
  | { readonly type: 'cancel'; readonly by: Person }
  | { readonly type: 'claimAssignment' }
  | { readonly type: 'complete'; readonly outcome?: Partial<RequestOutcome> }
  | {
      readonly type: 'fail';
      readonly reasonCode: string;
      readonly params?: RequestOutcome['params'];
      readonly graph?: RequestOutcome['graph'];
    };

export type TransitionResult =
  | { readonly kind: 'changed'; readonly request: LicenseRequest }
  | { readonly kind: 'unchanged'; readonly request: LicenseRequest }
  | { readonly kind: 'refused'; readonly reason: 'ALREADY_DECIDED' | 'INVALID_TRANSITION'; readonly request: LicenseRequest };

const FINAL_STATES: readonly RequestState[] = ['completed', 'failed', 'rejected', 'cancelled'];
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
  const refused = (reason: 'ALREADY_DECIDED' | 'INVALID_TRANSITION'): TransitionResult => ({ kind: 'refused', reason, request });
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
    case 'claimAssignment':
      if (request.state === 'approved') return changed({ state: 'assigning' });
      return request.state === 'assigning' ? unchanged : refused('INVALID_TRANSITION');
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

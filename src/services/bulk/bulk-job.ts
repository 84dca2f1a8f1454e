/**
 * A bulk job as stored: one document with what was asked, who decides and the running counts, and the
 * users in chunks beside it (bulk-job-store.ts). Its life, as idempotent transitions like a request's:
 *   preview → pending → approved → running → completed
 *   preview → approved (an admin skipping approval, where configuration allows)
 *   pending → rejected;  preview | pending | approved → cancelled;  running → cancelled (stops, then ends)
 */
import type { LicenseAction } from '../../domain/decision';
import type { Decider, Person } from '../../domain/request';

export type BulkJobState = 'preview' | 'pending' | 'approved' | 'running' | 'completed' | 'rejected' | 'cancelled';

/**
 * excluded: never attempted (malformed line, duplicate, unknown user, refused by the rules, in another job);
 * skipped: nothing to change (already as asked); pending: to do; writing: a write was sent and its
 * outcome is not recorded yet (the user is re-read before anything else is sent); done, failed, cancelled.
 */
export type BulkUserStatus = 'excluded' | 'skipped' | 'pending' | 'writing' | 'done' | 'failed' | 'cancelled';

export interface BulkUserEntry {
  /** Line of the list (1-based), to point people at it. */
  readonly line: number;
  /** The text of the line as given (a UPN when well formed). */
  readonly upn: string;
  readonly userId?: string;
  readonly displayName?: string;
  readonly status: BulkUserStatus;
  /** Why the user was excluded, skipped or failed: a reason code with a localized explanation. */
  readonly reasonCode?: string;
  readonly params?: Readonly<Record<string, string | number>>;
  /** Part numbers planned (then actually written) for this user. */
  readonly add?: readonly string[];
  readonly remove?: readonly string[];
  /** Attempts whose outcome was unknown, and throttled attempts. */
  readonly unknownAttempts?: number;
  readonly throttledAttempts?: number;
}

export interface BulkCounts {
  /** Lines that held something. */
  readonly lines: number;
  readonly excluded: number;
  /** Users with something to change when the job was previewed. */
  readonly toChange: number;
  readonly skipped: number;
  readonly done: number;
  readonly failed: number;
  readonly cancelled: number;
}

export interface BulkSeatNeed {
  readonly partNumber: string;
  readonly needed: number;
  readonly free: number;
  readonly enabled: number;
}

export interface BulkProblem {
  readonly line: number;
  readonly upn: string;
  readonly reasonCode: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

/** Where the admin asked: the bot posts the preview, progress and report there. */
export interface BulkConversation {
  readonly reference: Readonly<Record<string, unknown>>;
  readonly locale: string | null;
  readonly previewActivityId?: string;
  readonly progressActivityId?: string;
}

export interface BulkJob {
  readonly id: string;
  readonly tenantId: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly requester: Person;
  readonly action: LicenseAction;
  /** Part numbers asked for. */
  readonly requested: readonly string[];
  /** Every part number the approved plan may add or remove: a re-check may not write anything else. */
  readonly parts: readonly string[];
  readonly source: { readonly kind: 'file' | 'inline'; readonly name?: string };
  readonly state: BulkJobState;
  readonly chunkCount: number;
  readonly counts: BulkCounts;
  readonly seats: readonly BulkSeatNeed[];
  /** The first problems, for the cards; every one is in the users' entries. */
  readonly problems: readonly BulkProblem[];
  readonly approvers: readonly Person[];
  readonly approverSource?: 'manager' | 'approverGroup';
  readonly decision?: Decider;
  /** True when an admin ran it without approval (ADMIN_CAN_SKIP_APPROVAL). */
  readonly noApproval: boolean;
  readonly conversation: BulkConversation;
  readonly approvalCards: readonly { readonly approverId: string; readonly reference: Readonly<Record<string, unknown>>; readonly activityId: string }[];
  readonly cancelRequested?: Decider;
  readonly startedAt?: string;
  readonly finishedAt?: string;
}

export interface BulkProgress {
  readonly done: number;
  readonly skipped: number;
  readonly failed: number;
  readonly cancelled: number;
  readonly remaining: number;
  readonly elapsedMs: number;
  /** Estimated time left, once a rate is known. */
  readonly etaMs: number | undefined;
  readonly final: boolean;
}

export type BulkEvent =
  | { readonly type: 'submit'; readonly approvers: readonly Person[]; readonly source: 'manager' | 'approverGroup' }
  | { readonly type: 'skipApproval'; readonly by: Person }
  | { readonly type: 'approve'; readonly by: Person }
  | { readonly type: 'reject'; readonly by: Person }
  | { readonly type: 'cancel'; readonly by: Person }
  | { readonly type: 'start' }
  | { readonly type: 'finish'; readonly counts: BulkCounts };

export type BulkTransition =
  | { readonly kind: 'changed'; readonly job: BulkJob }
  | { readonly kind: 'unchanged'; readonly job: BulkJob }
  | { readonly kind: 'refused'; readonly job: BulkJob };

const FINAL: readonly BulkJobState[] = ['completed', 'rejected', 'cancelled'];

export function isFinalJob(state: BulkJobState): boolean {
  return FINAL.includes(state);
}

/** Jobs that hold their users (no other job may include them) until they end. */
export function holdsUsers(state: BulkJobState): boolean {
  return state === 'pending' || state === 'approved' || state === 'running';
}

export function transitionJob(job: BulkJob, event: BulkEvent, now: Date): BulkTransition {
  const at = now.toISOString();
  const changed = (update: Partial<BulkJob>): BulkTransition => ({ kind: 'changed', job: { ...job, ...update, updatedAt: at } });
  const unchanged: BulkTransition = { kind: 'unchanged', job };
  const refused: BulkTransition = { kind: 'refused', job };
  const decider = (by: Person) => ({ id: by.id, displayName: by.displayName, at });
  switch (event.type) {
    case 'submit':
      if (job.state === 'preview') return changed({ state: 'pending', approvers: [...event.approvers], approverSource: event.source });
      return job.state === 'pending' ? unchanged : refused;
    case 'skipApproval':
      if (job.state === 'preview') return changed({ state: 'approved', noApproval: true, decision: decider(event.by) });
      return job.state === 'approved' && job.noApproval ? unchanged : refused;
    case 'approve':
      if (job.state === 'pending') return changed({ state: 'approved', decision: decider(event.by) });
      return job.decision?.id === event.by.id && job.state !== 'rejected' && job.state !== 'cancelled' ? unchanged : refused;
    case 'reject':
      if (job.state === 'pending') return changed({ state: 'rejected', decision: decider(event.by), finishedAt: at });
      return job.state === 'rejected' && job.decision?.id === event.by.id ? unchanged : refused;
    case 'cancel':
      if (job.state === 'preview' || job.state === 'pending' || job.state === 'approved') {
        return changed({ state: 'cancelled', cancelRequested: decider(event.by), finishedAt: at });
      }
      if (job.state === 'running') return job.cancelRequested ? unchanged : changed({ cancelRequested: decider(event.by) });
      return job.state === 'cancelled' ? unchanged : refused;
    case 'start':
      if (job.state === 'approved') return changed({ state: 'running', startedAt: at });
      return job.state === 'running' ? unchanged : refused;
    case 'finish':
      if (job.state === 'running') {
        return changed({ state: job.cancelRequested ? 'cancelled' : 'completed', counts: event.counts, finishedAt: at });
      }
      return isFinalJob(job.state) ? unchanged : refused;
  }
}

/** Counts recomputed from the entries (the stored counts are a cache for cards and listings). */
export function countEntries(entries: readonly BulkUserEntry[], toChange: number): BulkCounts {
  const counts = { lines: entries.length, excluded: 0, toChange, skipped: 0, done: 0, failed: 0, cancelled: 0 };
  for (const entry of entries) {
    if (entry.status === 'excluded') counts.excluded++;
    else if (entry.status === 'skipped') counts.skipped++;
    else if (entry.status === 'done') counts.done++;
    else if (entry.status === 'failed') counts.failed++;
    else if (entry.status === 'cancelled') counts.cancelled++;
  }
  return counts;
}

/** The id people type: the first 8 characters, as the bot shows it. */
export function shortId(id: string): string {
  return id.slice(0, 8);
}

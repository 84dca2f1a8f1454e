/**
 * A licence request as it is stored. Everything the bot needs to finish a request after a restart
 * lives here; card data never overrides it.
 */
import type { LicenseAction, PlanChange, RuleNote } from './decision';

export type RequestState =
  | 'pending' // waiting for an approver
  | 'approved' // decided; the Graph write has not been claimed yet
  | 'assigning' // an instance claimed the Graph write; outcome unknown until recorded
  | 'completed' // Graph confirmed the change
  | 'failed' // Graph refused, or the re-check at approval time refused; reason recorded
  | 'rejected'
  | 'cancelled'
  | 'expired'; // nobody decided within the expiry time

export interface Person {
  /** Entra object id. */
  readonly id: string;
  readonly displayName: string;
}

export interface Decider extends Person {
  readonly at: string;
  readonly comment?: string;
}

export interface RequestOutcome {
  readonly at: string;
  /** A reason code (rules or Graph mapping) when the request failed. */
  readonly reasonCode?: string;
  readonly params?: Readonly<Record<string, string | number>>;
  /** Graph's answer, kept for the audit trail (status and error code, never a token). */
  readonly graph?: { readonly status?: number; readonly code?: string; readonly message?: string };
}

/** Which process took on the Graph write of an approved request, and when it last confirmed it still does. */
export interface AssignmentClaim {
  /** The instance id of the bot process (host, process id and a random part). */
  readonly by: string;
  /** ISO 8601; renewed right before every Graph write, so a claim older than the lease belongs to a stopped process. */
  readonly at: string;
}

export interface SeatCount {
  readonly partNumber: string;
  readonly enabled: number;
  readonly consumed: number;
}

export interface LicenseRequest {
  readonly id: string;
  readonly tenantId: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly requester: Person;
  readonly target: Person & { readonly userPrincipalName: string };
  readonly action: LicenseAction;
  /** What was asked, as catalog part numbers. */
  readonly requested: readonly string[];
  /** What the rules turned it into: one assignLicense call adds and removes these. */
  readonly add: readonly string[];
  readonly remove: readonly string[];
  /** Plans turned on or off inside SKUs the person holds, in the same call (absent on requests stored before plans). */
  readonly planChanges?: readonly PlanChange[];
  readonly notes: readonly RuleNote[];
  /** Seat counts of the licences to add, as read when the request was submitted (shown on the card). */
  readonly seats: readonly SeatCount[];
  readonly approvers: readonly Person[];
  /** scheduledEnd: the bot removing a time-bound licence at its end, under the original approval. */
  readonly approverSource: 'manager' | 'approverGroup' | 'scheduledEnd';
  readonly state: RequestState;
  readonly decision?: Decider;
  /** Set on approved → assigning; kept afterwards to show which process wrote. */
  readonly claim?: AssignmentClaim;
  readonly outcome?: RequestOutcome;
  /** A time-bound assignment: how long the licences are kept once assigned (action 'assign' only). */
  readonly durationSeconds?: number;
  /** When a time-bound assignment ends (ISO 8601): completion time + durationSeconds. */
  readonly endsAt?: string;
  /** On the removal the bot made at the end of a time-bound assignment: that assignment's id. */
  readonly endsRequestId?: string;
}

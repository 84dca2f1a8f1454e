/**
 * The narrow interfaces the bulk engine needs. BulkDirectory is Microsoft Graph's $batch seen per user
 * (src/graph/graph-batch.ts implements it); BulkJobNotifier tells people about a job (src/bot/admin).
 * Every error is a classified DirectoryError, so the engine never reads Graph's JSON itself.
 */
import type { DirectoryError, DirectoryUserLicenses, LicenseAssignment } from '../../ports';
import type { BulkJob, BulkProgress, BulkUserEntry } from './bulk-job';

export type UserReadResult =
  | { readonly kind: 'ok'; readonly licenses: DirectoryUserLicenses; readonly inGroup: boolean }
  | { readonly kind: 'error'; readonly error: DirectoryError };

export type WriteResult = { readonly kind: 'ok' } | { readonly kind: 'error'; readonly error: DirectoryError };

export interface BulkCallOptions {
  readonly timeoutMs?: number;
}

export interface BulkDirectory {
  /** Users per readUsers call: 20, or 10 when group membership is checked too (two requests per user). */
  usersPerRead(withGroupCheck: boolean): number;
  /** Reads users (object id or UPN) with their licences, in one $batch; keyed as given. */
  readUsers(keys: readonly string[], groupId: string | undefined, options?: BulkCallOptions): Promise<Map<string, UserReadResult>>;
  /** One assignLicense per user (adds and removes together), up to 20 in one $batch; keyed by user id. */
  assignLicenses(changes: readonly { readonly userId: string; readonly change: LicenseAssignment }[], options?: BulkCallOptions): Promise<Map<string, WriteResult>>;
}

/** A bulk job's card as posted to one approver, so it can be updated in place. */
export interface PostedBulkCard {
  readonly approverId: string;
  readonly reference: Readonly<Record<string, unknown>>;
  readonly activityId: string;
}

export interface BulkJobNotifier {
  /** Sends the one approval card of the batch to every approver. */
  approvalRequested(job: BulkJob): Promise<PostedBulkCard[]>;
  /** Updates the approvers' cards and tells the requester where the job asked from. */
  decided(job: BulkJob): Promise<void>;
  /** Posts the progress card, or updates it in place; returns its activity id. */
  progress(job: BulkJob, progress: BulkProgress): Promise<string | undefined>;
  /** The final report: the progress card becomes the report, and the CSV is offered. */
  finished(job: BulkJob, entries: readonly BulkUserEntry[], progress: BulkProgress): Promise<void>;
}

/**
 * A request nobody decided on within the expiry time (APPROVAL_EXPIRY_DAYS, default 7) is closed as expired:
 * every posted card shows it, the requester is told (through the request notifier, like any final state), and
 * the audit records it. Scheduled when the approval is requested; only a request still pending then expires.
 */
import type { LicenseRequest } from '../../domain/request';
import type { AuditLog, RequestNotifier, RequestStore } from '../../ports';
import type { LifecycleListener } from './lifecycle-notifier';
import type { DueItem, LifecycleScheduler } from './scheduler';
import { applyStored } from '../stored-transition';

export const APPROVAL_EXPIRY = 'approval-expiry';

export interface ExpiryDependencies {
  readonly scheduler: LifecycleScheduler;
  readonly requests: RequestStore;
  readonly audit: AuditLog;
  readonly notifier: RequestNotifier;
}

export class ApprovalExpiry implements LifecycleListener {
  constructor(
    private readonly deps: ExpiryDependencies,
    private readonly expiryMs: number,
  ) {
    deps.scheduler.register(APPROVAL_EXPIRY, (item, now) => this.expire(item, now));
  }

  async approvalRequested(request: LicenseRequest): Promise<void> {
    if (request.state !== 'pending') return;
    await this.deps.scheduler.schedule({
      id: `approval-expiry/${request.id}`,
      kind: APPROVAL_EXPIRY,
      dueAt: new Date(Date.parse(request.createdAt) + this.expiryMs),
      payload: { requestId: request.id },
    });
  }

  async requestChanged(): Promise<void> {}

  private async expire(item: DueItem, now: Date): Promise<void> {
    const expired = await applyStored(this.deps.requests, String(item.payload.requestId), { type: 'expire' }, now);
    if (!expired) return;
    await this.deps.audit.append({
      at: now.toISOString(),
      requestId: expired.id,
      event: 'expired',
      actorId: null,
      targetId: expired.target.id,
      details: { pendingSince: expired.createdAt, approvers: expired.approvers.map((approver) => approver.id) },
    });
    await this.deps.notifier.requestChanged(expired);
  }
}

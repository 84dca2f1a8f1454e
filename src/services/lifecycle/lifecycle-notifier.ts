/**
 * Wraps the request notifier so that the lifecycle hears about requests without the workflow knowing about it:
 * a posted approval starts the approval timers, a completed assignment starts the provisioning follow-up.
 * Scheduling never fails a notification: the request itself is already stored.
 */
import type { LicenseRequest } from '../../domain/request';
import type { FactsAfterChange } from '../../domain/facts-after-change';
import type { Logger } from '../../logger';
import type { ApprovalDelivery, RequestNotifier } from '../../ports';

export interface LifecycleListener {
  approvalRequested(request: LicenseRequest): Promise<void>;
  requestChanged(request: LicenseRequest): Promise<void>;
}

export class LifecycleNotifier implements RequestNotifier {
  constructor(
    private readonly inner: RequestNotifier,
    private readonly listener: LifecycleListener,
    private readonly log: Logger,
  ) {}

  async approvalRequested(request: LicenseRequest): Promise<ApprovalDelivery> {
    const result = await this.inner.approvalRequested(request);
    await this.listener.approvalRequested(request).catch((error: unknown) => this.log.warn('approval timers not scheduled', { requestId: request.id, error: String(error) }));
    return result;
  }

  async requestChanged(request: LicenseRequest, after?: FactsAfterChange): Promise<void> {
    await this.inner.requestChanged(request, after);
    await this.listener.requestChanged(request).catch((error: unknown) => this.log.warn('follow-up not scheduled', { requestId: request.id, error: String(error) }));
  }
}

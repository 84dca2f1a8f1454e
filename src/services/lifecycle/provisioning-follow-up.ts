/**
 * After a licence is assigned, Graph may take a while (a Calling Plan up to 24 hours) to switch on the services
 * behind it. This follow-up checks the user's assignedPlans and licenseAssignmentStates on a backing-off schedule
 * and tells the requester once the services are active, or, when they still are not after 24 hours, that they
 * are not, with the state Graph reports and the advice to contact Microsoft support.
 */
import type { LicenseRequest } from '../../domain/request';
import { addedProducts, joinProducts, productList } from '../../bot/explain';
import type { AuditLog, Clock, RequestStore } from '../../ports';
import type { Translate } from '../../i18n';
import type { PersonMessenger } from './person-messenger';
import type { ProvisioningSource } from './provisioning-reader';
import { provisioningStatus, type ProvisioningStatus } from './provisioning-status';
import type { DueItem, LifecycleScheduler } from './scheduler';

export const PROVISIONING_CHECK = 'provisioning-check';

const MINUTE = 60_000;
/** After the first check (configurable): 15 min, 1 h, then every 4 h until the deadline. */
const LATER_CHECKS_MS = [15 * MINUTE, 60 * MINUTE, 4 * 60 * MINUTE];

export interface FollowUpOptions {
  /** Delay of the first check after the assignment. Default 5 minutes. */
  readonly firstCheckMs?: number;
  /** How long services may take before the requester is told to contact support. Default 24 hours. */
  readonly deadlineMs?: number;
}

export interface FollowUpDependencies {
  readonly scheduler: LifecycleScheduler;
  readonly requests: RequestStore;
  readonly provisioning: ProvisioningSource;
  readonly messenger: PersonMessenger;
  readonly audit: AuditLog;
  readonly clock: Clock;
}

/** When check `attempt` (1-based) is due, counted from the assignment. */
export function checkDelayMs(attempt: number, firstCheckMs: number): number {
  if (attempt <= 1) return firstCheckMs;
  return LATER_CHECKS_MS[Math.min(attempt - 2, LATER_CHECKS_MS.length - 1)] as number;
}

export class ProvisioningFollowUp {
  private readonly firstCheckMs: number;
  private readonly deadlineMs: number;

  constructor(
    private readonly deps: FollowUpDependencies,
    options: FollowUpOptions = {},
  ) {
    this.firstCheckMs = options.firstCheckMs ?? 5 * MINUTE;
    this.deadlineMs = options.deadlineMs ?? 24 * 60 * MINUTE;
    deps.scheduler.register(PROVISIONING_CHECK, (item, now) => this.check(item, now));
  }

  /** Schedules the first check of a completed assignment; a second call for the same request does nothing. */
  async requestCompleted(request: LicenseRequest): Promise<void> {
    if (request.state !== 'completed' || request.action !== 'assign' || followedSkus(request).length === 0) return;
    const now = this.deps.clock.now();
    await this.deps.scheduler.schedule({
      id: checkId(request.id, 1),
      kind: PROVISIONING_CHECK,
      dueAt: new Date(now.getTime() + this.firstCheckMs),
      payload: { requestId: request.id, attempt: 1, assignedAt: request.outcome?.at ?? now.toISOString() },
    });
  }

  private async check(item: DueItem, now: Date): Promise<void> {
    const requestId = String(item.payload.requestId);
    const attempt = Number(item.payload.attempt);
    const assignedAt = Date.parse(String(item.payload.assignedAt));
    const request = (await this.deps.requests.get(requestId))?.value;
    if (!request || request.state !== 'completed') return;

    const status = provisioningStatus(followedSkus(request), await this.deps.provisioning.read(request.target.id));
    if (status.active) {
      await this.finish(request, 'services-active', status, now, (t) => t('lifecycle:provisioning.active', this.params(t, request)));
      return;
    }
    const deadline = assignedAt + this.deadlineMs;
    if (now.getTime() >= deadline) {
      await this.finish(request, 'services-not-active', status, now, (t) =>
        [t('lifecycle:provisioning.notActive', this.params(t, request)), ...describe(t, status), t('lifecycle:provisioning.contactSupport')].join('\n\n'),
      );
      return;
    }
    const nextAt = Math.min(now.getTime() + checkDelayMs(attempt + 1, this.firstCheckMs), deadline);
    await this.deps.scheduler.schedule({
      id: checkId(requestId, attempt + 1),
      kind: PROVISIONING_CHECK,
      dueAt: new Date(nextAt),
      payload: { ...item.payload, attempt: attempt + 1 },
    });
  }

  private async finish(request: LicenseRequest, event: string, status: ProvisioningStatus, now: Date, compose: (t: Translate) => string): Promise<void> {
    await this.deps.messenger.tell(request.tenantId, request.requester, compose);
    await this.deps.audit.append({
      at: now.toISOString(),
      requestId: request.id,
      event,
      actorId: null,
      targetId: request.target.id,
      details: { licences: status.licences.map((licence) => ({ ...licence })) },
    });
  }

  private params(t: Translate, request: LicenseRequest) {
    return { name: request.target.displayName, products: joinProducts(t, addedProducts(t, request)) };
  }
}

function checkId(requestId: string, attempt: number): string {
  return `provisioning/${requestId}/${attempt}`;
}

/** One line per licence that is not active yet, with Graph's own state and error codes. */
function describe(t: Translate, status: ProvisioningStatus): string[] {
  return status.licences
    .filter((licence) => !licence.active)
    .map((licence) =>
      t('lifecycle:provisioning.licenceState', {
        product: productList(t, [licence.partNumber]),
        state: licence.state ?? t('lifecycle:provisioning.noState'),
        error: licence.error ?? '-',
        pendingPlans: licence.pendingPlans,
      }),
    );
}

/** The SKUs whose services a completed assignment waits for: those it added, and those it turned plans on inside. */
export function followedSkus(request: LicenseRequest): string[] {
  const turnedOn = (request.planChanges ?? []).filter((change) => change.enable.length > 0).map((change) => change.partNumber);
  return [...new Set([...request.add, ...turnedOn])];
}

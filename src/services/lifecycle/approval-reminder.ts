/**
 * A pending approval reminds its approvers once, in their own chat, after the configured time (default 24 h).
 * Escalation (approval-escalation.ts) and expiry (approval-expiry.ts) run on the same scheduler.
 */
import { productList } from '../../bot/explain';
import type { LicenseRequest } from '../../domain/request';
import type { Translate } from '../../i18n';
import type { AuditLog, RequestStore } from '../../ports';
import type { LifecycleListener } from './lifecycle-notifier';
import type { PersonMessenger } from './person-messenger';
import type { DueItem, LifecycleScheduler } from './scheduler';

export const APPROVAL_REMINDER = 'approval-reminder';

export interface ReminderDependencies {
  readonly scheduler: LifecycleScheduler;
  readonly requests: RequestStore;
  readonly messenger: PersonMessenger;
  readonly audit: AuditLog;
}

export class ApprovalReminder implements LifecycleListener {
  constructor(
    private readonly deps: ReminderDependencies,
    private readonly reminderMs: number,
  ) {
    deps.scheduler.register(APPROVAL_REMINDER, (item, now) => this.remind(item, now));
  }

  async approvalRequested(request: LicenseRequest): Promise<void> {
    if (request.state !== 'pending') return;
    await this.deps.scheduler.schedule({
      id: `approval-reminder/${request.id}`,
      kind: APPROVAL_REMINDER,
      dueAt: new Date(Date.parse(request.createdAt) + this.reminderMs),
      payload: { requestId: request.id },
    });
  }

  async requestChanged(): Promise<void> {}

  private async remind(item: DueItem, now: Date): Promise<void> {
    const request = (await this.deps.requests.get(String(item.payload.requestId)))?.value;
    if (!request || request.state !== 'pending') return;
    const ageMs = now.getTime() - Date.parse(request.createdAt);
    for (const approver of request.approvers) {
      await this.deps.messenger.tell(request.tenantId, approver, (t) =>
        t('lifecycle:approval.reminder', {
          requester: request.requester.displayName,
          name: request.target.displayName,
          products: productList(t, request.action === 'assign' ? request.requested : request.remove),
          age: formatAge(t, ageMs),
        }),
        request.requester,
      );
    }
    await this.deps.audit.append({
      at: now.toISOString(),
      requestId: request.id,
      event: 'approval-reminded',
      actorId: null,
      targetId: request.target.id,
      details: { approvers: request.approvers.map((approver) => approver.id) },
    });
  }
}

/** "25 h", "3 d" in the reader's language. */
export function formatAge(t: Translate, ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 60) return t('lifecycle:age.minutes', { count: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return t('lifecycle:age.hours', { count: hours });
  return t('lifecycle:age.days', { count: Math.floor(hours / 24) });
}

/**
 * A request still pending after the escalation time (APPROVAL_ESCALATION_HOURS, default 48) comes to the fallback
 * approvers as well: the members of LICENSE_APPROVER_GROUP_ID, except the requester, the user it is for and anyone
 * already approving. They are added to the request's approvers (so they may decide), get the approval card and a
 * line saying why; the cards already posted show the new approvers; the requester is told; the audit records it.
 */
import { productList } from '../../bot/explain';
import type { LicenseRequest, Person } from '../../domain/request';
import type { AuditLog, Directory, RequestNotifier, RequestStore } from '../../ports';
import { formatAge } from './approval-reminder';
import type { LifecycleListener } from './lifecycle-notifier';
import type { PersonMessenger } from './person-messenger';
import type { DueItem, LifecycleScheduler } from './scheduler';
import { applyStored } from '../stored-transition';

export const APPROVAL_ESCALATION = 'approval-escalation';

/** Posts the waiting approval cards to a person who has none posted yet (ProactiveNotifier does). */
export interface WaitingCardDelivery {
  deliverWaitingCards(tenantId: string, personId: string): Promise<number>;
}

export interface EscalationDependencies {
  readonly scheduler: LifecycleScheduler;
  readonly requests: RequestStore;
  readonly audit: AuditLog;
  readonly notifier: RequestNotifier;
  readonly cards: WaitingCardDelivery;
  readonly messenger: PersonMessenger;
  readonly directory: Pick<Directory, 'listGroupMembers'>;
  readonly approverGroupId: string | undefined;
}

export class ApprovalEscalation implements LifecycleListener {
  constructor(
    private readonly deps: EscalationDependencies,
    private readonly escalationMs: number,
  ) {
    deps.scheduler.register(APPROVAL_ESCALATION, (item, now) => this.escalate(item, now));
  }

  async approvalRequested(request: LicenseRequest): Promise<void> {
    if (request.state !== 'pending' || !this.deps.approverGroupId) return;
    await this.deps.scheduler.schedule({
      id: `approval-escalation/${request.id}`,
      kind: APPROVAL_ESCALATION,
      dueAt: new Date(Date.parse(request.createdAt) + this.escalationMs),
      payload: { requestId: request.id },
    });
  }

  async requestChanged(): Promise<void> {}

  private async escalate(item: DueItem, now: Date): Promise<void> {
    const requestId = String(item.payload.requestId);
    const before = (await this.deps.requests.get(requestId))?.value;
    if (!before || before.state !== 'pending') return;
    const candidates = await this.fallbackApprovers(before);
    const escalated = await applyStored(this.deps.requests, requestId, { type: 'addApprovers', approvers: candidates }, now);
    if (!escalated) return;
    const known = new Set(before.approvers.map((approver) => approver.id));
    const added = escalated.approvers.filter((approver) => !known.has(approver.id));
    await this.deps.audit.append({
      at: now.toISOString(),
      requestId,
      event: 'escalated',
      actorId: null,
      targetId: escalated.target.id,
      details: { added: added.map((approver) => approver.id), group: this.deps.approverGroupId ?? null },
    });
    // The cards already posted list the new approvers and refresh for them too.
    await this.deps.notifier.requestChanged(escalated);
    const age = now.getTime() - Date.parse(escalated.createdAt);
    const products = (t: Parameters<typeof productList>[0]) => productList(t, escalated.action === 'assign' ? escalated.requested : escalated.remove);
    for (const approver of added) {
      await this.deps.cards.deliverWaitingCards(escalated.tenantId, approver.id);
      await this.deps.messenger.tell(
        escalated.tenantId,
        approver,
        (t) => t('lifecycle:approval.escalated', { requester: escalated.requester.displayName, name: escalated.target.displayName, products: products(t), age: formatAge(t, age) }),
        escalated.requester,
      );
    }
    await this.deps.messenger.tell(escalated.tenantId, escalated.requester, (t) =>
      t('lifecycle:approval.escalatedRequester', {
        name: escalated.target.displayName,
        products: products(t),
        approvers: added.map((approver) => approver.displayName).join(t('replies:listSeparator')),
        age: formatAge(t, age),
      }),
    );
  }

  /** The group's members who may decide: never the requester nor the user the request is for. */
  private async fallbackApprovers(request: LicenseRequest): Promise<Person[]> {
    if (!this.deps.approverGroupId) return [];
    const members = await this.deps.directory.listGroupMembers(this.deps.approverGroupId);
    return members
      .filter((member) => member.id !== request.requester.id && member.id !== request.target.id)
      .map((member) => ({ id: member.id, displayName: member.displayName }));
  }
}

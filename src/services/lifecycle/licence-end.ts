/**
 * Time-bound licences ("give Alice audio conferencing for two weeks"). When such an assignment completes, its end
 * (completion + duration) is stored on the request as endsAt and a `licence-end` item is scheduled for then. At the
 * end the bot makes a removal request of its own, under the original approval (approverSource 'scheduledEnd',
 * already approved, endsRequestId = the assignment), and fulfils it through the workflow: the licence writer re-reads
 * the user and applies the removal rules, so a licence that can't be removed (inherited from a group) fails with a
 * reason. The requester hears the outcome as for any removal (the request notifier), and beforehand both the
 * requester and the person who held the licences are told why it is happening.
 *
 * Only what the grant added is removed. When the removal rules would take more (a permanent grant made later depends
 * on it: Phone System for two weeks, then a Calling Plan, which needs Phone System), nothing is removed: the removal
 * is stored as a pending request for the License Desk admins to decide on (their approval card says what it would
 * take), and the requester is told why.
 *
 * At least once: the removal request's id derives from the assignment's, so a handler run again after a crash finds
 * the removal it already made and only fulfils it (the workflow's claim makes that a no-op when it is done).
 */
import { productList } from '../../bot/explain';
import type { Decision } from '../../domain/decision';
import type { LicenseRequest, Person } from '../../domain/request';
import { askForPlan, evaluate } from '../../domain/rules';
import { ConcurrencyConflict, type AuditLog, type Clock, type RequestStore } from '../../ports';
import type { LicenseFactsReader } from '../license-facts';
import { endOf, formatEndDate } from './licence-end-format';
import type { LifecycleListener } from './lifecycle-notifier';
import type { TimeBoundGrant } from '../time-bound-reliance';
import type { PersonMessenger } from './person-messenger';
import type { DueItem, LifecycleScheduler } from './scheduler';

export const LICENCE_END = 'licence-end';

const MAX_CONFLICT_RETRIES = 8;

export interface LicenceEndDependencies {
  readonly scheduler: LifecycleScheduler;
  readonly requests: RequestStore;
  readonly audit: AuditLog;
  readonly messenger: PersonMessenger;
  readonly clock: Clock;
  /** The removal rules, on fresh facts: what the removal request adds and removes. */
  readonly facts: Pick<LicenseFactsReader, 'read'>;
  /** The approval workflow's fulfil: claims the approved removal and makes its one Graph write. */
  readonly fulfil: (requestId: string) => Promise<unknown>;
  /** The License Desk admins (ADMIN_GROUP_ID), who decide a removal that would take a later grant with it. */
  readonly admins: () => Promise<Person[]>;
  /** Posts the approval card of a held removal to its approvers. */
  readonly askApprovers: (request: LicenseRequest) => Promise<unknown>;
}

/** The id of the removal that ends a time-bound assignment. */
export function licenceEndRequestId(assignmentId: string): string {
  return `${assignmentId}-end`;
}

export class LicenceEnd implements LifecycleListener {
  constructor(private readonly deps: LicenceEndDependencies) {
    deps.scheduler.register(LICENCE_END, (item, now) => this.end(item, now));
  }

  async approvalRequested(): Promise<void> {}

  /** The person's completed time-bound grants whose end is still to come (from the scheduled ends). */
  async grantsInForce(tenantId: string, targetId: string): Promise<TimeBoundGrant[]> {
    const now = this.deps.clock.now().toISOString();
    const ends = (await this.deps.scheduler.pending()).filter((item) => item.kind === LICENCE_END && item.dueAt > now);
    const grants: TimeBoundGrant[] = [];
    for (const item of ends) {
      const request = (await this.deps.requests.get(String(item.payload.requestId)))?.value;
      if (request?.state !== 'completed' || request.tenantId !== tenantId || request.target.id !== targetId) continue;
      grants.push({ add: request.add, endsAt: request.endsAt ?? item.dueAt });
    }
    return grants;
  }

  /** A completed time-bound assignment: store its end and schedule the removal for then. */
  async requestChanged(request: LicenseRequest): Promise<void> {
    if (request.state !== 'completed' || request.action !== 'assign' || !request.durationSeconds || grantAsks(request).length === 0) return;
    const endsAt = request.endsAt ?? endOf(request.outcome?.at ?? this.deps.clock.now(), request.durationSeconds).toISOString();
    await this.storeEnd(request.id, endsAt);
    const scheduled = await this.deps.scheduler.schedule({
      id: `${LICENCE_END}/${request.id}`,
      kind: LICENCE_END,
      dueAt: new Date(endsAt),
      payload: { requestId: request.id },
    });
    if (!scheduled) return;
    await this.deps.audit.append({
      at: this.deps.clock.now().toISOString(),
      requestId: request.id,
      event: 'licence-end-scheduled',
      actorId: null,
      targetId: request.target.id,
      details: { endsAt, durationSeconds: request.durationSeconds, licences: [...request.add] },
    });
  }

  /** endsAt on the stored request (the card and "my requests" show it); kept when already there. */
  private async storeEnd(requestId: string, endsAt: string): Promise<void> {
    for (let attempt = 0; attempt < MAX_CONFLICT_RETRIES; attempt++) {
      const stored = await this.deps.requests.get(requestId);
      if (!stored || stored.value.endsAt) return;
      try {
        await this.deps.requests.replace({ ...stored.value, endsAt }, stored.eTag);
        return;
      } catch (error) {
        if (!(error instanceof ConcurrencyConflict)) throw error;
      }
    }
  }

  private async end(item: DueItem, now: Date): Promise<void> {
    const assignment = (await this.deps.requests.get(String(item.payload.requestId)))?.value;
    if (!assignment || assignment.state !== 'completed' || assignment.action !== 'assign') return;
    const removalId = licenceEndRequestId(assignment.id);
    if (!(await this.deps.requests.get(removalId))) {
      const facts = await this.deps.facts.read(assignment.target.id);
      const decision = evaluate({ action: 'remove', requested: grantAsks(assignment) }, facts.user, facts.tenant);
      const dependents = decision.outcome === 'proceed' ? beyondTheGrant(assignment, decision) : [];
      if (dependents.length > 0) return this.hold(assignment, removalId, decision, dependents, now);
      const removal = this.removalFor(assignment, removalId, decision, now);
      await this.deps.requests.create(removal);
      await this.deps.audit.append({
        at: now.toISOString(),
        requestId: removalId,
        event: 'licence-end-scheduled-removal',
        actorId: null,
        targetId: assignment.target.id,
        details: { endsRequestId: assignment.id, endsAt: assignment.endsAt ?? null, remove: [...removal.remove], add: [...removal.add] },
      });
      await this.tellWhy(assignment, now);
    }
    await this.deps.fulfil(removalId);
  }

  /** A removal under the original approval; the rules decide what it changes, as for any removal. */
  private removalFor(assignment: LicenseRequest, id: string, decision: Decision, now: Date): LicenseRequest {
    // A refusal is kept as the plain removal: the writer re-checks the rules and fails it with the reason.
    const change = decision.outcome === 'proceed' ? decision : { add: [], remove: [...assignment.add], planChanges: [], notes: [] };
    const approver = assignment.decision ?? assignment.approvers[0];
    const approvers = approver ? [{ id: approver.id, displayName: approver.displayName }] : [];
    return {
      ...endOfGrant(assignment, id, change, approvers, now),
      state: 'approved',
      ...(approver ? { decision: { id: approver.id, displayName: approver.displayName, at: now.toISOString() } } : {}),
    };
  }

  /**
   * The removal would take licences a later grant depends on: stored pending for the admins (not the requester or the
   * person), whose card shows the whole removal; the requester hears why nothing was removed.
   */
  private async hold(assignment: LicenseRequest, id: string, decision: Decision, dependents: readonly string[], now: Date): Promise<void> {
    const at = now.toISOString();
    const admins = (await this.deps.admins()).filter((admin) => admin.id !== assignment.requester.id && admin.id !== assignment.target.id);
    const removal: LicenseRequest = { ...endOfGrant(assignment, id, decision, admins, now), state: 'pending' };
    await this.deps.requests.create(removal);
    await this.deps.audit.append({
      at,
      requestId: id,
      event: 'licence-end-held',
      actorId: null,
      targetId: assignment.target.id,
      details: { endsRequestId: assignment.id, dependents: [...dependents], remove: [...removal.remove], admins: admins.map((admin) => admin.id) },
    });
    if (admins.length > 0) await this.deps.askApprovers(removal).catch(() => undefined);
    const key = admins.length > 0 ? 'lifecycle:licenceEnd.held' : 'lifecycle:licenceEnd.heldNoAdmins';
    await this.deps.messenger
      .tell(assignment.tenantId, assignment.requester, (t) =>
        t(key, {
          name: assignment.target.displayName,
          products: productList(t, assignment.add),
          dependents: productList(t, dependents),
          admins: admins.map((admin) => admin.displayName).join(t('replies:listSeparator')),
          date: formatEndDate(t, assignment.endsAt ?? now),
        }),
      )
      .catch(() => undefined);
  }

  private async tellWhy(assignment: LicenseRequest, now: Date): Promise<void> {
    const params = (t: Parameters<typeof productList>[0]) => ({
      name: assignment.target.displayName,
      requester: assignment.requester.displayName,
      products: productList(t, assignment.add),
      date: formatEndDate(t, assignment.endsAt ?? now),
    });
    // A message that can't be delivered must not hold up the removal (the outcome still reaches the requester).
    await this.deps.messenger.tell(assignment.tenantId, assignment.requester, (t) => t('lifecycle:licenceEnd.requester', params(t))).catch(() => undefined);
    if (assignment.target.id === assignment.requester.id) return;
    // The person who held the licences may never have talked to the bot: the requester's chat shows where to open one.
    await this.deps.messenger
      .tell(assignment.tenantId, assignment.target, (t) => t('lifecycle:licenceEnd.target', params(t)), assignment.requester)
      .catch(() => undefined);
  }
}

/**
 * What a time-bound grant gave, as asks to take back: the SKUs it added, and the plans it turned on inside SKUs the
 * person holds (turned off again at the end, the SKU staying).
 */
export function grantAsks(grant: LicenseRequest): string[] {
  const turnedOn = (grant.planChanges ?? []).flatMap((change) => change.enable.map(askForPlan));
  return [...new Set([...grant.add, ...turnedOn])];
}

/** What the end of a grant would take that the grant did not give: SKUs removed or plans turned off beyond it. */
function beyondTheGrant(grant: LicenseRequest, decision: Decision): string[] {
  const given = new Set((grant.planChanges ?? []).flatMap((change) => change.enable.map((plan) => plan.toUpperCase())));
  const plansBeyond = decision.planChanges.flatMap((change) => change.disable.filter((plan) => !given.has(plan.toUpperCase())).map(askForPlan));
  return [...decision.remove.filter((part) => !grant.add.includes(part)), ...plansBeyond];
}

/** The removal request that ends a grant: what the rules decided, for the given approvers; its state is the caller's. */
function endOfGrant(
  grant: LicenseRequest,
  id: string,
  change: Pick<Decision, 'add' | 'remove' | 'planChanges' | 'notes'>,
  approvers: LicenseRequest['approvers'],
  now: Date,
): Omit<LicenseRequest, 'state'> {
  const at = now.toISOString();
  return {
    id,
    tenantId: grant.tenantId,
    createdAt: at,
    updatedAt: at,
    requester: grant.requester,
    target: grant.target,
    action: 'remove',
    requested: grantAsks(grant),
    add: [...change.add],
    remove: [...change.remove],
    ...(change.planChanges.length > 0 ? { planChanges: change.planChanges } : {}),
    notes: [...change.notes],
    seats: [],
    approvers: [...approvers],
    approverSource: 'scheduledEnd',
    endsRequestId: grant.id,
  };
}

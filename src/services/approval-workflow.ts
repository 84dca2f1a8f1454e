/**
 * The life of a licence request after the requester confirms: who approves it, the decision
 * (loaded from storage by id and checked against the actor, never taken from a card), and the
 * single Graph write. Transitions go through the state machine with the store's eTags, so a
 * double click or two instances racing still produce one decision and one write.
 *
 * The write is claimed by this process (its instance id and the time, stored in the request) and the
 * claim is renewed right before the Graph call. A process that dies leaves its claim behind; once the
 * claim is older than the lease, recovery (at start-up and on a timer) takes it over with the eTag and
 * finishes the request, re-reading the user first. The lease must exceed the Graph timeout, so that a
 * live holder's write has settled before anyone may take over.
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { canDecide, chooseApprovers } from '../domain/approval-policy';
import type { Decision, LicenseAction } from '../domain/decision';
import type { LicenseRequest, Person } from '../domain/request';
import { transition, type RequestEvent } from '../domain/request-state';
import { evaluate, seatCounts } from '../domain/rules';
import {
  ConcurrencyConflict,
  type AuditLog,
  type Clock,
  type Directory,
  type DirectoryUser,
  type PostedCardStore,
  type RequestNotifier,
  type RequestStore,
  type Versioned,
} from '../ports';
import { createLogger, type Logger } from '../logger';
import type { LicenseFactsReader } from './license-facts';
import { applyStored, KeptChanging } from './stored-transition';
import { LicenseWriter } from './license-writer';
import { OPEN_STATES, overlappingOpenRequest } from './open-request-overlap';
import { withKeyLock } from '../storage/key-lock';
import { relianceOn, withReliance, type TimeBoundGrant } from './time-bound-reliance';

export interface WorkflowDependencies {
  readonly directory: Directory;
  readonly facts: LicenseFactsReader;
  readonly requests: RequestStore;
  readonly audit: AuditLog;
  readonly notifier: RequestNotifier;
  readonly clock: Clock;
  readonly approverGroupId: string | undefined;
  /** Posted approval cards: recovery offers a pending request that has none to its approvers again. */
  readonly cards?: PostedCardStore;
  /** This process in assignment claims. Default: host name, process id and a random part. */
  readonly instanceId?: string;
  /** How long a claim protects an assignment from a takeover. Default 2 minutes; keep it above the Graph timeout. */
  readonly assignmentLeaseMs?: number;
  readonly log?: Logger;
  /** Serialises Graph writes for one person across instances sharing the state (in-process queueing is built in). */
  readonly personWrites?: { withLease<T>(personId: string, work: () => Promise<T>): Promise<T> };
  /** The target's time-bound grants still in force: a request relying on one says so on its card. */
  readonly timeBoundGrants?: (tenantId: string, targetId: string) => Promise<readonly TimeBoundGrant[]>;
}

export interface Actor extends Person {
  readonly tenantId: string;
}

export type SubmitResult =
  /** waiting: approvers not reached yet (no chat with the bot): they get the card when they first open it. */
  | { kind: 'submitted'; request: LicenseRequest; reached: number; waiting: readonly Person[] }
  | { kind: 'noApprover' }
  | { kind: 'changed'; decision: Decision }
  /** An open request for the same person already touches one of these licences: nothing new was stored. */
  | { kind: 'overlaps'; open: LicenseRequest };

export type DecideResult =
  | { kind: 'notFound' }
  | { kind: 'refused'; reason: string; request: LicenseRequest }
  | { kind: 'decided'; request: LicenseRequest }
  | { kind: 'unchanged'; request: LicenseRequest };

const MAX_CONFLICT_RETRIES = 8;
export const DEFAULT_ASSIGNMENT_LEASE_MS = 120_000;
/** Pending requests without a posted card are offered again for this long (the approver may install the app later). */
const REOFFER_MAX_AGE_MS = 7 * 24 * 3600_000;
/** The longest wait between two offers of a card that reached nobody (an approver opening the app gets it at once). */
const MAX_REOFFER_DELAY_MS = 6 * 3600_000;

export class ApprovalWorkflow {
  readonly instanceId: string;
  private readonly leaseMs: number;
  private readonly log: Logger;
  private readonly writer: LicenseWriter;
  private readonly running = new Set<Promise<unknown>>();
  /** Requests this process is writing or offering right now: recovery passes leave them alone. */
  private readonly fulfilling = new Set<string>();
  private readonly offering = new Set<string>();
  /** Pending requests whose card reached nobody: when to offer again (back-off, in this process). */
  private readonly reoffers = new Map<string, { attempts: number; nextAt: number }>();
  /** Keys of withKeyLock: one submission check-and-create, and one Graph write, per person at a time in this process. */
  private readonly submissions = {};
  private readonly writes = {};
  private recoveryTimer: NodeJS.Timeout | undefined;
  private recoveryPass: Promise<unknown> | undefined;

  constructor(private readonly deps: WorkflowDependencies) {
    this.writer = new LicenseWriter(deps.directory, deps.facts);
    this.instanceId = deps.instanceId ?? `${os.hostname()}/${process.pid}/${randomUUID().slice(0, 8)}`;
    this.leaseMs = deps.assignmentLeaseMs ?? DEFAULT_ASSIGNMENT_LEASE_MS;
    this.log = deps.log ?? createLogger('warn');
  }

  /** Re-checks the rules on fresh facts, picks the approvers, stores the request and sends the cards. */
  async submit(input: {
    tenantId: string;
    requester: Person;
    target: DirectoryUser;
    action: LicenseAction;
    requested: readonly string[];
    confirmed: Decision;
    /** A time-bound assignment: the licences are removed this long after they were assigned. */
    durationSeconds?: number;
  }): Promise<SubmitResult> {
    const facts = await this.deps.facts.read(input.target.id);
    const decision = evaluate({ action: input.action, requested: input.requested }, facts.user, facts.tenant);
    if (!sameChange(decision, input.confirmed)) return { kind: 'changed', decision };

    const manager = await this.managerOf(input.target.id);
    // The approver group is only needed when the manager cannot approve (none, or the requester or target).
    const managerCanApprove = manager !== undefined && manager.id !== input.requester.id && manager.id !== input.target.id;
    const choice = chooseApprovers({
      requesterId: input.requester.id,
      targetId: input.target.id,
      manager,
      approverGroupMembers: managerCanApprove ? [] : await this.approverGroupMembers(),
    });
    if (choice.approvers.length === 0 || !('source' in choice)) return { kind: 'noApprover' };

    const grants = input.action === 'assign' && this.deps.timeBoundGrants ? await this.deps.timeBoundGrants(input.tenantId, input.target.id) : [];
    const basis = relianceOn(grants, decision, facts);
    const now = this.deps.clock.now().toISOString();
    const request: LicenseRequest = withReliance({
      id: randomUUID(),
      tenantId: input.tenantId,
      createdAt: now,
      updatedAt: now,
      requester: input.requester,
      target: { id: input.target.id, displayName: input.target.displayName, userPrincipalName: input.target.userPrincipalName },
      action: input.action,
      requested: [...input.requested],
      add: [...decision.add],
      remove: [...decision.remove],
      ...(decision.planChanges.length > 0 ? { planChanges: decision.planChanges } : {}),
      notes: [...decision.notes],
      seats: seatCounts(facts.tenant, decision.add),
      approvers: choice.approvers,
      approverSource: choice.source,
      state: 'pending',
      ...(input.durationSeconds && input.action === 'assign' ? { durationSeconds: input.durationSeconds } : {}),
    }, basis);
    this.offering.add(request.id);
    try {
      // Looking for an open request and storing this one happen as one step for this person (parallel confirmations).
      const open = await withKeyLock(this.submissions, `${input.tenantId}/${input.target.id}`, async () => {
        const found = overlappingOpenRequest(await this.deps.requests.listByState(OPEN_STATES), { tenantId: input.tenantId, targetId: input.target.id, add: request.add, remove: request.remove });
        if (!found) await this.deps.requests.create(request);
        return found;
      });
      if (open) return { kind: 'overlaps', open };
      await this.record('requested', request, input.requester.id, {
        add: request.add,
        remove: request.remove,
        ...(request.planChanges ? { planChanges: request.planChanges } : {}),
        approvers: request.approvers.map((a) => a.id),
        ...(request.durationSeconds ? { durationSeconds: request.durationSeconds } : {}),
      });
      const { reached, waiting = [] } = await this.deps.notifier.approvalRequested(request);
      return { kind: 'submitted', request, reached, waiting };
    } finally {
      this.offering.delete(request.id);
    }
  }

  /** An approver's Approve or Reject. Approve schedules the Graph write after this returns. */
  async decide(requestId: string, actor: Actor, verb: 'approve' | 'reject', comment?: string): Promise<DecideResult> {
    const event: RequestEvent =
      verb === 'approve' ? { type: 'approve', by: person(actor), comment } : { type: 'reject', by: person(actor), comment };
    for (let attempt = 0; attempt < MAX_CONFLICT_RETRIES; attempt++) {
      const stored = await this.deps.requests.get(requestId);
      if (!stored) return { kind: 'notFound' };
      const permission = canDecide(stored.value, { id: actor.id, tenantId: actor.tenantId });
      if (!permission.allowed) {
        // The same approver clicking again after deciding is not an intrusion; anyone else is audited.
        const repeat = permission.reason === 'ALREADY_DECIDED' && stored.value.decision?.id === actor.id;
        if (repeat) return { kind: 'unchanged', request: stored.value };
        await this.record('refused-click', stored.value, actor.id, { verb, reason: permission.reason, tenantId: actor.tenantId });
        return { kind: 'refused', reason: permission.reason, request: stored.value };
      }
      const result = transition(stored.value, event, this.deps.clock.now());
      if (result.kind === 'refused') return { kind: 'refused', reason: result.reason, request: result.request };
      if (result.kind === 'unchanged') return { kind: 'unchanged', request: result.request };
      try {
        await this.deps.requests.replace(result.request, stored.eTag);
      } catch (error) {
        if (error instanceof ConcurrencyConflict) continue;
        throw error;
      }
      try {
        await this.record(verb === 'approve' ? 'approved' : 'rejected', result.request, actor.id, { comment: comment ?? null });
      } finally {
        // The decision is stored: what follows it must happen even if the audit store failed.
        if (verb === 'approve') this.inBackground(() => this.fulfil(requestId));
        else this.inBackground(() => this.deps.notifier.requestChanged(result.request));
      }
      return { kind: 'decided', request: result.request };
    }
    throw new Error(`Request ${requestId} kept changing while being decided`);
  }

  /** The requester withdraws a request nobody has decided yet. */
  async cancel(requestId: string, actor: Actor): Promise<DecideResult> {
    for (let attempt = 0; attempt < MAX_CONFLICT_RETRIES; attempt++) {
      const stored = await this.deps.requests.get(requestId);
      if (!stored) return { kind: 'notFound' };
      const refusal =
        actor.tenantId !== stored.value.tenantId ? 'OTHER_TENANT' : actor.id !== stored.value.requester.id ? 'NOT_THE_REQUESTER' : undefined;
      if (refusal) {
        await this.record('refused-cancel', stored.value, actor.id, { reason: refusal, tenantId: actor.tenantId });
        return { kind: 'refused', reason: refusal, request: stored.value };
      }
      const result = transition(stored.value, { type: 'cancel', by: person(actor) }, this.deps.clock.now());
      if (result.kind !== 'changed') return result.kind === 'refused' ? { kind: 'refused', reason: result.reason, request: result.request } : { kind: 'unchanged', request: result.request };
      try {
        await this.deps.requests.replace(result.request, stored.eTag);
      } catch (error) {
        if (error instanceof ConcurrencyConflict) continue;
        throw error;
      }
      try {
        await this.record('cancelled', result.request, actor.id, {});
      } finally {
        this.inBackground(() => this.deps.notifier.requestChanged(result.request));
      }
      return { kind: 'decided', request: result.request };
    }
    throw new Error(`Request ${requestId} kept changing while being cancelled`);
  }

  /**
   * Claims the approved request and performs its one Graph write; safe to call again after a crash, from
   * any instance: a live claim held by another instance makes this a no-op.
   */
  async fulfil(requestId: string, options: { readonly recovering?: boolean } = {}): Promise<LicenseRequest | undefined> {
    if (this.fulfilling.has(requestId)) return undefined;
    this.fulfilling.add(requestId);
    try {
      return await this.claimAndWrite(requestId, options.recovering ?? false);
    } finally {
      this.fulfilling.delete(requestId);
    }
  }

  /**
   * The final steps run in an order a crash cannot break: the Graph write, the audit record of its outcome, the
   * notifications, and only then the final state. Until that state is stored the request stays 'assigning' (open),
   * so recovery finds it and repeats what is missing: it reads the user again (no second write) and skips audit
   * records already written; the requester may be told twice, never not at all.
   */
  private async claimAndWrite(requestId: string, recovering: boolean): Promise<LicenseRequest | undefined> {
    const claimed = await this.claim(requestId);
    if (!claimed) return undefined;
    const audited = recovering ? await this.auditedEvents(claimed.value) : new Set<string>();
    const decision = claimed.value.decision;
    if (recovering && decision && !audited.has('approved')) {
      // The process stopped between storing the approval and auditing it.
      await this.record('approved', claimed.value, decision.id, { comment: decision.comment ?? null, recovered: true }, decision.at);
    }
    // One write per person at a time: the next one re-reads the person and finds an overlapping change already made.
    const write = () => this.writer.apply(claimed.value, { beforeWrite: () => this.renewClaim(requestId) });
    const outcome = await withKeyLock(this.writes, claimed.value.target.id, () =>
      this.deps.personWrites ? this.deps.personWrites.withLease(claimed.value.target.id, write) : write(),
    );
    if (outcome.kind === 'superseded') {
      this.log.warn('assignment taken over by another instance before the Graph write', { requestId, instance: this.instanceId });
      return undefined;
    }
    if (outcome.kind === 'unsettled') {
      // Still claimed by this process: the next recovery pass reads the user again and settles it.
      this.log.warn('assignment outcome unknown after every attempt; recovery will read the user again', {
        requestId,
        graph: outcome.graph ?? null,
      });
      return undefined;
    }
    const event: RequestEvent =
      outcome.kind === 'done'
        ? { type: 'complete', outcome: { graph: outcome.graph } }
        : { type: 'fail', reasonCode: outcome.reasonCode, params: outcome.params, graph: outcome.graph };
    const current = await this.deps.requests.get(requestId);
    const result = current && transition(current.value, event, this.deps.clock.now());
    if (!result || result.kind !== 'changed') return undefined;
    const outcomeEvent = result.request.state === 'completed' ? 'assigned' : 'failed';
    if (!audited.has(outcomeEvent)) {
      await this.record(outcomeEvent, result.request, null, {
        reasonCode: result.request.outcome?.reasonCode ?? null,
        graph: result.request.outcome?.graph ?? null,
        instance: this.instanceId,
      });
    }
    await this.deps.notifier.requestChanged(result.request, outcome.kind === 'done' ? outcome.after : undefined).catch((error: unknown) => {
      this.log.warn('outcome not delivered', { requestId, error: String(error) });
    });
    return this.apply(requestId, event);
  }

  /** The audit events already recorded for a request (recovery repeats only what is missing). */
  private async auditedEvents(request: LicenseRequest): Promise<Set<string>> {
    const records = await this.deps.audit.list({ targetId: request.target.id, since: request.createdAt });
    return new Set(records.filter((record) => record.requestId === request.id).map((record) => record.event));
  }

  /**
   * Finishes what stopped processes left behind: approved requests, assignments whose claim ran out, and
   * pending requests whose approval card was never posted. Returns how many assignments it resumed.
   */
  async resumeUnfinished(): Promise<number> {
    const unfinished = await this.deps.requests.listByState(['pending', 'approved', 'assigning']);
    const now = this.deps.clock.now().getTime();
    const stillPending = new Set(unfinished.filter((request) => request.state === 'pending').map((request) => request.id));
    for (const id of this.reoffers.keys()) if (!stillPending.has(id)) this.reoffers.delete(id);
    let resumed = 0;
    for (const request of unfinished) {
      if (request.state === 'pending') {
        const age = now - Date.parse(request.createdAt);
        const backoff = this.reoffers.get(request.id);
        if (this.deps.cards && age >= this.leaseMs && age < REOFFER_MAX_AGE_MS && !this.offering.has(request.id) && !(backoff && now < backoff.nextAt)) {
          this.inBackground(() => this.offerAgain(request));
        }
        continue;
      }
      if (this.fulfilling.has(request.id) || !this.mayClaim(request, now)) continue;
      resumed++;
      this.inBackground(() => this.fulfil(request.id, { recovering: true }));
    }
    return resumed;
  }

  /** Runs resumeUnfinished every intervalMs (one pass at a time) until stopRecovery. */
  startRecovery(intervalMs: number): void {
    this.stopRecovery();
    this.recoveryTimer = setInterval(() => {
      if (this.recoveryPass) return;
      this.recoveryPass = this.resumeUnfinished()
        .catch((error: unknown) => this.log.error('recovery pass failed', { error: String(error) }))
        .finally(() => {
          this.recoveryPass = undefined;
        });
    }, intervalMs);
    this.recoveryTimer.unref();
  }

  stopRecovery(): void {
    if (this.recoveryTimer) clearInterval(this.recoveryTimer);
    this.recoveryTimer = undefined;
  }

  /** Resolves when every background fulfilment and notification has settled (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running.size > 0 || this.recoveryPass) {
      await Promise.allSettled([...this.running, this.recoveryPass]);
    }
  }

  private mayClaim(request: LicenseRequest, now: number): boolean {
    if (request.state !== 'assigning' || !request.claim || request.claim.by === this.instanceId) return true;
    const claimedAt = Date.parse(request.claim.at);
    return Number.isNaN(claimedAt) || now - claimedAt >= this.leaseMs;
  }

  private async claim(requestId: string): Promise<Versioned<LicenseRequest> | undefined> {
    for (let attempt = 0; attempt < MAX_CONFLICT_RETRIES; attempt++) {
      const stored = await this.deps.requests.get(requestId);
      if (!stored) return undefined;
      const event: RequestEvent = { type: 'claimAssignment', by: this.instanceId, leaseMs: this.leaseMs };
      const result = transition(stored.value, event, this.deps.clock.now());
      // Ours already: an earlier attempt in this process stopped on an error; the writer re-reads first.
      if (result.kind === 'unchanged') return stored;
      if (result.kind !== 'changed') return undefined;
      let saved: Versioned<LicenseRequest>;
      try {
        saved = await this.deps.requests.replace(result.request, stored.eTag);
      } catch (error) {
        if (!(error instanceof ConcurrencyConflict)) throw error;
        continue;
      }
      const takeover = stored.value.state === 'assigning';
      await this.record(takeover ? 'assignment-taken-over' : 'assignment-claimed', saved.value, null, {
        instance: this.instanceId,
        previousClaim: takeover ? (stored.value.claim ?? null) : null,
      });
      return saved;
    }
    return undefined;
  }

  /** True when this process still holds the claim, now renewed; false when another instance took it. */
  private async renewClaim(requestId: string): Promise<boolean> {
    for (let attempt = 0; attempt < MAX_CONFLICT_RETRIES; attempt++) {
      const stored = await this.deps.requests.get(requestId);
      if (!stored) return false;
      const result = transition(stored.value, { type: 'renewClaim', by: this.instanceId }, this.deps.clock.now());
      if (result.kind !== 'changed') return false;
      try {
        await this.deps.requests.replace(result.request, stored.eTag);
        return true;
      } catch (error) {
        if (!(error instanceof ConcurrencyConflict)) throw error;
      }
    }
    return false;
  }

  /** Posts the approval card again for a pending request that has none (the process died before posting it). */
  private async offerAgain(request: LicenseRequest): Promise<void> {
    const cards = this.deps.cards;
    if (!cards || this.offering.has(request.id)) return;
    this.offering.add(request.id);
    try {
      if ((await cards.list(request.id)).length > 0) return;
      const current = await this.deps.requests.get(request.id);
      if (current?.value.state !== 'pending') return;
      if (!(await this.auditedEvents(current.value)).has('requested')) {
        // The process stopped between storing the request and auditing it.
        const { add, remove, approvers } = current.value;
        await this.record('requested', current.value, current.value.requester.id, { add, remove, approvers: approvers.map((a) => a.id), recovered: true }, current.value.createdAt);
      }
      const { reached } = await this.deps.notifier.approvalRequested(current.value);
      if (reached > 0) {
        this.reoffers.delete(request.id);
        this.log.info('approval card offered again', { requestId: request.id, reached });
      } else {
        // Nobody could be reached (no approver has opened License Desk yet): try again later, less and less often.
        const attempts = (this.reoffers.get(request.id)?.attempts ?? 0) + 1;
        const delay = Math.min(this.leaseMs * 2 ** attempts, MAX_REOFFER_DELAY_MS);
        this.reoffers.set(request.id, { attempts, nextAt: this.deps.clock.now().getTime() + delay });
      }
    } finally {
      this.offering.delete(request.id);
    }
  }

  private async apply(requestId: string, event: RequestEvent): Promise<LicenseRequest | undefined> {
    try {
      return await applyStored(this.deps.requests, requestId, event, this.deps.clock.now());
    } catch (error) {
      if (error instanceof KeptChanging) return undefined;
      throw error;
    }
  }

  private async managerOf(userId: string): Promise<Person | undefined> {
    const manager = await this.deps.directory.getManager(userId);
    return manager ? { id: manager.id, displayName: manager.displayName } : undefined;
  }

  private async approverGroupMembers(): Promise<Person[]> {
    if (!this.deps.approverGroupId) return [];
    const members = await this.deps.directory.listGroupMembers(this.deps.approverGroupId);
    return members.map((member) => ({ id: member.id, displayName: member.displayName }));
  }

  private async record(event: string, request: LicenseRequest, actorId: string | null, details: Record<string, unknown>, at?: string): Promise<void> {
    await this.deps.audit.append({
      at: at ?? this.deps.clock.now().toISOString(),
      requestId: request.id,
      event,
      actorId,
      targetId: request.target.id,
      details,
    });
  }

  private inBackground(work: () => Promise<unknown>): void {
    const task = work().catch((error: unknown) => {
      this.log.error('background request work failed', { error: String(error) });
    });
    this.running.add(task);
    void task.finally(() => this.running.delete(task));
  }
}

function person(actor: Actor): Person {
  return { id: actor.id, displayName: actor.displayName };
}

function sameChange(a: Decision, b: Decision): boolean {
  const same = (x: readonly string[], y: readonly string[]) => x.length === y.length && x.every((item) => y.includes(item));
  const toggles = (decision: Decision) =>
    decision.planChanges.flatMap((change) => [...change.enable.map((plan) => `+${change.partNumber}/${plan}`), ...change.disable.map((plan) => `-${change.partNumber}/${plan}`)]);
  return a.outcome === b.outcome && same(a.add, b.add) && same(a.remove, b.remove) && same(toggles(a), toggles(b));
}

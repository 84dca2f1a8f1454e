/**
 * The life of a licence request after the requester confirms: who approves it, the decision
 * (loaded from storage by id and checked against the actor, never taken from a card), and the
 * single Graph write. Transitions go through the state machine with the store's eTags, so a
 * double click or two instances racing still produce one decision and one write.
 */
import { randomUUID } from 'node:crypto';
import { canDecide, chooseApprovers } from '../domain/approval-policy';
import type { Decision, LicenseAction } from '../domain/decision';
import type { LicenseRequest, Person } from '../domain/request';
import { transition, type RequestEvent } from '../domain/request-state';
import { evaluate } from '../domain/rules';
import {
  ConcurrencyConflict,
  type AuditLog,
  type Clock,
  type Directory,
  type DirectoryUser,
  type RequestNotifier,
  type RequestStore,
  type Versioned,
} from '../ports';
import type { LicenseFactsReader } from './license-facts';
import { LicenseWriter } from './license-writer';

export interface WorkflowDependencies {
  readonly directory: Directory;
  readonly facts: LicenseFactsReader;
  readonly requests: RequestStore;
  readonly audit: AuditLog;
  readonly notifier: RequestNotifier;
  readonly clock: Clock;
  readonly approverGroupId: string | undefined;
}

export interface Actor extends Person {
  readonly tenantId: string;
}

export type SubmitResult =
  | { kind: 'submitted'; request: LicenseRequest; reached: number }
  | { kind: 'noApprover' }
  | { kind: 'changed'; decision: Decision };

export type DecideResult =
  | { kind: 'notFound' }
  | { kind: 'refused'; reason: string; request: LicenseRequest }
  | { kind: 'decided'; request: LicenseRequest }
  | { kind: 'unchanged'; request: LicenseRequest };

const MAX_CONFLICT_RETRIES = 8;

export class ApprovalWorkflow {
  private readonly writer: LicenseWriter;
  private readonly running = new Set<Promise<unknown>>();

  constructor(private readonly deps: WorkflowDependencies) {
    this.writer = new LicenseWriter(deps.directory, deps.facts);
  }

  /** Re-checks the rules on fresh facts, picks the approvers, stores the request and sends the cards. */
  async submit(input: {
    tenantId: string;
    requester: Person;
    target: DirectoryUser;
    action: LicenseAction;
    requested: readonly string[];
    confirmed: Decision;
  }): Promise<SubmitResult> {
    const facts = await this.deps.facts.read(input.target.id);
    const decision = evaluate({ action: input.action, requested: input.requested }, facts.user, facts.tenant);
    if (!sameChange(decision, input.confirmed)) return { kind: 'changed', decision };

    const choice = chooseApprovers({
      requesterId: input.requester.id,
      targetId: input.target.id,
      manager: await this.managerOf(input.target.id),
      approverGroupMembers: await this.approverGroupMembers(),
    });
    if (choice.approvers.length === 0 || !('source' in choice)) return { kind: 'noApprover' };

    const now = this.deps.clock.now().toISOString();
    const request: LicenseRequest = {
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
      notes: [...decision.notes],
      seats: facts.tenant.skus.filter((sku) => decision.add.includes(sku.partNumber)),
      approvers: choice.approvers,
      approverSource: choice.source,
      state: 'pending',
    };
    await this.deps.requests.create(request);
    await this.record('requested', request, input.requester.id, { add: request.add, remove: request.remove, approvers: request.approvers.map((a) => a.id) });
    const { reached } = await this.deps.notifier.approvalRequested(request);
    return { kind: 'submitted', request, reached };
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
      await this.record(verb === 'approve' ? 'approved' : 'rejected', result.request, actor.id, { comment: comment ?? null });
      if (verb === 'approve') this.inBackground(() => this.fulfil(requestId));
      else this.inBackground(() => this.deps.notifier.requestChanged(result.request));
      return { kind: 'decided', request: result.request };
    }
    throw new Error(`Request ${requestId} kept changing while being decided`);
  }

  /** Claims the approved request and performs its one Graph write; safe to call again after a crash. */
  async fulfil(requestId: string): Promise<LicenseRequest | undefined> {
    const claimed = await this.claim(requestId);
    if (!claimed) return undefined;
    const outcome = await this.writer.apply(claimed.value);
    const event: RequestEvent =
      outcome.kind === 'done'
        ? { type: 'complete', outcome: { graph: outcome.graph } }
        : { type: 'fail', reasonCode: outcome.reasonCode, params: outcome.params, graph: outcome.graph };
    const finished = await this.apply(requestId, event);
    if (finished) {
      await this.record(finished.state === 'completed' ? 'assigned' : 'failed', finished, null, {
        reasonCode: finished.outcome?.reasonCode ?? null,
        graph: finished.outcome?.graph ?? null,
      });
      await this.deps.notifier.requestChanged(finished);
    }
    return finished;
  }

  /** Finishes what a previous process left approved or assigning (restart after a crash). */
  async resumeUnfinished(): Promise<number> {
    const unfinished = await this.deps.requests.listByState(['approved', 'assigning']);
    for (const request of unfinished) this.inBackground(() => this.fulfil(request.id));
    return unfinished.length;
  }

  /** Resolves when every background fulfilment and notification has settled (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  private async claim(requestId: string): Promise<Versioned<LicenseRequest> | undefined> {
    for (let attempt = 0; attempt < MAX_CONFLICT_RETRIES; attempt++) {
      const stored = await this.deps.requests.get(requestId);
      if (!stored) return undefined;
      // A request already 'assigning' was claimed by a process that stopped before recording the
      // outcome; the writer re-reads the user first, so continuing cannot write twice.
      if (stored.value.state === 'assigning') return stored;
      if (stored.value.state !== 'approved') return undefined;
      const result = transition(stored.value, { type: 'claimAssignment' }, this.deps.clock.now());
      if (result.kind !== 'changed') return undefined;
      try {
        return await this.deps.requests.replace(result.request, stored.eTag);
      } catch (error) {
        if (!(error instanceof ConcurrencyConflict)) throw error;
      }
    }
    return undefined;
  }

  private async apply(requestId: string, event: RequestEvent): Promise<LicenseRequest | undefined> {
    for (let attempt = 0; attempt < MAX_CONFLICT_RETRIES; attempt++) {
      const stored = await this.deps.requests.get(requestId);
      if (!stored) return undefined;
      const result = transition(stored.value, event, this.deps.clock.now());
      if (result.kind !== 'changed') return undefined;
      try {
        return (await this.deps.requests.replace(result.request, stored.eTag)).value;
      } catch (error) {
        if (!(error instanceof ConcurrencyConflict)) throw error;
      }
    }
    return undefined;
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

  private async record(event: string, request: LicenseRequest, actorId: string | null, details: Record<string, unknown>): Promise<void> {
    await this.deps.audit.append({
      at: this.deps.clock.now().toISOString(),
      requestId: request.id,
      event,
      actorId,
      targetId: request.target.id,
      details,
    });
  }

  private inBackground(work: () => Promise<unknown>): void {
    const task = work().catch((error: unknown) => {
      console.error(JSON.stringify({ level: 'error', msg: 'background request work failed', error: String(error) }));
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
  return a.outcome === b.outcome && same(a.add, b.add) && same(a.remove, b.remove);
}

/**
 * `assign <licences> to <users>` and `remove <licences> from <users>`: for each person, the same rules
 * as a chat request, then ApprovalWorkflow.submit (the person's manager or the licence approvers decide).
 * With --no-approval, where ADMIN_CAN_SKIP_APPROVAL allows it, the request is stored as approved by the
 * admin (audited as such) and fulfilled at once through the same workflow.
 */
import { randomUUID } from 'node:crypto';
import type { LicenseAction } from '../../domain/decision';
import type { LicenseRequest } from '../../domain/request';
import { evaluate, seatCounts } from '../../domain/rules';
import type { AuditLog, Clock, RequestStore } from '../../ports';
import type { ApprovalWorkflow } from '../../services/approval-workflow';
import type { LicenseFactsReader } from '../../services/license-facts';
import type { PeopleFinder } from '../../services/people-finder';
import { explainNotes, explainReason, addedProducts, joinProducts, removedProducts } from '../explain';
import { shortId } from '../../services/bulk/bulk-job';
import { reply, type CommandScope } from './command-scope';
import { readLicences } from './licence-words';
import { overlapsOpenText } from '../open-request-text';
import { resolveReferences } from './user-references';

/** More people than this in one message belong in a bulk job (one approval, a progress card, a report). */
export const MAX_DIRECT_USERS = 20;

export interface ChangeDependencies {
  readonly facts: LicenseFactsReader;
  readonly workflow: ApprovalWorkflow;
  readonly requests: RequestStore;
  readonly audit: AuditLog;
  readonly people: PeopleFinder;
  readonly clock: Clock;
  readonly adminCanSkipApproval: boolean;
}

export interface ChangeCommand {
  readonly action: LicenseAction;
  readonly licences: string;
  readonly users: string;
  readonly noApproval: boolean;
}

export async function changeLicences(scope: CommandScope, deps: ChangeDependencies, command: ChangeCommand): Promise<void> {
  const { t } = scope;
  if (command.noApproval && !deps.adminCanSkipApproval) return reply(scope, t('admin:change.noApprovalDisabled'));
  const licences = readLicences(command.licences);
  if (licences.kind === 'unknown') return reply(scope, t('admin:change.unknownLicence', { text: licences.text }));
  if (licences.kind === 'none') return reply(scope, t('admin:change.noLicence'));
  const references = await resolveReferences(scope.context, deps.people, command.users);
  if (references.length > MAX_DIRECT_USERS) return reply(scope, t('admin:change.tooMany', { count: references.length, max: MAX_DIRECT_USERS }));

  const lines: string[] = [];
  for (const reference of references) {
    if (reference.kind === 'notFound') lines.push(t('admin:change.notFound', { text: reference.text }));
    else if (reference.kind === 'ambiguous') {
      const candidates = reference.candidates.slice(0, 4).map((user) => `${user.displayName} (${user.userPrincipalName})`);
      lines.push(t('admin:change.ambiguous', { text: reference.text, candidates: candidates.join(t('replies:listSeparator')) }));
    } else lines.push(await changeOne(scope, deps, command, licences.partNumbers, reference.user));
  }
  await reply(scope, lines.join('\n\n'));
}

async function changeOne(
  scope: CommandScope,
  deps: ChangeDependencies,
  command: ChangeCommand,
  requested: string[],
  target: { id: string; displayName: string; userPrincipalName: string },
): Promise<string> {
  const { t } = scope;
  const name = target.displayName;
  const facts = await deps.facts.read(target.id);
  const decision = evaluate({ action: command.action, requested }, facts.user, facts.tenant);
  if (decision.outcome === 'refused') return `${t('admin:change.refused', { name })} ${explainNotes(t, decision.notes, ['refusal']).join(' ')}`;
  if (decision.outcome === 'noop') return `${t('admin:change.nothing', { name })} ${explainNotes(t, decision.notes, ['noop']).join(' ')}`;
  const products = joinProducts(t, command.action === 'assign' ? addedProducts(t, decision) : removedProducts(t, decision));
  const requester = { id: scope.actor.id, displayName: scope.actor.displayName };

  if (command.noApproval) {
    const now = deps.clock.now().toISOString();
    const request: LicenseRequest = {
      id: randomUUID(),
      tenantId: scope.actor.tenantId,
      createdAt: now,
      updatedAt: now,
      requester,
      target: { id: target.id, displayName: target.displayName, userPrincipalName: target.userPrincipalName },
      action: command.action,
      requested,
      add: [...decision.add],
      remove: [...decision.remove],
      ...(decision.planChanges.length > 0 ? { planChanges: decision.planChanges } : {}),
      notes: [...decision.notes],
      seats: seatCounts(facts.tenant, decision.add),
      approvers: [],
      approverSource: 'approverGroup',
      state: 'approved',
      decision: { id: requester.id, displayName: requester.displayName, at: now },
    };
    await deps.requests.create(request);
    const audit = (event: string) =>
      deps.audit.append({ at: now, requestId: request.id, event, actorId: requester.id, targetId: target.id, details: { add: request.add, remove: request.remove, ...(request.planChanges ? { planChanges: request.planChanges } : {}), skippedApproval: true } });
    await audit('requested');
    await audit('approved');
    const finished = await deps.workflow.fulfil(request.id);
    if (finished?.state === 'completed') return t(command.action === 'assign' ? 'admin:change.assignedNow' : 'admin:change.removedNow', { name, products, id: shortId(request.id) });
    return `${t('admin:change.failedNow', { name, id: shortId(request.id) })} ${explainReason(t, finished?.outcome?.reasonCode ?? 'GRAPH_UNKNOWN', finished?.outcome?.params)}`;
  }

  const result = await deps.workflow.submit({ tenantId: scope.actor.tenantId, requester, target: facts.target, action: command.action, requested, confirmed: decision });
  switch (result.kind) {
    case 'noApprover':
      return t('admin:change.noApprover', { name });
    case 'changed':
      return t('admin:change.changed', { name });
    case 'overlaps':
      return overlapsOpenText(t, result.open);
    case 'submitted': {
      const approvers = result.request.approvers.map((approver) => approver.displayName).join(t('replies:listSeparator'));
      const key = result.reached > 0 ? 'admin:change.sent' : 'admin:change.sentUnreachable';
      return t(key, { name, products, approvers, id: shortId(result.request.id) });
    }
  }
}

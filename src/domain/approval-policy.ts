/**
 * Who approves a licence request, and whether a given person may decide on it. Separation of duties:
 * nobody approves a request they made or a licence for themselves.
 */
import type { ApprovalReasonCode } from './reason-codes';
import type { LicenseRequest, Person } from './request';

export type DecideRefusal = Exclude<ApprovalReasonCode, 'NO_APPROVER'>;

export type DecidePermission = { readonly allowed: true } | { readonly allowed: false; readonly reason: DecideRefusal };

export interface Actor {
  readonly id: string;
  readonly tenantId: string;
}

export function canDecide(request: LicenseRequest, actor: Actor): DecidePermission {
  const refuse = (reason: DecideRefusal): DecidePermission => ({ allowed: false, reason });
  if (actor.tenantId !== request.tenantId) return refuse('OTHER_TENANT');
  if (actor.id === request.requester.id) return refuse('REQUESTER_CANNOT_APPROVE');
  if (actor.id === request.target.id) return refuse('TARGET_CANNOT_APPROVE');
  if (!request.approvers.some((approver) => approver.id === actor.id)) return refuse('NOT_AN_APPROVER');
  if (request.state !== 'pending') return refuse('ALREADY_DECIDED');
  return { allowed: true };
}

export interface ApproverCandidates {
  readonly requesterId: string;
  readonly targetId: string;
  readonly manager?: Person;
  readonly approverGroupMembers: readonly Person[];
}

export type ApproverChoice =
  | { readonly approvers: Person[]; readonly source: 'manager' | 'approverGroup' }
  | { readonly approvers: []; readonly reason: 'NO_APPROVER' };

/** The target's manager when they may approve; otherwise the approver group minus requester and target. */
export function chooseApprovers(input: ApproverCandidates): ApproverChoice {
  const eligible = (person: Person): boolean => person.id !== input.requesterId && person.id !== input.targetId;
  if (input.manager && eligible(input.manager)) return { approvers: [input.manager], source: 'manager' };
  const seen = new Set<string>();
  const members = input.approverGroupMembers.filter((person) => {
    if (!eligible(person) || seen.has(person.id)) return false;
    seen.add(person.id);
    return true;
  });
  if (members.length > 0) return { approvers: members, source: 'approverGroup' };
  return { approvers: [], reason: 'NO_APPROVER' };
}

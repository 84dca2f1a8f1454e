import assert from 'node:assert/strict';
import { canDecide, chooseApprovers } from '../../src/domain/approval-policy';
import type { LicenseRequest, Person, RequestState } from '../../src/domain/request';

const requester: Person = { id: 'user-requester', displayName: 'Rita Requester' };
const target = { id: 'user-alice', displayName: 'Alice', userPrincipalName: 'alice@contoso.example' };
const manager: Person = { id: 'user-manager', displayName: 'Mona Manager' };
const groupMember: Person = { id: 'user-group', displayName: 'Gus Group' };

function request(approvers: readonly Person[], state: RequestState = 'pending'): LicenseRequest {
  return {
    id: 'req-1',
    tenantId: 'tenant-1',
    createdAt: '2024-05-01T08:00:00.000Z',
    updatedAt: '2024-05-01T08:00:00.000Z',
    requester,
    target,
    action: 'assign',
    requested: ['MCOEV'],
    add: ['MCOEV'],
    remove: [],
    notes: [],
    seats: [],
    approvers,
    approverSource: 'approverGroup',
    state,
  };
}

describe('approval-policy.canDecide', () => {
  const cases: readonly [string, LicenseRequest, { id: string; tenantId: string }, string | true][] = [
    ['an approver decides a pending request', request([manager]), { id: manager.id, tenantId: 'tenant-1' }, true],
    ['someone from another tenant', request([manager]), { id: manager.id, tenantId: 'tenant-2' }, 'OTHER_TENANT'],
    ['the requester, even when listed as approver', request([manager, requester]), { id: requester.id, tenantId: 'tenant-1' }, 'REQUESTER_CANNOT_APPROVE'],
    ['the target, even when listed as approver', request([manager, target]), { id: target.id, tenantId: 'tenant-1' }, 'TARGET_CANNOT_APPROVE'],
    ['someone not among the approvers', request([manager]), { id: groupMember.id, tenantId: 'tenant-1' }, 'NOT_AN_APPROVER'],
    ['an approver on an approved request', request([manager], 'approved'), { id: manager.id, tenantId: 'tenant-1' }, 'ALREADY_DECIDED'],
    ['an approver on a rejected request', request([manager], 'rejected'), { id: manager.id, tenantId: 'tenant-1' }, 'ALREADY_DECIDED'],
    ['an approver on a cancelled request', request([manager], 'cancelled'), { id: manager.id, tenantId: 'tenant-1' }, 'ALREADY_DECIDED'],
  ];
  for (const [name, req, actor, expected] of cases) {
    it(name, () => {
      const permission = canDecide(req, actor);
      assert.deepEqual(permission, expected === true ? { allowed: true } : { allowed: false, reason: expected });
    });
  }
});

describe('approval-policy.chooseApprovers', () => {
  const base = { requesterId: requester.id, targetId: target.id };

  it('the manager when there is one', () => {
    assert.deepEqual(chooseApprovers({ ...base, manager, approverGroupMembers: [groupMember] }), { approvers: [manager], source: 'manager' });
  });

  it('the approver group when there is no manager', () => {
    assert.deepEqual(chooseApprovers({ ...base, approverGroupMembers: [groupMember] }), { approvers: [groupMember], source: 'approverGroup' });
  });

  it('the approver group when the manager is the requester', () => {
    const choice = chooseApprovers({ requesterId: manager.id, targetId: target.id, manager, approverGroupMembers: [manager, groupMember] });
    assert.deepEqual(choice, { approvers: [groupMember], source: 'approverGroup' });
  });

  it('the approver group when the manager is the target', () => {
    const choice = chooseApprovers({ requesterId: requester.id, targetId: manager.id, manager, approverGroupMembers: [groupMember] });
    assert.deepEqual(choice, { approvers: [groupMember], source: 'approverGroup' });
  });

  it('group members without requester, target and duplicates', () => {
    const choice = chooseApprovers({ ...base, approverGroupMembers: [requester, groupMember, target, groupMember, manager] });
    assert.deepEqual(choice, { approvers: [groupMember, manager], source: 'approverGroup' });
  });

  it('no approver when nobody else is left', () => {
    assert.deepEqual(chooseApprovers({ ...base, approverGroupMembers: [requester, target] }), { approvers: [], reason: 'NO_APPROVER' });
    assert.deepEqual(chooseApprovers({ ...base, approverGroupMembers: [] }), { approvers: [], reason: 'NO_APPROVER' });
  });
});

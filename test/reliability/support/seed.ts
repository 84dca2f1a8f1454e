/**
 * A pending request stored directly, as the submit step would store it: for races that start at the approval card
 * and need many fresh requests quickly. Alice Anders (E3, US) gets a Domestic Calling Plan with Phone System, and
 * Megan Manager, her manager, approves.
 */
import { randomUUID } from 'node:crypto';
import type { LicenseRequest, Person } from '../../../src/domain/request';
import type { Rig } from './rig';

export async function seedPendingRequest(rig: Rig, options: { readonly approver?: Person } = {}): Promise<string> {
  const now = new Date().toISOString();
  const alice = rig.tenant.users.find((user) => user.displayName === 'Alice Anders');
  if (!alice) throw new Error('No Alice Anders in the test tenant');
  const request: LicenseRequest = {
    id: randomUUID(),
    tenantId: rig.tenant.tenantId,
    createdAt: now,
    updatedAt: now,
    requester: { id: rig.userId('Rita Requester'), displayName: 'Rita Requester' },
    target: { id: alice.id, displayName: alice.displayName, userPrincipalName: alice.userPrincipalName },
    action: 'assign',
    requested: ['MCOPSTN1'],
    add: ['MCOEV', 'MCOPSTN1'],
    remove: [],
    notes: [{ code: 'PHONE_SYSTEM_ADDED_FOR_CALLING_PLAN', kind: 'change', params: { partNumber: 'MCOEV', requiredBy: 'MCOPSTN1' } }],
    seats: [],
    approvers: [options.approver ?? { id: rig.userId('Megan Manager'), displayName: 'Megan Manager' }],
    approverSource: 'manager',
    state: 'pending',
  };
  await (await rig.state()).requests.create(request);
  return request.id;
}

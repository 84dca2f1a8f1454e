import type { LicenseRequest, RequestState } from '../../../src/domain/request';

/** A complete request with every optional part filled, so that round trips can show nothing is lost. */
export function sampleRequest(id: string, overrides: Partial<LicenseRequest> = {}): LicenseRequest {
  return {
    id,
    tenantId: '7f3c6b52-0d8e-4c59-9d3a-2b1f3e9a4c10',
    createdAt: '2025-03-01T09:00:00.000Z',
    updatedAt: '2025-03-01T09:00:00.000Z',
    requester: { id: 'a1b2c3d4-0000-4000-8000-000000000001', displayName: 'Adele Vance' },
    target: {
      id: 'a1b2c3d4-0000-4000-8000-000000000002',
      displayName: 'Alex Wilber',
      userPrincipalName: 'alexw@contoso.example',
    },
    action: 'assign',
    requested: ['MCOPSTN1'],
    add: ['MCOPSTN1', 'MCOEV'],
    remove: [],
    notes: [{ code: 'PHONE_SYSTEM_ADDED_FOR_CALLING_PLAN', kind: 'change', params: { partNumber: 'MCOEV' } }],
    seats: [{ partNumber: 'MCOPSTN1', enabled: 25, consumed: 24 }],
    approvers: [{ id: 'a1b2c3d4-0000-4000-8000-000000000003', displayName: 'Megan Bowen' }],
    approverSource: 'manager',
    state: 'pending',
    decision: { id: 'a1b2c3d4-0000-4000-8000-000000000003', displayName: 'Megan Bowen', at: '2025-03-01T10:00:00.000Z', comment: 'ok' },
    outcome: { at: '2025-03-01T10:01:00.000Z', graph: { status: 200 } },
    ...overrides,
  };
}

export function inState(request: LicenseRequest, state: RequestState): LicenseRequest {
  return { ...request, state, updatedAt: new Date(Date.parse(request.updatedAt) + 1000).toISOString() };
}

/** Licence requests in every state the approval card can show. */
import type { LicenseRequest, RequestState } from '../../src/domain/request';
import type { ApprovalCardView } from '../../cards/approval-card';

export const REQUEST_ID = '3f2b5c1e-8a4d-4e6f-9b1a-2c3d4e5f6a7b';
export const REQUESTER = 'Rita Requester';
export const TARGET = 'Alice Wu';
export const TARGET_UPN = 'alice.wu@contoso.example';
export const DECIDER = 'Mona Manager';
export const COMMENT = 'No budget left this quarter';
export const APPROVER_MRI = '29:1a2b3c-approver';

const base: LicenseRequest = {
  id: REQUEST_ID,
  tenantId: 'b1e0c3f4-0000-4000-8000-000000000001',
  createdAt: '2025-01-10T09:00:00.000Z',
  updatedAt: '2025-01-10T09:00:00.000Z',
  requester: { id: 'requester-id', displayName: REQUESTER },
  target: { id: 'target-id', displayName: TARGET, userPrincipalName: TARGET_UPN },
  action: 'assign',
  requested: ['MCOPSTN1'],
  add: ['MCOEV', 'MCOPSTN1'],
  remove: ['MCOPSTN5'],
  notes: [
    { code: 'PHONE_SYSTEM_ADDED_FOR_CALLING_PLAN', kind: 'change', params: { partNumber: 'MCOEV', requiredBy: 'MCOPSTN1' } },
    { code: 'CALLING_PLAN_UPGRADE', kind: 'change', params: { from: 'MCOPSTN5', to: 'MCOPSTN1' } },
    { code: 'CALLING_PLAN_LATENCY', kind: 'advice', params: { partNumber: 'MCOPSTN1', hours: 24 } },
    { code: 'NEXT_STEP_PHONE_NUMBERS', kind: 'advice', params: {} },
    { code: 'ALREADY_ASSIGNED', kind: 'noop', params: { partNumber: 'ENTERPRISEPACK' } },
  ],
  seats: [{ partNumber: 'MCOEV', enabled: 25, consumed: 20 }],
  approvers: [
    { id: 'approver-id', displayName: DECIDER },
    { id: 'second-approver-id', displayName: 'Sam Second' },
  ],
  approverSource: 'manager',
  state: 'pending',
};

const decided = (comment?: string) => ({
  id: 'approver-id',
  displayName: DECIDER,
  at: '2025-01-10T10:00:00.000Z',
  ...(comment === undefined ? {} : { comment }),
});

export function requestIn(state: RequestState, changes: Partial<LicenseRequest> = {}): LicenseRequest {
  return { ...base, state, ...changes };
}

export interface CardCase {
  readonly name: string;
  readonly view: Omit<ApprovalCardView, 'locale'>;
  /** The title the reader sees (English, the fallback of every locale until translations exist). */
  readonly title: string;
  readonly refresh: boolean;
  readonly buttons: boolean;
  /** Other texts the rendered card must contain. */
  readonly texts: readonly string[];
}

const seats = [
  { partNumber: 'MCOEV', enabled: 25, consumed: 20 },
  { partNumber: 'MCOPSTN1', enabled: 10, consumed: 10 },
];
const refreshUserIds = [APPROVER_MRI, 'approver-id'];

export const CARD_CASES: readonly CardCase[] = [
  {
    name: 'pending, approver view',
    view: { request: requestIn('pending'), seats, refreshUserIds, withActions: true },
    title: 'Licence request',
    refresh: true,
    buttons: true,
    texts: ['free 5 of 25', 'free 0 of 10', `Request ID: ${REQUEST_ID.slice(0, 8)}`],
  },
  {
    name: 'pending, status view',
    view: { request: requestIn('pending'), seats, refreshUserIds, withActions: false },
    title: 'Licence request',
    refresh: true,
    buttons: false,
    texts: ['free 5 of 25', DECIDER],
  },
  {
    name: 'pending, just approved (progress)',
    view: { request: requestIn('pending'), seats, refreshUserIds, withActions: true, progress: 'assigning' },
    title: 'Approved — assigning…',
    refresh: true,
    buttons: false,
    texts: [],
  },
  {
    name: 'assigning',
    view: { request: requestIn('assigning', { decision: decided() }), seats, refreshUserIds, withActions: true },
    title: `Approved by ${DECIDER} — assigning…`,
    refresh: true,
    buttons: false,
    texts: [],
  },
  {
    name: 'approved, not yet claimed',
    view: { request: requestIn('approved', { decision: decided() }), seats: [], refreshUserIds, withActions: false },
    title: `Approved by ${DECIDER} — assigning…`,
    refresh: true,
    buttons: false,
    texts: [],
  },
  {
    name: 'completed',
    view: {
      request: requestIn('completed', { decision: decided(), outcome: { at: '2025-01-10T10:00:05.000Z' } }),
      seats: [],
      refreshUserIds,
      withActions: true,
    },
    title: 'Assigned',
    refresh: false,
    buttons: false,
    texts: [DECIDER],
  },
  {
    name: 'completed removal',
    view: {
      request: requestIn('completed', { action: 'remove', add: [], remove: ['MCOEV'], decision: decided() }),
      seats: [],
      refreshUserIds,
      withActions: false,
    },
    title: 'Removed',
    refresh: false,
    buttons: false,
    texts: [],
  },
  {
    name: 'failed',
    view: {
      request: requestIn('failed', {
        decision: decided(),
        outcome: { at: '2025-01-10T10:00:05.000Z', reasonCode: 'GRAPH_NO_LICENSES', params: { partNumber: 'MCOPSTN1' } },
      }),
      seats,
      refreshUserIds,
      withActions: true,
    },
    title: 'Not assigned',
    refresh: false,
    buttons: false,
    texts: [DECIDER],
  },
  {
    name: 'failed without a reason code',
    view: {
      request: requestIn('failed', { outcome: { at: '2025-01-10T10:00:05.000Z' } }),
      seats: [],
      refreshUserIds,
      withActions: false,
    },
    title: 'Not assigned',
    refresh: false,
    buttons: false,
    texts: ['could not be made'],
  },
  {
    name: 'rejected with a comment',
    view: { request: requestIn('rejected', { decision: decided(COMMENT) }), seats: [], refreshUserIds, withActions: true },
    title: `Rejected by ${DECIDER}`,
    refresh: false,
    buttons: false,
    texts: [COMMENT, `Comment from ${DECIDER}`],
  },
  {
    name: 'rejected without a comment',
    view: { request: requestIn('rejected', { decision: decided() }), seats: [], refreshUserIds, withActions: false },
    title: `Rejected by ${DECIDER}`,
    refresh: false,
    buttons: false,
    texts: [],
  },
  {
    name: 'cancelled by the requester',
    view: {
      request: requestIn('cancelled', { decision: { id: 'requester-id', displayName: REQUESTER, at: '2025-01-10T09:30:00.000Z' } }),
      seats: [],
      refreshUserIds,
      withActions: true,
    },
    title: `Cancelled by ${REQUESTER}`,
    refresh: false,
    buttons: false,
    texts: [],
  },
  {
    name: 'expired (nobody decided in time)',
    view: { request: requestIn('expired'), seats, refreshUserIds, withActions: true },
    title: 'Expired',
    refresh: false,
    buttons: false,
    texts: ['Nobody decided on this request in time'],
  },
  {
    name: 'cancelled, nobody recorded',
    view: { request: requestIn('cancelled'), seats: [], refreshUserIds, withActions: true },
    title: 'Cancelled',
    refresh: false,
    buttons: false,
    texts: [],
  },  {
    name: 'pending, time-bound (two weeks)',
    view: { request: requestIn('pending', { durationSeconds: 14 * 86_400 }), seats, refreshUserIds, withActions: true },
    title: 'Licence request',
    refresh: true,
    buttons: true,
    texts: ['Ends', '14 days after assignment (about Jan 24, 2025)'],
  },
  {
    name: 'completed, time-bound with its end date',
    view: {
      request: requestIn('completed', { decision: decided(), durationSeconds: 14 * 86_400, endsAt: '2025-01-24T10:00:05.000Z' }),
      seats: [],
      refreshUserIds,
      withActions: false,
    },
    title: 'Assigned',
    refresh: false,
    buttons: false,
    texts: ['Ends', 'Jan 24, 2025, then removed automatically'],
  },
];

import assert from 'node:assert/strict';
import type { AssignmentClaim, LicenseRequest, Person, RequestState } from '../../src/domain/request';
import { isFinal, isOpen, transition, type RequestEvent, type TransitionResult } from '../../src/domain/request-state';

const requester: Person = { id: 'user-requester', displayName: 'Rita Requester' };
const approver: Person = { id: 'user-manager', displayName: 'Mona Manager' };
const otherApprover: Person = { id: 'user-other', displayName: 'Otto Other' };
const created = '2024-05-01T08:00:00.000Z';
const now = new Date('2024-05-02T09:30:00.000Z');
const LEASE_MS = 120_000;
const thisInstance = 'host-a/101/aaaa';
const otherInstance = 'host-b/202/bbbb';
const secondsAgo = (seconds: number): string => new Date(now.getTime() - seconds * 1000).toISOString();

function request(state: RequestState, decidedBy?: Person, claim?: AssignmentClaim): LicenseRequest {
  return {
    id: 'req-1',
    tenantId: 'tenant-1',
    createdAt: created,
    updatedAt: created,
    requester,
    target: { id: 'user-alice', displayName: 'Alice', userPrincipalName: 'alice@contoso.example' },
    action: 'assign',
    requested: ['MCOPSTN1'],
    add: ['MCOEV', 'MCOPSTN1'],
    remove: [],
    notes: [],
    seats: [],
    approvers: [approver, otherApprover],
    approverSource: 'approverGroup',
    state,
    ...(decidedBy ? { decision: { ...decidedBy, at: created } } : {}),
    ...(claim ? { claim } : {}),
  };
}

/** A request some instance is assigning, claimed the given number of seconds before `now`. */
function assigning(by: string, claimedSecondsAgo: number): LicenseRequest {
  return request('assigning', approver, { by, at: secondsAgo(claimedSecondsAgo) });
}

const approve = (by: Person = approver, comment?: string): RequestEvent => ({ type: 'approve', by, ...(comment ? { comment } : {}) });
const reject = (by: Person = approver, comment?: string): RequestEvent => ({ type: 'reject', by, ...(comment ? { comment } : {}) });
const cancel: RequestEvent = { type: 'cancel', by: requester };
const claim: RequestEvent = { type: 'claimAssignment', by: thisInstance, leaseMs: LEASE_MS };
const renew: RequestEvent = { type: 'renewClaim', by: thisInstance };
const complete: RequestEvent = { type: 'complete', outcome: { graph: { status: 200 } } };
const fail: RequestEvent = { type: 'fail', reasonCode: 'GRAPH_NO_LICENSES', params: { partNumber: 'MCOEV' }, graph: { status: 400, code: 'Request_BadRequest' } };

const expire: RequestEvent = { type: 'expire' };
const addApprovers = (...approvers: Person[]): RequestEvent => ({ type: 'addApprovers', approvers });
const fallback: Person = { id: 'user-fallback', displayName: 'Fiona Fallback' };

const ALL_STATES: readonly RequestState[] = ['pending', 'approved', 'assigning', 'completed', 'failed', 'rejected', 'cancelled', 'expired'];

function changedTo(result: TransitionResult, state: RequestState): LicenseRequest {
  assert.equal(result.kind, 'changed');
  assert.equal(result.request.state, state);
  assert.equal(result.request.updatedAt, now.toISOString());
  return result.request;
}

describe('request-state.transition', () => {
  describe('allowed transitions', () => {
    it('pending → approved records the approver, time and comment', () => {
      const next = changedTo(transition(request('pending'), approve(approver, ' fine by me '), now), 'approved');
      assert.deepEqual(next.decision, { id: approver.id, displayName: approver.displayName, at: now.toISOString(), comment: 'fine by me' });
    });

    it('pending → approved without a comment stores none', () => {
      const next = changedTo(transition(request('pending'), approve(), now), 'approved');
      assert.equal('comment' in (next.decision ?? {}), false);
    });

    it('pending → rejected records the approver and comment', () => {
      const next = changedTo(transition(request('pending'), reject(otherApprover, 'not needed'), now), 'rejected');
      assert.deepEqual(next.decision, { id: otherApprover.id, displayName: otherApprover.displayName, at: now.toISOString(), comment: 'not needed' });
    });

    it('pending → cancelled records who cancelled', () => {
      const next = changedTo(transition(request('pending'), cancel, now), 'cancelled');
      assert.equal(next.decision?.id, requester.id);
    });

    it('approved → assigning records which instance claimed the write, and when', () => {
      const next = changedTo(transition(request('approved', approver), claim, now), 'assigning');
      assert.equal(next.decision?.id, approver.id);
      assert.deepEqual(next.claim, { by: thisInstance, at: now.toISOString() });
    });

    it('assigning → completed records the outcome time and Graph answer', () => {
      const next = changedTo(transition(request('assigning', approver), complete, now), 'completed');
      assert.deepEqual(next.outcome, { at: now.toISOString(), graph: { status: 200 } });
    });

    it('assigning → failed records the reason', () => {
      const next = changedTo(transition(request('assigning', approver), fail, now), 'failed');
      assert.deepEqual(next.outcome, {
        at: now.toISOString(),
        reasonCode: 'GRAPH_NO_LICENSES',
        params: { partNumber: 'MCOEV' },
        graph: { status: 400, code: 'Request_BadRequest' },
      });
    });

    it('approved → failed when the re-check refuses', () => {
      const next = changedTo(transition(request('approved', approver), { type: 'fail', reasonCode: 'NO_FREE_SEATS' }, now), 'failed');
      assert.deepEqual(next.outcome, { at: now.toISOString(), reasonCode: 'NO_FREE_SEATS' });
    });

    it('pending → expired records no decision', () => {
      const next = changedTo(transition(request('pending'), expire, now), 'expired');
      assert.equal(next.decision, undefined);
    });

    it('addApprovers keeps the request pending and adds only new people, once each', () => {
      const next = changedTo(transition(request('pending'), addApprovers(approver, fallback, fallback), now), 'pending');
      assert.deepEqual(
        next.approvers.map((person) => person.id),
        [approver.id, otherApprover.id, fallback.id],
      );
    });

    it('never mutates the request it was given', () => {
      const original = request('pending');
      const copy = structuredClone(original);
      transition(original, approve(), now);
      assert.deepEqual(original, copy);
    });
  });

  describe('repeating an event is idempotent', () => {
    const cases: readonly [string, LicenseRequest, RequestEvent][] = [
      ['the same approver approves again', request('approved', approver), approve()],
      ['the same approver approves while assigning', request('assigning', approver), approve()],
      ['the same approver approves after completion', request('completed', approver), approve()],
      ['the same approver approves after failure', request('failed', approver), approve()],
      ['the same approver rejects again', request('rejected', approver), reject()],
      ['cancel again', request('cancelled', requester), cancel],
      ['expire again', request('expired'), expire],
      ['add approvers who already are approvers', request('pending'), addApprovers(approver, otherApprover)],
      ['add nobody', request('pending'), addApprovers()],
      ['the holder claims again while assigning', assigning(thisInstance, 5), claim],
      ['the holder claims again after its own lease ran out', assigning(thisInstance, 3600), claim],
      ['complete again', request('completed', approver), complete],
      ['fail again', request('failed', approver), fail],
    ];
    for (const [name, before, event] of cases) {
      it(name, () => {
        const result = transition(before, event, now);
        assert.equal(result.kind, 'unchanged');
        assert.equal(result.request, before);
      });
    }
  });

  describe('approve and reject never overturn a decision', () => {
    const cases: readonly [string, LicenseRequest, RequestEvent][] = [
      ['approve after reject', request('rejected', approver), approve()],
      ['reject after approve', request('approved', approver), reject()],
      ['reject while assigning', request('assigning', approver), reject()],
      ['reject after completion', request('completed', approver), reject()],
      ['another approver approves an approved request', request('approved', approver), approve(otherApprover)],
      ['another approver rejects a rejected request', request('rejected', approver), reject(otherApprover)],
      ['approve a cancelled request', request('cancelled', requester), approve()],
      ['reject a cancelled request', request('cancelled', requester), reject()],
      ['cancel an approved request', request('approved', approver), cancel],
      ['cancel a rejected request', request('rejected', approver), cancel],
      ['cancel a completed request', request('completed', approver), cancel],
      ['approve an expired request', request('expired'), approve()],
      ['cancel an expired request', request('expired'), cancel],
      ['expire an approved request', request('approved', approver), expire],
      ['expire a rejected request', request('rejected', approver), expire],
      ['expire a cancelled request', request('cancelled', requester), expire],
    ];
    for (const [name, before, event] of cases) {
      it(name, () => {
        const result = transition(before, event, now);
        assert.equal(result.kind, 'refused');
        assert.equal(result.kind === 'refused' && result.reason, 'ALREADY_DECIDED');
        assert.equal(result.request, before);
      });
    }
  });

  describe('invalid transitions are refused', () => {
    const allowedFrom: Readonly<Record<'claimAssignment' | 'renewClaim' | 'complete' | 'fail' | 'addApprovers', readonly RequestState[]>> = {
      claimAssignment: ['approved', 'assigning'],
      renewClaim: ['assigning'],
      complete: ['assigning', 'completed'],
      fail: ['approved', 'assigning', 'failed'],
      addApprovers: ['pending'],
    };
    const events = { claimAssignment: claim, renewClaim: renew, complete, fail, addApprovers: addApprovers(fallback) };
    for (const [type, states] of Object.entries(allowedFrom) as [keyof typeof events, readonly RequestState[]][]) {
      for (const state of ALL_STATES.filter((candidate) => !states.includes(candidate))) {
        it(`${type} from ${state}`, () => {
          const before = request(state, state === 'pending' ? undefined : approver);
          const result = transition(before, events[type], now);
          assert.equal(result.kind, 'refused');
          assert.equal(result.kind === 'refused' && result.reason, 'INVALID_TRANSITION');
          assert.equal(result.request, before);
        });
      }
    }
  });

  describe('claims on the Graph write', () => {
    const takeovers: readonly [string, LicenseRequest][] = [
      ["another instance's claim older than the lease", assigning(otherInstance, LEASE_MS / 1000 + 1)],
      ["another instance's claim exactly as old as the lease", assigning(otherInstance, LEASE_MS / 1000)],
      ['a request assigning without any claim (recorded before claims existed)', request('assigning', approver)],
      ['a claim whose time cannot be read', request('assigning', approver, { by: otherInstance, at: 'not a time' })],
    ];
    for (const [name, before] of takeovers) {
      it(`takes over ${name}`, () => {
        const next = changedTo(transition(before, claim, now), 'assigning');
        assert.deepEqual(next.claim, { by: thisInstance, at: now.toISOString() });
        assert.equal(next.decision?.id, approver.id, 'the decision is kept');
      });
    }

    it("never takes over another instance's live claim", () => {
      const before = assigning(otherInstance, LEASE_MS / 1000 - 1);
      const result = transition(before, claim, now);
      assert.equal(result.kind, 'refused');
      assert.equal(result.kind === 'refused' && result.reason, 'CLAIM_HELD');
      assert.equal(result.request, before);
    });

    it('the holder renews its claim, even after its lease ran out (nobody took it over)', () => {
      for (const age of [1, 3600]) {
        const next = changedTo(transition(assigning(thisInstance, age), renew, now), 'assigning');
        assert.deepEqual(next.claim, { by: thisInstance, at: now.toISOString() });
      }
    });

    const lostClaims: readonly [string, LicenseRequest][] = [
      ['another instance took it over', assigning(otherInstance, 1)],
      ["another instance's claim ran out (it is still not ours)", assigning(otherInstance, 3600)],
      ['no claim is recorded', request('assigning', approver)],
    ];
    for (const [name, before] of lostClaims) {
      it(`a renewal is refused when ${name}: the caller must not write`, () => {
        const result = transition(before, renew, now);
        assert.equal(result.kind, 'refused');
        assert.equal(result.kind === 'refused' && result.reason, 'CLAIM_HELD');
      });
    }

    it('complete and fail keep the claim, to show which instance wrote', () => {
      const before = assigning(thisInstance, 1);
      assert.deepEqual(changedTo(transition(before, complete, now), 'completed').claim, before.claim);
      assert.deepEqual(changedTo(transition(before, fail, now), 'failed').claim, before.claim);
    });
  });

  it('a full approval run ends completed', () => {
    let current = request('pending');
    for (const event of [approve(), claim, complete]) {
      const result = transition(current, event, now);
      assert.equal(result.kind, 'changed');
      current = result.request;
    }
    assert.equal(current.state, 'completed');
    assert.equal(current.decision?.id, approver.id);
  });
});

describe('request-state.isOpen / isFinal', () => {
  const expected: Readonly<Record<RequestState, boolean>> = {
    pending: true,
    approved: true,
    assigning: true,
    completed: false,
    failed: false,
    rejected: false,
    cancelled: false,
    expired: false,
  };
  for (const state of ALL_STATES) {
    it(`${state} is ${expected[state] ? 'open' : 'final'}`, () => {
      assert.equal(isOpen(state), expected[state]);
      assert.equal(isFinal(state), !expected[state]);
    });
  }
});

/** One open request per person and licence; and what a request relies on among time-bound grants. */
import assert from 'node:assert/strict';
import type { UserFacts } from '../../src/domain/decision';
import { overlappingOpenRequest } from '../../src/services/open-request-overlap';
import { relianceOf, relianceOn, withReliance } from '../../src/services/time-bound-reliance';
import { lifecycleRequest } from './lifecycle-fixtures';
import { SEED_SKU_PLANS } from './seed-skus';

describe('open request overlap', () => {
  const open = lifecycleRequest({ add: ['MCOEV', 'MCOPSTN1'] });
  const cases: [string, Parameters<typeof overlappingOpenRequest>[1], boolean][] = [
    ['the same licence for the same person', { tenantId: 't', targetId: 'alice', add: ['MCOPSTN1'], remove: [] }, true],
    ['removing a licence the open one adds', { tenantId: 't', targetId: 'alice', add: [], remove: ['MCOEV'] }, true],
    ['another licence for the same person', { tenantId: 't', targetId: 'alice', add: ['MCOMEETADV'], remove: [] }, false],
    ['the same licence for another person', { tenantId: 't', targetId: 'bob', add: ['MCOPSTN1'], remove: [] }, false],
    ['another tenant', { tenantId: 'u', targetId: 'alice', add: ['MCOPSTN1'], remove: [] }, false],
  ];
  for (const [title, change, expected] of cases) {
    it(`${title}: ${expected ? 'overlaps' : 'does not'}`, () => assert.equal(overlappingOpenRequest([open], change) !== undefined, expected));
  }
  it('a finished request never overlaps', () => {
    assert.equal(overlappingOpenRequest([{ ...open, state: 'completed' }], { tenantId: 't', targetId: 'alice', add: ['MCOPSTN1'], remove: [] }), undefined);
  });
});

describe('time-bound reliance', () => {
  const licence = (partNumber: string) => ({ partNumber, assignedDirectly: true, inheritedFrom: [], disabledPlans: [] });
  const user = (parts: string[]) => ({ userId: 'alice', displayName: 'Alice', usageLocation: 'US', licenses: parts.map(licence), isHybridPstn: false }) as unknown as UserFacts;
  const tenant = { skus: ['ENTERPRISEPACK', 'MCOEV', 'MCOPSTN1', 'MCOMEETADV'].map((partNumber) => ({ partNumber, plans: SEED_SKU_PLANS[partNumber], enabled: 10, consumed: 1 })) } as never;
  const phoneSystemForTwoWeeks = { add: ['MCOEV'], endsAt: '2026-03-16T09:00:00.000Z' };

  it('a Calling Plan relies on Phone System held for two weeks', () => {
    const basis = relianceOn([phoneSystemForTwoWeeks], { add: ['MCOPSTN1'], remove: [] }, { user: user(['ENTERPRISEPACK', 'MCOEV']), tenant });
    assert.deepEqual(basis, [{ partNumber: 'MCOEV', endsAt: phoneSystemForTwoWeeks.endsAt }]);
  });
  it('Audio Conferencing does not rely on it', () => {
    assert.deepEqual(relianceOn([phoneSystemForTwoWeeks], { add: ['MCOMEETADV'], remove: [] }, { user: user(['ENTERPRISEPACK', 'MCOEV']), tenant }), []);
  });
  it('travels with the stored request', () => {
    const request = withReliance(lifecycleRequest(), [{ partNumber: 'MCOEV', endsAt: phoneSystemForTwoWeeks.endsAt }]);
    assert.deepEqual(relianceOf(JSON.parse(JSON.stringify(request))), [{ partNumber: 'MCOEV', endsAt: phoneSystemForTwoWeeks.endsAt }]);
    assert.deepEqual(relianceOf(lifecycleRequest()), []);
  });
});

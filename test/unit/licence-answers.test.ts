/** What questions are answered from: held products (plans enabled), any calling plan, seats left. Table-driven. */
import assert from 'node:assert/strict';
import type { TenantFacts, UserFacts } from '../../src/domain/decision';
import { heldAs, heldProducts, seatsLeft } from '../../src/domain/licence-answers';

const tenant: TenantFacts = {
  skus: [
    { partNumber: 'SPE_E5', enabled: 10, consumed: 4, plans: ['TEAMS1', 'MCOEV', 'MCOMEETADV', 'EXCHANGE_S_ENTERPRISE'] },
    { partNumber: 'ENTERPRISEPACK', enabled: 10, consumed: 10, plans: ['TEAMS1', 'EXCHANGE_S_ENTERPRISE'] },
    { partNumber: 'MCOPSTN1', enabled: 5, consumed: 2, plans: ['MCOPSTN1'] },
    { partNumber: 'MCOPSTN5', enabled: 3, consumed: 3, plans: ['MCOPSTN5'] },
  ],
};
const user = (licenses: [string, string[]][]): UserFacts => ({
  userId: 'u',
  displayName: 'U',
  usageLocation: 'FR',
  isHybridPstn: false,
  licenses: licenses.map(([partNumber, disabledPlans]) => ({ partNumber, disabledPlans, assignedDirectly: true, inheritedFrom: [] })),
});

describe('answers about licences', () => {
  const HELD: [string, UserFacts, string[]][] = [
    ['E5 carries Phone System and Audio Conferencing', user([['SPE_E5', []]]), ['SPE_E5', 'TEAMS1', 'MCOEV', 'MCOMEETADV']],
    ['a plan switched off inside the suite is not held', user([['SPE_E5', ['MCOEV']]]), ['SPE_E5', 'TEAMS1', 'MCOMEETADV']],
    ['nothing', user([]), []],
  ];
  for (const [title, facts, expected] of HELD) it(`held: ${title}`, () => assert.deepEqual(heldProducts(facts, tenant), expected));

  const HAS: [string, string, UserFacts, string | undefined][] = [
    ['any calling plan counts for "a calling plan"', 'MCOPSTN1', user([['ENTERPRISEPACK', []], ['MCOPSTN5', []]]), 'MCOPSTN5'],
    ['Phone System inside E5', 'MCOEV', user([['SPE_E5', []]]), 'MCOEV'],
    ['Phone System switched off', 'MCOEV', user([['SPE_E5', ['MCOEV']]]), undefined],
    ['no calling plan', 'MCOPSTN1', user([['SPE_E5', []]]), undefined],
  ];
  for (const [title, asked, facts, expected] of HAS) it(`has: ${title}`, () => assert.equal(heldAs(asked, facts, tenant), expected));

  it('seats left: every calling plan the tenant owns, never below zero', () => {
    assert.deepEqual(seatsLeft(['MCOPSTN1'], tenant), [
      { partNumber: 'MCOPSTN1', left: 3, total: 5 },
      { partNumber: 'MCOPSTN5', left: 0, total: 3 },
    ]);
    assert.deepEqual(seatsLeft(['MCOEV'], tenant), []);
  });
});

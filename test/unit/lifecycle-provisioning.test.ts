/** Whether the services behind newly assigned licences are active, from Graph's assignedPlans and licenseAssignmentStates. */
import assert from 'node:assert/strict';
import { checkDelayMs, followedSkus } from '../../src/services/lifecycle/provisioning-follow-up';
import { lifecycleRequest } from './lifecycle-fixtures';
import type { ProvisioningSnapshot } from '../../src/services/lifecycle/provisioning-reader';
import { provisioningStatus } from '../../src/services/lifecycle/provisioning-status';

const CALLING = { skuId: 'sku-pstn', skuPartNumber: 'MCOPSTN1', servicePlanIds: ['plan-pstn'] };
const CONF = { skuId: 'sku-conf', skuPartNumber: 'MCOMEETADV', servicePlanIds: ['plan-conf', 'plan-conf-2'] };
const enabled = (id: string) => ({ servicePlanId: id, capabilityStatus: 'Enabled', service: 'MicrosoftCommunicationsOnline' });
const state = (skuId: string, value: string, extra: { error?: string; disabledPlans?: string[] } = {}) => ({
  skuId,
  state: value,
  error: extra.error ?? 'None',
  disabledPlans: extra.disabledPlans ?? [],
});
const snapshot = (parts: Partial<ProvisioningSnapshot>): ProvisioningSnapshot => ({ assignedPlans: [], licenseAssignmentStates: [], skus: [CALLING, CONF], ...parts });

const cases: { name: string; parts: string[]; snapshot: ProvisioningSnapshot; active: boolean; pending?: number[]; states?: (string | null)[] }[] = [
  { name: 'active state and every plan enabled', parts: ['MCOPSTN1'], snapshot: snapshot({ assignedPlans: [enabled('plan-pstn')], licenseAssignmentStates: [state('sku-pstn', 'Active')] }), active: true, pending: [0] },
  { name: 'active state but the plan not provisioned yet', parts: ['MCOPSTN1'], snapshot: snapshot({ licenseAssignmentStates: [state('sku-pstn', 'Active')] }), active: false, pending: [1], states: ['Active'] },
  { name: 'plan present but suspended', parts: ['MCOPSTN1'], snapshot: snapshot({ assignedPlans: [{ ...enabled('plan-pstn'), capabilityStatus: 'Suspended' }], licenseAssignmentStates: [state('sku-pstn', 'Active')] }), active: false, pending: [1] },
  { name: 'assignment in error', parts: ['MCOPSTN1'], snapshot: snapshot({ assignedPlans: [enabled('plan-pstn')], licenseAssignmentStates: [state('sku-pstn', 'Error', { error: 'CountViolation' })] }), active: false, states: ['Error'] },
  { name: 'no state listed yet', parts: ['MCOPSTN1'], snapshot: snapshot({ assignedPlans: [enabled('plan-pstn')] }), active: false, states: [null] },
  { name: 'a disabled plan need not be enabled', parts: ['MCOMEETADV'], snapshot: snapshot({ assignedPlans: [enabled('plan-conf')], licenseAssignmentStates: [state('sku-conf', 'Active', { disabledPlans: ['plan-conf-2'] })] }), active: true, pending: [0] },
  { name: 'two licences, one not ready', parts: ['MCOPSTN1', 'MCOMEETADV'], snapshot: snapshot({ assignedPlans: [enabled('plan-pstn')], licenseAssignmentStates: [state('sku-pstn', 'Active'), state('sku-conf', 'Active')] }), active: false, pending: [0, 2] },
  { name: 'a SKU the tenant does not list', parts: ['MCOEV'], snapshot: snapshot({}), active: false },
];

describe('provisioning status', () => {
  for (const c of cases) {
    it(c.name, () => {
      const status = provisioningStatus(c.parts, c.snapshot);
      assert.equal(status.active, c.active);
      if (c.pending) assert.deepEqual(status.licences.map((licence) => licence.pendingPlans), c.pending);
      if (c.states) assert.deepEqual(status.licences.map((licence) => licence.state), c.states);
    });
  }

  it('reports Graph error codes but not "None"', () => {
    const [withError] = provisioningStatus(['MCOPSTN1'], snapshot({ licenseAssignmentStates: [state('sku-pstn', 'Error', { error: 'CountViolation' })] })).licences;
    const [clean] = provisioningStatus(['MCOPSTN1'], snapshot({ licenseAssignmentStates: [state('sku-pstn', 'Active')] })).licences;
    assert.equal(withError?.error, 'CountViolation');
    assert.equal(clean?.error, null);
  });
});

describe('follow-up back-off', () => {
  const MIN = 60_000;
  for (const [attempt, expected] of [[1, 60_000], [2, 15 * MIN], [3, 60 * MIN], [4, 240 * MIN], [9, 240 * MIN]] as const) {
    it(`check ${attempt} comes ${expected / MIN} min after the previous one`, () => assert.equal(checkDelayMs(attempt, 60_000), expected));
  }
});

describe('what a follow-up waits for', () => {
  it('the SKUs added, and a held SKU a plan was turned on inside; not one a plan was only turned off in', () => {
    const request = lifecycleRequest({
      add: ['MCOPSTN1'],
      planChanges: [
        { partNumber: 'SPE_E5', enable: ['MCOEV'], disable: [] },
        { partNumber: 'MCOTEAMS_ESSENTIALS', enable: [], disable: ['MCOPSTN1'] },
      ],
    });
    assert.deepEqual(followedSkus(request), ['MCOPSTN1', 'SPE_E5']);
  });
});

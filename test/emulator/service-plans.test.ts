/**
 * assignLicense on service plans, over HTTP through the real Graph SDK: disabledPlans inside a held SKU
 * turned on and off (no seat used), Calling Plan plans mutually exclusive wherever they come from, and
 * dependencies checked on the final set of enabled plans — also when a change only disables a plan.
 */
import assert from 'node:assert/strict';
import { loadTenantFile } from '../../src/emulator/tenant-file';
import { assertGraphError, call, people, planId, sdkClient, skuId, TODAY_TENANT_FILE, useEmulator } from './emulator-harness';
import type { GraphEmulator } from '../../src/emulator/graph-emulator';

/** The user's enabled plans as Graph reports them (assignedPlans), by name. */
async function enabledPlanNames(emulator: GraphEmulator, userId: string): Promise<string[]> {
  const user = await sdkClient(emulator).api(`/users/${userId}`).select('assignedPlans').get();
  return user.assignedPlans.map((plan: { service: string }) => plan.service);
}

/** Runs a refused call and checks that nothing was written. */
async function refused(emulator: GraphEmulator, userId: string, body: unknown, message: string): Promise<void> {
  const before = emulator.snapshot();
  const response = await call(emulator, 'POST', `/v1.0/users/${userId}/assignLicense`, body);
  assertGraphError(response, 400, 'Request_BadRequest', message);
  assert.deepEqual(emulator.snapshot(), before);
  assert.deepEqual(emulator.writeLog, []);
}

const exclusive = (first: string, second: string) => `License assignment failed because service plans ${first}, ${second} are mutually exclusive.`;
const dependency = (plan: string, required: string) => `License assignment failed because service plan ${plan} depends on the service plan(s) ${required}`;

describe('Graph emulator: service plans (disabledPlans, exclusions, dependencies)', () => {
  describe('on the demo tenant', () => {
    const emulator = useEmulator();
    const assign = (userId: string, body: unknown) => call(emulator(), 'POST', `/v1.0/users/${userId}/assignLicense`, body);
    const heldLicence = (userId: string, partNumber: string) =>
      emulator().user(userId)?.assignedLicenses.find((licence) => licence.skuId === skuId(partNumber));

    it('turns on a plan disabled inside a held SKU by re-adding the SKU with a shorter disabledPlans (no seat used)', async () => {
      assert.deepEqual(heldLicence(people.saraLindqvist, 'SPE_E5')?.disabledPlans, [planId('MCOEV')]);
      assert.ok(!(await enabledPlanNames(emulator(), people.saraLindqvist)).includes('MCOEV'));
      const consumed = emulator().sku('SPE_E5')?.consumedUnits;

      const user = await sdkClient(emulator())
        .api(`/users/${people.saraLindqvist}/assignLicense`)
        .post({ addLicenses: [{ skuId: skuId('SPE_E5'), disabledPlans: [] }], removeLicenses: [] });

      assert.equal(user.id, people.saraLindqvist);
      assert.deepEqual(emulator().user(people.saraLindqvist)?.assignedLicenses, [{ skuId: skuId('SPE_E5'), disabledPlans: [] }]);
      assert.ok((await enabledPlanNames(emulator(), people.saraLindqvist)).includes('MCOEV'));
      assert.equal(emulator().sku('SPE_E5')?.consumedUnits, consumed, 'no new seat');
      assert.deepEqual(emulator().writeLog.map(({ addedSkuIds, removedSkuIds }) => ({ addedSkuIds, removedSkuIds })), [
        { addedSkuIds: [skuId('SPE_E5')], removedSkuIds: [] },
      ]);
    });

    it('turns a plan off inside a held SKU (Phone System inside E5), keeping the seat', async () => {
      const consumed = emulator().sku('SPE_E5')?.consumedUnits;
      const response = await assign(people.umaReddy, { addLicenses: [{ skuId: skuId('SPE_E5'), disabledPlans: [planId('MCOEV')] }], removeLicenses: [] });
      assert.equal(response.status, 200, JSON.stringify(response.body));
      assert.deepEqual(heldLicence(people.umaReddy, 'SPE_E5')?.disabledPlans, [planId('MCOEV')]);
      const enabled = await enabledPlanNames(emulator(), people.umaReddy);
      assert.ok(!enabled.includes('MCOEV') && enabled.includes('TEAMS1') && enabled.includes('MCOMEETADV'));
      assert.equal(emulator().sku('SPE_E5')?.consumedUnits, consumed);
      assert.deepEqual(emulator().user(people.umaReddy)?.skuPartNumbers, ['SPE_E5']);
    });

    it("replaces the held SKU's disabledPlans rather than merging them", async () => {
      const response = await assign(people.saraLindqvist, { addLicenses: [{ skuId: skuId('SPE_E5'), disabledPlans: [planId('MCOMEETADV')] }], removeLicenses: [] });
      assert.equal(response.status, 200, JSON.stringify(response.body));
      assert.deepEqual(heldLicence(people.saraLindqvist, 'SPE_E5')?.disabledPlans, [planId('MCOMEETADV')]);
      assert.deepEqual(
        emulator().user(people.saraLindqvist)?.licenseAssignmentStates.map(({ skuId: sku, assignedByGroup, disabledPlans }) => ({ sku, assignedByGroup, disabledPlans })),
        [{ sku: skuId('SPE_E5'), assignedByGroup: null, disabledPlans: [planId('MCOMEETADV')] }],
      );
    });

    it('re-adds a held SKU that has no free seat left (the user already holds the seat)', async () => {
      const sku = emulator().sku('MCOPSTN2');
      assert.equal(sku?.consumedUnits, sku?.prepaidUnits.enabled, 'MCOPSTN2 is full');
      const response = await assign(people.liamOConnor, { addLicenses: [{ skuId: skuId('MCOPSTN2'), disabledPlans: [] }], removeLicenses: [] });
      assert.equal(response.status, 200, JSON.stringify(response.body));
      assert.equal(emulator().sku('MCOPSTN2')?.consumedUnits, 1);
    });

    it('refuses a disabledPlans entry that is not a plan of the SKU', async () => {
      await refused(
        emulator(),
        people.umaReddy,
        { addLicenses: [{ skuId: skuId('SPE_E5'), disabledPlans: [planId('MCOPSTN1')] }], removeLicenses: [] },
        "Invalid value specified for property 'disabledPlans' of resource 'AssignedLicense'.",
      );
    });

    describe('Calling Plan plans are mutually exclusive, wherever they come from', () => {
      // MCOPSTN2 has one seat, Liam O'Connor's (the demo's "no free seat" case): his downgrade frees it first.
      beforeEach(async () => {
        const freed = await assign(people.liamOConnor, { addLicenses: [], removeLicenses: [skuId('MCOPSTN2')] });
        assert.equal(freed.status, 200, JSON.stringify(freed.body));
        emulator().resetLogs();
      });

      it('refuses a standalone MCOPSTN2 beside the MCOPSTN1 inside Teams Phone with Calling Plan', async () => {
        await refused(
          emulator(),
          people.tomBecker,
          { addLicenses: [{ skuId: skuId('MCOPSTN2'), disabledPlans: [] }], removeLicenses: [] },
          exclusive(planId('MCOPSTN1'), planId('MCOPSTN2')),
        );
      });

      it('accepts MCOPSTN2 added and MCOPSTN1 disabled inside the bundle in one call', async () => {
        const bundleSeats = emulator().sku('MCOTEAMS_ESSENTIALS')?.consumedUnits;
        const response = await assign(people.tomBecker, {
          addLicenses: [
            { skuId: skuId('MCOPSTN2'), disabledPlans: [] },
            { skuId: skuId('MCOTEAMS_ESSENTIALS'), disabledPlans: [planId('MCOPSTN1')] },
          ],
          removeLicenses: [],
        });
        assert.equal(response.status, 200, JSON.stringify(response.body));
        assert.deepEqual(emulator().user(people.tomBecker)?.assignedLicenses, [
          { skuId: skuId('SPE_E3'), disabledPlans: [] },
          { skuId: skuId('MCOTEAMS_ESSENTIALS'), disabledPlans: [planId('MCOPSTN1')] },
          { skuId: skuId('MCOPSTN2'), disabledPlans: [] },
        ]);
        const enabled = await enabledPlanNames(emulator(), people.tomBecker);
        assert.ok(enabled.includes('MCOPSTN2') && enabled.includes('MCOEV') && !enabled.includes('MCOPSTN1'));
        assert.equal(emulator().sku('MCOTEAMS_ESSENTIALS')?.consumedUnits, bundleSeats);
        assert.equal(emulator().sku('MCOPSTN2')?.consumedUnits, 1);
      });
    });

    describe('a change that disables a plan another enabled plan needs is refused', () => {
      it('Phone System turned off inside E5 while a Calling Plan SKU is held', async () => {
        const given = await assign(people.umaReddy, { addLicenses: [{ skuId: skuId('MCOPSTN1'), disabledPlans: [] }], removeLicenses: [] });
        assert.equal(given.status, 200, 'E5 carries Phone System, so MCOPSTN1 alone is enough');
        emulator().resetLogs();
        await refused(
          emulator(),
          people.umaReddy,
          { addLicenses: [{ skuId: skuId('SPE_E5'), disabledPlans: [planId('MCOEV')] }], removeLicenses: [] },
          dependency(planId('MCOPSTN1'), planId('MCOEV')),
        );
      });

      it('Phone System turned off inside Teams Phone with Calling Plan, whose own MCOPSTN1 needs it', async () => {
        await refused(
          emulator(),
          people.tomBecker,
          { addLicenses: [{ skuId: skuId('MCOTEAMS_ESSENTIALS'), disabledPlans: [planId('MCOEV')] }], removeLicenses: [] },
          dependency(planId('MCOPSTN1'), planId('MCOEV')),
        );
      });

      it('Phone System turned off inside a 2018 E5 while MCOPSTN1 is held (Grace Kim)', async () => {
        await refused(
          emulator(),
          people.graceKim,
          { addLicenses: [{ skuId: skuId('ENTERPRISEPREMIUM'), disabledPlans: [planId('MCOEV')] }], removeLicenses: [] },
          dependency(planId('MCOPSTN1'), planId('MCOEV')),
        );
      });

      it("the Skype base plan turned off inside E5, which E5's Phone System needs", async () => {
        await refused(
          emulator(),
          people.umaReddy,
          { addLicenses: [{ skuId: skuId('SPE_E5'), disabledPlans: [planId('MCOSTANDARD')] }], removeLicenses: [] },
          dependency(planId('MCOEV'), planId('MCOSTANDARD')),
        );
      });
    });

    it("accepts Phone System on Teams Enterprise's base plan (MCOIMP) for a user with no other licence", async () => {
      const response = await assign(people.noahPatel, {
        addLicenses: [
          { skuId: skuId('Microsoft_Teams_Enterprise_New'), disabledPlans: [] },
          { skuId: skuId('MCOEV'), disabledPlans: [] },
        ],
        removeLicenses: [],
      });
      assert.equal(response.status, 200, JSON.stringify(response.body));
    });

    it('accepts Teams Enterprise + Phone System for a no-Teams E3 user (Ravi Kumar)', async () => {
      const response = await assign(people.raviKumar, {
        addLicenses: [
          { skuId: skuId('Microsoft_Teams_Enterprise_New'), disabledPlans: [] },
          { skuId: skuId('MCOEV'), disabledPlans: [] },
        ],
        removeLicenses: [],
      });
      assert.equal(response.status, 200, JSON.stringify(response.body));
      assert.deepEqual(emulator().user(people.raviKumar)?.skuPartNumbers, ['Microsoft_365_E3_(no_Teams)', 'Microsoft_Teams_Enterprise_New', 'MCOEV']);
    });
  });

  describe('on the today tenant (pay-as-you-go Calling Plan)', () => {
    const today = loadTenantFile(TODAY_TENANT_FILE);
    const emulator = useEmulator({ tenant: today });
    const person = (displayName: string) => {
      const user = today.users.find((candidate) => candidate.displayName === displayName);
      assert.ok(user, displayName);
      return user.id;
    };
    const payg = () => skuId('Microsoft_Teams_Calling_Plan_pay_as_you_go_(country_zone_1)', today);
    const plan = (name: string) => planId(name, today);

    it('refuses MCOPSTN_PAYG_1 without Phone System (an E3 user)', async () => {
      await refused(emulator(), person('Pablo Ruiz'), { addLicenses: [{ skuId: payg(), disabledPlans: [] }], removeLicenses: [] }, dependency(plan('MCOPSTN_PAYG_1'), plan('MCOEV')));
    });

    it('refuses MCOPSTN_PAYG_1 when Phone System is disabled inside E5 (Lars Eriksen)', async () => {
      await refused(emulator(), person('Lars Eriksen'), { addLicenses: [{ skuId: payg(), disabledPlans: [] }], removeLicenses: [] }, dependency(plan('MCOPSTN_PAYG_1'), plan('MCOEV')));
    });

    it('accepts MCOPSTN_PAYG_1 with Phone System in the same call, and with MCOEV turned on inside E5 in the same call', async () => {
      const e3 = await call(emulator(), 'POST', `/v1.0/users/${person('Pablo Ruiz')}/assignLicense`, {
        addLicenses: [
          { skuId: skuId('MCOEV', today), disabledPlans: [] },
          { skuId: payg(), disabledPlans: [] },
        ],
        removeLicenses: [],
      });
      assert.equal(e3.status, 200, JSON.stringify(e3.body));
      const e5 = await call(emulator(), 'POST', `/v1.0/users/${person('Lars Eriksen')}/assignLicense`, {
        addLicenses: [
          { skuId: skuId('SPE_E5', today), disabledPlans: [] },
          { skuId: payg(), disabledPlans: [] },
        ],
        removeLicenses: [],
      });
      assert.equal(e5.status, 200, JSON.stringify(e5.body));
      assert.equal(emulator().sku('SPE_E5')?.consumedUnits, today.users.filter((user) => user.assignedLicenses.some((licence) => licence.skuId === skuId('SPE_E5', today))).length);
    });

    it('refuses MCOPSTN_PAYG_1 beside the MCOPSTN1 of Teams Phone with Calling Plan (mutually exclusive)', async () => {
      await refused(
        emulator(),
        person('Giulia Bianchi'),
        { addLicenses: [{ skuId: payg(), disabledPlans: [] }], removeLicenses: [] },
        exclusive(plan('MCOPSTN1'), plan('MCOPSTN_PAYG_1')),
      );
    });

    it("accepts Phone System on a SKU the catalog does not know (CONTOSO_VOICE_BUNDLE carries TEAMS1, MCOSTANDARD, MCOEV): a Calling Plan rides on it", async () => {
      const response = await call(emulator(), 'POST', `/v1.0/users/${person('Tariq Aziz')}/assignLicense`, { addLicenses: [{ skuId: payg(), disabledPlans: [] }], removeLicenses: [] });
      assert.equal(response.status, 200, JSON.stringify(response.body));
    });
  });
});

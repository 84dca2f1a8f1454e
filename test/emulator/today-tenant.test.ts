/**
 * test/fixtures/today-tenant.json, the second fixture tenant: only SKUs sold today, with Microsoft's public
 * skuIds and plan ids, plus one SKU Microsoft's table has never heard of (CONTOSO_VOICE_BUNDLE).
 */
import assert from 'node:assert/strict';
import { findPlanViolation } from '../../src/emulator/service-plan-rules';
import { TenantDirectory } from '../../src/emulator/tenant-directory';
import { loadTenantFile } from '../../src/emulator/tenant-file';
import { demoTenant, sdkClient, TODAY_TENANT_FILE, useEmulator } from './emulator-harness';
import { loadMicrosoftCatalog, MICROSOFT_CATALOG_CSV } from './microsoft-catalog';

const today = loadTenantFile(TODAY_TENANT_FILE);
const UNKNOWN_TO_MICROSOFT = ['CONTOSO_VOICE_BUNDLE'];

const sku = (partNumber: string) => {
  const found = today.subscribedSkus.find((candidate) => candidate.skuPartNumber === partNumber);
  assert.ok(found, partNumber);
  return found;
};
const person = (displayName: string) => {
  const found = today.users.find((candidate) => candidate.displayName === displayName);
  assert.ok(found, displayName);
  return found;
};
const planOf = (partNumber: string, planName: string) => sku(partNumber).servicePlans.find((plan) => plan.servicePlanName === planName)?.servicePlanId;

describe('Graph emulator: the today tenant (test/fixtures/today-tenant.json)', () => {
  const emulator = useEmulator({ tenant: today });

  it('is its own tenant, with only SKUs sold today (no standalone MCOPSTN1 or MCOPSTN2, no 2018 suite)', () => {
    assert.notEqual(today.tenantId, demoTenant.tenantId);
    assert.deepEqual(today.subscribedSkus.map((candidate) => candidate.skuPartNumber), [
      'SPE_E5',
      'SPE_E3',
      'Microsoft_365_E5_(no_Teams)',
      'Microsoft_365_E3_(no_Teams)',
      'Microsoft_Teams_Enterprise_New',
      'MCOEV',
      'MCOTEAMS_ESSENTIALS',
      'MCOMEETADV',
      'MCOPSTNC',
      'Microsoft_Teams_Calling_Plan_pay_as_you_go_(country_zone_1)',
      'CONTOSO_VOICE_BUNDLE',
    ]);
  });

  it('derives consumedUnits from the users, one seat per holder however many sources assign it', async () => {
    const response = await sdkClient(emulator()).api('/subscribedSkus').get();
    for (const subscribed of response.value as { skuId: string; skuPartNumber: string; consumedUnits: number }[]) {
      const holders = today.users.filter(
        (user) =>
          user.assignedLicenses.some((licence) => licence.skuId === subscribed.skuId) ||
          today.groups.some((group) => group.members.includes(user.id) && group.assignedLicenses.some((licence) => licence.skuId === subscribed.skuId)),
      );
      assert.equal(subscribed.consumedUnits, holders.length, subscribed.skuPartNumber);
    }
    assert.equal(emulator().sku('MCOEV')?.consumedUnits, 1, 'Samir Khan, through Voice by group');
    assert.equal(emulator().sku('SPE_E3')?.consumedUnits, 7);
    assert.equal(emulator().sku('SPE_E5')?.consumedUnits, 3);
    assert.equal(emulator().sku('Microsoft_Teams_Calling_Plan_pay_as_you_go_(country_zone_1)')?.consumedUnits, 0);
    for (const subscribed of emulator().skus()) assert.ok(subscribed.prepaidUnits.enabled > subscribed.consumedUnits, `${subscribed.skuPartNumber} has free seats`);
  });

  it("uses Microsoft's public skuId and service plan ids, and full plan lists, for every SKU Microsoft publishes", function () {
    if (!MICROSOFT_CATALOG_CSV) {
      console.log('      (skipped: ../shared/catalog/product-names-and-service-plans.csv is not beside the repository)');
      this.skip();
    }
    const catalog = loadMicrosoftCatalog(MICROSOFT_CATALOG_CSV!);
    for (const subscribed of today.subscribedSkus) {
      const published = catalog.byPartNumber.get(subscribed.skuPartNumber);
      if (UNKNOWN_TO_MICROSOFT.includes(subscribed.skuPartNumber)) {
        assert.equal(published, undefined, `${subscribed.skuPartNumber} must stay unknown to the catalog`);
        assert.ok(![...catalog.byPartNumber.values()].flat().some((candidate) => candidate.skuId === subscribed.skuId), 'its made-up skuId is nobody else\'s');
        for (const plan of subscribed.servicePlans) assert.ok(catalog.planIds.get(plan.servicePlanName)?.has(plan.servicePlanId), plan.servicePlanName);
        continue;
      }
      assert.equal(published?.length, 1, subscribed.skuPartNumber);
      assert.equal(subscribed.skuId, published[0]!.skuId, subscribed.skuPartNumber);
      assert.deepEqual(new Map(subscribed.servicePlans.map((plan) => [plan.servicePlanName, plan.servicePlanId])), published[0]!.plans, subscribed.skuPartNumber);
    }
  });

  it('has the cases of today-tenant.md', () => {
    const holds = (displayName: string) =>
      person(displayName).assignedLicenses.map((licence) => {
        const part = today.subscribedSkus.find((candidate) => candidate.skuId === licence.skuId)!.skuPartNumber;
        const disabled = licence.disabledPlans.map((id) => today.subscribedSkus.flatMap((candidate) => candidate.servicePlans).find((plan) => plan.servicePlanId === id)!.servicePlanName);
        return disabled.length > 0 ? `${part} without ${disabled.join(', ')}` : part;
      });
    assert.deepEqual(holds('Ingrid Holm'), ['SPE_E5']);
    assert.deepEqual(holds('Pablo Ruiz'), ['SPE_E3']);
    assert.deepEqual(holds('Anouk Jansen'), ['Microsoft_365_E5_(no_Teams)', 'Microsoft_Teams_Enterprise_New']);
    assert.deepEqual(holds('Marek Nowak'), ['Microsoft_365_E5_(no_Teams)']);
    assert.deepEqual(holds('Aisha Bello'), ['Microsoft_365_E3_(no_Teams)']);
    assert.deepEqual(holds('Lars Eriksen'), ['SPE_E5 without MCOEV']);
    assert.deepEqual(holds('Giulia Bianchi'), ['SPE_E3', 'MCOTEAMS_ESSENTIALS']);
    assert.deepEqual(holds('Tariq Aziz'), ['CONTOSO_VOICE_BUNDLE', 'SPE_E3 without TEAMS1']);
    assert.deepEqual(holds('Zoe Fischer'), []);
    assert.notEqual(person('Zoe Fischer').usageLocation, null);
    assert.equal(person('Nina Walsh').usageLocation, 'US');
    assert.deepEqual(holds('Nina Walsh'), ['SPE_E3']);
    assert.deepEqual(holds('Samir Khan'), ['SPE_E3', 'MCOEV']);

    const group = (name: string) => today.groups.find((candidate) => candidate.displayName === name)!;
    assert.deepEqual(group('Hybrid PSTN').members, [person('Victor Leclerc').id]);
    assert.deepEqual(holds('Victor Leclerc'), ['SPE_E3']);
    assert.deepEqual(group('License approvers').members, [person('Helena Varga').id]);
    assert.deepEqual(group('Voice by group').members, [person('Samir Khan').id]);
    assert.deepEqual(group('Voice by group').assignedLicenses, [{ skuId: sku('MCOEV').skuId, disabledPlans: [] }]);
    assert.deepEqual(
      emulator().user(person('Samir Khan').id)?.licenseAssignmentStates.map((state) => state.assignedByGroup),
      [null, group('Voice by group').id],
    );

    const helena = person('Helena Varga');
    assert.equal(helena.manager, undefined, 'the approver at the top has no manager');
    for (const user of today.users.filter((candidate) => candidate.id !== helena.id)) assert.equal(user.manager, helena.id, user.displayName);
    assert.ok(new Set(today.users.map((user) => user.usageLocation)).size >= 10, 'varied countries');
  });

  it('CONTOSO_VOICE_BUNDLE carries Teams, the Skype base plan and Phone System', () => {
    assert.deepEqual(sku('CONTOSO_VOICE_BUNDLE').servicePlans.map((plan) => plan.servicePlanName), ['TEAMS1', 'MCOSTANDARD', 'MCOEV']);
    assert.equal(planOf('CONTOSO_VOICE_BUNDLE', 'MCOEV'), planOf('MCOEV', 'MCOEV'));
  });

  it('loads with every user within the service-plan rules', () => {
    const directory = new TenantDirectory(today);
    for (const user of directory.listUsers()) {
      assert.equal(findPlanViolation(directory.enabledPlans(directory.licencesOf(user).assignedLicenses)), undefined, user.profile.displayName);
    }
  });
});

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { DEMO_GROUP_IDS, DEMO_TENANT_FILE } from '../../src/emulator/demo-tenant';
import { findPlanViolation } from '../../src/emulator/service-plan-rules';
import { TenantDirectory } from '../../src/emulator/tenant-directory';
import { demoTenant, groups, people, planId, skuId, useEmulator } from './emulator-harness';
import { loadMicrosoftCatalog, MICROSOFT_CATALOG_CSV } from './microsoft-catalog';

/** The 13 SKUs of the 2018 articles, under the part numbers Microsoft's table gives them today. */
const SKUS_OF_2018 = [
  'ENTERPRISEPREMIUM',
  'ENTERPRISEPREMIUM_NOPSTNCONF',
  'ENTERPRISEPACK',
  'STANDARDPACK',
  'MCOSTANDARD',
  'MCOEV',
  'MCOPSTN1',
  'MCOPSTN2',
  'MCOPSTN5',
  'MCOPSTN_6',
  'MCOMEETADV',
  'MCOMEETACPEA',
  'MCOPSTNC',
];
/** What a 2026 tenant buys. */
const SKUS_OF_TODAY = [
  'SPE_E5',
  'SPE_E3',
  'Microsoft_365_E5_(no_Teams)',
  'Microsoft_365_E3_(no_Teams)',
  'Microsoft_Teams_Enterprise_New',
  'MCOTEAMS_ESSENTIALS',
];

/** Microsoft 365 Agents Playground's built-in people (its default config, package version 0.2.28). */
const PLAYGROUND_TENANT_ID = '00000000-0000-0000-0000-0000000000001';
const PLAYGROUND_PEOPLE = [
  { aadObjectId: '00000000-0000-0000-0000-0000000000020', name: 'Alex Wilber', userPrincipalName: 'alexw@example.com', email: 'alexw@example.com' },
  { aadObjectId: '00000000-0000-0000-0000-0000000000021', name: 'Megan Bowen', userPrincipalName: 'meganb@example.com', email: 'meganb@example.com' },
  { aadObjectId: '00000000-0000-0000-0000-0000000000022', name: 'Adele Vance', userPrincipalName: 'adelev@example.com', email: 'adelev@example.com' },
  { aadObjectId: '00000000-0000-0000-0000-0000000000023', name: 'Isaiah Langer', userPrincipalName: 'isaiah@example.com', email: 'isaiahl@example.com' },
  { aadObjectId: '00000000-0000-0000-0000-0000000000024', name: 'Patti Fernandez', userPrincipalName: 'pattif@example.com', email: 'pattif@example.com' },
  { aadObjectId: '00000000-0000-0000-0000-0000000000025', name: 'Lynne Robbins', userPrincipalName: 'lynner@example.com', email: 'lynner@example.com' },
];

describe('Graph emulator: the demo tenant', () => {
  const emulator = useEmulator();
  const users = () => emulator().snapshot().users.map((user) => emulator().user(user.id)!);
  const holding = (partNumber: string) => users().filter((user) => user.skuPartNumbers.includes(partNumber));

  it('is found from src/ and from dist/', () => {
    assert.ok(existsSync(DEMO_TENANT_FILE), DEMO_TENANT_FILE);
  });

  it("uses the Playground's tenant id and default people, with their aadObjectIds as Graph ids", () => {
    assert.equal(demoTenant.tenantId, PLAYGROUND_TENANT_ID);
    for (const person of PLAYGROUND_PEOPLE) {
      const user = demoTenant.users.find((candidate) => candidate.id === person.aadObjectId);
      assert.ok(user, person.name);
      assert.deepEqual([user.displayName, user.userPrincipalName, user.mail], [person.name, person.userPrincipalName, person.email]);
    }
  });

  it('has people who share a first name (two Alex, two Alice)', () => {
    const count = (given: string) => demoTenant.users.filter((user) => user.givenName === given).length;
    assert.ok(count('Alex') >= 2 && count('Alice') >= 2);
  });

  it('has the requester → target → manager chain: Megan Bowen manages Alice Johnson; Patti Fernandez has no manager', () => {
    assert.equal(emulator().user(people.aliceJohnson)?.managerId, people.meganBowen);
    assert.equal(emulator().user(people.pattiFernandez)?.managerId, undefined);
    assert.ok(users().filter((user) => user.id !== people.pattiFernandez).every((user) => user.managerId !== undefined));
  });

  it('has the three configured groups, each with members, at the documented ids', () => {
    const names = { ADMIN_GROUP_ID: 'License Desk admins', LICENSE_APPROVER_GROUP_ID: 'License approvers', ONPREM_PSTN_GROUP_ID: 'On-premises PSTN users' };
    for (const [variable, id] of Object.entries(DEMO_GROUP_IDS)) {
      const group = demoTenant.groups.find((candidate) => candidate.id === id);
      assert.equal(group?.displayName, names[variable as keyof typeof names]);
      assert.ok((group?.members.length ?? 0) > 0, variable);
    }
  });

  it('covers usage locations in and outside the US, and a user without one', () => {
    const locations = new Set(demoTenant.users.map((user) => user.usageLocation));
    for (const location of ['US', 'FR', 'JP', 'CN', 'TW', null]) assert.ok(locations.has(location), String(location));
  });

  it('covers E5, E5 without conferencing, E3 only, and no base licence', () => {
    const bases = ['ENTERPRISEPREMIUM', 'ENTERPRISEPREMIUM_NOPSTNCONF', 'ENTERPRISEPACK', 'STANDARDPACK', 'MCOSTANDARD'];
    assert.ok(holding('ENTERPRISEPREMIUM').length > 0);
    assert.ok(holding('ENTERPRISEPREMIUM_NOPSTNCONF').length > 0);
    assert.ok(users().some((user) => user.skuPartNumbers.length === 1 && user.skuPartNumbers[0] === 'ENTERPRISEPACK'));
    assert.ok(users().some((user) => user.usageLocation !== null && !user.skuPartNumbers.some((part) => bases.includes(part))));
  });

  it('has a licence assigned through a group', () => {
    assert.ok(users().some((user) => user.licenseAssignmentStates.some((state) => state.assignedByGroup !== null)));
  });

  it('subscribes to the 13 SKUs of 2018 under their true part numbers and to today\'s; MCOPSTN2 without a free seat, Communications Credits enabled', () => {
    assert.deepEqual(emulator().skus().map((sku) => sku.skuPartNumber).sort(), [...SKUS_OF_2018, ...SKUS_OF_TODAY].sort());
    const free = (partNumber: string) => {
      const sku = emulator().sku(partNumber)!;
      return sku.prepaidUnits.enabled - sku.consumedUnits;
    };
    assert.equal(free('MCOPSTN2'), 0);
    assert.equal(emulator().sku('MCOPSTNC')!.skuId, '47794cd0-f0e5-45c5-9033-2eb6b5fc84e0');
    assert.ok(emulator().sku('MCOPSTNC')!.prepaidUnits.enabled > 0);
    for (const partNumber of [...SKUS_OF_2018, ...SKUS_OF_TODAY]) if (partNumber !== 'MCOPSTN2') assert.ok(free(partNumber) > 0, partNumber);
  });

  it("gives each SKU Microsoft's public skuId and plan ids, and today's SKUs their full plan lists", function () {
    if (!MICROSOFT_CATALOG_CSV) this.skip();
    const catalog = loadMicrosoftCatalog(MICROSOFT_CATALOG_CSV!);
    for (const sku of demoTenant.subscribedSkus) {
      const published = catalog.byPartNumber.get(sku.skuPartNumber)?.find((candidate) => candidate.skuId === sku.skuId);
      assert.ok(published, `${sku.skuPartNumber} ${sku.skuId} is in Microsoft's table`);
      for (const plan of sku.servicePlans) {
        assert.ok(catalog.planIds.get(plan.servicePlanName)?.has(plan.servicePlanId), `${sku.skuPartNumber}: ${plan.servicePlanName} ${plan.servicePlanId}`);
      }
      if (SKUS_OF_TODAY.includes(sku.skuPartNumber)) {
        assert.deepEqual(new Map(sku.servicePlans.map((plan) => [plan.servicePlanName, plan.servicePlanId])), published.plans, sku.skuPartNumber);
      }
    }
  });

  it('puts most people on Microsoft 365 suites or the 2018 E3/E5 suites', () => {
    const suites = ['SPE_E5', 'SPE_E3', 'Microsoft_365_E5_(no_Teams)', 'Microsoft_365_E3_(no_Teams)', 'ENTERPRISEPREMIUM', 'ENTERPRISEPREMIUM_NOPSTNCONF', 'ENTERPRISEPACK'];
    const onSuites = users().filter((user) => user.skuPartNumbers.some((part) => suites.includes(part)));
    assert.ok(onSuites.length > users().length / 2, `${onSuites.length} of ${users().length}`);
    assert.ok(holding('SPE_E5').length >= 3 && holding('SPE_E3').length >= 3);
  });

  describe("today's cases", () => {
    const licences = (id: string) =>
      emulator()
        .user(id)!
        .assignedLicenses.map((licence) => ({ part: emulator().skus().find((sku) => sku.skuId === licence.skuId)!.skuPartNumber, disabled: licence.disabledPlans }));
    const cases: { who: keyof typeof people; location: string; holds: { part: string; disabled: string[] }[]; language?: string }[] = [
      { who: 'umaReddy', location: 'US', holds: [{ part: 'SPE_E5', disabled: [] }] },
      { who: 'kenjiMori', location: 'JP', language: 'ja-JP', holds: [{ part: 'SPE_E3', disabled: [] }] },
      { who: 'nadiaHaddad', location: 'FR', holds: [{ part: 'Microsoft_365_E5_(no_Teams)', disabled: [] }, { part: 'Microsoft_Teams_Enterprise_New', disabled: [] }] },
      { who: 'omarFarouk', location: 'US', holds: [{ part: 'Microsoft_365_E5_(no_Teams)', disabled: [] }] },
      { who: 'raviKumar', location: 'GB', holds: [{ part: 'Microsoft_365_E3_(no_Teams)', disabled: [] }] },
      { who: 'saraLindqvist', location: 'SE', holds: [{ part: 'SPE_E5', disabled: ['MCOEV'] }] },
      { who: 'tomBecker', location: 'DE', holds: [{ part: 'SPE_E3', disabled: [] }, { part: 'MCOTEAMS_ESSENTIALS', disabled: [] }] },
      { who: 'yaraCosta', location: 'BR', holds: [{ part: 'SPE_E3', disabled: [] }] },
    ];
    for (const { who, location, holds, language } of cases) {
      it(`${who}: ${holds.map((held) => held.part + (held.disabled.length > 0 ? ` without ${held.disabled.join(', ')}` : '')).join(' + ')}, ${location}, managed by Megan Bowen`, () => {
        const user = emulator().user(people[who])!;
        assert.equal(user.usageLocation, location);
        assert.equal(user.managerId, people.meganBowen);
        if (language) assert.equal(demoTenant.users.find((candidate) => candidate.id === people[who])?.preferredLanguage, language);
        assert.deepEqual(licences(people[who]), holds.map((held) => ({ part: held.part, disabled: held.disabled.map((name) => planId(name)) })));
      });
    }

    it('Teams Phone with Calling Plan carries Phone System and the Domestic Calling Plan', () => {
      const bundle = demoTenant.subscribedSkus.find((sku) => sku.skuId === skuId('MCOTEAMS_ESSENTIALS'))!;
      assert.deepEqual(bundle.servicePlans.map((plan) => plan.servicePlanName).sort(), ['MCOEV', 'MCOPSTN1']);
    });
  });

  it('puts everyone in All Company', () => {
    const everyone = demoTenant.groups.find((group) => group.id === groups.allCompany)!;
    assert.deepEqual([...everyone.members].sort(), demoTenant.users.map((user) => user.id).sort());
  });

  it('loads with every user within the service-plan rules (no exclusion or dependency broken)', () => {
    const directory = new TenantDirectory(demoTenant);
    for (const user of directory.listUsers()) {
      assert.equal(findPlanViolation(directory.enabledPlans(directory.licencesOf(user).assignedLicenses)), undefined, user.profile.displayName);
    }
  });
});

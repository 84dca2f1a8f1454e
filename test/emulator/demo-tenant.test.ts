import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { CATALOG } from '../../src/domain/catalog';
import { DEMO_GROUP_IDS, DEMO_TENANT_FILE } from '../../src/emulator/demo-tenant';
import { demoTenant, people, useEmulator } from './emulator-harness';

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

  it('subscribes to all 13 catalog SKUs, MCOPSTN2 without a free seat, Communications Credits enabled', () => {
    assert.deepEqual(emulator().skus().map((sku) => sku.skuPartNumber).sort(), CATALOG.map((product) => product.partNumber).sort());
    const free = (partNumber: string) => {
      const sku = emulator().sku(partNumber)!;
      return sku.prepaidUnits.enabled - sku.consumedUnits;
    };
    assert.equal(free('MCOPSTN2'), 0);
    assert.ok(emulator().sku('MCOPSTNPP')!.prepaidUnits.enabled > 0);
    for (const product of CATALOG) if (product.partNumber !== 'MCOPSTN2') assert.ok(free(product.partNumber) > 0, product.partNumber);
  });
});

import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadTenantFile, parseTenant, TenantFileError } from '../../src/emulator/tenant-file';

const E3 = '6fd2c87f-b296-42f0-b197-1e91e994b900';
const EV = 'e43b5b99-8dfb-405f-9987-dc307f34bcbd';

/** The smallest valid tenant: one SKU, two users (one manages the other), one licensing group. */
function minimalTenant(): any {
  return {
    tenantId: '00000000-0000-0000-0000-0000000000001',
    subscribedSkus: [
      { skuId: E3, skuPartNumber: 'ENTERPRISEPACK', prepaidUnits: { enabled: 5 }, servicePlans: [] },
      { skuId: EV, skuPartNumber: 'MCOEV', prepaidUnits: { enabled: 5 }, servicePlans: [] },
    ],
    users: [
      { id: '00000000-0000-0000-0000-0000000000020', displayName: 'Alex Wilber', userPrincipalName: 'alexw@example.com', usageLocation: 'US', assignedLicenses: [{ skuId: E3 }] },
      { id: '00000000-0000-0000-0000-000000000101', displayName: 'Alice Johnson', userPrincipalName: 'alicej@example.com', manager: '00000000-0000-0000-0000-0000000000020' },
    ],
    groups: [{ id: '00000000-0000-0000-0000-000000000904', displayName: 'Sales calling', members: ['00000000-0000-0000-0000-000000000101'], assignedLicenses: [{ skuId: EV }] }],
  };
}

describe('Graph emulator: tenant file', () => {
  it('accepts a minimal tenant and fills Graph defaults', () => {
    const tenant = parseTenant(minimalTenant());
    const alex = tenant.users[0];
    assert.equal(alex?.mail, null);
    assert.deepEqual(alex?.businessPhones, []);
    assert.deepEqual(alex?.assignedLicenses, [{ skuId: E3, disabledPlans: [] }]);
    assert.deepEqual(tenant.subscribedSkus[0]?.prepaidUnits, { enabled: 5, suspended: 0, warning: 0, lockedOut: 0 });
    assert.equal(tenant.users[1]?.usageLocation, null);
  });

  const broken: { name: string; change: (tenant: any) => void; problem: RegExp }[] = [
    { name: 'a stored consumedUnits', change: (t) => (t.subscribedSkus[0].consumedUnits = 3), problem: /consumedUnits is derived/ },
    { name: 'an unknown manager', change: (t) => (t.users[1].manager = '00000000-0000-0000-0000-000000000999'), problem: /unknown manager/ },
    { name: 'an unknown group member', change: (t) => t.groups[0].members.push('00000000-0000-0000-0000-000000000999'), problem: /unknown member/ },
    { name: 'a licence of an unknown SKU', change: (t) => (t.users[0].assignedLicenses = [{ skuId: '11111111-2222-3333-4444-555555555555' }]), problem: /unknown skuId/ },
    { name: 'a duplicate userPrincipalName', change: (t) => (t.users[1].userPrincipalName = 'ALEXW@example.com'), problem: /duplicate userPrincipalName/ },
    { name: 'a three-letter usage location', change: (t) => (t.users[0].usageLocation = 'USA'), problem: /two-letter country code/ },
    { name: 'an id that is not GUID-shaped', change: (t) => (t.users[0].id = 'alex'), problem: /GUID-shaped/ },
    {
      name: 'a group-assigned state the group does not explain',
      change: (t) => (t.users[0].licenseAssignmentStates = [{ skuId: EV, assignedByGroup: '00000000-0000-0000-0000-000000000904' }]),
      problem: /does not assign it to this user/,
    },
  ];
  for (const { name, change, problem } of broken) {
    it(`rejects ${name}`, () => {
      const tenant = minimalTenant();
      change(tenant);
      assert.throws(() => parseTenant(tenant, 'fixture.json'), (error: unknown) => {
        assert.ok(error instanceof TenantFileError);
        assert.match(error.message, /^Invalid tenant file fixture\.json/);
        assert.match(error.message, problem);
        return true;
      });
    });
  }

  it('loads from a file and names the file when the JSON is broken', () => {
    const directory = mkdtempSync(join(tmpdir(), 'tenant-file-'));
    const good = join(directory, 'good.json');
    const bad = join(directory, 'bad.json');
    writeFileSync(good, JSON.stringify(minimalTenant()));
    writeFileSync(bad, '{"tenantId": ');
    assert.equal(loadTenantFile(good).users.length, 2);
    assert.throws(() => loadTenantFile(bad), (error: unknown) => error instanceof TenantFileError && error.message.includes(bad));
  });
});

/**
 * The tenant of the chat benchmarks: the Fabrikam fixture (Alice Anders, Megan Manager, the approver and hybrid
 * groups …) plus generated requesters, each a distinct person with an E3 licence in the US whose manager is Megan
 * Manager, so that every conversation of a benchmark is someone else's. Also the environment that points a
 * License Desk process at an emulator of this tenant.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadTenantFile, parseTenant, type TenantFile } from '../../src/emulator/tenant-file';
import { FABRIKAM_FIXTURE } from './bulk-tenant';
import type { Person } from './teams-traffic';

export interface ChatTenant {
  readonly tenant: TenantFile;
  readonly requesters: readonly Person[];
  personNamed(displayName: string): Person;
}

const requesterId = (index: number) => `0000beef-0000-4000-8000-${index.toString(16).padStart(12, '0')}`;

export function chatTenant(requesterCount: number): ChatTenant {
  const fabrikam = loadTenantFile(FABRIKAM_FIXTURE);
  const manager = fabrikam.users.find((user) => user.displayName === 'Megan Manager');
  const e3 = fabrikam.subscribedSkus.find((sku) => sku.skuPartNumber === 'ENTERPRISEPACK');
  if (!manager || !e3) throw new Error('The Fabrikam fixture lost Megan Manager or its E3 licence');
  const generated = Array.from({ length: requesterCount }, (_, index) => ({
    id: requesterId(index + 1),
    displayName: `Requester ${String(index + 1).padStart(5, '0')}`,
    userPrincipalName: `requester${String(index + 1).padStart(5, '0')}@fabrikam.example`,
    mail: `requester${String(index + 1).padStart(5, '0')}@fabrikam.example`,
    usageLocation: 'US',
    assignedLicenses: [{ skuId: e3.skuId, disabledPlans: [] }],
    manager: manager.id,
  }));
  // Enough seats for every requester's E3, and for a calling plan (with Phone System) for each of them.
  const grown = new Set([e3.skuPartNumber, 'MCOEV', 'MCOPSTN1']);
  const subscribedSkus = fabrikam.subscribedSkus.map((sku) =>
    grown.has(sku.skuPartNumber) ? { ...sku, prepaidUnits: { ...sku.prepaidUnits, enabled: sku.prepaidUnits.enabled + requesterCount } } : sku,
  );
  const tenant = parseTenant({ ...fabrikam, subscribedSkus, users: [...fabrikam.users, ...generated] }, 'generated chat tenant');
  const asPerson = (user: { id: string; displayName: string }): Person => ({ aadObjectId: user.id, name: user.displayName, tenantId: tenant.tenantId });
  return {
    tenant,
    requesters: generated.map(asPerson),
    personNamed(displayName) {
      const user = tenant.users.find((candidate) => candidate.displayName === displayName);
      if (!user) throw new Error(`No ${displayName} in the chat tenant`);
      return asPerson(user);
    },
  };
}

/** What License Desk reads from the environment to run against the emulator of this tenant, with a fresh data directory. */
export function licenseDeskEnvironment(tenant: TenantFile, graphUrl: string): { environment: Record<string, string>; dataDir: string } {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'license-desk-bench-'));
  const groupId = (name: string) => tenant.groups.find((group) => group.displayName === name)?.id ?? '';
  return {
    dataDir,
    environment: {
      GRAPH_BASE_URL: graphUrl,
      HOME_TENANT_ID: tenant.tenantId,
      DATA_DIR: dataDir,
      LICENSE_APPROVER_GROUP_ID: groupId('License approvers'),
      ONPREM_PSTN_GROUP_ID: groupId('Hybrid PSTN'),
      ADMIN_GROUP_ID: groupId('License Desk admins'),
      LOG_LEVEL: 'warn',
    },
  };
}

/**
 * Demo mode: the built-in Graph tenant emulator on a loopback port, loaded with the demo tenant
 * (or DEMO_TENANT_FILE). The demo's admin, approver and hybrid-PSTN groups are found by name in
 * the tenant file, so a custom demo tenant only needs groups with the same names.
 */
import type { GroupSettings } from './config';
import { DEMO_TENANT_FILE } from './emulator/demo-tenant';
import { startGraphEmulator } from './emulator/graph-emulator';
import { loadTenantFile, type TenantFile } from './emulator/tenant-file';

export const DEMO_GROUP_NAMES = {
  adminGroupId: 'License Desk admins',
  approverGroupId: 'License approvers',
  onPremPstnGroupId: 'On-premises PSTN users',
} as const satisfies Record<keyof GroupSettings, string>;

export interface DemoGraph {
  readonly url: string;
  readonly groups: GroupSettings;
  /** The demo tenant's id: the tenant the bot serves in demo mode. */
  readonly tenantId: string;
  close(): Promise<void>;
}

export async function startDemoGraph(tenantFile: string | undefined): Promise<DemoGraph> {
  const tenant = loadTenantFile(tenantFile ?? DEMO_TENANT_FILE);
  const emulator = await startGraphEmulator({ tenant, port: 0, host: '127.0.0.1' });
  return { url: emulator.url, groups: demoGroupSettings(tenant), tenantId: tenant.tenantId, close: () => emulator.close() };
}

export function demoGroupSettings(tenant: TenantFile): GroupSettings {
  const idOf = (name: string) => tenant.groups.find((group) => group.displayName === name)?.id;
  return {
    adminGroupId: idOf(DEMO_GROUP_NAMES.adminGroupId),
    approverGroupId: idOf(DEMO_GROUP_NAMES.approverGroupId),
    onPremPstnGroupId: idOf(DEMO_GROUP_NAMES.onPremPstnGroupId),
  };
}

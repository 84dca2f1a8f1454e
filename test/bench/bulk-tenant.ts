/**
 * Generated tenants for the bulk benchmark and the bulk integration test: N users with UPNs
 * user00001@bulk.example …, the three licences of the seeds' bulk example (E3, Phone System, Domestic
 * Calling Plan; Fabrikam's SKU definitions, so the emulator's service-plan rules apply), an admin in
 * the "License Desk admins" group and the admin's manager, who approves.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadTenantFile, parseTenant, type TenantFile, type TenantUser } from '../../src/emulator/tenant-file';

export const FABRIKAM_FIXTURE = path.resolve(__dirname, '../../../test/fixtures/fabrikam-tenant.json');
export const SEEDS_BULK_PARTS = ['ENTERPRISEPACK', 'MCOEV', 'MCOPSTN1'] as const;

export interface GeneratedUser {
  readonly id: string;
  readonly upn: string;
  /** What the user holds at the start, by part number. */
  readonly holds: readonly string[];
  readonly usageLocation: string | null;
}

export interface GeneratedTenant {
  readonly tenant: TenantFile;
  readonly users: readonly GeneratedUser[];
  readonly admin: { readonly id: string; readonly name: string; readonly upn: string };
  readonly manager: { readonly id: string; readonly name: string; readonly upn: string };
  readonly adminGroupId: string;
  readonly skuIds: Readonly<Record<string, string>>;
}

export interface TenantShape {
  readonly users: number;
  /** Seats of each licence (default: enough for everyone). */
  readonly seats?: number;
  /** Which users hold something at the start, or lack a usage location (index → profile). */
  readonly profile?: (index: number) => { holds?: readonly string[]; usageLocation?: string | null };
}

const guid = (prefix: string, index: number) => `${prefix}-0000-4000-8000-${index.toString(16).padStart(12, '0')}`;

export function generateTenant(shape: TenantShape): GeneratedTenant {
  const fabrikam = loadTenantFile(FABRIKAM_FIXTURE);
  const skus = fabrikam.subscribedSkus
    .filter((sku) => (SEEDS_BULK_PARTS as readonly string[]).includes(sku.skuPartNumber))
    .map((sku) => ({ ...sku, prepaidUnits: { ...sku.prepaidUnits, enabled: shape.seats ?? shape.users + 10 } }));
  const skuIds = Object.fromEntries(skus.map((sku) => [sku.skuPartNumber, sku.skuId]));
  const manager = { id: guid('00000000', 900001), name: 'Mona Manager', upn: 'mona@bulk.example' };
  const admin = { id: guid('00000000', 900002), name: 'Ada Admin', upn: 'ada@bulk.example' };
  const adminGroupId = guid('00000001', 1);
  const person = (id: string, name: string, upn: string, holds: readonly string[], usageLocation: string | null, managerId?: string): TenantUser =>
    ({
      id,
      displayName: name,
      userPrincipalName: upn,
      mail: upn,
      usageLocation,
      assignedLicenses: holds.map((part) => ({ skuId: skuIds[part], disabledPlans: [] })),
      ...(managerId ? { manager: managerId } : {}),
    }) as unknown as TenantUser;
  const users: GeneratedUser[] = [];
  const tenantUsers: TenantUser[] = [
    person(manager.id, manager.name, manager.upn, ['ENTERPRISEPACK'], 'US'),
    person(admin.id, admin.name, admin.upn, ['ENTERPRISEPACK'], 'US', manager.id),
  ];
  for (let index = 1; index <= shape.users; index++) {
    const profile = shape.profile?.(index) ?? {};
    const user: GeneratedUser = {
      id: guid('00000000', index),
      upn: `user${String(index).padStart(5, '0')}@bulk.example`,
      holds: profile.holds ?? [],
      usageLocation: profile.usageLocation === undefined ? 'US' : profile.usageLocation,
    };
    users.push(user);
    tenantUsers.push(person(user.id, `User ${index}`, user.upn, user.holds, user.usageLocation, manager.id));
  }
  const tenant = parseTenant(
    {
      tenantId: '7e57b01c-0000-4000-8000-000000000001',
      subscribedSkus: skus,
      users: tenantUsers,
      groups: [{ id: adminGroupId, displayName: 'License Desk admins', members: [admin.id] }],
    },
    'generated bulk tenant',
  );
  return { tenant, users, admin, manager, adminGroupId, skuIds };
}

/** Writes the tenant to a fresh temporary directory; returns the file's path. */
export function writeTenantFile(tenant: TenantFile): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'license-desk-tenant-'));
  const file = path.join(dir, 'tenant.json');
  fs.writeFileSync(file, JSON.stringify(tenant));
  return file;
}

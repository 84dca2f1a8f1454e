/**
 * The tenant file: Microsoft Graph's own JSON shapes (subscribedSku, user, group) plus two
 * relations Graph exposes as navigation properties (user.manager, group.members).
 * consumedUnits is never stored: it is derived from the users' licences, so it cannot drift.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * Entra object ids are GUIDs, but Microsoft 365 Agents Playground's default people carry ids with a
 * 13-digit last group (00000000-0000-0000-0000-0000000000020); the demo tenant must accept them.
 */
const objectId = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12,13}$/i, 'must be a GUID-shaped object id');
const guid = z.guid();

const servicePlanInfo = z.object({
  servicePlanId: guid,
  servicePlanName: z.string().min(1),
  provisioningStatus: z.string().default('Success'),
  appliesTo: z.string().default('User'),
});

const subscribedSku = z.object({
  skuId: guid,
  skuPartNumber: z.string().min(1),
  capabilityStatus: z.enum(['Enabled', 'Warning', 'Suspended', 'Deleted', 'LockedOut']).default('Enabled'),
  appliesTo: z.string().default('User'),
  accountName: z.string().optional(),
  subscriptionIds: z.array(z.string()).default([]),
  prepaidUnits: z.object({
    enabled: z.number().int().nonnegative(),
    suspended: z.number().int().nonnegative().default(0),
    warning: z.number().int().nonnegative().default(0),
    lockedOut: z.number().int().nonnegative().default(0),
  }),
  servicePlans: z.array(servicePlanInfo).default([]),
  consumedUnits: z.never({ error: "consumedUnits is derived from the users' assignedLicenses; remove it" }).optional(),
});

const assignedLicense = z.object({
  skuId: guid,
  disabledPlans: z.array(guid).default([]),
});

const licenseAssignmentState = z.object({
  skuId: guid,
  assignedByGroup: objectId.nullable().default(null),
  state: z.string().nullable().default('Active'),
  error: z.string().nullable().default('None'),
  disabledPlans: z.array(guid).default([]),
});

const nullableText = z.string().nullable().default(null);

const user = z.object({
  id: objectId,
  displayName: z.string().min(1),
  givenName: nullableText,
  surname: nullableText,
  userPrincipalName: z.string().regex(/^[^@\s]+@[^@\s]+$/, 'must look like name@domain'),
  mail: nullableText,
  jobTitle: nullableText,
  department: nullableText,
  officeLocation: nullableText,
  mobilePhone: nullableText,
  businessPhones: z.array(z.string()).default([]),
  usageLocation: z
    .string()
    .regex(/^[A-Z]{2}$/, 'must be a two-letter country code')
    .nullable()
    .default(null),
  preferredLanguage: nullableText,
  accountEnabled: z.boolean().default(true),
  assignedLicenses: z.array(assignedLicense).default([]),
  licenseAssignmentStates: z.array(licenseAssignmentState).default([]),
  manager: objectId.optional(),
});

const group = z.object({
  id: objectId,
  displayName: z.string().min(1),
  description: nullableText,
  mailNickname: z.string().optional(),
  securityEnabled: z.boolean().default(true),
  members: z.array(objectId).default([]),
  assignedLicenses: z.array(assignedLicense).default([]),
});

const tenantShape = z.object({
  tenantId: objectId,
  subscribedSkus: z.array(subscribedSku),
  users: z.array(user),
  groups: z.array(group).default([]),
});

export const tenantFileSchema = tenantShape.superRefine((tenant, context) => {
  for (const problem of referenceProblems(tenant)) context.addIssue({ code: 'custom', message: problem.message, path: problem.path });
});

export type TenantFile = z.output<typeof tenantShape>;
export type TenantSku = TenantFile['subscribedSkus'][number];
export type TenantUser = TenantFile['users'][number];
export type TenantGroup = TenantFile['groups'][number];
export type AssignedLicense = z.output<typeof assignedLicense>;
export type LicenseAssignmentState = z.output<typeof licenseAssignmentState>;

interface Problem {
  readonly message: string;
  readonly path: (string | number)[];
}

/** Cross-references zod cannot express per field: ids that must exist, unique keys, group-state consistency. */
function referenceProblems(tenant: TenantFile): Problem[] {
  const problems: Problem[] = [];
  const skuIds = new Set(tenant.subscribedSkus.map((sku) => sku.skuId.toLowerCase()));
  const userIds = new Set<string>();
  const upns = new Set<string>();
  tenant.users.forEach((candidate, index) => {
    const id = candidate.id.toLowerCase();
    if (userIds.has(id)) problems.push({ message: `duplicate user id ${candidate.id}`, path: ['users', index, 'id'] });
    userIds.add(id);
    const upn = candidate.userPrincipalName.toLowerCase();
    if (upns.has(upn)) problems.push({ message: `duplicate userPrincipalName ${candidate.userPrincipalName}`, path: ['users', index, 'userPrincipalName'] });
    upns.add(upn);
  });
  const partNumbers = new Set<string>();
  tenant.subscribedSkus.forEach((sku, index) => {
    if (partNumbers.has(sku.skuPartNumber)) problems.push({ message: `duplicate skuPartNumber ${sku.skuPartNumber}`, path: ['subscribedSkus', index, 'skuPartNumber'] });
    partNumbers.add(sku.skuPartNumber);
  });
  const groupsById = new Map(tenant.groups.map((candidate) => [candidate.id.toLowerCase(), candidate]));
  tenant.groups.forEach((candidate, index) => {
    candidate.members.forEach((member, memberIndex) => {
      if (!userIds.has(member.toLowerCase())) problems.push({ message: `unknown member ${member}`, path: ['groups', index, 'members', memberIndex] });
    });
    candidate.assignedLicenses.forEach((licence, licenceIndex) => {
      if (!skuIds.has(licence.skuId.toLowerCase())) problems.push({ message: `unknown skuId ${licence.skuId}`, path: ['groups', index, 'assignedLicenses', licenceIndex, 'skuId'] });
    });
  });
  tenant.users.forEach((candidate, index) => {
    if (candidate.manager !== undefined) {
      if (!userIds.has(candidate.manager.toLowerCase())) problems.push({ message: `unknown manager ${candidate.manager}`, path: ['users', index, 'manager'] });
      if (candidate.manager.toLowerCase() === candidate.id.toLowerCase()) problems.push({ message: 'a user cannot be their own manager', path: ['users', index, 'manager'] });
    }
    candidate.assignedLicenses.forEach((licence, licenceIndex) => {
      if (!skuIds.has(licence.skuId.toLowerCase())) problems.push({ message: `unknown skuId ${licence.skuId}`, path: ['users', index, 'assignedLicenses', licenceIndex, 'skuId'] });
    });
    candidate.licenseAssignmentStates.forEach((state, stateIndex) => {
      if (state.assignedByGroup === null) return;
      const source = groupsById.get(state.assignedByGroup.toLowerCase());
      const consistent =
        source !== undefined &&
        source.members.some((member) => member.toLowerCase() === candidate.id.toLowerCase()) &&
        source.assignedLicenses.some((licence) => licence.skuId.toLowerCase() === state.skuId.toLowerCase());
      if (!consistent) {
        problems.push({
          message: `licence ${state.skuId} is said to come from group ${state.assignedByGroup}, but that group does not assign it to this user`,
          path: ['users', index, 'licenseAssignmentStates', stateIndex, 'assignedByGroup'],
        });
      }
    });
  });
  return problems;
}

export class TenantFileError extends Error {
  constructor(source: string, details: string) {
    super(`Invalid tenant file ${source}:\n${details}`);
    this.name = 'TenantFileError';
  }
}

export function parseTenant(json: unknown, source = '(inline)'): TenantFile {
  const result = tenantFileSchema.safeParse(json);
  if (!result.success) throw new TenantFileError(source, z.prettifyError(result.error));
  return result.data;
}

export function loadTenantFile(path: string): TenantFile {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new TenantFileError(path, error instanceof Error ? error.message : String(error));
  }
  return parseTenant(json, path);
}

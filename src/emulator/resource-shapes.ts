/**
 * How users, groups and subscribedSkus look on the wire. Like Graph v1.0, a user without $select has
 * only the default properties; usageLocation and the licence properties come only when selected.
 */
import { graphErrors } from './graph-error';
import type { GroupRecord, TenantDirectory, UserRecord } from './tenant-directory';
import type { TenantSku } from './tenant-file';

type Json = Record<string, unknown>;

export const DEFAULT_USER_PROPERTIES = [
  'businessPhones',
  'displayName',
  'givenName',
  'jobTitle',
  'mail',
  'mobilePhone',
  'officeLocation',
  'preferredLanguage',
  'surname',
  'userPrincipalName',
  'id',
] as const;

/** Properties that exist on microsoft.graph.user but that the tenant file does not model: always null. */
const UNMODELLED_USER_PROPERTIES = ['city', 'country', 'companyName', 'employeeId', 'state', 'streetAddress', 'postalCode', 'onPremisesSyncEnabled'];

const SELECTABLE_USER_PROPERTIES = [
  ...DEFAULT_USER_PROPERTIES,
  'usageLocation',
  'assignedLicenses',
  'licenseAssignmentStates',
  'assignedPlans',
  'accountEnabled',
  'department',
  'userType',
  ...UNMODELLED_USER_PROPERTIES,
];

const DEFAULT_GROUP_PROPERTIES = [
  'id',
  'deletedDateTime',
  'classification',
  'createdDateTime',
  'description',
  'displayName',
  'groupTypes',
  'mail',
  'mailEnabled',
  'mailNickname',
  'securityEnabled',
  'visibility',
] as const;
const SELECTABLE_GROUP_PROPERTIES = [...DEFAULT_GROUP_PROPERTIES, 'assignedLicenses'];

/** Resolves $select names case-insensitively to their canonical spelling; unknown names are Graph's 400. */
export function resolveSelect(select: readonly string[] | undefined, type: 'user' | 'group'): string[] | undefined {
  if (select === undefined) return undefined;
  const known = type === 'user' ? SELECTABLE_USER_PROPERTIES : SELECTABLE_GROUP_PROPERTIES;
  return select.map((name) => {
    const canonical = known.find((property) => property.toLowerCase() === name.toLowerCase());
    if (canonical === undefined) throw graphErrors.unknownSelectProperty(name, type);
    return canonical;
  });
}

export function userJson(directory: TenantDirectory, user: UserRecord, select: readonly string[] | undefined): Json {
  const profile = user.profile;
  const read = (property: string): unknown => {
    switch (property) {
      case 'assignedLicenses':
        return directory.licencesOf(user).assignedLicenses;
      case 'licenseAssignmentStates':
        return directory.licencesOf(user).licenseAssignmentStates;
      case 'assignedPlans':
        return directory.assignedPlansOf(user);
      case 'userType':
        return 'Member';
      default:
        return (profile as unknown as Json)[property] ?? null;
    }
  };
  return Object.fromEntries((select ?? DEFAULT_USER_PROPERTIES).map((property) => [property, read(property)]));
}

const GROUP_CREATED = '2024-01-15T09:00:00Z';

export function groupJson(group: GroupRecord, select: readonly string[] | undefined): Json {
  const all: Json = {
    id: group.id,
    deletedDateTime: null,
    classification: null,
    createdDateTime: GROUP_CREATED,
    description: group.description,
    displayName: group.displayName,
    groupTypes: [],
    mail: null,
    mailEnabled: false,
    mailNickname: group.mailNickname ?? group.displayName.replace(/[^A-Za-z0-9]/g, ''),
    securityEnabled: group.securityEnabled,
    visibility: null,
    assignedLicenses: group.assignedLicenses,
  };
  return Object.fromEntries((select ?? DEFAULT_GROUP_PROPERTIES).map((property) => [property, all[property]]));
}

export function subscribedSkuJson(directory: TenantDirectory, sku: TenantSku): Json {
  return {
    accountName: sku.accountName ?? 'example',
    accountId: directory.tenantId,
    appliesTo: sku.appliesTo,
    capabilityStatus: sku.capabilityStatus,
    consumedUnits: directory.consumedUnits(sku.skuId),
    id: `${directory.tenantId}_${sku.skuId}`,
    skuId: sku.skuId,
    skuPartNumber: sku.skuPartNumber,
    subscriptionIds: sku.subscriptionIds,
    prepaidUnits: sku.prepaidUnits,
    servicePlans: sku.servicePlans,
  };
}

/** A member of a directoryObject collection carries its type, as in /manager, /memberOf, /members. */
export function asDirectoryObject(type: 'user' | 'group', json: Json): Json {
  return { '@odata.type': `#microsoft.graph.${type}`, ...json };
}

/**
 * POST /users/{id}/assignLicense: validates the body, then the change against the tenant, in the order
 * the licensing service reports problems (unknown SKU, removal, usage location, seats, plan rules),
 * and yields the user's new direct assignments. Nothing is written here.
 */
import { graphErrors } from './graph-error';
import { findPlanViolation } from './service-plan-rules';
import type { TenantDirectory, UserRecord } from './tenant-directory';
import type { AssignedLicense } from './tenant-file';

export interface LicenceChange {
  readonly addLicenses: readonly AssignedLicense[];
  readonly removeLicenses: readonly string[];
}

export interface PlannedAssignment {
  readonly direct: AssignedLicense[];
  readonly addedSkuIds: string[];
  readonly removedSkuIds: string[];
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isGuid = (value: unknown): value is string => typeof value === 'string' && GUID.test(value);
const key = (id: string) => id.toLowerCase();

export function parseLicenceChange(body: unknown): LicenceChange {
  const payload = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const missing = ['addLicenses', 'removeLicenses'].filter((name) => payload[name] === undefined || payload[name] === null);
  if (missing.length > 0) throw graphErrors.missingParameters('assignLicense', missing);
  const { addLicenses, removeLicenses } = payload;
  if (!Array.isArray(addLicenses)) throw graphErrors.invalidPropertyValue('addLicenses', 'assignLicense');
  if (!Array.isArray(removeLicenses) || !removeLicenses.every(isGuid)) throw graphErrors.invalidPropertyValue('removeLicenses', 'assignLicense');
  const adds = addLicenses.map((entry: unknown): AssignedLicense => {
    const licence = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
    if (!isGuid(licence.skuId)) throw graphErrors.invalidPropertyValue('skuId', 'AssignedLicense');
    const disabledPlans = licence.disabledPlans ?? [];
    if (!Array.isArray(disabledPlans) || !disabledPlans.every(isGuid)) throw graphErrors.invalidPropertyValue('disabledPlans', 'AssignedLicense');
    return { skuId: licence.skuId, disabledPlans };
  });
  return { addLicenses: adds, removeLicenses };
}

export function planAssignment(directory: TenantDirectory, user: UserRecord, change: LicenceChange): PlannedAssignment {
  const removing = new Set(change.removeLicenses.map(key));
  const both = change.addLicenses.find((licence) => removing.has(key(licence.skuId)));
  if (both) throw graphErrors.addAndRemoveSameLicense(both.skuId);

  const adds = change.addLicenses.map((licence) => {
    const sku = directory.findSku(licence.skuId);
    if (!sku) throw graphErrors.invalidCompanyLicense(licence.skuId);
    const planIds = new Set(sku.servicePlans.map((plan) => key(plan.servicePlanId)));
    if (!licence.disabledPlans.every((plan) => planIds.has(key(plan)))) throw graphErrors.invalidPropertyValue('disabledPlans', 'AssignedLicense');
    return { skuId: sku.skuId, disabledPlans: licence.disabledPlans.map(key) };
  });
  const removes = change.removeLicenses.map((skuId) => {
    const sku = directory.findSku(skuId);
    if (!sku) throw graphErrors.invalidCompanyLicense(skuId);
    return sku.skuId;
  });

  const direct = user.direct.filter((licence) => !removing.has(key(licence.skuId)));
  const inherited = directory.licencesOf(user).licenseAssignmentStates.filter((state) => state.assignedByGroup !== null);
  for (const skuId of removes) {
    if (user.direct.some((licence) => key(licence.skuId) === key(skuId))) continue;
    if (inherited.some((state) => key(state.skuId) === key(skuId))) throw graphErrors.inheritedFromGroup();
    throw graphErrors.noCorrespondingLicense();
  }

  if (adds.length > 0 && !user.profile.usageLocation) throw graphErrors.invalidUsageLocation();

  const heldBefore = directory.heldSkuIds(user);
  for (const licence of adds) {
    if (heldBefore.has(key(licence.skuId))) continue;
    const sku = directory.findSku(licence.skuId);
    if (sku && sku.prepaidUnits.enabled - directory.consumedUnits(sku.skuId) <= 0) throw graphErrors.noAvailableLicenses(sku.skuId);
  }

  for (const licence of adds) {
    const index = direct.findIndex((existing) => key(existing.skuId) === key(licence.skuId));
    if (index >= 0) direct[index] = licence;
    else direct.push(licence);
  }

  const violation = findPlanViolation(directory.enabledPlans([...direct, ...inherited]));
  if (violation?.kind === 'mutuallyExclusive') throw graphErrors.mutuallyExclusive(violation.planIds);
  if (violation?.kind === 'dependency') throw graphErrors.dependency(violation.planId, planIdsNamed(directory, violation.requiredPlanNames));

  return { direct, addedSkuIds: adds.map((licence) => licence.skuId), removedSkuIds: removes };
}

/**
 * Graph names plans by id. A requirement any one of several plans meets is named by the first of them the
 * tenant's SKUs carry (the rules list the usual one first); one no SKU of the tenant carries is named as such.
 */
function planIdsNamed(directory: TenantDirectory, names: readonly string[]): string[] {
  for (const name of names) {
    for (const sku of directory.listSkus()) {
      const plan = sku.servicePlans.find((candidate) => candidate.servicePlanName === name);
      if (plan) return [plan.servicePlanId];
    }
  }
  return names.slice(0, 1);
}

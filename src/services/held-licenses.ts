/**
 * The licences a user holds, as the rules see them, from Graph's assignedLicenses and licenseAssignmentStates: the
 * SKU's part number, whether it is assigned directly or comes from groups (named when the name is known), and the
 * plans switched off in it. One reading for a single request (LicenseFactsReader) and for bulk jobs alike.
 */
import type { HeldLicense } from '../domain/decision';
import type { DirectorySku, DirectoryUserLicenses } from '../ports';

export function heldLicensesOf(
  licenses: DirectoryUserLicenses,
  skus: readonly DirectorySku[],
  groupNames: ReadonlyMap<string, string> = new Map(),
): HeldLicense[] {
  const skuById = new Map(skus.map((sku) => [sku.skuId.toLowerCase(), sku]));
  return licenses.assignedLicenses.flatMap((license): HeldLicense[] => {
    const sku = skuById.get(license.skuId.toLowerCase());
    if (!sku) return [];
    const states = licenses.licenseAssignmentStates.filter((state) => state.skuId.toLowerCase() === license.skuId.toLowerCase());
    const inheritedFrom = states.flatMap((state) => {
      if (!state.assignedByGroup) return [];
      const groupName = groupNames.get(state.assignedByGroup);
      return [groupName === undefined ? { groupId: state.assignedByGroup } : { groupId: state.assignedByGroup, groupName }];
    });
    // Without licenseAssignmentStates (some tenants omit it) a held licence counts as direct.
    const assignedDirectly = states.length === 0 || states.some((state) => state.assignedByGroup === null);
    const disabledPlans = planNames(sku, license.disabledPlans);
    return [{ partNumber: sku.skuPartNumber, assignedDirectly, inheritedFrom, ...(disabledPlans.length > 0 ? { disabledPlans } : {}) }];
  });
}

/** Groups a user inherits licences from (to name them in explanations). */
export function inheritingGroups(licenses: DirectoryUserLicenses): string[] {
  return [...new Set(licenses.licenseAssignmentStates.flatMap((state) => (state.assignedByGroup ? [state.assignedByGroup] : [])))];
}

/** The names of a SKU's plans given by id (Graph's disabledPlans); ids the SKU doesn't list are dropped. */
export function planNames(sku: DirectorySku, planIds: readonly string[]): string[] {
  const wanted = new Set(planIds.map((id) => id.toLowerCase()));
  return sku.servicePlans.filter((plan) => wanted.has(plan.servicePlanId.toLowerCase())).map((plan) => plan.servicePlanName.toUpperCase());
}

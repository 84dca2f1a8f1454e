/**
 * What the licensing rules need about one user, built from a batched read (the same facts
 * LicenseFactsReader gathers for a single request, without one call per question).
 */
import type { HeldLicense, UserFacts } from '../../domain/decision';
import type { DirectorySku, DirectoryUserLicenses } from '../../ports';
import { planNames } from '../license-facts';

export function userFactsOf(
  licenses: DirectoryUserLicenses,
  skus: readonly DirectorySku[],
  isHybridPstn: boolean,
  groupNames: ReadonlyMap<string, string> = new Map(),
): UserFacts {
  const skuById = new Map(skus.map((sku) => [sku.skuId.toLowerCase(), sku]));
  const held = licenses.assignedLicenses.flatMap((license): HeldLicense[] => {
    const sku = skuById.get(license.skuId.toLowerCase());
    if (!sku) return [];
    const partNumber = sku.skuPartNumber;
    const states = licenses.licenseAssignmentStates.filter((state) => state.skuId.toLowerCase() === license.skuId.toLowerCase());
    const inheritedFrom = states.flatMap((state) => {
      if (!state.assignedByGroup) return [];
      const groupName = groupNames.get(state.assignedByGroup);
      return [groupName === undefined ? { groupId: state.assignedByGroup } : { groupId: state.assignedByGroup, groupName }];
    });
    // Without licenseAssignmentStates (some tenants omit it) a held licence counts as direct.
    const assignedDirectly = states.length === 0 || states.some((state) => state.assignedByGroup === null);
    const disabledPlans = planNames(sku, license.disabledPlans);
    return [{ partNumber, assignedDirectly, inheritedFrom, ...(disabledPlans.length > 0 ? { disabledPlans } : {}) }];
  });
  return {
    userId: licenses.user.id,
    displayName: licenses.user.displayName,
    usageLocation: licenses.user.usageLocation,
    licenses: held,
    isHybridPstn,
  };
}

/** Groups a user inherits licences from (to name them in explanations). */
export function inheritingGroups(licenses: DirectoryUserLicenses): string[] {
  return [...new Set(licenses.licenseAssignmentStates.flatMap((state) => (state.assignedByGroup ? [state.assignedByGroup] : [])))];
}

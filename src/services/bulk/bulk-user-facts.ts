/**
 * What the licensing rules need about one user, built from a batched read (the same facts
 * LicenseFactsReader gathers for a single request, without one call per question).
 */
import type { UserFacts } from '../../domain/decision';
import type { DirectorySku, DirectoryUserLicenses } from '../../ports';
import { heldLicensesOf } from '../held-licenses';

export { inheritingGroups } from '../held-licenses';

export function userFactsOf(
  licenses: DirectoryUserLicenses,
  skus: readonly DirectorySku[],
  isHybridPstn: boolean,
  groupNames: ReadonlyMap<string, string> = new Map(),
): UserFacts {
  return {
    userId: licenses.user.id,
    displayName: licenses.user.displayName,
    usageLocation: licenses.user.usageLocation,
    licenses: heldLicensesOf(licenses, skus, groupNames),
    isHybridPstn,
  };
}

/**
 * Reads, from the directory, everything the rules need about one user and the tenant's seats:
 * the user's licences by part number (direct or inherited from a group), usage location,
 * hybrid-PSTN membership, and stock of every catalog SKU the tenant subscribes to.
 */
import { isCatalogPartNumber } from '../domain/catalog';
import type { HeldLicense, SkuStock, TenantFacts, UserFacts } from '../domain/decision';
import type { Directory, DirectorySku, DirectoryUser, DirectoryUserLicenses } from '../ports';

export interface LicenseFacts {
  readonly target: DirectoryUser;
  readonly user: UserFacts;
  readonly tenant: TenantFacts;
  readonly skus: readonly DirectorySku[];
}

export interface FactsGroups {
  readonly onPremPstnGroupId: string | undefined;
}

export class LicenseFactsReader {
  constructor(
    private readonly directory: Directory,
    private readonly groups: FactsGroups,
  ) {}

  /**
   * `justRead`: the user's licences as a Graph call of this same turn returned them (the people search that found
   * the user); they are used instead of reading the user again. Anything older must not be passed.
   */
  async read(userId: string, justRead?: DirectoryUserLicenses): Promise<LicenseFacts> {
    const hybridGroup = this.groups.onPremPstnGroupId;
    const [licenses, skus, hybridMatches] = await Promise.all([
      justRead?.user.id === userId ? justRead : this.directory.getUserLicenses(userId),
      this.directory.listSubscribedSkus(),
      hybridGroup ? this.directory.memberGroups(userId, [hybridGroup]) : Promise.resolve([]),
    ]);
    const held = await this.heldLicenses(licenses, skus);
    return {
      target: licenses.user,
      user: {
        userId: licenses.user.id,
        displayName: licenses.user.displayName,
        usageLocation: licenses.user.usageLocation,
        licenses: held,
        isHybridPstn: hybridGroup !== undefined && hybridMatches.includes(hybridGroup),
      },
      tenant: { skus: catalogStock(skus) },
      skus,
    };
  }

  private async heldLicenses(licenses: DirectoryUserLicenses, skus: readonly DirectorySku[]): Promise<HeldLicense[]> {
    const partBySkuId = new Map(skus.map((sku) => [sku.skuId, sku.skuPartNumber]));
    const groupIds = [...new Set(licenses.licenseAssignmentStates.flatMap((s) => (s.assignedByGroup ? [s.assignedByGroup] : [])))];
    const names = new Map(
      await Promise.all(groupIds.map(async (id) => [id, await this.directory.getGroupName(id)] as const)),
    );
    return licenses.assignedLicenses.flatMap((license): HeldLicense[] => {
      const partNumber = partBySkuId.get(license.skuId);
      if (!partNumber) return [];
      const states = licenses.licenseAssignmentStates.filter((state) => state.skuId === license.skuId);
      const inheritedFrom = states.flatMap((state) =>
        state.assignedByGroup ? [{ groupId: state.assignedByGroup, groupName: names.get(state.assignedByGroup) }] : [],
      );
      // Without licenseAssignmentStates (some tenants omit it) a held licence counts as direct.
      const assignedDirectly = states.length === 0 || states.some((state) => state.assignedByGroup === null);
      return [{ partNumber, assignedDirectly, inheritedFrom: inheritedFrom.map(withoutEmptyName) }];
    });
  }
}

function withoutEmptyName(group: { groupId: string; groupName: string | undefined }): HeldLicense['inheritedFrom'][number] {
  return group.groupName === undefined ? { groupId: group.groupId } : { groupId: group.groupId, groupName: group.groupName };
}

export function catalogStock(skus: readonly DirectorySku[]): SkuStock[] {
  return skus
    .filter((sku) => isCatalogPartNumber(sku.skuPartNumber))
    .map((sku) => ({ partNumber: sku.skuPartNumber.toUpperCase(), enabled: sku.prepaidUnits.enabled, consumed: sku.consumedUnits }));
}

/** skuId of a part number in this tenant, from subscribedSkus. */
export function skuIdOf(skus: readonly DirectorySku[], partNumber: string): string | undefined {
  return skus.find((sku) => sku.skuPartNumber.toUpperCase() === partNumber.toUpperCase())?.skuId;
}

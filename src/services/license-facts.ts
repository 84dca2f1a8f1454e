/**
 * Reads, from the directory, everything the rules need about one user and the tenant's seats:
 * the user's licences by part number (direct or inherited from a group) with the plans switched off in each,
 * usage location, hybrid-PSTN membership, and the stock and service plans of every SKU the tenant subscribes to.
 */
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
      tenant: { skus: tenantStock(skus) },
      skus,
    };
  }

  private async heldLicenses(licenses: DirectoryUserLicenses, skus: readonly DirectorySku[]): Promise<HeldLicense[]> {
    const skuById = new Map(skus.map((sku) => [sku.skuId.toLowerCase(), sku]));
    const groupIds = [...new Set(licenses.licenseAssignmentStates.flatMap((s) => (s.assignedByGroup ? [s.assignedByGroup] : [])))];
    const names = new Map(
      await Promise.all(groupIds.map(async (id) => [id, await this.directory.getGroupName(id)] as const)),
    );
    return licenses.assignedLicenses.flatMap((license): HeldLicense[] => {
      const sku = skuById.get(license.skuId.toLowerCase());
      if (!sku) return [];
      const partNumber = sku.skuPartNumber;
      const states = licenses.licenseAssignmentStates.filter((state) => state.skuId === license.skuId);
      const inheritedFrom = states.flatMap((state) =>
        state.assignedByGroup ? [{ groupId: state.assignedByGroup, groupName: names.get(state.assignedByGroup) }] : [],
      );
      // Without licenseAssignmentStates (some tenants omit it) a held licence counts as direct.
      const assignedDirectly = states.length === 0 || states.some((state) => state.assignedByGroup === null);
      const disabledPlans = planNames(sku, license.disabledPlans);
      return [{ partNumber, assignedDirectly, inheritedFrom: inheritedFrom.map(withoutEmptyName), ...(disabledPlans.length > 0 ? { disabledPlans } : {}) }];
    });
  }
}

function withoutEmptyName(group: { groupId: string; groupName: string | undefined }): HeldLicense['inheritedFrom'][number] {
  return group.groupName === undefined ? { groupId: group.groupId } : { groupId: group.groupId, groupName: group.groupName };
}

/** Every SKU the tenant subscribes to, with its seats and the names of its service plans (what the rules reason on). */
export function tenantStock(skus: readonly DirectorySku[]): SkuStock[] {
  return skus.map((sku) => ({
    partNumber: sku.skuPartNumber,
    enabled: sku.prepaidUnits.enabled,
    consumed: sku.consumedUnits,
    plans: sku.servicePlans.map((plan) => plan.servicePlanName.toUpperCase()),
  }));
}

/** skuId of a part number in this tenant, from subscribedSkus. */
export function skuIdOf(skus: readonly DirectorySku[], partNumber: string): string | undefined {
  return skus.find((sku) => sku.skuPartNumber.toUpperCase() === partNumber.toUpperCase())?.skuId;
}

/** The names of a SKU's plans given by id (Graph's disabledPlans); ids the SKU doesn't list are dropped. */
export function planNames(sku: DirectorySku, planIds: readonly string[]): string[] {
  const wanted = new Set(planIds.map((id) => id.toLowerCase()));
  return sku.servicePlans.filter((plan) => wanted.has(plan.servicePlanId.toLowerCase())).map((plan) => plan.servicePlanName.toUpperCase());
}

/** The ids of a SKU's plans given by name (for Graph's disabledPlans). */
export function planIds(sku: DirectorySku, names: readonly string[]): string[] {
  const wanted = new Set(names.map((name) => name.toUpperCase()));
  return sku.servicePlans.filter((plan) => wanted.has(plan.servicePlanName.toUpperCase())).map((plan) => plan.servicePlanId);
}

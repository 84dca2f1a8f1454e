/**
 * Reads, from the directory, everything the rules need about one user and the tenant's seats:
 * the user's licences by part number (direct or inherited from a group) with the plans switched off in each,
 * usage location, hybrid-PSTN membership, and the stock and service plans of every SKU the tenant subscribes to.
 */
import type { HeldLicense, SkuStock, TenantFacts, UserFacts } from '../domain/decision';
import type { Directory, DirectorySku, DirectoryUser, DirectoryUserLicenses } from '../ports';
import { heldLicensesOf, inheritingGroups } from './held-licenses';

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

  /** The user's licences, with the groups they come from named (one Graph call per group, cached by the directory). */
  private async heldLicenses(licenses: DirectoryUserLicenses, skus: readonly DirectorySku[]): Promise<HeldLicense[]> {
    const named = await Promise.all(inheritingGroups(licenses).map(async (id) => [id, await this.directory.getGroupName(id)] as const));
    const names = new Map(named.flatMap(([id, name]) => (name === undefined ? [] : [[id, name] as const])));
    return heldLicensesOf(licenses, skus, names);
  }
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

/** The ids of a SKU's plans given by name (for Graph's disabledPlans). */
export function planIds(sku: DirectorySku, names: readonly string[]): string[] {
  const wanted = new Set(names.map((name) => name.toUpperCase()));
  return sku.servicePlans.filter((plan) => wanted.has(plan.servicePlanName.toUpperCase())).map((plan) => plan.servicePlanId);
}

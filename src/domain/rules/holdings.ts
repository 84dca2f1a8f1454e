/**
 * What a person holds, seen as service plans: each held SKU with the plans it carries (from the tenant's
 * subscribedSkus) and the ones switched off for this person (disabledPlans). "Has Phone System" means an enabled
 * MCOEV plan in any held SKU, whatever the SKU is called.
 */
import { CAPABILITY_PLANS, CATALOG, findProduct, planGives, type Capability } from '../catalog';
import type { HeldLicense, SkuStock, TenantFacts, UserFacts } from '../decision';

export interface Holding {
  readonly partNumber: string;
  readonly plans: readonly string[];
  readonly disabled: ReadonlySet<string>;
  readonly direct: boolean;
  /** The group(s) it comes from, when that keeps it on the person whatever a direct change does. */
  readonly blockingGroups?: string;
}

export const upper = (name: string): string => name.trim().toUpperCase();

export function unique<T>(items: Iterable<T>): T[] {
  return [...new Set(items)];
}

export function stockOf(tenant: TenantFacts, partNumber: string): SkuStock | undefined {
  return tenant.skus.find((sku) => upper(sku.partNumber) === upper(partNumber));
}

/** The plans a SKU carries: the tenant's subscribedSkus, or, for a SKU the tenant lacks, the ask's own plans. */
export function skuPlans(tenant: TenantFacts, partNumber: string): string[] {
  const stock = stockOf(tenant, partNumber);
  if (stock) return (stock.plans ?? []).map(upper);
  return (findProduct(partNumber)?.plans ?? []).map(upper);
}

/**
 * The group(s) a held licence comes from, when it cannot be taken away or changed by a direct assignment.
 * A licence that is also assigned directly still stays through its group, so it is blocked too.
 */
export function blockingGroups(license: HeldLicense): string | undefined {
  if (license.inheritedFrom.length === 0) return undefined;
  return license.inheritedFrom.map((group) => group.groupName ?? group.groupId).join(', ');
}

export function holdingsOf(user: UserFacts, tenant: TenantFacts): Holding[] {
  return user.licenses.map((license) => ({
    partNumber: license.partNumber,
    plans: skuPlans(tenant, license.partNumber),
    disabled: new Set((license.disabledPlans ?? []).map(upper)),
    direct: license.assignedDirectly,
    ...(blockingGroups(license) === undefined ? {} : { blockingGroups: blockingGroups(license) }),
  }));
}

export function enabledPlansOf(holding: Holding): string[] {
  return holding.plans.filter((plan) => !holding.disabled.has(plan));
}

export function gives(plans: Iterable<string>, capability: Capability): boolean {
  for (const plan of plans) if (planGives(plan, capability)) return true;
  return false;
}

/** The plans of a SKU that matter to Teams licensing (Teams, Skype base, voice, conferencing, credits). */
export function relevantPlans(plans: readonly string[]): string[] {
  return plans.filter((plan) => (Object.keys(CAPABILITY_PLANS) as Capability[]).some((capability) => planGives(plan, capability)));
}

/** A suite people work in (mail and Office): a Teams add-on may be added to it; someone without one needs a base licence. */
const SUITE_MAIL_PLANS = ['EXCHANGE_S_ENTERPRISE', 'EXCHANGE_S_STANDARD'];
export function isSuite(plans: readonly string[]): boolean {
  return plans.some((plan) => SUITE_MAIL_PLANS.includes(plan));
}

/** A SKU that can be someone's base licence for Teams: a suite with Teams and its Skype base plan. */
export function isTeamsBase(plans: readonly string[]): boolean {
  return isSuite(plans) && gives(plans, 'teams') && gives(plans, 'skypeBase');
}

/** The ask that names exactly this plan ("MCOPSTN2" for the plan MCOPSTN2), so notes name products people know. */
export function askForPlan(plan: string): string {
  return CATALOG.find((product) => product.plans?.length === 1 && upper(product.plans[0] ?? '') === upper(plan))?.partNumber ?? plan;
}

/**
 * Calling plans ordered by what they give: 120 min < 240 min < full domestic (and pay-as-you-go) < domestic and
 * international. Moving up the order is an upgrade, down a downgrade.
 */
const CALLING_PLAN_RANK: Readonly<Record<string, number>> = {
  MCOPSTN5: 1,
  MCOPSTN8: 1,
  MCOPSTN6: 2,
  MCOPSTN1: 3,
  MCOPSTN1_GOV: 3,
  MCOPSTN_PAYG_1: 3,
  MCOPSTN3: 3,
  MCOPSTNEAU: 3,
  MCOPSTN2: 4,
};

export function callingPlanRank(plan: string): number {
  return CALLING_PLAN_RANK[upper(plan)] ?? 0;
}

/** Free seats (prepaidUnits.enabled − consumedUnits), or undefined when the tenant has not bought the SKU. */
export function freeSeats(tenant: TenantFacts, partNumber: string): number | undefined {
  const stock = stockOf(tenant, partNumber);
  return stock ? stock.enabled - stock.consumed : undefined;
}

export function usageLocationOf(user: UserFacts): string | undefined {
  const location = user.usageLocation?.trim().toUpperCase();
  return location ? location : undefined;
}

/** Communications Credits are set up when the tenant owns a SKU carrying the credits plan, with enabled units. */
export function communicationsCreditsSetUp(tenant: TenantFacts): boolean {
  return tenant.skus.some((sku) => sku.enabled > 0 && gives((sku.plans ?? []).map(upper), 'communicationsCredits'));
}

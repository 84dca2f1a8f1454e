/**
 * Questions the rules ask about a user, a tenant and a set of part numbers. Capabilities come from
 * the catalog, so "has Phone System" covers MCOEV and both E5 kinds alike.
 */
import { findProduct, type Capability, type ProductFamily } from '../catalog';
import type { HeldLicense, TenantFacts, UserFacts } from '../decision';
import type { SeatCount } from '../request';

export const PHONE_SYSTEM = 'MCOEV';
export const COMMUNICATIONS_CREDITS = 'MCOPSTNPP';
export const PAY_PER_MINUTE_CONFERENCING = 'MCOMEETACPEA';

/** Upper-cased, trimmed, without duplicates, in the order given. */
export function normalizePartNumbers(partNumbers: readonly string[]): string[] {
  return unique(partNumbers.map((partNumber) => partNumber.trim().toUpperCase()).filter(Boolean));
}

export function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}

export function familyOf(partNumber: string): ProductFamily | undefined {
  return findProduct(partNumber)?.family;
}

export function isCallingPlan(partNumber: string): boolean {
  return familyOf(partNumber) === 'callingPlan';
}

/** The first part number in the list whose product provides the capability. */
export function providerOf(partNumbers: Iterable<string>, capability: Capability): string | undefined {
  for (const partNumber of partNumbers) {
    if (findProduct(partNumber)?.provides.includes(capability)) return partNumber;
  }
  return undefined;
}

/** An E5 (either kind): a base licence that also carries Phone System. */
export function isE5(partNumber: string): boolean {
  const product = findProduct(partNumber);
  return product?.family === 'base' && product.provides.includes('phoneSystem');
}

export function heldLicense(user: UserFacts, partNumber: string): HeldLicense | undefined {
  return user.licenses.find((license) => license.partNumber.toUpperCase() === partNumber);
}

export function heldPartNumbers(user: UserFacts): string[] {
  return unique(user.licenses.map((license) => license.partNumber.toUpperCase()));
}

/**
 * The group(s) a held licence comes from, when it cannot be taken away by a direct removal.
 * A licence that is also assigned directly still stays through its group, so it is blocked too.
 */
export function blockingGroups(license: HeldLicense): string | undefined {
  if (license.inheritedFrom.length === 0) return undefined;
  return license.inheritedFrom.map((group) => group.groupName ?? group.groupId).join(', ');
}

export function usageLocationOf(user: UserFacts): string | undefined {
  const location = user.usageLocation?.trim().toUpperCase();
  return location ? location : undefined;
}

/** Free seats (prepaidUnits.enabled − consumedUnits), or undefined when the tenant has not bought the SKU. */
export function freeSeats(tenant: TenantFacts, partNumber: string): number | undefined {
  const stock = tenant.skus.find((sku) => sku.partNumber.toUpperCase() === partNumber.toUpperCase());
  return stock ? stock.enabled - stock.consumed : undefined;
}

/** Seat counts of the given part numbers the tenant has bought (for the stored request and its card). */
export function seatCounts(tenant: TenantFacts, partNumbers: readonly string[]): SeatCount[] {
  return partNumbers.flatMap((partNumber) => {
    const stock = tenant.skus.find((sku) => sku.partNumber.toUpperCase() === partNumber.toUpperCase());
    return stock ? [{ partNumber, enabled: stock.enabled, consumed: stock.consumed }] : [];
  });
}

/** Communications Credits are set up when the tenant subscribes to MCOPSTNPP with enabled units. */
export function communicationsCreditsSetUp(tenant: TenantFacts): boolean {
  return tenant.skus.some((sku) => sku.partNumber.toUpperCase() === COMMUNICATIONS_CREDITS && sku.enabled > 0);
}

/**
 * Calling Plans ordered by what they give: 120 min < 240 min < full domestic < domestic and international.
 * Moving up the order is an upgrade, down a downgrade.
 */
const CALLING_PLAN_RANK: Readonly<Record<string, number>> = { MCOPSTN5: 1, MCOPSTN6: 2, MCOPSTN1: 3, MCOPSTN2: 4 };

export function callingPlanRank(partNumber: string): number {
  return CALLING_PLAN_RANK[partNumber] ?? 0;
}

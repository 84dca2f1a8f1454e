/**
 * What a question about licences is answered from, computed the way the rules see holdings: a product is held
 * when all its plans are enabled in the licences the person holds (a suite's Phone System counts, a plan switched
 * off inside a suite does not). Pure.
 */
import { CATALOG, findProduct, type Product } from './catalog';
import type { TenantFacts, UserFacts } from './decision';
import { enabledPlansOf, holdingsOf, stockOf, upper } from './rules/holdings';

/** The licences a person holds (their SKUs), then the products enabled inside them that are not SKUs they hold. */
export function heldProducts(user: UserFacts, tenant: TenantFacts): string[] {
  const holdings = holdingsOf(user, tenant);
  const skus = holdings.map((holding) => holding.partNumber);
  const held = new Set(skus.map(upper));
  const enabled = new Set(holdings.flatMap(enabledPlansOf));
  const inside = CATALOG.filter(
    (product) => product.plans?.length === 1 && !held.has(upper(product.partNumber)) && product.plans.every((plan) => enabled.has(upper(plan))),
  ).map((product) => product.partNumber);
  return [...skus, ...inside];
}

/**
 * Whether the person holds the product asked about; for a calling plan, any calling plan counts ("does Alice
 * have a calling plan?"). Returns the part number held, or undefined.
 */
export function heldAs(partNumber: string, user: UserFacts, tenant: TenantFacts): string | undefined {
  const asked = findProduct(partNumber);
  const holdings = holdingsOf(user, tenant);
  const enabled = new Set(holdings.flatMap(enabledPlansOf));
  const holds = (product: Product): boolean =>
    product.plans
      ? product.plans.every((plan) => enabled.has(upper(plan)))
      : holdings.some((holding) => upper(holding.partNumber) === upper(product.partNumber));
  if (!asked) return holdings.find((holding) => upper(holding.partNumber) === upper(partNumber))?.partNumber;
  if (holds(asked)) return asked.partNumber;
  if (asked.family !== 'callingPlan') return undefined;
  // Single-plan products first: "Domestic Calling Plan" rather than the bundle that also carries Phone System.
  const family = CATALOG.filter((product) => product.family === 'callingPlan').sort((a, b) => (a.plans?.length ?? 0) - (b.plans?.length ?? 0));
  return family.find(holds)?.partNumber;
}

export interface SeatsLeft {
  readonly partNumber: string;
  readonly left: number;
  readonly total: number;
}

/**
 * Free seats of the products asked about; for a calling plan, of every calling plan the tenant owns. A product
 * the tenant does not own is left out (the caller says so).
 */
export function seatsLeft(partNumbers: readonly string[], tenant: TenantFacts): SeatsLeft[] {
  const wanted = new Set<string>();
  for (const partNumber of partNumbers) {
    if (findProduct(partNumber)?.family === 'callingPlan') {
      for (const sku of tenant.skus) if (findProduct(sku.partNumber)?.family === 'callingPlan') wanted.add(sku.partNumber);
    } else {
      const stock = stockOf(tenant, partNumber);
      if (stock) wanted.add(stock.partNumber);
    }
  }
  return [...wanted].map((partNumber) => {
    const stock = stockOf(tenant, partNumber)!;
    return { partNumber: stock.partNumber, left: Math.max(0, stock.enabled - stock.consumed), total: stock.enabled };
  });
}

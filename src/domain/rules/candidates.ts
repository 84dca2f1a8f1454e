/**
 * Which of the tenant's SKUs could bring a plan to a person, cheapest first. Only SKUs the tenant owns are ever
 * proposed (subscribedSkus), never one the person already holds.
 */
import { isCallingPlanPlan, type Capability } from '../catalog';
import type { Draft, PlanToggle } from './draft';
import { gives, relevantPlans, stockOf, upper, type Holding } from './holdings';

/** Plans of `capability` switched off in a SKU the person holds directly: turning them on costs no seat. */
export function switchedOff(holdings: readonly Holding[], capability: Capability): PlanToggle[] {
  for (const holding of holdings) {
    if (!holding.direct || holding.blockingGroups !== undefined) continue;
    const off = holding.plans.filter((plan) => holding.disabled.has(plan) && gives([plan], capability));
    if (off.length > 0) return off.map((plan) => ({ partNumber: holding.partNumber, plan }));
  }
  return [];
}

export function hasFreeSeat(draft: Pick<Draft, 'tenant'>, partNumber: string): boolean {
  const stock = stockOf(draft.tenant, partNumber);
  return stock !== undefined && stock.enabled - stock.consumed > 0;
}

/**
 * SKUs of the tenant the person doesn't hold whose plans fit: with free seats first, then the fewest plans that
 * matter beyond `wanted` (a bundle that brings nothing extra beats one that duplicates a suite), then the fewest plans.
 */
export function candidates(draft: Draft, fits: (plans: readonly string[]) => boolean, wanted: readonly string[] = []): string[] {
  const held = new Set(draft.holdings.map((holding) => upper(holding.partNumber)));
  const owned = draft.tenant.skus.filter((sku) => !held.has(upper(sku.partNumber)) && fits((sku.plans ?? []).map(upper)));
  const plans = (partNumber: string): string[] => (stockOf(draft.tenant, partNumber)?.plans ?? []).map(upper);
  const extra = (partNumber: string): number => relevantPlans(plans(partNumber)).filter((plan) => !wanted.includes(plan)).length;
  return owned
    .map((sku) => sku.partNumber)
    .sort(
      (a, b) =>
        Number(hasFreeSeat(draft, b)) - Number(hasFreeSeat(draft, a)) ||
        extra(a) - extra(b) ||
        plans(a).length - plans(b).length ||
        a.localeCompare(b),
    );
}

/** A SKU that brings a Calling Plan nobody asked for would clash with the one held, or reach a hybrid user. */
export const noCallingPlan = (plans: readonly string[]): boolean => !plans.some(isCallingPlanPlan);

/** The SKU is an add-on for these plans: every plan of it that matters to Teams licensing is among them. */
export function isStandaloneFor(plans: readonly string[], wanted: readonly string[]): boolean {
  const relevant = relevantPlans(plans);
  return relevant.length > 0 && relevant.every((plan) => wanted.includes(plan));
}

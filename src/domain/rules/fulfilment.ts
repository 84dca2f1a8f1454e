/**
 * Turns what is still asked into a change, the cheapest correct way from what the tenant owns:
 * 1. a plan switched off inside a SKU the person holds directly is turned on (no seat used);
 * 2. otherwise the add-on SKU that carries just that plan, with free seats;
 * 3. for a plan no add-on with free seats carries, the bundle that carries it with the least else (Teams Phone with
 *    Calling Plan when that is what the tenant has), which may then cover other plans asked too.
 * A suite is never proposed to bring a plan: that would be a far costlier change than the ask.
 * A plan no SKU of the tenant carries is named as the ask itself, so the seats rule says it is not purchased.
 */
import { isCallingPlanPlan } from '../catalog';
import type { RuleNote } from '../decision';
import { candidates, hasFreeSeat, isStandaloneFor } from './candidates';
import { askPlans, enabledAfter, isSkuAsk, type Draft, type PlanToggle, type Rule } from './draft';
import { askForPlan, isSuite, skuPlans, stockOf } from './holdings';
import { change } from './notes';

export const fulfilAsks: Rule = (draft) => {
  const add: string[] = [];
  const enable: PlanToggle[] = [];
  const notes: RuleNote[] = [];
  for (const ask of draft.asks) {
    if (isSkuAsk(ask)) {
      add.push(stockOf(draft.tenant, ask)?.partNumber ?? ask);
      continue;
    }
    const now = enabledAfter({ ...draft, add: [...draft.add, ...add], enable: [...draft.enable, ...enable] });
    let missing = askPlans(draft, ask).filter((plan) => !now.has(plan));
    const toggles = missing.flatMap((plan): PlanToggle[] => {
      const holding = draft.holdings.find((held) => held.direct && held.blockingGroups === undefined && held.disabled.has(plan));
      return holding ? [{ partNumber: holding.partNumber, plan }] : [];
    });
    if (toggles.length > 0) {
      enable.push(...toggles);
      notes.push(change('PLAN_TURNED_ON', { partNumber: ask, in: toggles[0]?.partNumber ?? '' }));
      missing = missing.filter((plan) => !toggles.some((toggle) => toggle.plan === plan));
    }
    add.push(...chooseSkus(draft, missing).filter((partNumber) => !add.includes(partNumber)));
  }
  return { add, enable, notes };
};

function chooseSkus(draft: Draft, missing: readonly string[]): string[] {
  const askedCallingPlans = draft.user.isHybridPstn ? [] : missing.filter(isCallingPlanPlan);
  // Add-ons and bundles only: a whole suite is never proposed to bring one plan (a base licence comes from voiceNeedsTeams).
  const fits = (plans: readonly string[]): boolean =>
    !isSuite(plans) && plans.filter(isCallingPlanPlan).every((plan) => askedCallingPlans.includes(plan));
  const addOn = (plan: string): string | undefined =>
    candidates(draft, (plans) => plans.includes(plan) && isStandaloneFor(plans, missing) && fits(plans)).find((sku) => hasFreeSeat(draft, sku));

  const chosen: string[] = [];
  let remaining = [...missing];
  for (const plan of missing.filter((candidate) => addOn(candidate) === undefined)) {
    if (!remaining.includes(plan)) continue;
    const best = candidates(draft, (plans) => plans.includes(plan) && fits(plans), missing)[0] ?? askForPlan(plan);
    chosen.push(best);
    const covered = stockOf(draft.tenant, best) ? skuPlans(draft.tenant, best) : [plan];
    remaining = remaining.filter((left) => left !== plan && !covered.includes(left));
  }
  // What is left has add-ons; the one covering most of it wins (asking for Teams Phone with Calling Plan gets the bundle).
  while (remaining.length > 0) {
    const options = remaining.flatMap((plan) => addOn(plan) ?? []);
    const covers = (sku: string): number => skuPlans(draft.tenant, sku).filter((plan) => remaining.includes(plan)).length;
    const best = options.reduce<string | undefined>((kept, sku) => (kept === undefined || covers(sku) > covers(kept) ? sku : kept), undefined);
    if (best === undefined) break;
    if (!chosen.includes(best)) chosen.push(best);
    const covered = skuPlans(draft.tenant, best);
    remaining = remaining.filter((left) => !covered.includes(left));
  }
  return chosen;
}

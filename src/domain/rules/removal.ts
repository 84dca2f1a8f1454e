/**
 * Rule 10, on service plans: what can be taken from a person directly, and what must go with it.
 * An add-on SKU is removed; a plan inside a suite (Phone System in Microsoft 365 E5) is turned off there, never the
 * suite removed; what comes from a group stays. Without Phone System a Calling Plan cannot stay, so it goes too.
 */
import { isCallingPlanPlan } from '../catalog';
import type { RuleNote } from '../decision';
import { isStandaloneFor } from './candidates';
import { askPlans, enabledAfter, enabledBefore, isSkuAsk, sourcesAfter, type PlanToggle, type Rule } from './draft';
import { askForPlan, enabledPlansOf, gives, relevantPlans, upper, type Holding } from './holdings';
import { change, noop, refusal } from './notes';

/** Takes each ask away: SKU asks by removing the SKU, capability asks from every SKU that enables them. */
export const removeWhatIsAsked: Rule = (draft) => {
  const notes: RuleNote[] = [];
  const remove: string[] = [];
  const disable: PlanToggle[] = [];
  for (const ask of draft.asks) {
    const wanted = askPlans(draft, ask);
    const sources = isSkuAsk(ask)
      ? draft.holdings.filter((holding) => upper(holding.partNumber) === upper(ask))
      : capabilitySources(draft.holdings, wanted);
    if (sources.length === 0) {
      notes.push(noop('NOT_ASSIGNED', { partNumber: ask }));
      continue;
    }
    for (const holding of sources) {
      if (holding.blockingGroups !== undefined) {
        notes.push(refusal('GROUP_ASSIGNED_CANNOT_REMOVE', { partNumber: ask, groupName: holding.blockingGroups }));
      } else if (isSkuAsk(ask) || isStandaloneFor(holding.plans, wanted)) {
        remove.push(holding.partNumber);
      } else {
        const off = enabledPlansOf(holding).filter((plan) => wanted.includes(plan));
        disable.push(...off.map((plan) => ({ partNumber: holding.partNumber, plan })));
        notes.push(change('PLAN_TURNED_OFF_IN_SUITE', { partNumber: ask, in: holding.partNumber }));
      }
    }
  }
  return { notes, remove, disable };
};

/** A Calling Plan cannot stay without Phone System: when the change takes Phone System away, the plan goes too. */
export const callingPlanLeavesWithPhoneSystem: Rule = (draft) => {
  if (!gives(enabledBefore(draft), 'phoneSystem') || gives(enabledAfter(draft), 'phoneSystem')) return {};
  const removedWith = draft.asks.find((ask) => gives(askPlans(draft, ask), 'phoneSystem')) ?? draft.asks[0] ?? '';
  const still = new Map(sourcesAfter(draft).map((source) => [upper(source.partNumber), source.enabled]));
  const notes: RuleNote[] = [];
  const remove: string[] = [];
  const disable: PlanToggle[] = [];
  for (const holding of draft.holdings) {
    const plans = (still.get(upper(holding.partNumber)) ?? []).filter(isCallingPlanPlan);
    if (plans.length === 0 || !stillThere(holding, draft.remove)) continue;
    for (const plan of plans) {
      const partNumber = askForPlan(plan);
      if (holding.blockingGroups !== undefined) {
        notes.push(refusal('GROUP_ASSIGNED_CANNOT_REMOVE', { partNumber, groupName: holding.blockingGroups }));
        continue;
      }
      notes.push(change('CALLING_PLAN_REMOVED_WITH_PHONE_SYSTEM', { partNumber, removedWith }));
      if (isStandaloneFor(holding.plans, plans)) remove.push(holding.partNumber);
      else disable.push({ partNumber: holding.partNumber, plan });
    }
  }
  return { notes, remove, disable };
};

/**
 * Where a capability is taken from: its add-on SKUs when the person holds any (removing a spare Phone System SKU leaves
 * E5's own Phone System alone, as the seeds do), otherwise every suite that enables it, where it is turned off.
 */
function capabilitySources(holdings: readonly Holding[], wanted: readonly string[]): Holding[] {
  const enabling = holdings.filter((holding) => enabledPlansOf(holding).some((plan) => wanted.includes(plan)));
  const addOns = enabling.filter((holding) => isStandaloneFor(holding.plans, wanted));
  return addOns.length > 0 ? addOns : enabling;
}

/** A SKU held directly whose plans that matter would all be switched off keeps a seat for nothing: it is removed. */
export const emptiedSkusGo: Rule = (draft) => {
  const disabledIn = new Set(draft.disable.map((toggle) => upper(toggle.partNumber)));
  const still = new Map(sourcesAfter(draft).map((source) => [upper(source.partNumber), source.enabled]));
  const remove = draft.holdings
    .filter((holding) => holding.direct && holding.blockingGroups === undefined && disabledIn.has(upper(holding.partNumber)))
    .filter((holding) => relevantPlans(holding.plans).length > 0 && relevantPlans(still.get(upper(holding.partNumber)) ?? []).length === 0)
    .map((holding) => holding.partNumber);
  return { remove };
};

function stillThere(holding: Holding, removed: readonly string[]): boolean {
  return holding.blockingGroups !== undefined || !removed.some((partNumber) => upper(partNumber) === upper(holding.partNumber));
}

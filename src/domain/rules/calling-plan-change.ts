/**
 * Rule 7 (second half): Calling Plans are mutually exclusive, so a new one replaces the one held, in the same change:
 * a plan on its own SKU is removed with the SKU; a plan inside a bundle (Teams Phone with Calling Plan) is turned off
 * there, the rest of the bundle staying. A plan that comes from a group cannot be changed here.
 */
import { isCallingPlanPlan } from '../catalog';
import type { RuleNote } from '../decision';
import { isStandaloneFor } from './candidates';
import { enabledAfter, enabledBefore, type PlanToggle, type Rule } from './draft';
import { askForPlan, callingPlanRank, enabledPlansOf, upper } from './holdings';
import { change, refusal } from './notes';

export const newCallingPlanReplacesHeldOne: Rule = (draft) => {
  const before = enabledBefore(draft);
  const arriving = [...enabledAfter(draft)].filter((plan) => isCallingPlanPlan(plan) && !before.has(plan));
  const [to] = arriving;
  if (to === undefined) return {};
  const notes: RuleNote[] = [];
  const remove: string[] = [];
  const disable: PlanToggle[] = [];
  const removing = new Set(draft.remove.map(upper));
  for (const holding of draft.holdings) {
    if (removing.has(upper(holding.partNumber))) continue;
    for (const from of enabledPlansOf(holding).filter((plan) => isCallingPlanPlan(plan) && !arriving.includes(plan))) {
      if (holding.blockingGroups !== undefined) {
        notes.push(refusal('GROUP_ASSIGNED_CANNOT_REMOVE', { partNumber: askForPlan(from), groupName: holding.blockingGroups }));
        continue;
      }
      const direction = callingPlanRank(to) > callingPlanRank(from) ? 'CALLING_PLAN_UPGRADE' : 'CALLING_PLAN_DOWNGRADE';
      notes.push(change(direction, { from: askForPlan(from), to: askForPlan(to) }));
      if (isStandaloneFor(holding.plans, [from])) remove.push(holding.partNumber);
      else disable.push({ partNumber: holding.partNumber, plan: from });
    }
  }
  return { notes, remove, disable };
};

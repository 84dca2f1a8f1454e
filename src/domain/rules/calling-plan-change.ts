/**
 * Rule 7 (second half): Calling Plans are mutually exclusive, so a new one replaces the one held,
 * in the same change. A plan that comes from a group cannot be removed here.
 */
import type { RuleNote } from '../decision';
import type { Rule } from './draft';
import { blockingGroups, callingPlanRank, isCallingPlan } from './facts';
import { change, refusal } from './notes';

export const newCallingPlanReplacesHeldOne: Rule = (draft) => {
  const to = draft.add.find(isCallingPlan);
  if (to === undefined) return {};
  const notes: RuleNote[] = [];
  const remove: string[] = [];
  for (const held of draft.user.licenses) {
    const from = held.partNumber.toUpperCase();
    if (from === to || !isCallingPlan(from)) continue;
    const groupName = blockingGroups(held);
    if (groupName !== undefined) {
      notes.push(refusal('GROUP_ASSIGNED_CANNOT_REMOVE', { partNumber: from, groupName }));
      continue;
    }
    const direction = callingPlanRank(to) > callingPlanRank(from) ? 'CALLING_PLAN_UPGRADE' : 'CALLING_PLAN_DOWNGRADE';
    notes.push(change(direction, { from, to }));
    remove.push(from);
  }
  return { notes, remove };
};

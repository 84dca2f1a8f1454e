/** Rule 10: what can be removed from a user directly, and what must go with it. */
import type { RuleNote } from '../decision';
import { holdingsAfter, type Rule } from './draft';
import { blockingGroups, heldLicense, heldPartNumbers, isCallingPlan, providerOf } from './facts';
import { change, noop, refusal } from './notes';

export const removeOnlyWhatIsHeld: Rule = (draft) => {
  const missing = draft.remove.filter((partNumber) => !heldLicense(draft.user, partNumber));
  return { notes: missing.map((partNumber) => noop('NOT_ASSIGNED', { partNumber })), withdraw: missing };
};

/** A licence that comes from a group stays while the user is in the group, whatever a direct removal does. */
export const groupLicencesStay: Rule = (draft) => {
  const notes: RuleNote[] = [];
  const withdraw: string[] = [];
  for (const partNumber of draft.remove) {
    const held = heldLicense(draft.user, partNumber);
    const groupName = held ? blockingGroups(held) : undefined;
    if (groupName === undefined) continue;
    notes.push(refusal('GROUP_ASSIGNED_CANNOT_REMOVE', { partNumber, groupName }));
    withdraw.push(partNumber);
  }
  return { notes, withdraw };
};

/** A Calling Plan cannot stay without Phone System: when the change takes Phone System away, the plan goes too. */
export const callingPlanLeavesWithPhoneSystem: Rule = (draft) => {
  const removedWith = providerOf(draft.remove, 'phoneSystem');
  if (removedWith === undefined || providerOf(holdingsAfter(draft), 'phoneSystem')) return {};
  const notes: RuleNote[] = [];
  const remove: string[] = [];
  for (const partNumber of heldPartNumbers(draft.user).filter(isCallingPlan)) {
    if (draft.remove.includes(partNumber)) continue;
    const held = heldLicense(draft.user, partNumber);
    const groupName = held ? blockingGroups(held) : undefined;
    if (groupName !== undefined) {
      notes.push(refusal('GROUP_ASSIGNED_CANNOT_REMOVE', { partNumber, groupName }));
    } else {
      notes.push(change('CALLING_PLAN_REMOVED_WITH_PHONE_SYSTEM', { partNumber, removedWith }));
      remove.push(partNumber);
    }
  }
  return { notes, remove };
};

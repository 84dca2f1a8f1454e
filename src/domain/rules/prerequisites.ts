/**
 * Rule 2: licences that need another licence get it added to the same change, so one assignLicense
 * call passes Graph's dependency checks. E5 counts as both base licence and Phone System.
 */
import { DEFAULT_BASE_LICENSE, type ProductFamily } from '../catalog';
import type { Rule } from './draft';
import { PHONE_SYSTEM, familyOf, heldPartNumbers, isCallingPlan, providerOf } from './facts';
import { change } from './notes';

export const callingPlanBringsPhoneSystem: Rule = (draft) => {
  const plan = draft.add.find(isCallingPlan);
  if (plan === undefined || providerOf([...heldPartNumbers(draft.user), ...draft.add], 'phoneSystem')) return {};
  return {
    add: [PHONE_SYSTEM],
    notes: [change('PHONE_SYSTEM_ADDED_FOR_CALLING_PLAN', { partNumber: PHONE_SYSTEM, requiredBy: plan })],
  };
};

const NEEDS_BASE_LICENCE: readonly ProductFamily[] = [
  'callingPlan',
  'phoneSystem',
  'audioConferencing',
  'audioConferencingPayPerMinute',
];

export const addOnsBringBaseLicence: Rule = (draft) => {
  const dependent = draft.add.find((partNumber) => NEEDS_BASE_LICENCE.includes(familyOf(partNumber) as ProductFamily));
  if (dependent === undefined || providerOf([...heldPartNumbers(draft.user), ...draft.add], 'base')) return {};
  return {
    add: [DEFAULT_BASE_LICENSE],
    notes: [change('BASE_LICENSE_ADDED', { partNumber: DEFAULT_BASE_LICENSE, requiredBy: dependent })],
  };
};

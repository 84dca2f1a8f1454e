/**
 * Rule 11 and the E5 recommendation: what to tell people once Graph has assigned the licences.
 * Advice never blocks; it follows a successful change, not the request.
 */
import type { RuleNote, UserFacts } from '../decision';
import { COMMUNICATIONS_CREDITS, heldPartNumbers, isCallingPlan, isE5, normalizePartNumbers, providerOf, unique } from './facts';
import { advice } from './notes';

/** The seeds: a Calling Plan can take up to 24 hours to show on the user. */
export const CALLING_PLAN_LATENCY_HOURS = 24;

/**
 * @param add the part numbers that were added (the decision's add list)
 * @param user the user's facts as read before the change
 */
export function adviceAfterSuccess(add: readonly string[], user: UserFacts): RuleNote[] {
  const added = normalizePartNumbers(add);
  const after = unique([...heldPartNumbers(user), ...added]);
  const notes: RuleNote[] = [];

  const plan = added.find(isCallingPlan);
  if (plan !== undefined) {
    notes.push(advice('CALLING_PLAN_LATENCY', { partNumber: plan, hours: CALLING_PLAN_LATENCY_HOURS }));
  }
  const numbersNeededFor = plan ?? added.find((partNumber) => partNumber === COMMUNICATIONS_CREDITS);
  if (numbersNeededFor !== undefined) {
    notes.push(advice('NEXT_STEP_PHONE_NUMBERS', { partNumber: numbersNeededFor }));
  }
  const conferencing = providerOf(added, 'audioConferencing');
  if (conferencing !== undefined) {
    notes.push(advice('NEXT_STEP_CONFERENCING_PROVIDER', { partNumber: conferencing }));
    notes.push(advice('THIRD_PARTY_CONFERENCING_SWITCH', { partNumber: conferencing }));
  }
  const e5 = after.find(isE5);
  if (added.length > 0 && e5 !== undefined && !after.includes(COMMUNICATIONS_CREDITS)) {
    notes.push(advice('COMMUNICATIONS_CREDITS_RECOMMENDED_FOR_E5', { partNumber: COMMUNICATIONS_CREDITS, e5 }));
  }
  return notes;
}

/**
 * Rule 11 and the E5 recommendation: what to tell people once Graph has made the change. Advice never blocks; it
 * follows a successful change, not the request. What arrived is read as plans: a Calling Plan turned on inside a
 * bundle counts as much as one on its own SKU.
 */
import type { PlanChange, RuleNote, TenantFacts, UserFacts } from '../decision';
import { askForPlan, enabledPlansOf, gives, holdingsOf, skuPlans, upper } from './holdings';
import { isCallingPlanPlan, planGives } from '../catalog';
import { advice } from './notes';

/** The seeds: a Calling Plan can take up to 24 hours to show on the user. */
export const CALLING_PLAN_LATENCY_HOURS = 24;

/**
 * @param add the SKUs that were added (the request's add list)
 * @param user the user's facts (before or after the change: advice depends only on what the change brought)
 * @param tenant the tenant's SKUs (their plans say what each SKU brought)
 */
export function adviceAfterSuccess(
  add: readonly string[],
  user: UserFacts,
  tenant: TenantFacts = { skus: [] },
  planChanges: readonly PlanChange[] = [],
): RuleNote[] {
  const holdings = holdingsOf(user, tenant);
  const arriving = [
    ...add.flatMap((partNumber) => skuPlans(tenant, partNumber).map((plan) => ({ plan, partNumber }))),
    // What people read: the SKU added, or the plan's own product when it was turned on inside a SKU.
    ...planChanges.flatMap((changed) => changed.enable.map((plan) => ({ plan: upper(plan), partNumber: askForPlan(plan) }))),
  ];
  const notes: RuleNote[] = [];

  const callingPlan = arriving.find(({ plan }) => isCallingPlanPlan(plan));
  if (callingPlan !== undefined) {
    notes.push(advice('CALLING_PLAN_LATENCY', { partNumber: callingPlan.partNumber, hours: CALLING_PLAN_LATENCY_HOURS }));
  }
  const credits = arriving.find(({ plan }) => planGives(plan, 'communicationsCredits'));
  // Credits alone give no phone number: getting numbers is the next step only for someone who also has a Calling Plan.
  const holdsCallingPlan = holdings.some((holding) => enabledPlansOf(holding).some(isCallingPlanPlan));
  const numbersNeededFor = callingPlan ?? (holdsCallingPlan ? credits : undefined);
  if (numbersNeededFor !== undefined) {
    notes.push(advice('NEXT_STEP_PHONE_NUMBERS', { partNumber: numbersNeededFor.partNumber }));
  }
  const conferencing = arriving.find(({ plan }) => planGives(plan, 'audioConferencing'));
  if (conferencing !== undefined) {
    notes.push(advice('NEXT_STEP_CONFERENCING_PROVIDER', { partNumber: conferencing.partNumber }));
    notes.push(advice('THIRD_PARTY_CONFERENCING_SWITCH', { partNumber: conferencing.partNumber }));
  }
  const after = [...holdings.map((holding) => ({ partNumber: holding.partNumber, plans: enabledPlansOf(holding) })), ...add.map((partNumber) => ({ partNumber, plans: skuPlans(tenant, partNumber) }))];
  const e5 = after.find((source) => isE5Like(source.plans));
  const hasCredits = after.some((source) => gives(source.plans, 'communicationsCredits'));
  if (arriving.length > 0 && e5 !== undefined && !hasCredits) {
    notes.push(advice('COMMUNICATIONS_CREDITS_RECOMMENDED_FOR_E5', { partNumber: 'MCOPSTNC', e5: e5.partNumber }));
  }
  return notes;
}


/** An E5-like suite: Teams with Phone System included (with or without Audio Conferencing). */
function isE5Like(plans: readonly string[]): boolean {
  return gives(plans, 'teams') && gives(plans, 'phoneSystem');
}

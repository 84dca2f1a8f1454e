/**
 * The licensing rules of License Desk: a request plus what Graph says about the user and the tenant becomes a
 * Decision with reason codes. Pure and synchronous.
 *
 * The rules reason on service plans, not SKU names: what a person has is every plan enabled in the SKUs they hold
 * (the SKU's servicePlans from subscribedSkus minus the person's disabledPlans), so Microsoft 365 E5, Office 365 E5,
 * Teams Phone with Calling Plan or a SKU never seen by name are all understood from their plans.
 *
 * Each rule is a small function in src/domain/rules/ that reads a draft and returns notes and changes; they run in
 * the fixed order below. A refused or redundant ask is withdrawn from the draft as soon as a rule says so, so later
 * rules derive nothing from it; every refusal is still collected. On a refused decision, add/remove show what the
 * rest of the request would change; nothing may be sent.
 */
import { canonicalAsk } from './catalog';
import type { Decision, LicenseChangeRequest, TenantFacts, UserFacts } from './decision';
import { newCallingPlanReplacesHeldOne } from './rules/calling-plan-change';
import { seatsAreFree, usageLocationIsSet } from './rules/capacity';
import { applyRule, planChangesOf, startDraft, type Draft, type Rule } from './rules/draft';
import {
  availableInUsageLocation,
  creditsNeedConferencingOrCalling,
  hybridUsersGetNoCallingPlan,
  oneCallingPlanAtATime,
  payPerMinuteNeedsCredits,
} from './rules/eligibility';
import { fulfilAsks } from './rules/fulfilment';
import { communicationsCreditsSetUp, gives, skuPlans, unique } from './rules/holdings';
import { callingPlanBringsPhoneSystem, voiceNeedsTeams } from './rules/prerequisites';
import { nothingToAddTwice } from './rules/redundancy';
import { callingPlanLeavesWithPhoneSystem, emptiedSkusGo, removeWhatIsAsked } from './rules/removal';

export { adviceAfterSuccess, CALLING_PLAN_LATENCY_HOURS } from './rules/advice';
export { askForPlan, communicationsCreditsSetUp, freeSeats } from './rules/holdings';
export { seatCounts } from './rules/seat-counts';
export { explanationParams, type ExplanationLocalizers } from './rules/explanation-params';

const ASSIGN_RULES: readonly Rule[] = [
  hybridUsersGetNoCallingPlan, // 1
  oneCallingPlanAtATime, // 7
  availableInUsageLocation, // 3
  nothingToAddTwice, // 6
  payPerMinuteNeedsCredits, // 4
  callingPlanBringsPhoneSystem, // 2
  voiceNeedsTeams, // 2: Teams, or a base licence
  creditsNeedConferencingOrCalling, // 5, once prerequisites are in
  fulfilAsks, // the cheapest correct change from what the tenant owns
  newCallingPlanReplacesHeldOne, // 7
  emptiedSkusGo, // a bundle whose calling plan was its last plan goes
  usageLocationIsSet, // 9
  seatsAreFree, // 8, on every SKU added, bundled ones included
];

const REMOVE_RULES: readonly Rule[] = [removeWhatIsAsked, callingPlanLeavesWithPhoneSystem, emptiedSkusGo];

export interface EvaluateOptions {
  /** Overrides what the tenant's subscribedSkus say about Communications Credits (a credits plan with enabled units). */
  readonly communicationsCreditsEnabled?: boolean;
}

export function evaluate(
  request: LicenseChangeRequest,
  user: UserFacts,
  tenant: TenantFacts,
  options: EvaluateOptions = {},
): Decision {
  const asks = unique(request.requested.map(canonicalAsk).filter(Boolean));
  const start = startDraft(user, tenant, options.communicationsCreditsEnabled ?? communicationsCreditsSetUp(tenant), asks);
  const rules = request.action === 'assign' ? ASSIGN_RULES : REMOVE_RULES;
  const done = rules.reduce(applyRule, start);
  return {
    outcome: outcomeOf(done),
    add: inDependencyOrder(done, done.add),
    remove: [...done.remove],
    planChanges: planChangesOf(done),
    notes: done.notes,
    ...(done.baseOptions ? { baseOptions: done.baseOptions } : {}),
  };
}

function outcomeOf(draft: Draft): Decision['outcome'] {
  if (draft.notes.some((note) => note.kind === 'refusal')) return 'refused';
  return draft.add.length === 0 && draft.remove.length === 0 && draft.enable.length === 0 && draft.disable.length === 0 ? 'noop' : 'proceed';
}

/** Teams-carrying SKUs first (the base), then Phone System, then the rest in the order asked (sort is stable). */
function inDependencyOrder(draft: Draft, partNumbers: readonly string[]): string[] {
  const rank = (partNumber: string): number => {
    const plans = skuPlans(draft.tenant, partNumber);
    if (gives(plans, 'teams')) return 0;
    return gives(plans, 'phoneSystem') && !gives(plans, 'callingPlan') ? 1 : 2;
  };
  return [...partNumbers].sort((a, b) => rank(a) - rank(b));
}

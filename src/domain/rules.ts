/**
 * The licensing rules of License Desk: a request plus what Graph says about the user and the tenant
 * becomes a Decision with reason codes. Pure and synchronous.
 *
 * Each rule is a small function in src/domain/rules/ that reads a draft and returns notes and changes;
 * they run in the fixed order below. A refused or redundant licence is withdrawn from the draft as soon
 * as a rule says so, so later rules derive nothing from it; every refusal is still collected.
 * On a refused decision, add/remove show what the rest of the request would change; nothing may be sent.
 */
import { findProduct } from './catalog';
import type { Decision, LicenseChangeRequest, TenantFacts, UserFacts } from './decision';
import { applyRule, type Draft, type Rule } from './rules/draft';
import {
  availableInUsageLocation,
  creditsNeedConferencingOrCalling,
  hybridUsersGetNoCallingPlan,
  oneCallingPlanAtATime,
  payPerMinuteNeedsCredits,
} from './rules/eligibility';
import { communicationsCreditsSetUp, normalizePartNumbers } from './rules/facts';
import { addOnsBringBaseLicence, callingPlanBringsPhoneSystem } from './rules/prerequisites';
import { newCallingPlanReplacesHeldOne } from './rules/calling-plan-change';
import { nothingToAddTwice } from './rules/redundancy';
import { seatsAreFree, usageLocationIsSet } from './rules/capacity';
import { callingPlanLeavesWithPhoneSystem, groupLicencesStay, removeOnlyWhatIsHeld } from './rules/removal';

export { adviceAfterSuccess, CALLING_PLAN_LATENCY_HOURS } from './rules/advice';
export { communicationsCreditsSetUp, freeSeats, seatCounts } from './rules/facts';
export { explanationParams, type ExplanationLocalizers } from './rules/explanation-params';

const ASSIGN_RULES: readonly Rule[] = [
  hybridUsersGetNoCallingPlan, // 1
  oneCallingPlanAtATime, // 7
  availableInUsageLocation, // 3
  nothingToAddTwice, // 6
  payPerMinuteNeedsCredits, // 4
  callingPlanBringsPhoneSystem, // 2
  addOnsBringBaseLicence, // 2
  creditsNeedConferencingOrCalling, // 5, once prerequisites are in
  newCallingPlanReplacesHeldOne, // 7
  usageLocationIsSet, // 9
  seatsAreFree, // 8, on everything added, bundled licences included
];

const REMOVE_RULES: readonly Rule[] = [removeOnlyWhatIsHeld, groupLicencesStay, callingPlanLeavesWithPhoneSystem];

export interface EvaluateOptions {
  /** Overrides what the tenant's subscribedSkus say about Communications Credits (MCOPSTNPP with enabled units). */
  readonly communicationsCreditsEnabled?: boolean;
}

export function evaluate(
  request: LicenseChangeRequest,
  user: UserFacts,
  tenant: TenantFacts,
  options: EvaluateOptions = {},
): Decision {
  const requested = normalizePartNumbers(request.requested);
  const start: Draft = {
    user,
    tenant,
    communicationsCreditsSetUp: options.communicationsCreditsEnabled ?? communicationsCreditsSetUp(tenant),
    add: request.action === 'assign' ? requested : [],
    remove: request.action === 'remove' ? requested : [],
    notes: [],
  };
  const rules = request.action === 'assign' ? ASSIGN_RULES : REMOVE_RULES;
  const done = rules.reduce(applyRule, start);
  return {
    outcome: outcomeOf(done),
    add: inDependencyOrder(done.add),
    remove: [...done.remove],
    notes: done.notes,
  };
}

function outcomeOf(draft: Draft): Decision['outcome'] {
  if (draft.notes.some((note) => note.kind === 'refusal')) return 'refused';
  return draft.add.length === 0 && draft.remove.length === 0 ? 'noop' : 'proceed';
}

const DEPENDENCY_ORDER: Readonly<Record<string, number>> = { base: 0, phoneSystem: 1 };

/** Base licence first, then Phone System, then the rest in the order asked (sort is stable). */
function inDependencyOrder(partNumbers: readonly string[]): string[] {
  const rank = (partNumber: string): number => DEPENDENCY_ORDER[findProduct(partNumber)?.family ?? ''] ?? 2;
  return [...partNumbers].sort((a, b) => rank(a) - rank(b));
}

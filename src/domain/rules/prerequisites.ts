/**
 * Rule 2, on service plans: what an ask needs comes in the same change, so one assignLicense call passes Graph's
 * dependency checks and the person can actually use what they get.
 * - A Calling Plan needs an enabled Phone System plan.
 * - Phone System, Calling Plans and Audio Conferencing need Teams (and the Skype base plan Graph checks). In order of
 *   cost: a plan switched off inside a SKU the person holds is turned on (no seat); a person on a suite without Teams
 *   gets the Teams add-on the tenant owns (Teams Enterprise); a person with no suite at all gets a base licence the
 *   tenant owns with free seats (the requester may pick another when there are several). Never a SKU the tenant has
 *   not bought.
 */
import { DEFAULT_BASE_LICENSE, isCallingPlanPlan, type Capability } from '../catalog';
import type { RuleNote } from '../decision';
import { candidates, hasFreeSeat, noCallingPlan, switchedOff } from './candidates';
import { askPlans, enabledBefore, isSkuAsk, type Draft, type PlanToggle, type Rule, type RuleResult } from './draft';
import { gives, isSuite, isTeamsBase, upper } from './holdings';
import { change, refusal } from './notes';

const PHONE_SYSTEM = 'MCOEV';

export const callingPlanBringsPhoneSystem: Rule = (draft) => {
  const plan = draft.asks.find((ask) => askPlans(draft, ask).some(isCallingPlanPlan));
  if (plan === undefined) return {};
  const there = new Set([...enabledBefore(draft), ...draft.asks.flatMap((ask) => askPlans(draft, ask))]);
  if (gives(there, 'phoneSystem')) return {};
  return {
    asks: [PHONE_SYSTEM],
    notes: [change('PHONE_SYSTEM_ADDED_FOR_CALLING_PLAN', { partNumber: PHONE_SYSTEM, requiredBy: plan })],
  };
};

const VOICE: readonly Capability[] = ['phoneSystem', 'callingPlan', 'audioConferencing'];

export const voiceNeedsTeams: Rule = (draft) => {
  const dependent = draft.asks.find((ask) => !isSkuAsk(ask) && VOICE.some((capability) => gives(askPlans(draft, ask), capability)));
  if (dependent === undefined) return {};
  const suiteAsks = draft.asks.filter(isSkuAsk);
  const there = new Set([...enabledBefore(draft), ...suiteAsks.flatMap((ask) => askPlans(draft, ask))]);
  if (gives(there, 'teams')) return skypeBase(draft, there, dependent);
  // The seeds' Skype for Business Online (Plan 2) on its own still counts as a base licence, as it did in 2018.
  const holdsSuite = draft.holdings.some((holding) => isSuite(holding.plans));
  if (gives(there, 'skypeBase') && !holdsSuite) return {};

  const teamsOff = switchedOff(draft.holdings, 'teams');
  if (teamsOff.length > 0) {
    const [first] = teamsOff as [PlanToggle];
    const baseOff = gives(there, 'skypeBase') ? [] : switchedOff(draft.holdings, 'skypeBase').filter((t) => t.partNumber === first.partNumber);
    return {
      enable: [...teamsOff, ...baseOff],
      notes: [change('PLAN_TURNED_ON', { partNumber: first.plan, in: first.partNumber, requiredBy: dependent })],
    };
  }

  const suite = draft.holdings.find((holding) => isSuite(holding.plans));
  if (suite !== undefined) {
    const teamsAddOns = candidates(draft, (plans) => gives(plans, 'teams') && !isTeamsBase(plans) && noCallingPlan(plans));
    const [addOn] = teamsAddOns;
    if (addOn === undefined) {
      const voiceAsks = draft.asks.filter((ask) => VOICE.some((capability) => gives(askPlans(draft, ask), capability)));
      return { notes: [refusal('TEAMS_NEEDED', { partNumber: dependent, holding: suite.partNumber })], withdraw: voiceAsks };
    }
    return { add: [addOn], notes: [change('TEAMS_ADDED', { partNumber: addOn, requiredBy: dependent, holding: suite.partNumber })] };
  }

  // Free seats first; among those the seeds' E3 when the tenant has it, then the cheapest (candidates' order).
  const isDefault = (partNumber: string): number => Number(upper(partNumber) === DEFAULT_BASE_LICENSE);
  const bases = candidates(draft, (plans) => isTeamsBase(plans) && noCallingPlan(plans)).sort(
    (a, b) => Number(hasFreeSeat(draft, b)) - Number(hasFreeSeat(draft, a)) || isDefault(b) - isDefault(a),
  );
  const [base] = bases;
  // No suite with Teams owned: the ask's own base licence is named, so the seats rule says it is not purchased.
  const proposed = base ?? DEFAULT_BASE_LICENSE;
  const withSeats = bases.filter((partNumber) => hasFreeSeat(draft, partNumber));
  return {
    add: [proposed],
    notes: [change('BASE_LICENSE_ADDED', { partNumber: proposed, requiredBy: dependent })],
    ...(withSeats.length > 1 ? { baseOptions: withSeats } : {}),
  };
};

/** Teams is there; Graph also wants the Skype base plan it rides on, which may be switched off inside the suite. */
function skypeBase(draft: Draft, there: ReadonlySet<string>, dependent: string): RuleResult {
  if (gives(there, 'skypeBase')) return {};
  const off = switchedOff(draft.holdings, 'skypeBase');
  const [first] = off;
  if (first === undefined) return {};
  const notes: RuleNote[] = [change('PLAN_TURNED_ON', { partNumber: first.plan, in: first.partNumber, requiredBy: dependent })];
  return { enable: off, notes };
}

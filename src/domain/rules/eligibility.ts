/**
 * Rules that refuse an ask outright, restated on service plans: hybrid users (1), Calling Plans two at a time (7),
 * country availability (3), pay-per-minute conferencing without Communications Credits (4), and Communications
 * Credits without conferencing or calling (5). A refused ask is withdrawn so that later rules derive nothing from it.
 */
import { DEFAULT_CALLING_PLAN, isCallingPlanPlan, planUnavailableIn } from '../catalog';
import type { RuleNote } from '../decision';
import { askPlans, enabledBefore, type Rule } from './draft';
import { gives, usageLocationOf } from './holdings';
import { refusal } from './notes';

const PHONE_SYSTEM = 'MCOEV';

const asksCallingPlan = (draft: Parameters<Rule>[0], ask: string): boolean => askPlans(draft, ask).some(isCallingPlanPlan);

/** Rule 1: a hybrid user (on-premises PSTN) gets Phone System only, never a Calling Plan plan, whatever SKU carries it. */
export const hybridUsersGetNoCallingPlan: Rule = (draft) => {
  if (!draft.user.isHybridPstn) return {};
  const plans = draft.asks.filter((ask) => asksCallingPlan(draft, ask));
  const phoneSystemThere =
    gives(enabledBefore(draft), 'phoneSystem') ||
    draft.asks.some((ask) => !plans.includes(ask) && gives(askPlans(draft, ask), 'phoneSystem'));
  const offer: Record<string, string> = phoneSystemThere ? {} : { alternative: PHONE_SYSTEM };
  return {
    notes: plans.map((partNumber) => refusal('HYBRID_PSTN_NO_CALLING_PLAN', { partNumber, ...offer })),
    withdraw: plans,
  };
};

/** Rule 7 (first half): Calling Plans exclude each other, so asking for two at once needs a choice. */
export const oneCallingPlanAtATime: Rule = (draft) => {
  const [first, second, ...rest] = draft.asks.filter((ask) => asksCallingPlan(draft, ask));
  if (first === undefined || second === undefined) return {};
  return {
    notes: [refusal('MULTIPLE_CALLING_PLANS', { partNumber: first, other: second })],
    withdraw: [first, second, ...rest],
  };
};

/** Rule 3: some plans cannot be assigned where the user's usage location is (the 120- and 240-minute plans in the US). */
export const availableInUsageLocation: Rule = (draft) => {
  const country = usageLocationOf(draft.user);
  if (!country) return {};
  const unavailable = draft.asks.filter((ask) => askPlans(draft, ask).some((plan) => planUnavailableIn(plan, country)));
  const notes: RuleNote[] = unavailable.map((partNumber) =>
    refusal('NOT_AVAILABLE_IN_COUNTRY', {
      partNumber,
      country,
      ...(asksCallingPlan(draft, partNumber) ? { alternative: DEFAULT_CALLING_PLAN } : {}),
    }),
  );
  return { notes, withdraw: unavailable };
};

/** Rule 4: Audio Conferencing Pay Per Minute is billed from Communications Credits, which must be set up. */
export const payPerMinuteNeedsCredits: Rule = (draft) => {
  if (draft.communicationsCreditsSetUp) return {};
  const payPerMinute = draft.asks.filter((ask) => askPlans(draft, ask).includes('MCOMEETACPEA'));
  return {
    notes: payPerMinute.map((partNumber) => refusal('COMMUNICATIONS_CREDITS_NOT_SET_UP', { partNumber })),
    withdraw: payPerMinute,
  };
};

/**
 * Rule 5: Communications Credits are useful only with Audio Conferencing, or with Phone System plus a Calling Plan,
 * enabled already or asked for in the same change. Runs after prerequisites are in.
 */
export const creditsNeedConferencingOrCalling: Rule = (draft) => {
  const credits = draft.asks.filter((ask) => gives(askPlans(draft, ask), 'communicationsCredits'));
  if (credits.length === 0) return {};
  const after = new Set([...enabledBefore(draft), ...draft.asks.flatMap((ask) => askPlans(draft, ask))]);
  if (gives(after, 'audioConferencing') || (gives(after, 'phoneSystem') && gives(after, 'callingPlan'))) return {};
  return {
    notes: credits.map((partNumber) => refusal('COMMUNICATIONS_CREDITS_NEED_CONFERENCING_OR_CALLING', { partNumber })),
    withdraw: credits,
  };
};

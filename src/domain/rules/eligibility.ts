/**
 * Rules that refuse a requested licence outright: hybrid users (1), Calling Plans two at a time (7),
 * country availability (3), pay-per-minute conferencing without Communications Credits (4), and
 * Communications Credits without conferencing or calling (5). A refused licence is withdrawn from the
 * draft so that later rules derive nothing from it.
 */
import { DEFAULT_CALLING_PLAN, findProduct } from '../catalog';
import type { RuleNote } from '../decision';
import { holdingsAfter, type Rule } from './draft';
import {
  COMMUNICATIONS_CREDITS,
  PAY_PER_MINUTE_CONFERENCING,
  PHONE_SYSTEM,
  heldPartNumbers,
  isCallingPlan,
  providerOf,
  usageLocationOf,
} from './facts';
import { refusal } from './notes';

/** Rule 1: a hybrid user (on-premises PSTN) gets Phone System only, never a Calling Plan. */
export const hybridUsersGetNoCallingPlan: Rule = (draft) => {
  if (!draft.user.isHybridPstn) return {};
  const plans = draft.add.filter(isCallingPlan);
  const hasPhoneSystem = providerOf([...heldPartNumbers(draft.user), ...draft.add], 'phoneSystem') !== undefined;
  const offer: Record<string, string> = hasPhoneSystem ? {} : { alternative: PHONE_SYSTEM };
  return {
    notes: plans.map((partNumber) => refusal('HYBRID_PSTN_NO_CALLING_PLAN', { partNumber, ...offer })),
    withdraw: plans,
  };
};

/** Rule 7 (first half): Calling Plans exclude each other, so asking for two at once needs a choice. */
export const oneCallingPlanAtATime: Rule = (draft) => {
  const [first, second, ...rest] = draft.add.filter(isCallingPlan);
  if (first === undefined || second === undefined) return {};
  return {
    notes: [refusal('MULTIPLE_CALLING_PLANS', { partNumber: first, other: second })],
    withdraw: [first, second, ...rest],
  };
};

/** Rule 3: some plans cannot be assigned where the user's usage location is (MCOPSTN5/6 in the US). */
export const availableInUsageLocation: Rule = (draft) => {
  const country = usageLocationOf(draft.user);
  if (!country) return {};
  const unavailable = draft.add.filter((partNumber) => findProduct(partNumber)?.unavailableIn?.includes(country));
  const notes: RuleNote[] = unavailable.map((partNumber) =>
    refusal('NOT_AVAILABLE_IN_COUNTRY', {
      partNumber,
      country,
      ...(isCallingPlan(partNumber) ? { alternative: DEFAULT_CALLING_PLAN } : {}),
    }),
  );
  return { notes, withdraw: unavailable };
};

/** Rule 4: Audio Conferencing Pay Per Minute is billed from Communications Credits, which must be set up. */
export const payPerMinuteNeedsCredits: Rule = (draft) => {
  if (draft.communicationsCreditsSetUp || !draft.add.includes(PAY_PER_MINUTE_CONFERENCING)) return {};
  return {
    notes: [refusal('COMMUNICATIONS_CREDITS_NOT_SET_UP', { partNumber: PAY_PER_MINUTE_CONFERENCING })],
    withdraw: [PAY_PER_MINUTE_CONFERENCING],
  };
};

/**
 * Rule 5: a Communications Credits licence is useful only with Audio Conferencing, or with Phone System
 * plus a Calling Plan, held or arriving in the same change. Runs after prerequisites are added.
 */
export const creditsNeedConferencingOrCalling: Rule = (draft) => {
  if (!draft.add.includes(COMMUNICATIONS_CREDITS)) return {};
  const after = holdingsAfter(draft);
  const conferencing = providerOf(after, 'audioConferencing') !== undefined;
  const calling = providerOf(after, 'phoneSystem') !== undefined && after.some(isCallingPlan);
  if (conferencing || calling) return {};
  return {
    notes: [refusal('COMMUNICATIONS_CREDITS_NEED_CONFERENCING_OR_CALLING', { partNumber: COMMUNICATIONS_CREDITS })],
    withdraw: [COMMUNICATIONS_CREDITS],
  };
};

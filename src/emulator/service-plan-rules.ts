/**
 * The service-plan rules Microsoft's licensing service enforces on assignLicense, for the Teams voice
 * plans sold today (and the 2018 ones). Rules are keyed by servicePlanName so that they hold for any
 * tenant file, whatever its skuIds; the error messages then name the tenant's servicePlanIds, as Graph does.
 * The rules are checked on the user's final set of enabled plans (every held SKU's servicePlans minus its
 * disabledPlans, direct and group-based), so a change that only disables a plan inside a held SKU is checked
 * as well as one that adds or removes a SKU.
 */

/** Calling Plan service plans: 2018's, the 240-minute and pay-as-you-go ones, GCC's and Australia's. */
export const CALLING_PLAN_PLANS = [
  'MCOPSTN1',
  'MCOPSTN2',
  'MCOPSTN5',
  'MCOPSTN6',
  'MCOPSTN8',
  'MCOPSTN3',
  'MCOPSTN_PAYG_1',
  'MCOPSTN1_GOV',
  'MCOPSTNEAU',
] as const;

/** Phone System (Teams Phone Standard) plans: commercial, GCC, small business. */
export const PHONE_SYSTEM_PLANS = ['MCOEV', 'MCOEV_GOV', 'MCOEVSMB'] as const;

/**
 * The Skype for Business Online / Teams base plans, in the order an error message prefers them:
 * E1/E3/E5 and Skype Plan 2 carry MCOSTANDARD; Teams Enterprise and Business Basic carry MCOIMP.
 */
export const BASE_PLANS = ['MCOSTANDARD', 'MCOSTANDARD_GOV', 'MCOIMP', 'MCOIMP_GOV', 'MCOLITE', 'MCOSTANDARD_MIDMARKET'] as const;

/** Plans of which a user may hold at most one (distinct names) at a time. */
export const MUTUALLY_EXCLUSIVE_PLANS: readonly (readonly string[])[] = [
  CALLING_PLAN_PLANS,
  ['EXCHANGE_S_STANDARD', 'EXCHANGE_S_ENTERPRISE'],
  ['SHAREPOINTSTANDARD', 'SHAREPOINTENTERPRISE'],
];

/**
 * plan → requirements; each requirement is satisfied by any one of its plans.
 * Phone System and Audio Conferencing ride on a Teams/Skype base plan; a Calling Plan needs Phone System
 * (and so, through it, the base plan).
 */
export const PLAN_DEPENDENCIES: Readonly<Record<string, readonly (readonly string[])[]>> = {
  MCOEV: [BASE_PLANS],
  MCOMEETADV: [BASE_PLANS],
  MCOMEETACPEA: [BASE_PLANS],
  MCOMEETBASIC: [BASE_PLANS],
  ...Object.fromEntries(CALLING_PLAN_PLANS.map((plan) => [plan, [PHONE_SYSTEM_PLANS]])),
};

export interface EnabledPlan {
  readonly servicePlanId: string;
  readonly servicePlanName: string;
}

export type PlanViolation =
  | { readonly kind: 'mutuallyExclusive'; readonly planIds: readonly string[] }
  | { readonly kind: 'dependency'; readonly planId: string; readonly requiredPlanNames: readonly string[] };

/** The first rule the final set of enabled plans breaks, if any (exclusions before dependencies). */
export function findPlanViolation(enabled: readonly EnabledPlan[]): PlanViolation | undefined {
  const names = new Set(enabled.map((plan) => plan.servicePlanName));
  for (const exclusive of MUTUALLY_EXCLUSIVE_PLANS) {
    const clashing = enabled.filter((plan) => exclusive.includes(plan.servicePlanName));
    const distinct = [...new Map(clashing.map((plan) => [plan.servicePlanName, plan.servicePlanId])).values()];
    if (distinct.length > 1) return { kind: 'mutuallyExclusive', planIds: distinct };
  }
  for (const plan of enabled) {
    const unmet = (PLAN_DEPENDENCIES[plan.servicePlanName] ?? []).find((anyOf) => !anyOf.some((name) => names.has(name)));
    if (unmet) return { kind: 'dependency', planId: plan.servicePlanId, requiredPlanNames: unmet };
  }
  return undefined;
}

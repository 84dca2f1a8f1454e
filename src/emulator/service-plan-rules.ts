/**
 * The service-plan rules Microsoft's licensing service enforces on assignLicense, reduced to the plans
 * of the catalog. Rules are keyed by servicePlanName so that they hold for any tenant file, whatever
 * its skuIds; the error messages then name the tenant's servicePlanIds, as Graph does.
 */

/** Plans of which a user may hold at most one (distinct names) at a time. */
export const MUTUALLY_EXCLUSIVE_PLANS: readonly (readonly string[])[] = [
  ['MCOPSTN1', 'MCOPSTN2', 'MCOPSTN5', 'MCOPSTN6'],
  ['EXCHANGE_S_STANDARD', 'EXCHANGE_S_ENTERPRISE'],
  ['SHAREPOINTSTANDARD', 'SHAREPOINTENTERPRISE'],
];

const BASE_PLANS = ['MCOSTANDARD'] as const;
const PHONE_SYSTEM_PLANS = ['MCOEV'] as const;

/**
 * plan → requirements; each requirement is satisfied by any one of its plans.
 * Phone System, Audio Conferencing and Calling Plans ride on the Teams/Skype base plan that E1, E3,
 * E5 and Skype for Business Online (Plan 2) carry; a Calling Plan also needs Phone System.
 */
export const PLAN_DEPENDENCIES: Readonly<Record<string, readonly (readonly string[])[]>> = {
  MCOEV: [BASE_PLANS],
  MCOMEETADV: [BASE_PLANS],
  MCOMEETACPEA: [BASE_PLANS],
  MCOPSTN1: [PHONE_SYSTEM_PLANS, BASE_PLANS],
  MCOPSTN2: [PHONE_SYSTEM_PLANS, BASE_PLANS],
  MCOPSTN5: [PHONE_SYSTEM_PLANS, BASE_PLANS],
  MCOPSTN6: [PHONE_SYSTEM_PLANS, BASE_PLANS],
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

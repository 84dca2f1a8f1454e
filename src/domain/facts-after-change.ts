/**
 * What a user holds and what the tenant has left once Graph has accepted a licence change, worked out from the facts
 * read just before it: the change's licences are added as direct assignments, removed ones are gone unless a group
 * still gives them, and a seat is taken for each licence the user did not hold and given back for each one they no
 * longer hold. The writer knows both, so the final card and the requester's next steps need no further Graph read.
 * Pure.
 */
import type { HeldLicense, PlanChange, TenantFacts, UserFacts } from './decision';

export interface FactsAfterChange {
  readonly user: UserFacts;
  readonly tenant: TenantFacts;
}

export interface AppliedChange {
  /** Part numbers assigned by this change (ones the user did not hold). */
  readonly add: readonly string[];
  /** Part numbers whose direct assignment this change removed. */
  readonly remove: readonly string[];
  /** Plans turned on or off inside held SKUs (no seat taken or given back). */
  readonly planChanges?: readonly PlanChange[];
}

export function factsAfterChange(before: FactsAfterChange, change: AppliedChange): FactsAfterChange {
  const adding = new Set(change.add.map(upper));
  const removing = new Set(change.remove.map(upper));
  const kept = before.user.licenses.flatMap((license) => {
    if (!removing.has(upper(license.partNumber))) return [withPlanChanges(license, change.planChanges ?? [])];
    // A licence a group gives stays, only no longer assigned directly.
    return license.inheritedFrom.length > 0 ? [{ ...license, assignedDirectly: false }] : [];
  });
  const heldBefore = new Set(before.user.licenses.map((license) => upper(license.partNumber)));
  const added = [...adding].filter((part) => !heldBefore.has(part)).map((partNumber) => ({ partNumber, assignedDirectly: true, inheritedFrom: [] }));
  const heldAfter = new Set([...kept, ...added].map((license) => upper(license.partNumber)));
  const seatChange = (part: string): number => Number(heldAfter.has(part)) - Number(heldBefore.has(part));
  return {
    user: { ...before.user, licenses: [...kept, ...added] },
    tenant: { skus: before.tenant.skus.map((sku) => ({ ...sku, consumed: sku.consumed + seatChange(upper(sku.partNumber)) })) },
  };
}

function withPlanChanges(license: HeldLicense, changes: readonly PlanChange[]): HeldLicense {
  const changed = changes.find((planChange) => upper(planChange.partNumber) === upper(license.partNumber));
  if (!changed) return license;
  const on = new Set(changed.enable.map(upper));
  const disabledPlans = [...(license.disabledPlans ?? []).filter((plan) => !on.has(upper(plan))), ...changed.disable.map(upper)];
  return { ...license, disabledPlans };
}

function upper(partNumber: string): string {
  return partNumber.toUpperCase();
}

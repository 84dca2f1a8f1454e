/**
 * Are the services of the licences a request added active yet? Graph assigns a licence at once, but the
 * services behind it (a Calling Plan in Teams can take up to 24 hours) are provisioned later. A licence is
 * active when its licenseAssignmentState is "Active" and every one of its service plans that is not disabled
 * shows in assignedPlans as "Enabled".
 */
import type { ProvisioningSnapshot } from './provisioning-reader';

export interface LicenceProvisioning {
  readonly partNumber: string;
  /** licenseAssignmentState.state, or null when Graph lists no state for the SKU yet. */
  readonly state: string | null;
  readonly error: string | null;
  /** Service plans not yet enabled. */
  readonly pendingPlans: number;
  readonly active: boolean;
}

export interface ProvisioningStatus {
  readonly active: boolean;
  readonly licences: readonly LicenceProvisioning[];
}

export function provisioningStatus(partNumbers: readonly string[], snapshot: ProvisioningSnapshot): ProvisioningStatus {
  const enabled = new Set(snapshot.assignedPlans.filter((plan) => plan.capabilityStatus === 'Enabled').map((plan) => plan.servicePlanId));
  const licences = partNumbers.map((partNumber): LicenceProvisioning => {
    const sku = snapshot.skus.find((candidate) => candidate.skuPartNumber.toUpperCase() === partNumber.toUpperCase());
    const states = sku ? snapshot.licenseAssignmentStates.filter((state) => state.skuId === sku.skuId) : [];
    const activeState = states.find((state) => state.state === 'Active');
    const shown = activeState ?? states[0];
    const disabled = new Set(activeState?.disabledPlans ?? []);
    const pendingPlans = (sku?.servicePlanIds ?? []).filter((plan) => !disabled.has(plan) && !enabled.has(plan)).length;
    return {
      partNumber,
      state: shown?.state ?? null,
      error: shown?.error && shown.error !== 'None' ? shown.error : null,
      pendingPlans,
      active: Boolean(sku && activeState && pendingPlans === 0),
    };
  });
  return { active: licences.every((licence) => licence.active), licences };
}

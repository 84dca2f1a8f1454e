/**
 * Reads what Graph reports about a user's services after a licence was assigned: the user's assignedPlans
 * (one per enabled service plan, with its capabilityStatus) and licenseAssignmentStates (one per SKU, with its
 * state: Active, ActiveWithError, Disabled, Error), plus the service plans each SKU contains (subscribedSkus).
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import { classifyGraphError } from '../../graph/graph-errors';

export interface AssignedPlanView {
  readonly servicePlanId: string;
  readonly capabilityStatus: string;
  readonly service: string | null;
}

export interface AssignmentStateView {
  readonly skuId: string;
  readonly state: string | null;
  readonly error: string | null;
  readonly disabledPlans: readonly string[];
}

export interface SkuPlansView {
  readonly skuId: string;
  readonly skuPartNumber: string;
  /** Service plans that apply to users. */
  readonly servicePlanIds: readonly string[];
}

export interface ProvisioningSnapshot {
  readonly assignedPlans: readonly AssignedPlanView[];
  readonly licenseAssignmentStates: readonly AssignmentStateView[];
  readonly skus: readonly SkuPlansView[];
}

export interface ProvisioningSource {
  read(userId: string): Promise<ProvisioningSnapshot>;
}

type Json = Record<string, unknown>;
const list = (value: unknown): Json[] => (Array.isArray(value) ? (value as Json[]) : []);
const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const lower = (value: unknown): string => String(value ?? '').toLowerCase();

export class ProvisioningReader implements ProvisioningSource {
  constructor(private readonly client: Client) {}

  async read(userId: string): Promise<ProvisioningSnapshot> {
    try {
      const [user, skus] = await Promise.all([
        this.client.api(`/users/${encodeURIComponent(userId)}`).select('id,assignedPlans,licenseAssignmentStates').get() as Promise<Json>,
        this.client.api('/subscribedSkus').select('skuId,skuPartNumber,servicePlans').get() as Promise<{ value?: unknown }>,
      ]);
      return {
        assignedPlans: list(user.assignedPlans).map((plan) => ({
          servicePlanId: lower(plan.servicePlanId),
          capabilityStatus: String(plan.capabilityStatus ?? ''),
          service: text(plan.service),
        })),
        licenseAssignmentStates: list(user.licenseAssignmentStates).map((state) => ({
          skuId: lower(state.skuId),
          state: text(state.state),
          error: text(state.error),
          disabledPlans: list(state.disabledPlans).map(lower),
        })),
        skus: list(skus.value).map((sku) => ({
          skuId: lower(sku.skuId),
          skuPartNumber: String(sku.skuPartNumber ?? ''),
          servicePlanIds: list(sku.servicePlans)
            .filter((plan) => plan.appliesTo === undefined || plan.appliesTo === null || plan.appliesTo === 'User')
            .map((plan) => lower(plan.servicePlanId)),
        })),
      };
    } catch (error) {
      throw classifyGraphError(error);
    }
  }
}

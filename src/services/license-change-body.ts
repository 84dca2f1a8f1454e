/**
 * The assignLicense body that brings a person from what they hold now to what a request asks, computed from a fresh
 * read: SKUs still missing are added, SKUs still held are removed, and a plan change re-adds the held SKU with its new
 * disabledPlans (Graph replaces the list; no seat is used). What is already as asked is left out, so applying the same
 * request twice writes nothing the second time.
 */
import type { PlanChange, UserFacts } from '../domain/decision';
import type { DirectorySku, LicenseAssignment } from '../ports';
import { planIds } from './license-facts';

export interface WantedChange {
  readonly add: readonly string[];
  readonly remove: readonly string[];
  readonly planChanges?: readonly PlanChange[];
}

export interface ChangeStillToMake {
  /** Part numbers still to add and remove, and the plan changes still to make. */
  readonly add: string[];
  readonly remove: string[];
  readonly planChanges: PlanChange[];
  readonly body: LicenseAssignment;
  /** A part number the tenant no longer has (its skuId cannot be found). */
  readonly missingSku?: string;
}

const same = (a: string, b: string): boolean => a.toUpperCase() === b.toUpperCase();

export function changeStillToMake(wanted: WantedChange, user: UserFacts, skus: readonly DirectorySku[]): ChangeStillToMake {
  const held = (partNumber: string) => user.licenses.find((license) => same(license.partNumber, partNumber));
  const skuOf = (partNumber: string) => skus.find((sku) => same(sku.skuPartNumber, partNumber));
  const add = wanted.add.filter((partNumber) => !held(partNumber));
  const remove = wanted.remove.filter((partNumber) => held(partNumber)?.assignedDirectly);
  const planChanges: PlanChange[] = [];
  const toggled: { skuId: string; disabledPlans: string[] }[] = [];
  for (const change of wanted.planChanges ?? []) {
    const license = held(change.partNumber);
    const sku = skuOf(change.partNumber);
    if (!license || !sku) continue;
    const disabledNow = new Set((license.disabledPlans ?? []).map((plan) => plan.toUpperCase()));
    const enable = change.enable.filter((plan) => disabledNow.has(plan.toUpperCase()));
    const disable = change.disable.filter((plan) => !disabledNow.has(plan.toUpperCase()));
    if (enable.length === 0 && disable.length === 0) continue;
    const disabledAfter = [...[...disabledNow].filter((plan) => !enable.some((on) => same(on, plan))), ...disable];
    planChanges.push({ partNumber: change.partNumber, enable, disable });
    toggled.push({ skuId: sku.skuId, disabledPlans: planIds(sku, disabledAfter) });
  }
  const missingSku = [...add, ...remove].find((partNumber) => !skuOf(partNumber));
  const body: LicenseAssignment = {
    addLicenses: [
      ...add.flatMap((partNumber) => {
        const sku = skuOf(partNumber);
        return sku ? [{ skuId: sku.skuId, disabledPlans: [] }] : [];
      }),
      ...toggled,
    ],
    removeLicenses: remove.flatMap((partNumber) => {
      const sku = skuOf(partNumber);
      return sku ? [sku.skuId] : [];
    }),
  };
  return { add, remove, planChanges, body, ...(missingSku ? { missingSku } : {}) };
}

export function nothingToDo(change: ChangeStillToMake): boolean {
  return change.add.length === 0 && change.remove.length === 0 && change.planChanges.length === 0;
}

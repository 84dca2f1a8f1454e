/**
 * The working state the rules pass along. Each rule reads a draft and returns what it wants changed; the pipeline
 * applies the results in a fixed order, so rules stay pure and small.
 *
 * `asks` are what is still wanted (catalog keys or SKU part numbers); the fulfilment rule turns them into a change:
 * SKUs to add or remove, and plans to turn on or off inside SKUs the person holds.
 */
import { findProduct } from '../catalog';
import type { PlanChange, RuleNote, TenantFacts, UserFacts } from '../decision';
import { enabledPlansOf, holdingsOf, skuPlans, unique, upper, type Holding } from './holdings';

export interface PlanToggle {
  readonly partNumber: string;
  readonly plan: string;
}

export interface Draft {
  readonly user: UserFacts;
  readonly tenant: TenantFacts;
  readonly holdings: readonly Holding[];
  readonly communicationsCreditsSetUp: boolean;
  readonly asks: readonly string[];
  readonly add: readonly string[];
  readonly remove: readonly string[];
  readonly enable: readonly PlanToggle[];
  readonly disable: readonly PlanToggle[];
  readonly notes: readonly RuleNote[];
  readonly baseOptions?: readonly string[];
}

export interface RuleResult {
  readonly notes?: readonly RuleNote[];
  /** Asks added (prerequisites). */
  readonly asks?: readonly string[];
  /** Asks taken out: refused or nothing to do. */
  readonly withdraw?: readonly string[];
  readonly add?: readonly string[];
  readonly remove?: readonly string[];
  readonly enable?: readonly PlanToggle[];
  readonly disable?: readonly PlanToggle[];
  readonly baseOptions?: readonly string[];
}

export type Rule = (draft: Draft) => RuleResult;

export function startDraft(user: UserFacts, tenant: TenantFacts, communicationsCreditsSetUp: boolean, asks: readonly string[]): Draft {
  return { user, tenant, holdings: holdingsOf(user, tenant), communicationsCreditsSetUp, asks, add: [], remove: [], enable: [], disable: [], notes: [] };
}

const sameToggle = (a: PlanToggle, b: PlanToggle): boolean => upper(a.partNumber) === upper(b.partNumber) && a.plan === b.plan;
const mergeToggles = (a: readonly PlanToggle[], b: readonly PlanToggle[] = []): PlanToggle[] =>
  [...a, ...b.filter((toggle) => !a.some((existing) => sameToggle(existing, toggle)))];

export function applyRule(draft: Draft, rule: Rule): Draft {
  const result = rule(draft);
  const withdrawn = new Set(result.withdraw ?? []);
  return {
    ...draft,
    asks: unique([...draft.asks.filter((ask) => !withdrawn.has(ask)), ...(result.asks ?? [])]),
    add: unique([...draft.add, ...(result.add ?? [])]),
    remove: unique([...draft.remove, ...(result.remove ?? [])]),
    enable: mergeToggles(draft.enable, result.enable),
    disable: mergeToggles(draft.disable, result.disable),
    notes: [...draft.notes, ...(result.notes ?? [])],
    ...(result.baseOptions ? { baseOptions: result.baseOptions } : {}),
  };
}

/** The plans an ask wants enabled: a capability ask's plans, or every plan of the SKU asked for. */
export function askPlans(draft: Pick<Draft, 'tenant'>, ask: string): string[] {
  return (findProduct(ask)?.plans ?? skuPlans(draft.tenant, ask)).map(upper);
}

/** A SKU ask names one SKU; a capability ask is satisfied by a plan from any SKU. */
export function isSkuAsk(ask: string): boolean {
  return findProduct(ask)?.plans === undefined;
}

export function enabledBefore(draft: Draft): Set<string> {
  return new Set(draft.holdings.flatMap(enabledPlansOf));
}

/** Each SKU the person would hold once the draft is applied, with the plans enabled in it. */
export function sourcesAfter(draft: Draft): { partNumber: string; enabled: string[] }[] {
  const removed = new Set(draft.remove.map(upper));
  const toggled = (holding: Holding): string[] => {
    const on = draft.enable.filter((toggle) => upper(toggle.partNumber) === upper(holding.partNumber)).map((toggle) => toggle.plan);
    const off = draft.disable.filter((toggle) => upper(toggle.partNumber) === upper(holding.partNumber)).map((toggle) => toggle.plan);
    return holding.plans.filter((plan) => (!holding.disabled.has(plan) || on.includes(plan)) && !off.includes(plan));
  };
  const held = draft.holdings
    // A SKU that comes from a group stays whatever a direct removal does.
    .filter((holding) => !removed.has(upper(holding.partNumber)) || holding.blockingGroups !== undefined)
    .map((holding) => ({ partNumber: holding.partNumber, enabled: toggled(holding) }));
  const heldNames = new Set(draft.holdings.map((holding) => upper(holding.partNumber)));
  const added = draft.add
    .filter((partNumber) => !heldNames.has(upper(partNumber)))
    .map((partNumber) => ({ partNumber, enabled: skuPlans(draft.tenant, partNumber) }));
  return [...held, ...added];
}

export function enabledAfter(draft: Draft): Set<string> {
  return new Set(sourcesAfter(draft).flatMap((source) => source.enabled));
}

/** The draft's plan toggles as one change per SKU. */
export function planChangesOf(draft: Draft): PlanChange[] {
  const removed = new Set(draft.remove.map(upper));
  const skus = unique([...draft.enable, ...draft.disable].map((toggle) => toggle.partNumber)).filter((partNumber) => !removed.has(upper(partNumber)));
  return skus.map((partNumber) => ({
    partNumber,
    enable: draft.enable.filter((toggle) => toggle.partNumber === partNumber).map((toggle) => toggle.plan),
    disable: draft.disable.filter((toggle) => toggle.partNumber === partNumber).map((toggle) => toggle.plan),
  }));
}

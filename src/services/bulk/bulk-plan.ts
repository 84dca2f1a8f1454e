/**
 * What the licensing rules say for one user of a bulk job: a change to write, nothing to do, or a
 * refusal. The same evaluate() as a single request; a partly refused user is refused whole, as a
 * single request would be.
 */
import type { LicenseAction, PlanChange, RuleNote, TenantFacts, UserFacts } from '../../domain/decision';
import { evaluate } from '../../domain/rules';

export type UserPlan =
  | { readonly kind: 'change'; readonly add: readonly string[]; readonly remove: readonly string[]; readonly planChanges: readonly PlanChange[] }
  | { readonly kind: 'nothing'; readonly reasonCode: string; readonly params: RuleNote['params'] }
  | { readonly kind: 'refused'; readonly reasonCode: string; readonly params: RuleNote['params'] };

export function planUser(action: LicenseAction, requested: readonly string[], user: UserFacts, tenant: TenantFacts): UserPlan {
  const decision = evaluate({ action, requested }, user, tenant);
  const first = (kind: RuleNote['kind']) => decision.notes.find((note) => note.kind === kind);
  if (decision.outcome === 'refused') {
    const refusal = first('refusal');
    return { kind: 'refused', reasonCode: refusal?.code ?? 'GRAPH_UNKNOWN', params: refusal?.params ?? {} };
  }
  if (decision.outcome === 'noop') {
    const noop = first('noop');
    return { kind: 'nothing', reasonCode: noop?.code ?? 'BULK_NOTHING_TO_DO', params: noop?.params ?? {} };
  }
  return { kind: 'change', add: decision.add, remove: decision.remove, planChanges: decision.planChanges };
}

/** Part numbers a plan would write that the approved job does not cover. */
export function outsideApproved(plan: { readonly add: readonly string[]; readonly remove: readonly string[] }, approved: readonly string[]): string[] {
  const allowed = new Set(approved.map((part) => part.toUpperCase()));
  return [...plan.add, ...plan.remove].filter((part) => !allowed.has(part.toUpperCase()));
}

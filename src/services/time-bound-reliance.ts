/**
 * A request may rely on a licence that a time-bound grant gave and that will be removed at its end: a Calling Plan
 * asked for while Phone System is held for two weeks only. The approver should know (the approval card says so), and
 * at the end the removal is held for the admins (lifecycle/licence-end.ts). What relies on what is the removal rules'
 * own answer: would removing the grant's licences, once this request's change is in, take part of this change?
 *
 * The reliance travels with the stored request as an extra property (`reliesOnTimeBound`), read through this module
 * only, so the domain's LicenseRequest stays as it is.
 */
import { factsAfterChange, type FactsAfterChange } from '../domain/facts-after-change';
import type { LicenseRequest } from '../domain/request';
import { evaluate } from '../domain/rules';

/** A licence held through a time-bound grant, and when that grant ends. */
export interface TimeBoundBasis {
  readonly partNumber: string;
  readonly endsAt: string;
}

/** A completed time-bound grant still in force: what it added and when it ends. */
export interface TimeBoundGrant {
  readonly add: readonly string[];
  readonly endsAt: string;
}

export function relianceOn(grants: readonly TimeBoundGrant[], change: { readonly add: readonly string[]; readonly remove: readonly string[] }, before: FactsAfterChange): TimeBoundBasis[] {
  if (change.add.length === 0) return [];
  const after = factsAfterChange(before, change);
  const held = new Set(after.user.licenses.map((license) => license.partNumber));
  const basis: TimeBoundBasis[] = [];
  for (const grant of grants) {
    const ending = grant.add.filter((part) => held.has(part) && !change.add.includes(part));
    if (ending.length === 0) continue;
    const removal = evaluate({ action: 'remove', requested: ending }, after.user, after.tenant);
    if (removal.outcome !== 'proceed' || !removal.remove.some((part) => change.add.includes(part))) continue;
    basis.push(...ending.map((partNumber) => ({ partNumber, endsAt: grant.endsAt })));
  }
  return basis;
}

export function withReliance(request: LicenseRequest, basis: readonly TimeBoundBasis[]): LicenseRequest {
  return basis.length > 0 ? ({ ...request, reliesOnTimeBound: [...basis] } as LicenseRequest) : request;
}

export function relianceOf(request: LicenseRequest): readonly TimeBoundBasis[] {
  const basis = (request as { reliesOnTimeBound?: unknown }).reliesOnTimeBound;
  return Array.isArray(basis) ? (basis as TimeBoundBasis[]) : [];
}

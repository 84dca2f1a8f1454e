/**
 * The working state the rules pass along. Each rule reads a draft and returns what it wants changed;
 * the pipeline applies the results in a fixed order, so rules stay pure and small.
 */
import type { RuleNote, TenantFacts, UserFacts } from '../decision';
import { heldPartNumbers, unique } from './facts';

export interface Draft {
  readonly user: UserFacts;
  readonly tenant: TenantFacts;
  readonly communicationsCreditsSetUp: boolean;
  /** Part numbers still to add: what was asked and not yet withdrawn, plus prerequisites. */
  readonly add: readonly string[];
  readonly remove: readonly string[];
  readonly notes: readonly RuleNote[];
}

export interface RuleResult {
  readonly notes?: readonly RuleNote[];
  readonly add?: readonly string[];
  readonly remove?: readonly string[];
  /** Part numbers taken out of add and remove: refused or nothing to do. */
  readonly withdraw?: readonly string[];
}

export type Rule = (draft: Draft) => RuleResult;

export function applyRule(draft: Draft, rule: Rule): Draft {
  const result = rule(draft);
  const withdrawn = new Set(result.withdraw ?? []);
  const keep = (partNumber: string): boolean => !withdrawn.has(partNumber);
  return {
    ...draft,
    add: unique([...draft.add.filter(keep), ...(result.add ?? [])]),
    remove: unique([...draft.remove.filter(keep), ...(result.remove ?? [])]),
    notes: [...draft.notes, ...(result.notes ?? [])],
  };
}

/** What the user would hold once the draft is applied. */
export function holdingsAfter(draft: Draft): string[] {
  const removed = new Set(draft.remove);
  return unique([...heldPartNumbers(draft.user).filter((partNumber) => !removed.has(partNumber)), ...draft.add]);
}

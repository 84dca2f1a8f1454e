/**
 * Checks a whole list before anyone is asked to approve it: every line read (malformed lines and
 * duplicates), every user looked up in one batched pass (unknown users), the rules run per user (refusals,
 * nothing to do), users another open job holds, and the seats the whole batch needs against the free ones.
 */
import { findProduct } from '../../domain/catalog';
import type { LicenseAction } from '../../domain/decision';
import type { Directory, DirectorySku } from '../../ports';
import { tenantStock } from '../license-facts';
import { shortId, countEntries, type BulkCounts, type BulkProblem, type BulkSeatNeed, type BulkUserEntry } from './bulk-job';
import type { BulkJobStore } from './bulk-job-store';
import { MAX_PROBLEMS_ON_CARD } from './bulk-limits';
import type { ParsedList } from './bulk-list';
import type { BulkDirectory } from './bulk-ports';
import { planUser } from './bulk-plan';
import { readManyUsers } from './bulk-reads';
import { inheritingGroups, userFactsOf } from './bulk-user-facts';

export interface ValidationInput {
  readonly action: LicenseAction;
  readonly requested: readonly string[];
  readonly list: ParsedList;
}

export interface Validation {
  /** Every line, in list order, with its status (excluded, skipped or pending). */
  readonly entries: BulkUserEntry[];
  readonly counts: BulkCounts;
  readonly seats: BulkSeatNeed[];
  readonly problems: BulkProblem[];
  /** Part numbers the plan adds or removes. */
  readonly parts: string[];
  /** True when the batch needs more seats than are free for some licence. */
  readonly shortOfSeats: boolean;
}

export interface ValidatorDependencies {
  readonly bulk: BulkDirectory;
  readonly directory: Pick<Directory, 'listSubscribedSkus' | 'getGroupName'>;
  readonly store: BulkJobStore;
  readonly hybridGroupId: string | undefined;
}

export class BulkValidator {
  constructor(private readonly deps: ValidatorDependencies) {}

  async validate(input: ValidationInput): Promise<Validation> {
    const skus = await this.deps.directory.listSubscribedSkus();
    const tenant = { skus: tenantStock(skus) };
    const groupId = this.groupCheckFor(input.requested);
    const reads = await readManyUsers(this.deps.bulk, input.list.entries.map((entry) => entry.value), groupId);
    const groupNames = await this.groupNames([...reads.values()].flatMap((read) => (read.kind === 'ok' ? inheritingGroups(read.licenses) : [])));

    const byLine: BulkUserEntry[] = input.list.problems.map((problem) => ({
      line: problem.line,
      upn: problem.value,
      status: 'excluded',
      reasonCode: problem.reason,
      ...(problem.firstLine === undefined ? {} : { params: { line: problem.firstLine } }),
    }));
    const seenUserIds = new Map<string, number>();
    const planned: BulkUserEntry[] = [];
    for (const item of input.list.entries) {
      const read = reads.get(item.value);
      if (!read || read.kind === 'error') {
        const reasonCode = read?.error.reason ?? 'GRAPH_UNAVAILABLE';
        byLine.push({ line: item.line, upn: item.value, status: 'excluded', reasonCode: reasonCode === 'GRAPH_USER_NOT_FOUND' ? 'BULK_UNKNOWN_USER' : reasonCode });
        continue;
      }
      const user = read.licenses.user;
      const identity = { line: item.line, upn: item.value, userId: user.id, displayName: user.displayName };
      const firstLine = seenUserIds.get(user.id);
      if (firstLine !== undefined) {
        byLine.push({ ...identity, status: 'excluded', reasonCode: 'BULK_DUPLICATE', params: { line: firstLine } });
        continue;
      }
      seenUserIds.set(user.id, item.line);
      const plan = planUser(input.action, input.requested, userFactsOf(read.licenses, skus, read.inGroup, groupNames), tenant);
      if (plan.kind === 'refused') byLine.push({ ...identity, status: 'excluded', reasonCode: plan.reasonCode, params: plan.params });
      else if (plan.kind === 'nothing') byLine.push({ ...identity, status: 'skipped', reasonCode: plan.reasonCode, params: plan.params });
      else {
        const entry: BulkUserEntry = { ...identity, status: 'pending', add: plan.add, remove: plan.remove };
        planned.push(entry);
        byLine.push(entry);
      }
    }

    const held = await this.deps.store.lockedBy(planned.map((entry) => entry.userId as string));
    const entries = byLine
      .map((entry) => {
        const holder = entry.status === 'pending' && entry.userId ? held.get(entry.userId) : undefined;
        return holder ? { ...entry, status: 'excluded' as const, reasonCode: 'BULK_IN_OTHER_JOB', params: { job: shortId(holder) } } : entry;
      })
      .sort((a, b) => a.line - b.line);
    const toChange = entries.filter((entry) => entry.status === 'pending');
    const seats = seatNeeds(toChange, skus);
    const parts = [...new Set(toChange.flatMap((entry) => [...(entry.add ?? []), ...(entry.remove ?? [])]))];
    return {
      entries,
      counts: countEntries(entries, toChange.length),
      seats,
      problems: entries
        .filter((entry) => entry.status === 'excluded')
        .slice(0, MAX_PROBLEMS_ON_CARD)
        .map((entry) => ({ line: entry.line, upn: entry.upn, reasonCode: entry.reasonCode ?? 'GRAPH_UNKNOWN', ...(entry.params ? { params: entry.params } : {}) })),
      parts,
      shortOfSeats: seats.some((seat) => seat.needed > seat.free),
    };
  }

  /** Hybrid users may not get a Calling Plan: membership is only worth reading when one is asked for. */
  private groupCheckFor(requested: readonly string[]): string | undefined {
    const asksForCallingPlan = requested.some((part) => findProduct(part)?.family === 'callingPlan');
    return asksForCallingPlan ? this.deps.hybridGroupId : undefined;
  }

  private async groupNames(groupIds: readonly string[]): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    for (const groupId of new Set(groupIds)) {
      const name = await this.deps.directory.getGroupName(groupId).catch(() => undefined);
      if (name) names.set(groupId, name);
    }
    return names;
  }
}

/** Seats each added licence needs for the whole batch, against the free ones now. */
export function seatNeeds(toChange: readonly BulkUserEntry[], skus: readonly DirectorySku[]): BulkSeatNeed[] {
  const needed = new Map<string, number>();
  for (const entry of toChange) for (const part of entry.add ?? []) needed.set(part, (needed.get(part) ?? 0) + 1);
  return [...needed].map(([partNumber, count]) => {
    const stock = tenantStock(skus).find((sku) => sku.partNumber.toUpperCase() === partNumber.toUpperCase());
    return { partNumber, needed: count, enabled: stock?.enabled ?? 0, free: stock ? Math.max(0, stock.enabled - stock.consumed) : 0 };
  });
}

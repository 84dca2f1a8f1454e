/**
 * The one Graph write of an approved request. Before every attempt it re-reads the user and
 * re-checks the rules (seats may have run out since approval), writes only what is still missing,
 * and treats a write whose outcome is unknown (timeout, 5xx, reset) by reading the user again
 * instead of blindly writing twice. When the attempts run out after such a write, the outcome is
 * "unsettled", never "failed": Graph may have applied it.
 *
 * The caller may pass `beforeWrite`, run right before each Graph write (after the re-read): the workflow
 * renews its claim there, so that an instance which lost its claim to another never writes.
 */
import type { LicenseRequest, RequestOutcome } from '../domain/request';
import { evaluate } from '../domain/rules';
import { factsAfterChange, type FactsAfterChange } from '../domain/facts-after-change';
import { DirectoryError, type Directory } from '../ports';
import { changeStillToMake, nothingToDo } from './license-change-body';
import type { LicenseFactsReader } from './license-facts';

export type WriteOutcome =
  /** `after`: the user's licences and the seats once the change is in, from the re-read before it plus the change. */
  | { kind: 'done'; graph: RequestOutcome['graph']; after: FactsAfterChange }
  | { kind: 'failed'; reasonCode: string; params?: Record<string, string | number>; graph?: RequestOutcome['graph'] }
  /** beforeWrite said no: another instance owns the write now; nothing was sent. */
  | { kind: 'superseded' }
  /**
   * Out of attempts after a write whose outcome is unknown: Graph may have applied it, so the request must not be
   * reported failed. The caller leaves it claimed; recovery reads the user again later.
   */
  | { kind: 'unsettled'; graph: RequestOutcome['graph'] };

export interface WriteOptions {
  /** Resolves false when this caller may no longer write (its claim was taken over). */
  readonly beforeWrite?: () => Promise<boolean>;
}

const MAX_ATTEMPTS = 6;
const MAX_WAIT_SECONDS = 30;

export class LicenseWriter {
  constructor(
    private readonly directory: Directory,
    private readonly facts: LicenseFactsReader,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  ) {}

  async apply(request: LicenseRequest, options: WriteOptions = {}): Promise<WriteOutcome> {
    let lastError: DirectoryError | undefined;
    let writeMayHaveApplied = false;
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      let writing = false;
      try {
        const facts = await this.facts.read(request.target.id);
        const still = changeStillToMake(request, facts.user, facts.skus);
        if (nothingToDo(still)) {
          return { kind: 'done', graph: lastError ? graphOf(lastError) : { status: 200 }, after: { user: facts.user, tenant: facts.tenant } };
        }
        const recheck = evaluate({ action: request.action, requested: request.requested }, facts.user, facts.tenant);
        const refusal = recheck.notes.find((note) => note.kind === 'refusal');
        if (refusal) return { kind: 'failed', reasonCode: refusal.code, params: { ...refusal.params } };

        if (still.missingSku) return { kind: 'failed', reasonCode: 'SKU_NOT_PURCHASED', params: { partNumber: still.missingSku } };
        if (options.beforeWrite && !(await options.beforeWrite())) return { kind: 'superseded' };
        writing = true;
        await this.directory.assignLicense(request.target.id, still.body);
        return { kind: 'done', graph: { status: 200 }, after: factsAfterChange(facts, still) };
      } catch (error) {
        if (!(error instanceof DirectoryError)) throw error;
        lastError = error;
        if (error.reason === 'GRAPH_THROTTLED') {
          await this.sleep(Math.min(error.retryAfterSeconds ?? 2 ** attempt, MAX_WAIT_SECONDS) * 1000);
          continue;
        }
        if (error.outcomeUnknown) {
          writeMayHaveApplied ||= writing;
          await this.sleep(Math.min(2 ** attempt, MAX_WAIT_SECONDS) * 250);
          continue; // the next attempt re-reads the user: Graph may have applied the write
        }
        // Refused, but another write (another request, another instance) may have made this very change meanwhile.
        const already = writing ? await alreadyDone(this.facts, request) : undefined;
        if (already) return already;
        return { kind: 'failed', reasonCode: error.reason, graph: graphOf(error) };
      }
    }
    if (writeMayHaveApplied) return { kind: 'unsettled', graph: lastError ? graphOf(lastError) : undefined };
    return { kind: 'failed', reasonCode: lastError?.reason ?? 'GRAPH_UNAVAILABLE', graph: lastError ? graphOf(lastError) : undefined };
  }
}

/** 'done' when the user now holds everything the request adds and nothing it removes; undefined otherwise or unreadable. */
async function alreadyDone(facts: LicenseFactsReader, request: LicenseRequest): Promise<WriteOutcome | undefined> {
  const current = await facts.read(request.target.id).catch(() => undefined);
  if (!current) return undefined;
  const held = new Set(current.user.licenses.map((license) => license.partNumber));
  const settled = request.add.every((part) => held.has(part)) && request.remove.every((part) => !held.has(part));
  return settled ? { kind: 'done', graph: { status: 200 }, after: { user: current.user, tenant: current.tenant } } : undefined;
}

function graphOf(error: DirectoryError): RequestOutcome['graph'] {
  return { status: error.status, code: error.graphCode, message: error.graphMessage };
}

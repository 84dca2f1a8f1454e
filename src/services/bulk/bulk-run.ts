/**
 * Runs an approved bulk job against Graph: users are re-read in batches (20 a call), the rules re-checked
 * on what Graph says now, and one assignLicense per user carrying all its licences is sent in batches of
 * 20. Reads run ahead of writes, each side behind its own adaptive gate (429s halve it and pause it for
 * Retry-After). A user is marked "writing" and stored before its write is sent; a throttled, failed or
 * timed-out write sends the user back to be re-read, so a write Graph may have applied is never sent
 * twice, and a restart resumes from the stored chunks the same way.
 */
import type { UserFacts } from '../../domain/decision';
import { DirectoryError, type AuditLog, type Clock, type DirectorySku, type Directory, type LicenseAssignment } from '../../ports';
import { changeStillToMake } from '../license-change-body';
import { tenantStock } from '../license-facts';
import { AdaptiveGate, unknownRetryDelayMs, type GateLimits } from './adaptive-gate';
import type { BulkJob, BulkProgress, BulkUserEntry } from './bulk-job';
import type { BulkJobStore } from './bulk-job-store';
import { CONCURRENCY, GRAPH_BATCH_LIMIT, MAX_THROTTLED_ATTEMPTS, MAX_UNKNOWN_ATTEMPTS, PROGRESS_INTERVAL_MS, READ_AHEAD_USERS, REQUEST_TIMEOUT_MS } from './bulk-limits';
import type { BulkDirectory } from './bulk-ports';
import { outsideApproved, planUser } from './bulk-plan';
import { callOutcome } from './bulk-reads';
import { DelayedQueue } from './delayed-queue';
import { inheritingGroups, userFactsOf } from './bulk-user-facts';
import { waitForAny } from './wait-for-any';

export interface RunDependencies {
  readonly bulk: BulkDirectory;
  readonly directory: Pick<Directory, 'listSubscribedSkus' | 'getGroupName'>;
  readonly store: BulkJobStore;
  readonly audit: AuditLog;
  readonly clock: Clock;
  readonly hybridGroupId: string | undefined;
  readonly onProgress: (progress: BulkProgress) => Promise<void>;
  readonly gateLimits?: GateLimits;
  readonly progressIntervalMs?: number;
  readonly timeoutMs?: number;
}

export interface RunControl {
  /** The process is shutting down: finish what is in flight, store it, and return. */
  stopping(): boolean;
  /** Someone cancelled the job: write nothing more; users whose write is unknown are only read. */
  cancelling(): boolean;
}

export interface RunOutcome {
  readonly entries: BulkUserEntry[];
  readonly progress: BulkProgress;
  /** True when the run stopped for shutdown with users still to do. */
  readonly interrupted: boolean;
  /** 429 answers seen by the reads and the writes (calls). */
  readonly throttledCalls: number;
}

interface Ref {
  readonly chunk: number;
  readonly index: number;
}

interface Planned {
  readonly ref: Ref;
  readonly add: readonly string[];
  readonly remove: readonly string[];
  /** The assignLicense body, worked out from the read this plan came from (plans turned on or off included). */
  readonly body: LicenseAssignment;
  readonly missingSku?: string;
}

const SKU_REFRESH_MS = 30_000;

const INITIAL_SKU_READ_ATTEMPTS = 5;

export class BulkRun {
  private readonly readGate: AdaptiveGate;
  private readonly writeGate: AdaptiveGate;
  private readonly toRead: DelayedQueue<Ref>;
  private readonly toWrite: Planned[] = [];
  private readonly dirty = new Set<number>();
  private persisting: Promise<void> = Promise.resolve();
  private skus: DirectorySku[] = [];
  private skusReadAt = 0;
  private readonly groupNames = new Map<string, string>();
  private readonly groupCheck: string | undefined;
  private cancelApplied = false;
  private readonly startedMs: number;
  private processedThisRun = 0;
  private lastProgressMs = 0;
  private progressInFlight: Promise<void> | undefined;

  constructor(
    private readonly job: BulkJob,
    private readonly chunks: BulkUserEntry[][],
    private readonly deps: RunDependencies,
    private readonly control: RunControl,
  ) {
    const now = () => deps.clock.now().getTime();
    this.readGate = new AdaptiveGate(deps.gateLimits ?? CONCURRENCY, now);
    this.writeGate = new AdaptiveGate(deps.gateLimits ?? CONCURRENCY, now);
    this.startedMs = now();
    this.toRead = new DelayedQueue<Ref>(now);
    this.groupCheck = job.action === 'assign' ? deps.hybridGroupId : undefined;
    chunks.forEach((entries, chunk) =>
      entries.forEach((entry, index) => {
        if (entry.status === 'pending' || entry.status === 'writing') this.toRead.push({ chunk, index });
      }),
    );
  }

  async execute(): Promise<RunOutcome> {
    await this.refreshSkus(true);
    const inFlight = new Set<Promise<void>>();
    const launch = (work: Promise<void>) => {
      const task = work.finally(() => inFlight.delete(task));
      inFlight.add(task);
    };
    for (;;) {
      if (this.control.cancelling()) this.applyCancel();
      const stopping = this.control.stopping();
      if (!stopping) {
        const readSize = this.deps.bulk.usersPerRead(this.groupCheck !== undefined);
        while (this.toRead.readyCount() > 0 && this.readGate.canStart() && this.toWrite.length + this.readGate.inFlight * readSize < READ_AHEAD_USERS) {
          launch(this.readTask(this.toRead.takeReady(readSize)));
        }
        while (this.toWrite.length > 0 && this.writeGate.canStart()) launch(this.writeTask(this.toWrite.splice(0, GRAPH_BATCH_LIMIT)));
      }
      if (inFlight.size === 0 && (stopping || (this.toRead.size === 0 && this.toWrite.length === 0))) break;
      await waitForAny(inFlight, this.nextWakeMs());
      this.reportProgress(false);
    }
    await this.persist();
    const interrupted = this.remaining() > 0;
    const progress = this.progress(!interrupted);
    await this.progressInFlight;
    return { entries: this.chunks.flat(), progress, interrupted, throttledCalls: this.readGate.throttledCalls + this.writeGate.throttledCalls };
  }

  private nextWakeMs(): number {
    const waits = [1000, this.toRead.nextReadyInMs() ?? 1000];
    if (this.toRead.size > 0 && this.readGate.pauseRemainingMs() > 0) waits.push(this.readGate.pauseRemainingMs());
    if (this.toWrite.length > 0 && this.writeGate.pauseRemainingMs() > 0) waits.push(this.writeGate.pauseRemainingMs());
    return Math.max(1, Math.min(...waits));
  }

  private async readTask(refs: Ref[]): Promise<void> {
    this.readGate.begin();
    const errors: DirectoryError[] = [];
    try {
      await this.refreshSkus(false);
      const keys = refs.map((ref) => this.entry(ref).userId ?? this.entry(ref).upn);
      const results = await this.deps.bulk.readUsers(keys, this.groupCheck, { timeoutMs: this.deps.timeoutMs ?? REQUEST_TIMEOUT_MS });
      for (const [position, ref] of refs.entries()) {
        const result = results.get(keys[position] as string);
        if (!result || result.kind === 'error') {
          const error = result?.error;
          if (error) errors.push(error);
          this.retryOrFail(ref, error);
          continue;
        }
        await this.nameGroups(inheritingGroups(result.licenses));
        const facts = userFactsOf(result.licenses, this.skus, result.inGroup, this.groupNames);
        this.decide(ref, planUser(this.job.action, this.job.requested, facts, { skus: tenantStock(this.skus) }), facts);
      }
    } finally {
      this.readGate.end(callOutcome(errors, refs.length));
    }
    await this.persist();
  }

  /** After a fresh read: skip, fail, or queue the write — or, once cancelled, only record what happened. */
  private decide(ref: Ref, plan: ReturnType<typeof planUser>, facts: UserFacts): void {
    const entry = this.entry(ref);
    const wasWriting = entry.status === 'writing';
    if (plan.kind === 'nothing') {
      // Nothing left to change after a write was sent: Graph applied it.
      if (wasWriting) this.finish(ref, { status: 'done' });
      else this.finish(ref, { status: 'skipped', reasonCode: plan.reasonCode, params: plan.params });
      return;
    }
    if (this.cancelApplied) {
      this.finish(ref, { status: 'cancelled' });
      return;
    }
    if (plan.kind === 'refused') {
      this.finish(ref, { status: 'failed', reasonCode: plan.reasonCode, params: plan.params });
      return;
    }
    const outside = outsideApproved(plan, this.job.parts);
    if (outside.length > 0) {
      this.finish(ref, { status: 'failed', reasonCode: 'BULK_PLAN_CHANGED', params: { partNumber: outside.join(', ') } });
      return;
    }
    const still = changeStillToMake(plan, facts, this.skus);
    this.toWrite.push({ ref, add: plan.add, remove: plan.remove, body: still.body, ...(still.missingSku ? { missingSku: still.missingSku } : {}) });
  }

  private async writeTask(items: Planned[]): Promise<void> {
    const sendable: Planned[] = [];
    for (const item of items) {
      const missing = item.missingSku;
      if (missing) this.finish(item.ref, { status: 'failed', reasonCode: 'SKU_NOT_PURCHASED', params: { partNumber: missing } });
      else {
        this.update(item.ref, { status: 'writing', add: item.add, remove: item.remove });
        sendable.push(item);
      }
    }
    // Stored before sending: after a crash, these users are re-read instead of written blindly.
    await this.persist();
    if (sendable.length === 0) return;
    this.writeGate.begin();
    const errors: DirectoryError[] = [];
    try {
      const changes = sendable.map((item) => ({
        userId: this.entry(item.ref).userId as string,
        change: item.body,
      }));
      const results = await this.deps.bulk.assignLicenses(changes, { timeoutMs: this.deps.timeoutMs ?? REQUEST_TIMEOUT_MS });
      for (const item of sendable) {
        const result = results.get(this.entry(item.ref).userId as string);
        if (result?.kind === 'ok') {
          this.finish(item.ref, { status: 'done' });
          continue;
        }
        if (result) errors.push(result.error);
        this.retryOrFail(item.ref, result?.error);
      }
    } finally {
      this.writeGate.end(callOutcome(errors, sendable.length));
    }
    await this.persist();
  }

  /** Throttled and unknown answers go back to be re-read (Graph may have applied a write); others fail. */
  private retryOrFail(ref: Ref, error: DirectoryError | undefined): void {
    const entry = this.entry(ref);
    if (error && error.reason === 'GRAPH_THROTTLED') {
      const throttledAttempts = (entry.throttledAttempts ?? 0) + 1;
      this.update(ref, { throttledAttempts });
      // Its own Retry-After (per request, batch members included) before it is written again. When the
      // write gate itself paused for it, the re-read may happen meanwhile: the write still waits.
      const delay = this.writeGate.pauseRemainingMs() > 0 ? 0 : this.writeGate.retryDelayMs(error.retryAfterSeconds, throttledAttempts);
      if (throttledAttempts < MAX_THROTTLED_ATTEMPTS) this.toRead.push(ref, delay);
      else this.finish(ref, { status: 'failed', reasonCode: 'GRAPH_THROTTLED' });
      return;
    }
    if (!error || error.outcomeUnknown) {
      const unknownAttempts = (entry.unknownAttempts ?? 0) + 1;
      this.update(ref, { unknownAttempts });
      if (unknownAttempts < MAX_UNKNOWN_ATTEMPTS) this.toRead.push(ref, unknownRetryDelayMs(unknownAttempts));
      else this.finish(ref, { status: 'failed', reasonCode: 'GRAPH_UNAVAILABLE' });
      return;
    }
    this.finish(ref, {
      status: 'failed',
      reasonCode: error.reason,
      params: { ...(error.status === undefined ? {} : { status: error.status }), ...(error.graphCode ? { code: error.graphCode } : {}) },
    });
  }

  private finish(ref: Ref, change: Partial<BulkUserEntry>): void {
    this.update(ref, change);
    this.processedThisRun++;
    const entry = this.entry(ref);
    if (entry.status === 'done' || entry.status === 'failed') void this.record(entry);
  }

  private async record(entry: BulkUserEntry): Promise<void> {
    const event = entry.status === 'failed' ? 'bulk-failed' : this.job.action === 'assign' ? 'bulk-assigned' : 'bulk-removed';
    await this.deps.audit
      .append({
        at: this.deps.clock.now().toISOString(),
        requestId: this.job.id,
        event,
        actorId: null,
        targetId: entry.userId ?? null,
        details: { bulkJobId: this.job.id, add: entry.add ?? [], remove: entry.remove ?? [], reasonCode: entry.reasonCode ?? null },
      })
      .catch(() => undefined);
  }

  private applyCancel(): void {
    if (this.cancelApplied) return;
    this.cancelApplied = true;
    const waiting = [...this.toRead.takeAll(), ...this.toWrite.splice(0).map((item) => item.ref)];
    for (const ref of waiting) {
      // A user whose write may have been applied is read once more to report what happened.
      if (this.entry(ref).status === 'writing') this.toRead.push(ref);
      else this.finish(ref, { status: 'cancelled' });
    }
  }

  private entry(ref: Ref): BulkUserEntry {
    return this.chunks[ref.chunk]?.[ref.index] as BulkUserEntry;
  }

  private update(ref: Ref, change: Partial<BulkUserEntry>): void {
    const chunk = this.chunks[ref.chunk] as BulkUserEntry[];
    chunk[ref.index] = { ...(chunk[ref.index] as BulkUserEntry), ...change };
    this.dirty.add(ref.chunk);
  }

  /** Writes the changed chunks, one write at a time, and resolves once this caller's changes are stored. */
  private persist(): Promise<void> {
    this.persisting = this.persisting.then(async () => {
      const changed = [...this.dirty];
      this.dirty.clear();
      for (const chunk of changed) await this.deps.store.writeChunk(this.job.id, chunk, this.chunks[chunk] ?? []);
    });
    return this.persisting;
  }

  private async refreshSkus(force: boolean): Promise<void> {
    const now = this.deps.clock.now().getTime();
    if (!force && now - this.skusReadAt < SKU_REFRESH_MS) return;
    this.skusReadAt = now;
    // The first read is needed to start; a passing Graph fault (reset, timeout, 429) must not fail the job.
    const attempts = force ? INITIAL_SKU_READ_ATTEMPTS : 1;
    for (let attempt = 1; ; attempt++) {
      try {
        this.skus = await this.deps.directory.listSubscribedSkus();
        return;
      } catch (error) {
        const passing = error instanceof DirectoryError && (error.reason === 'GRAPH_UNAVAILABLE' || error.reason === 'GRAPH_THROTTLED');
        if (!force) return;
        if (!passing || attempt >= attempts) throw error;
        const seconds = error.reason === 'GRAPH_THROTTLED' ? (error.retryAfterSeconds ?? 2) : 0.5 * 2 ** attempt;
        await new Promise((resolve) => setTimeout(resolve, Math.min(seconds, 10) * 1000));
      }
    }
  }

  private async nameGroups(groupIds: readonly string[]): Promise<void> {
    for (const groupId of groupIds) {
      if (this.groupNames.has(groupId)) continue;
      const name = await this.deps.directory.getGroupName(groupId).catch(() => undefined);
      this.groupNames.set(groupId, name ?? groupId);
    }
  }

  private remaining(): number {
    return this.chunks.reduce((sum, chunk) => sum + chunk.filter((entry) => entry.status === 'pending' || entry.status === 'writing').length, 0);
  }

  private progress(final: boolean): BulkProgress {
    const all = this.chunks.flat();
    const count = (status: BulkUserEntry['status']) => all.filter((entry) => entry.status === status).length;
    const now = this.deps.clock.now().getTime();
    const remaining = this.remaining();
    const elapsedThisRun = now - this.startedMs;
    const rate = elapsedThisRun > 0 ? this.processedThisRun / elapsedThisRun : 0;
    const since = this.job.startedAt ? Date.parse(this.job.startedAt) : this.startedMs;
    return {
      done: count('done'),
      skipped: count('skipped'),
      failed: count('failed'),
      cancelled: count('cancelled'),
      remaining,
      elapsedMs: now - since,
      etaMs: rate > 0 && remaining > 0 ? Math.round(remaining / rate) : remaining === 0 ? 0 : undefined,
      final,
    };
  }

  /** At most one progress update every PROGRESS_INTERVAL_MS, never two at once. */
  private reportProgress(force: boolean): void {
    const now = this.deps.clock.now().getTime();
    if (this.progressInFlight || (!force && now - this.lastProgressMs < (this.deps.progressIntervalMs ?? PROGRESS_INTERVAL_MS))) return;
    this.lastProgressMs = now;
    this.progressInFlight = this.deps
      .onProgress(this.progress(false))
      .catch(() => undefined)
      .finally(() => (this.progressInFlight = undefined));
  }
}

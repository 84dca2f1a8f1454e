/**
 * The life of bulk jobs: a checked preview is stored, the admin sends it for ONE approval (users held so
 * no other job can overlap), the approver decides (loaded from storage by id, checked against the actor,
 * never taken from a card), and the approved job runs in the background, resumable after a restart.
 */
import { randomUUID } from 'node:crypto';
import type { LicenseAction } from '../../domain/decision';
import type { Person } from '../../domain/request';
import { ConcurrencyConflict, type AuditLog, type Clock, type Directory } from '../../ports';
import { holdsUsers, isFinalJob, shortId, transitionJob, type BulkConversation, type BulkEvent, type BulkJob, type BulkUserEntry } from './bulk-job';
import type { BulkJobStore } from './bulk-job-store';
import { PREVIEW_TTL_MS } from './bulk-limits';
import type { ParsedList } from './bulk-list';
import type { BulkDirectory, BulkJobNotifier } from './bulk-ports';
import { BulkRun, type RunDependencies } from './bulk-run';
import { BulkValidator, type Validation } from './bulk-validator';

export interface BulkServiceDependencies {
  readonly bulk: BulkDirectory;
  readonly directory: Directory;
  readonly store: BulkJobStore;
  readonly audit: AuditLog;
  readonly notifier: BulkJobNotifier;
  readonly clock: Clock;
  readonly approverGroupId: string | undefined;
  readonly hybridGroupId: string | undefined;
  /** Tuning for tests and benchmarks; production uses the limits in bulk-limits.ts. */
  readonly run?: Pick<RunDependencies, 'gateLimits' | 'progressIntervalMs' | 'timeoutMs'>;
  readonly onError?: (message: string, fields: Record<string, unknown>) => void;
}

export interface Actor extends Person {
  readonly tenantId: string;
}

export type SubmitResult =
  | { readonly kind: 'notFound' }
  | { readonly kind: 'notYours'; readonly job: BulkJob }
  | { readonly kind: 'notPreview'; readonly job: BulkJob }
  | { readonly kind: 'expired'; readonly job: BulkJob }
  | { readonly kind: 'nothingToDo'; readonly job: BulkJob }
  | { readonly kind: 'shortOfSeats'; readonly job: BulkJob }
  | { readonly kind: 'inOtherJobs'; readonly job: BulkJob; readonly jobs: readonly string[]; readonly users: number }
  | { readonly kind: 'noApprover'; readonly job: BulkJob }
  | { readonly kind: 'submitted'; readonly job: BulkJob; readonly reached: number }
  | { readonly kind: 'started'; readonly job: BulkJob };

export type DecideResult =
  | { readonly kind: 'notFound' }
  | { readonly kind: 'refused'; readonly reason: 'NOT_AN_APPROVER' | 'REQUESTER_CANNOT_APPROVE' | 'TARGET_CANNOT_APPROVE' | 'OTHER_TENANT' | 'ALREADY_DECIDED'; readonly job: BulkJob }
  | { readonly kind: 'decided'; readonly job: BulkJob }
  | { readonly kind: 'unchanged'; readonly job: BulkJob };

export type CancelResult =
  | { readonly kind: 'notFound' }
  | { readonly kind: 'notAllowed'; readonly job: BulkJob }
  | { readonly kind: 'alreadyEnded'; readonly job: BulkJob }
  | { readonly kind: 'cancelled'; readonly job: BulkJob }
  | { readonly kind: 'stopping'; readonly job: BulkJob };

export interface PrepareInput {
  readonly tenantId: string;
  readonly requester: Person;
  readonly action: LicenseAction;
  readonly requested: readonly string[];
  readonly list: ParsedList;
  readonly source: BulkJob['source'];
  readonly conversation: BulkConversation;
}

export class BulkJobService {
  private readonly validator: BulkValidator;
  private readonly running = new Map<string, Promise<void>>();
  private readonly cancelled = new Set<string>();
  private stopping = false;

  constructor(private readonly deps: BulkServiceDependencies) {
    this.validator = new BulkValidator({ bulk: deps.bulk, directory: deps.directory, store: deps.store, hybridGroupId: deps.hybridGroupId });
  }

  /** Checks the whole list and stores the result as a preview (nothing is held or changed yet). */
  async prepare(input: PrepareInput): Promise<{ job: BulkJob; validation: Validation }> {
    const validation = await this.validator.validate({ action: input.action, requested: input.requested, list: input.list });
    const now = this.deps.clock.now().toISOString();
    const job: BulkJob = {
      id: randomUUID(),
      tenantId: input.tenantId,
      createdAt: now,
      updatedAt: now,
      requester: input.requester,
      action: input.action,
      requested: [...input.requested],
      parts: validation.parts,
      source: input.source,
      state: 'preview',
      chunkCount: 0,
      counts: validation.counts,
      seats: validation.seats,
      problems: validation.problems,
      approvers: [],
      noApproval: false,
      conversation: input.conversation,
      approvalCards: [],
    };
    const stored = await this.deps.store.create(job, validation.entries);
    return { job: stored.value, validation };
  }

  async get(id: string): Promise<BulkJob | undefined> {
    return (await this.deps.store.get(id))?.value;
  }

  async entries(job: BulkJob): Promise<BulkUserEntry[]> {
    return (await this.deps.store.entries(job)).flat();
  }

  async setConversation(id: string, conversation: Partial<BulkConversation>): Promise<void> {
    await this.deps.store.update(id, (job) => ({ ...job, conversation: { ...job.conversation, ...conversation } }));
  }

  /** The requester sends the preview for approval, or (allowed admins) runs it without approval. */
  async submit(id: string, actor: Actor, options: { readonly skipApproval: boolean }): Promise<SubmitResult> {
    const stored = await this.deps.store.get(id);
    if (!stored) return { kind: 'notFound' };
    const job = stored.value;
    if (job.requester.id !== actor.id || job.tenantId !== actor.tenantId) return { kind: 'notYours', job };
    if (job.state !== 'preview') return { kind: 'notPreview', job };
    if (this.deps.clock.now().getTime() - Date.parse(job.createdAt) > PREVIEW_TTL_MS) return { kind: 'expired', job };
    if (job.counts.toChange === 0) return { kind: 'nothingToDo', job };
    if (job.seats.some((seat) => seat.needed > seat.free)) return { kind: 'shortOfSeats', job };

    const targets = (await this.entries(job)).filter((entry) => entry.status === 'pending').map((entry) => entry.userId as string);
    const lock = await this.deps.store.lock(job.id, targets);
    if (!lock.locked) return { kind: 'inOtherJobs', job, jobs: [...new Set(lock.conflicts.values())].map(shortId), users: lock.conflicts.size };

    if (options.skipApproval) {
      const started = await this.apply(job.id, { type: 'skipApproval', by: person(actor) });
      if (!started) return { kind: 'notPreview', job };
      await this.record('bulk-approved', started, actor.id, { skippedApproval: true, users: job.counts.toChange });
      this.start(started.id);
      return { kind: 'started', job: started };
    }
    const choice = await this.chooseApprovers(job, new Set(targets));
    if (!choice) {
      await this.deps.store.unlock(job.id, targets);
      return { kind: 'noApprover', job };
    }
    const submitted = await this.apply(job.id, { type: 'submit', approvers: choice.approvers, source: choice.source });
    if (!submitted) {
      await this.deps.store.unlock(job.id, targets);
      return { kind: 'notPreview', job };
    }
    await this.record('bulk-requested', submitted, actor.id, { users: job.counts.toChange, approvers: choice.approvers.map((a) => a.id) });
    const cards = await this.deps.notifier.approvalRequested(submitted);
    const withCards = (await this.deps.store.update(job.id, (current) => ({ ...current, approvalCards: [...current.approvalCards, ...cards] }))) ?? submitted;
    return { kind: 'submitted', job: withCards, reached: cards.length };
  }

  /** An approver's decision on the whole batch. Approve starts the run in the background. */
  async decide(id: string, actor: Actor, verb: 'approve' | 'reject'): Promise<DecideResult> {
    const stored = await this.deps.store.get(id);
    if (!stored) return { kind: 'notFound' };
    const job = stored.value;
    const refuse = (reason: Extract<DecideResult, { kind: 'refused' }>['reason']): DecideResult => ({ kind: 'refused', reason, job });
    if (actor.tenantId !== job.tenantId) return refuse('OTHER_TENANT');
    if (actor.id === job.requester.id) return refuse('REQUESTER_CANNOT_APPROVE');
    if (!job.approvers.some((approver) => approver.id === actor.id)) return refuse('NOT_AN_APPROVER');
    const event: BulkEvent = verb === 'approve' ? { type: 'approve', by: person(actor) } : { type: 'reject', by: person(actor) };
    const result = transitionJob(job, event, this.deps.clock.now());
    if (result.kind === 'unchanged') return { kind: 'unchanged', job };
    if (result.kind === 'refused') return refuse('ALREADY_DECIDED');
    try {
      await this.deps.store.replace(result.job, stored.eTag);
    } catch (error) {
      if (error instanceof ConcurrencyConflict) return this.decide(id, actor, verb);
      throw error;
    }
    await this.record(verb === 'approve' ? 'bulk-approved' : 'bulk-rejected', result.job, actor.id, {});
    if (verb === 'reject') await this.release(result.job);
    await this.deps.notifier.decided(result.job).catch((error: unknown) => this.report('bulk decision not shown', { jobId: id, error: String(error) }));
    if (verb === 'approve') this.start(id);
    return { kind: 'decided', job: result.job };
  }

  /** The requester or an admin cancels; a running job stops after the writes in flight. */
  async cancel(id: string, actor: Actor, isAdmin: boolean): Promise<CancelResult> {
    const stored = await this.deps.store.get(id);
    if (!stored) return { kind: 'notFound' };
    if (stored.value.tenantId !== actor.tenantId || (!isAdmin && stored.value.requester.id !== actor.id)) return { kind: 'notAllowed', job: stored.value };
    if (isFinalJob(stored.value.state)) return { kind: 'alreadyEnded', job: stored.value };
    const job = await this.apply(id, { type: 'cancel', by: person(actor) });
    if (!job) return { kind: 'alreadyEnded', job: stored.value };
    await this.record('bulk-cancelled', job, actor.id, { state: stored.value.state });
    if (job.state === 'running') {
      this.cancelled.add(id);
      return { kind: 'stopping', job };
    }
    await this.release(job);
    if (stored.value.state === 'pending') await this.deps.notifier.decided(job).catch(() => undefined);
    return { kind: 'cancelled', job };
  }

  async listOpen(): Promise<BulkJob[]> {
    return this.deps.store.listOpen();
  }

  async idsStartingWith(prefix: string): Promise<string[]> {
    return this.deps.store.idsStartingWith(prefix);
  }

  /** Starts (again) every approved or running job, e.g. after a restart. */
  async resumeUnfinished(): Promise<number> {
    const jobs = (await this.deps.store.listOpen()).filter((job) => job.state === 'approved' || job.state === 'running');
    for (const job of jobs) {
      if (job.cancelRequested) this.cancelled.add(job.id);
      this.start(job.id);
    }
    return jobs.length;
  }

  /** Stops every run after the calls in flight; their state is stored and resumes on the next start. */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.idle();
  }

  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running.values()]);
  }

  private start(id: string): void {
    if (this.running.has(id) || this.stopping) return;
    const run = this.runJob(id)
      .catch((error: unknown) => this.report('bulk job failed', { jobId: id, error: String(error), stack: error instanceof Error ? error.stack : undefined }))
      .finally(() => this.running.delete(id));
    this.running.set(id, run);
  }

  private async runJob(id: string): Promise<void> {
    const job = await this.apply(id, { type: 'start' });
    if (!job || job.state !== 'running') return;
    let live = job;
    const chunks = await this.deps.store.entries(job);
    const run = new BulkRun(
      job,
      chunks,
      {
        bulk: this.deps.bulk,
        directory: this.deps.directory,
        store: this.deps.store,
        audit: this.deps.audit,
        clock: this.deps.clock,
        hybridGroupId: this.deps.hybridGroupId,
        ...this.deps.run,
        onProgress: async (progress) => {
          const activityId = await this.deps.notifier.progress(live, progress).catch(() => undefined);
          live =
            (await this.deps.store.update(id, (current) => ({
              ...current,
              counts: { ...current.counts, done: progress.done, skipped: progress.skipped, failed: progress.failed, cancelled: progress.cancelled },
              conversation: { ...current.conversation, ...(activityId ? { progressActivityId: activityId } : {}) },
            }))) ?? live;
        },
      },
      { stopping: () => this.stopping, cancelling: () => this.cancelled.has(id) },
    );
    const outcome = await run.execute();
    if (outcome.interrupted) return;
    const toChange = live.counts.toChange;
    const counts = {
      lines: outcome.entries.length,
      excluded: outcome.entries.filter((entry) => entry.status === 'excluded').length,
      toChange,
      skipped: outcome.progress.skipped,
      done: outcome.progress.done,
      failed: outcome.progress.failed,
      cancelled: outcome.progress.cancelled,
    };
    const finished = await this.apply(id, { type: 'finish', counts });
    if (!finished) return;
    this.cancelled.delete(id);
    await this.release(finished);
    await this.record('bulk-finished', finished, null, { ...counts, throttledCalls: outcome.throttledCalls });
    await this.deps.notifier.finished(finished, outcome.entries, outcome.progress).catch((error: unknown) =>
      this.report('bulk report not delivered', { jobId: id, error: String(error) }),
    );
  }

  private async chooseApprovers(job: BulkJob, targets: ReadonlySet<string>): Promise<{ approvers: Person[]; source: 'manager' | 'approverGroup' } | undefined> {
    const eligible = (candidate: Person) => candidate.id !== job.requester.id && !targets.has(candidate.id);
    const manager = await this.deps.directory.getManager(job.requester.id);
    if (manager && eligible(manager)) return { approvers: [{ id: manager.id, displayName: manager.displayName }], source: 'manager' };
    if (!this.deps.approverGroupId) return undefined;
    const members = (await this.deps.directory.listGroupMembers(this.deps.approverGroupId))
      .map((member) => ({ id: member.id, displayName: member.displayName }))
      .filter(eligible);
    return members.length > 0 ? { approvers: members, source: 'approverGroup' } : undefined;
  }

  private async release(job: BulkJob): Promise<void> {
    if (holdsUsers(job.state)) return;
    const userIds = (await this.entries(job)).flatMap((entry) => (entry.userId ? [entry.userId] : []));
    await this.deps.store.unlock(job.id, userIds);
  }

  private async apply(id: string, event: BulkEvent): Promise<BulkJob | undefined> {
    let changed: BulkJob | undefined;
    await this.deps.store.update(id, (job) => {
      const result = transitionJob(job, event, this.deps.clock.now());
      changed = result.kind === 'changed' ? result.job : result.kind === 'unchanged' ? job : undefined;
      return result.kind === 'changed' ? result.job : undefined;
    });
    return changed;
  }

  private async record(event: string, job: BulkJob, actorId: string | null, details: Record<string, unknown>): Promise<void> {
    await this.deps.audit.append({
      at: this.deps.clock.now().toISOString(),
      requestId: job.id,
      event,
      actorId,
      targetId: null,
      details: { bulkJobId: job.id, action: job.action, requested: job.requested, ...details },
    });
  }

  private report(message: string, fields: Record<string, unknown>): void {
    if (this.deps.onError) this.deps.onError(message, fields);
    else console.error(JSON.stringify({ level: 'error', msg: message, ...fields }));
  }
}

function person(actor: Actor): Person {
  return { id: actor.id, displayName: actor.displayName };
}

/**
 * `pending` (open requests and bulk jobs, with age and approver), `status <id>` and `cancel <id>`
 * (the 8-character id the bot shows, or the whole id). Requests are read from storage; cancelling uses
 * the request state machine's `cancel` event and lets the notifier update every card.
 */
import type { Storage } from 'botbuilder';
import type { LicenseRequest } from '../../domain/request';
import { transition } from '../../domain/request-state';
import { ConcurrencyConflict, type AuditLog, type Clock, type PostedCardStore, type RequestNotifier, type RequestStore } from '../../ports';
import { shortId, type BulkJob } from '../../services/bulk/bulk-job';
import type { BulkJobService } from '../../services/bulk/bulk-jobs';
import { explainReason, productList } from '../explain';
import { explainBulkReason, formatAge, formatDate, formatNumber } from './admin-format';
import type { BulkCardNotifier } from './bulk-job-notifier';
import { reply, type CommandScope } from './command-scope';
import { findById, MIN_ID_PREFIX, type Found } from './request-lookup';

export interface RequestCommandDependencies {
  readonly requests: RequestStore;
  readonly bulk: BulkJobService;
  readonly bulkNotifier: BulkCardNotifier;
  readonly notifier: RequestNotifier;
  readonly audit: AuditLog;
  readonly clock: Clock;
  readonly storage?: Storage;
  /** Posted approval cards: who among the approvers has one (the others have not opened License Desk yet). */
  readonly cards?: PostedCardStore;
}

const OPEN_STATES: LicenseRequest['state'][] = ['pending', 'approved', 'assigning'];
const MAX_LISTED = 30;

export async function listPending(scope: CommandScope, deps: RequestCommandDependencies): Promise<void> {
  const { t } = scope;
  const now = deps.clock.now();
  const requests = (await deps.requests.listByState(OPEN_STATES)).filter((request) => request.tenantId === scope.actor.tenantId);
  const jobs = (await deps.bulk.listOpen()).filter((job) => job.state !== 'preview' && job.tenantId === scope.actor.tenantId);
  const approverNames = await Promise.all(requests.map((request) => namesWithCards(scope, deps, request)));
  const lines = [
    ...requests.map((request, index) => ({ at: request.createdAt, text: requestLine(scope, request, now, approverNames[index] ?? '') })),
    ...jobs.map((job) => ({ at: job.createdAt, text: jobLine(scope, job, now) })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  if (lines.length === 0) return reply(scope, t('admin:pending.none'));
  const shown = lines.slice(0, MAX_LISTED).map((line) => `- ${line.text}`);
  const more = lines.length > MAX_LISTED ? [t('admin:pending.more', { count: lines.length - MAX_LISTED })] : [];
  await reply(scope, [t('admin:pending.heading', { count: lines.length }), ...shown, ...more].join('\n'));
}

export async function showStatus(scope: CommandScope, deps: RequestCommandDependencies, id: string): Promise<void> {
  const { t } = scope;
  const found = await findById(deps.requests, deps.bulk, deps.storage, id);
  if (found.kind !== 'request' && found.kind !== 'job') return reply(scope, notFoundText(scope, found, id));
  const admin = await scope.isAdmin();
  if (found.kind === 'request') {
    const request = found.request;
    const involved = [request.requester.id, request.target.id, ...request.approvers.map((approver) => approver.id)].includes(scope.actor.id);
    if (!(admin || involved) || request.tenantId !== scope.actor.tenantId) return reply(scope, t('admin:status.notYours'));
    return reply(scope, requestDetails(scope, request, await namesWithCards(scope, deps, request)));
  }
  const job = found.job;
  const involved = [job.requester.id, ...job.approvers.map((approver) => approver.id)].includes(scope.actor.id);
  if (!(admin || involved) || job.tenantId !== scope.actor.tenantId) return reply(scope, t('admin:status.notYours'));
  await reply(scope, jobDetails(scope, job));
}

export async function cancelById(scope: CommandScope, deps: RequestCommandDependencies, id: string): Promise<void> {
  const { t } = scope;
  const found = await findById(deps.requests, deps.bulk, deps.storage, id);
  if (found.kind !== 'request' && found.kind !== 'job') return reply(scope, notFoundText(scope, found, id));
  const admin = await scope.isAdmin();
  if (found.kind === 'job') return cancelJob(scope, deps, found.job, admin);

  const request = found.request;
  if (request.tenantId !== scope.actor.tenantId || !(admin || request.requester.id === scope.actor.id)) return reply(scope, t('admin:cancel.notAllowed'));
  const by = { id: scope.actor.id, displayName: scope.actor.displayName };
  for (let attempt = 0; attempt < 8; attempt++) {
    const stored = await deps.requests.get(request.id);
    if (!stored) return reply(scope, t('admin:status.notFound', { id }));
    const result = transition(stored.value, { type: 'cancel', by }, deps.clock.now());
    if (result.kind === 'unchanged') return reply(scope, t('admin:cancel.already', { id: shortId(request.id) }));
    if (result.kind === 'refused') return reply(scope, t('admin:cancel.tooLate', { id: shortId(request.id), state: t(`admin:state.${stored.value.state}`) }));
    try {
      await deps.requests.replace(result.request, stored.eTag);
    } catch (error) {
      if (error instanceof ConcurrencyConflict) continue;
      throw error;
    }
    await deps.audit.append({ at: deps.clock.now().toISOString(), requestId: request.id, event: 'cancelled', actorId: by.id, targetId: request.target.id, details: { by: admin && by.id !== request.requester.id ? 'admin' : 'requester' } });
    await deps.notifier.requestChanged(result.request);
    return reply(scope, t('admin:cancel.done', { id: shortId(request.id), name: request.target.displayName, products: productList(t, request.action === 'assign' ? request.add : request.remove) }));
  }
  await reply(scope, t('admin:cancel.busy'));
}

async function cancelJob(scope: CommandScope, deps: RequestCommandDependencies, job: BulkJob, admin: boolean): Promise<void> {
  const { t } = scope;
  const result = await deps.bulk.cancel(job.id, scope.actor, admin);
  switch (result.kind) {
    case 'notFound':
      return reply(scope, t('admin:status.notFound', { id: shortId(job.id) }));
    case 'notAllowed':
      return reply(scope, t('admin:cancel.notAllowed'));
    case 'alreadyEnded':
      return reply(scope, t('admin:cancel.jobEnded', { id: shortId(job.id), state: t(`admin:jobState.${result.job.state}`) }));
    case 'stopping':
      return reply(scope, t('admin:cancel.jobStopping', { id: shortId(job.id) }));
    case 'cancelled':
      await deps.bulkNotifier.refreshPreview(result.job);
      return reply(scope, t('admin:cancel.jobDone', { id: shortId(job.id) }));
  }
}

function notFoundText(scope: CommandScope, found: Found, id: string): string {
  const { t } = scope;
  if (found.kind === 'tooShort') return t('admin:status.tooShort', { min: MIN_ID_PREFIX });
  if (found.kind === 'ambiguous') return t('admin:status.ambiguous', { id, count: found.count });
  return t('admin:status.notFound', { id });
}

/** The approvers' names; on a pending request, those the card has not reached yet say so. */
async function namesWithCards(scope: CommandScope, deps: RequestCommandDependencies, request: LicenseRequest): Promise<string> {
  const { t } = scope;
  const posted = request.state === 'pending' && deps.cards ? new Set((await deps.cards.list(request.id)).map((card) => card.approverId)) : undefined;
  return request.approvers
    .map((approver) => (posted && !posted.has(approver.id) ? t('admin:pending.cardWaiting', { name: approver.displayName }) : approver.displayName))
    .join(t('replies:listSeparator'));
}

function requestLine(scope: CommandScope, request: LicenseRequest, now: Date, approvers: string): string {
  const { t } = scope;
  const products = productList(t, request.action === 'assign' ? request.add : request.remove);
  const waitingFor =
    request.state === 'pending'
      ? t('admin:pending.waitingFor', { approvers })
      : t('admin:pending.beingApplied', { name: request.decision?.displayName ?? '' });
  return t(request.action === 'assign' ? 'admin:pending.requestAssign' : 'admin:pending.requestRemove', {
    id: shortId(request.id),
    products,
    name: request.target.displayName,
    requester: request.requester.displayName,
    age: formatAge(t, request.createdAt, now),
    state: waitingFor,
  });
}

function jobLine(scope: CommandScope, job: BulkJob, now: Date): string {
  const { t } = scope;
  const state =
    job.state === 'pending'
      ? t('admin:pending.waitingFor', { approvers: job.approvers.map((approver) => approver.displayName).join(t('replies:listSeparator')) })
      : t('admin:pending.jobRunning', { done: formatNumber(t, job.counts.done + job.counts.failed), total: formatNumber(t, job.counts.toChange) });
  return t('admin:pending.job', {
    id: shortId(job.id),
    products: productList(t, job.requested),
    count: formatNumber(t, job.counts.toChange),
    requester: job.requester.displayName,
    age: formatAge(t, job.createdAt, now),
    state,
  });
}

function requestDetails(scope: CommandScope, request: LicenseRequest, approvers: string): string {
  const { t } = scope;
  const lines = [
    t('admin:status.requestHeading', { id: shortId(request.id), state: t(`admin:state.${request.state}`) }),
    `- ${t('admin:status.user', { name: request.target.displayName, upn: request.target.userPrincipalName })}`,
    ...(request.add.length > 0 ? [`- ${t('admin:status.add', { products: productList(t, request.add) })}`] : []),
    ...(request.remove.length > 0 ? [`- ${t('admin:status.remove', { products: productList(t, request.remove) })}`] : []),
    `- ${t('admin:status.requester', { name: request.requester.displayName, at: formatDate(t, request.createdAt) })}`,
    ...(request.approvers.length > 0 ? [`- ${t('admin:status.approvers', { names: approvers })}`] : []),
    ...(request.decision ? [`- ${t('admin:status.decision', { name: request.decision.displayName, at: formatDate(t, request.decision.at) })}`] : []),
    ...(request.state === 'failed' ? [`- ${explainReason(t, request.outcome?.reasonCode ?? 'GRAPH_UNKNOWN', request.outcome?.params)}`] : []),
    `- ${t('admin:status.fullId', { id: request.id })}`,
  ];
  return lines.join('\n');
}

function jobDetails(scope: CommandScope, job: BulkJob): string {
  const { t } = scope;
  const number = (value: number) => formatNumber(t, value);
  const lines = [
    t('admin:status.jobHeading', { id: shortId(job.id), state: t(`admin:jobState.${job.state}`), products: productList(t, job.requested) }),
    `- ${t('admin:status.requester', { name: job.requester.displayName, at: formatDate(t, job.createdAt) })}`,
    `- ${t('admin:status.jobCounts', { lines: number(job.counts.lines), toChange: number(job.counts.toChange), done: number(job.counts.done), skipped: number(job.counts.skipped), failed: number(job.counts.failed), excluded: number(job.counts.excluded) })}`,
    ...(job.approvers.length > 0 ? [`- ${t('admin:status.approvers', { names: job.approvers.map((a) => a.displayName).join(t('replies:listSeparator')) })}`] : []),
    ...(job.decision ? [`- ${t('admin:status.decision', { name: job.decision.displayName, at: formatDate(t, job.decision.at) })}`] : []),
    ...job.problems.slice(0, 5).map((problem) => `- ${t('admin:status.problem', { line: problem.line, entry: problem.upn, reason: explainBulkReason(t, problem.reasonCode, problem.params) })}`),
    `- ${t('admin:status.fullId', { id: job.id })}`,
  ];
  return lines.join('\n');
}

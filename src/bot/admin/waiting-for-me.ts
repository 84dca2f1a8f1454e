/**
 * `waiting for me` in the personal chat: the approver's inbox. Every pending licence request the sender may
 * decide (they are among its stored approvers: approval-policy's canDecide) and every pending bulk job they are
 * an approver of, oldest first, each as one message: a short description and the card to decide it (the
 * approval card with Approve/Reject, whose Action.Execute goes to the approval handler like the card first
 * sent; the bulk job's approval card). In a channel it answers that the list comes in the personal chat.
 */
import { CardFactory, TurnContext } from 'botbuilder';
import { approvalCard } from '../../../cards/approval-card';
import { bulkJobCard } from '../../../cards/bulk-job-card';
import { canDecide } from '../../domain/approval-policy';
import type { LicenseRequest } from '../../domain/request';
import type { Clock, PostedCardStore, RequestStore } from '../../ports';
import { shortId, type BulkJob } from '../../services/bulk/bulk-job';
import type { BulkJobService } from '../../services/bulk/bulk-jobs';
import { productList } from '../explain';
import { formatAge, formatNumber } from './admin-format';
import { reply, type CommandScope } from './command-scope';

export interface WaitingForMeDependencies {
  readonly requests: RequestStore;
  readonly bulk: Pick<BulkJobService, 'listOpen'>;
  readonly clock: Clock;
  /** Posted approval cards: a card sent here is updated in place like the first one when the request is decided. */
  readonly cards?: PostedCardStore;
}

/** Cards sent in one answer; the rest are counted. */
export const WAITING_FOR_ME_LIMIT = 10;

/**
 * "waiting for me" as people say it, compared without case, spaces, apostrophes, a leading slash or a trailing
 * question mark: English, French, Simplified and Traditional Chinese, Japanese.
 */
const WAITING_FOR_ME = new Set(
  [
    'waiting for me',
    'waiting on me',
    "what's waiting for me",
    'what is waiting for me',
    'what waits for me',
    'to approve',
    'my approvals',
    'en attente de moi',
    'à valider',
    'a valider',
    'à approuver',
    'a approuver',
    "qu'est-ce qui m'attend",
    'mes validations',
    'mes approbations',
    '等我审批',
    '待我审批',
    '我的审批',
    '待审批',
    '等我核准',
    '待我核准',
    '我的核准',
    '待核准',
    '等我審批',
    '待我審批',
    '私の承認待ち',
    '承認待ち',
    '私の承認',
  ].map(normalize),
);

function normalize(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/^\//, '')
    .replace(/[\s'’?？!！。.、]/g, '');
}

export function isWaitingForMe(text: string): boolean {
  return WAITING_FOR_ME.has(normalize(text.replace(/\u00a0/g, ' ').trim()));
}

export async function listWaitingForMe(scope: CommandScope, deps: WaitingForMeDependencies): Promise<void> {
  const { t, actor, context } = scope;
  if (!scope.personal) return reply(scope, t('lifecycle:waitingForMe.personalOnly'));
  const requests = (await deps.requests.listByState(['pending'])).filter((request) => canDecide(request, actor).allowed);
  const jobs = (await deps.bulk.listOpen()).filter(
    (job) => job.state === 'pending' && job.tenantId === actor.tenantId && job.requester.id !== actor.id && job.approvers.some((approver) => approver.id === actor.id),
  );
  const items = [
    ...requests.map((request) => ({ at: request.createdAt, request })),
    ...jobs.map((job) => ({ at: job.createdAt, job })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  if (items.length === 0) return reply(scope, t('lifecycle:waitingForMe.none'));

  const now = deps.clock.now();
  const shown = items.slice(0, WAITING_FOR_ME_LIMIT);
  await reply(scope, t('lifecycle:waitingForMe.heading', { count: items.length }));
  for (const item of shown) {
    if ('request' in item && item.request) {
      const request = item.request;
      const card = approvalCard({
        request,
        locale: scope.locale,
        seats: request.seats,
        // the approver's Teams id (refresh by MRI) and every approver's Entra id, as on the card first sent
        refreshUserIds: [context.activity.from.id, ...request.approvers.map((approver) => approver.id)],
        withActions: true,
      });
      const sent = await context.sendActivity({ type: 'message', text: requestLine(scope, request, now), textFormat: 'markdown', attachments: [CardFactory.adaptiveCard(card)] });
      if (sent?.id && deps.cards) {
        const reference = TurnContext.getConversationReference(context.activity);
        await deps.cards.add({ requestId: request.id, approverId: actor.id, conversationReference: { ...reference }, activityId: sent.id });
      }
    } else if ('job' in item && item.job) {
      const job = item.job;
      const card = bulkJobCard({ job, locale: scope.locale, audience: 'approval', withActions: true });
      await context.sendActivity({ type: 'message', text: jobLine(scope, job, now), textFormat: 'markdown', attachments: [CardFactory.adaptiveCard(card)] });
    }
  }
  if (items.length > shown.length) await reply(scope, t('lifecycle:waitingForMe.more', { count: items.length - shown.length }));
}

function requestLine(scope: CommandScope, request: LicenseRequest, now: Date): string {
  const { t } = scope;
  return t(request.action === 'assign' ? 'lifecycle:waitingForMe.requestAssign' : 'lifecycle:waitingForMe.requestRemove', {
    id: shortId(request.id),
    requester: request.requester.displayName,
    products: productList(t, request.action === 'assign' ? request.requested : request.remove),
    name: request.target.displayName,
    age: formatAge(t, request.createdAt, now),
  });
}

function jobLine(scope: CommandScope, job: BulkJob, now: Date): string {
  const { t } = scope;
  return t(job.action === 'assign' ? 'lifecycle:waitingForMe.jobAssign' : 'lifecycle:waitingForMe.jobRemove', {
    id: shortId(job.id),
    requester: job.requester.displayName,
    products: productList(t, job.requested),
    count: job.counts.toChange,
    people: formatNumber(t, job.counts.toChange),
    age: formatAge(t, job.createdAt, now),
  });
}

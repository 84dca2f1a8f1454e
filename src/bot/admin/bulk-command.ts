/**
 * `bulk assign|remove <licences>` with a list (a .txt/.csv file in the personal chat, or UPNs pasted
 * one a line), and the job's buttons: `bulk submit|approve|reject <id>`. The list is checked in the
 * background (it can take a minute for 10,000 users) and the preview card is posted where the admin asked.
 */
import { CardFactory, TurnContext } from 'botbuilder';
import { bulkJobCard } from '../../../cards/bulk-job-card';
import type { LicenseAction } from '../../domain/decision';
import type { Logger } from '../../logger';
import { shortId } from '../../services/bulk/bulk-job';
import type { BulkJobService } from '../../services/bulk/bulk-jobs';
import { MAX_BULK_FILE_BYTES, MAX_BULK_USERS } from '../../services/bulk/bulk-limits';
import { UPN_COLUMNS } from '../../services/bulk/bulk-list';
import { explainReason } from '../explain';
import { formatNumber } from './admin-format';
import type { BulkCardNotifier } from './bulk-job-notifier';
import { reply, type CommandScope } from './command-scope';
import { readLicences } from './licence-words';
import { readListInput, type ListInput } from './list-input';
import type { ProactiveSender } from '../proactive-sender';

export interface BulkCommandDependencies {
  readonly bulk: BulkJobService;
  readonly notifier: BulkCardNotifier;
  readonly sender: ProactiveSender;
  readonly adminCanSkipApproval: boolean;
  readonly log: Logger;
  /** Keeps background work visible to shutdown. */
  readonly inBackground: (work: () => Promise<void>) => void;
}

export async function startBulk(
  scope: CommandScope,
  deps: BulkCommandDependencies,
  command: { action: LicenseAction; licences: string; list: string; noApproval: boolean },
): Promise<void> {
  const { t } = scope;
  if (command.noApproval && !deps.adminCanSkipApproval) return reply(scope, t('admin:change.noApprovalDisabled'));
  const licences = readLicences(command.licences);
  if (licences.kind === 'unknown') return reply(scope, t('admin:change.unknownLicence', { text: licences.text }));
  if (licences.kind === 'none') return reply(scope, t('admin:change.noLicence'));
  const input = await readListInput(scope.context.activity, command.list);
  if (input.kind !== 'list') return reply(scope, listProblem(scope, input));

  const reference = { ...TurnContext.getConversationReference(scope.context.activity) };
  await reply(scope, t('admin:bulk.checking', { count: formatNumber(t, input.list.count) }));
  const requester = { id: scope.actor.id, displayName: scope.actor.displayName };
  deps.inBackground(async () => {
    try {
      const { job } = await deps.bulk.prepare({
        tenantId: scope.actor.tenantId,
        requester,
        action: command.action,
        requested: licences.partNumbers,
        list: input.list,
        source: input.source,
        conversation: { reference, locale: scope.locale },
      });
      const card = bulkJobCard({ job, locale: scope.locale, audience: 'preview', withActions: true, skipApproval: command.noApproval });
      const posted = await deps.sender.send(reference, { type: 'message', attachments: [CardFactory.adaptiveCard(card)] });
      await deps.bulk.setConversation(job.id, { previewActivityId: posted.activityId });
    } catch (error) {
      deps.log.error('bulk list check failed', { error: String(error), stack: error instanceof Error ? error.stack : undefined });
      await deps.sender.send(reference, { type: 'message', text: t('admin:bulk.checkFailed') }).catch(() => undefined);
    }
  });
}

export async function bulkButton(
  scope: CommandScope,
  deps: BulkCommandDependencies,
  command: { verb: 'submit' | 'approve' | 'reject'; id: string; noApproval: boolean },
): Promise<void> {
  const { t } = scope;
  const ids = await deps.bulk.idsStartingWith(command.id);
  if (ids.length !== 1) return reply(scope, t('admin:status.notFound', { id: command.id }));
  const id = ids[0] as string;
  if (command.verb !== 'submit') {
    const result = await deps.bulk.decide(id, scope.actor, command.verb);
    switch (result.kind) {
      case 'notFound':
        return reply(scope, t('admin:status.notFound', { id: command.id }));
      case 'refused':
        return reply(scope, result.reason === 'ALREADY_DECIDED' ? t('admin:bulk.alreadyDecided', { id: shortId(id) }) : explainReason(t, result.reason));
      case 'unchanged':
        return reply(scope, t('admin:bulk.alreadyDecided', { id: shortId(id) }));
      case 'decided':
        return reply(scope, t(command.verb === 'approve' ? 'admin:bulk.youApproved' : 'admin:bulk.youRejected', { id: shortId(id), count: result.job.counts.toChange }));
    }
  }
  if (!(await scope.isAdmin())) return reply(scope, t('admin:refusal', { command: 'bulk' }));
  if (command.noApproval && !deps.adminCanSkipApproval) return reply(scope, t('admin:change.noApprovalDisabled'));
  const result = await deps.bulk.submit(id, scope.actor, { skipApproval: command.noApproval });
  if ('job' in result) await deps.notifier.refreshPreview((await deps.bulk.get(id)) ?? result.job);
  const short = shortId(id);
  switch (result.kind) {
    case 'notFound':
      return reply(scope, t('admin:status.notFound', { id: command.id }));
    case 'notYours':
      return reply(scope, t('admin:bulk.notYours', { id: short }));
    case 'notPreview':
      return reply(scope, t('admin:bulk.alreadySent', { id: short }));
    case 'expired':
      return reply(scope, t('admin:bulk.expired', { id: short }));
    case 'nothingToDo':
      return reply(scope, t('admin:bulk.nothingToDo', { id: short }));
    case 'shortOfSeats':
      return reply(scope, t('admin:bulk.shortOfSeats', { id: short }));
    case 'inOtherJobs':
      return reply(scope, t('admin:bulk.inOtherJobs', { id: short, users: result.users, jobs: result.jobs.join(t('replies:listSeparator')) }));
    case 'noApprover':
      return reply(scope, t('admin:bulk.noApprover', { id: short }));
    case 'started':
      return reply(scope, t('admin:bulk.startedWithoutApproval', { id: short, count: result.job.counts.toChange }));
    case 'submitted': {
      const approvers = result.job.approvers.map((approver) => approver.displayName).join(t('replies:listSeparator'));
      const key = result.reached > 0 ? 'admin:bulk.submitted' : 'admin:bulk.submittedUnreachable';
      return reply(scope, t(key, { id: short, approvers, count: result.job.counts.toChange }));
    }
  }
}

function listProblem(scope: CommandScope, input: Exclude<ListInput, { kind: 'list' }>): string {
  const { t } = scope;
  const limits = { maxUsers: formatNumber(t, MAX_BULK_USERS), maxKb: formatNumber(t, MAX_BULK_FILE_BYTES / 1024), columns: UPN_COLUMNS.slice(0, 3).join(', ') };
  switch (input.kind) {
    case 'missing':
      return t(scope.personal ? 'admin:bulk.missingPersonal' : 'admin:bulk.missingChannel', limits);
    case 'fileTooLarge':
      return t('admin:bulk.fileTooLarge', { name: input.name, ...limits });
    case 'unsupportedFile':
      return t('admin:bulk.unsupportedFile', { name: input.name });
    case 'downloadFailed':
      return t('admin:bulk.downloadFailed', { name: input.name });
    case 'listError':
      switch (input.error.kind) {
        case 'empty':
          return t('admin:bulk.emptyList');
        case 'tooMany':
          return t('admin:bulk.tooMany', { count: formatNumber(t, input.error.count), ...limits });
        case 'noUpnColumn':
          return t('admin:bulk.noUpnColumn', limits);
        case 'unsupportedFile':
          return t('admin:bulk.unsupportedFile', { name: input.error.name });
      }
  }
}

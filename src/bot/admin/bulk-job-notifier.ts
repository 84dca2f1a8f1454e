/**
 * Tells people about bulk jobs (BulkJobNotifier): the ONE approval card to each approver's personal
 * chat, in-place updates of those cards once decided, the progress card in the conversation where the
 * admin asked (updated in place), and the final report there, with the CSV offered in the admin's
 * personal chat.
 */
import { CardFactory } from 'botbuilder';
import { bulkJobCard } from '../../../cards/bulk-job-card';
import { bulkProgressCard } from '../../../cards/bulk-progress-card';
import { translator } from '../../i18n';
import type { Logger } from '../../logger';
import type { ConversationDirectory } from '../../ports';
import type { BulkJob, BulkProgress, BulkUserEntry } from '../../services/bulk/bulk-job';
import type { BulkJobNotifier, PostedBulkCard } from '../../services/bulk/bulk-ports';
import { formatNumber } from './admin-format';
import { bulkReportCsv, bulkReportFileName } from './bulk-report-csv';
import type { FileExports } from './file-exports';
import type { ProactiveSender } from '../proactive-sender';

export class BulkCardNotifier implements BulkJobNotifier {
  constructor(
    private readonly sender: ProactiveSender,
    private readonly conversations: ConversationDirectory,
    private readonly exports: FileExports,
    private readonly log: Logger,
  ) {}

  async approvalRequested(job: BulkJob): Promise<PostedBulkCard[]> {
    const posted: PostedBulkCard[] = [];
    for (const approver of job.approvers) {
      try {
        const locale = (await this.conversations.find(job.tenantId, approver.id))?.locale ?? null;
        const card = bulkJobCard({ job, locale, audience: 'approval', withActions: true });
        const sent = await this.sender.sendToPerson(job.tenantId, approver, { type: 'message', attachments: [CardFactory.adaptiveCard(card)] }, job.conversation.reference);
        posted.push({ approverId: approver.id, reference: sent.reference, activityId: sent.activityId });
      } catch (error) {
        this.log.warn('bulk approval card not delivered', { jobId: job.id, approverId: approver.id, error: String(error) });
      }
    }
    return posted;
  }

  async decided(job: BulkJob): Promise<void> {
    for (const card of job.approvalCards) {
      const locale = (await this.conversations.find(job.tenantId, card.approverId))?.locale ?? null;
      const view = bulkJobCard({ job, locale, audience: 'approval', withActions: false });
      await this.sender.update(card.reference, card.activityId, { attachments: [CardFactory.adaptiveCard(view)] }).catch((error: unknown) => {
        this.log.warn('bulk approval card not updated', { jobId: job.id, approverId: card.approverId, error: String(error) });
      });
    }
    await this.refreshPreview(job);
    const t = translator(job.conversation.locale);
    const name = job.decision?.displayName ?? job.cancelRequested?.displayName ?? '';
    const key = job.state === 'rejected' ? 'admin:bulk.rejected' : job.state === 'cancelled' ? 'admin:bulk.cancelledWhilePending' : 'admin:bulk.approved';
    await this.sender.send(job.conversation.reference, { type: 'message', text: t(key, { name, count: job.counts.toChange }) });
  }

  async progress(job: BulkJob, progress: BulkProgress): Promise<string | undefined> {
    const card = bulkProgressCard({ job, progress, locale: job.conversation.locale });
    return this.showProgress(job, { attachments: [CardFactory.adaptiveCard(card)] });
  }

  async finished(job: BulkJob, entries: readonly BulkUserEntry[], progress: BulkProgress): Promise<void> {
    const t = translator(job.conversation.locale);
    let csvOffered = false;
    try {
      await this.exports.offer({
        tenantId: job.tenantId,
        owner: job.requester,
        fileName: bulkReportFileName(job),
        csv: bulkReportCsv(job, entries, job.conversation.locale),
        description: t('admin:export.bulkDescription', { count: entries.length }),
        via: job.conversation.reference,
      });
      csvOffered = true;
    } catch (error) {
      this.log.warn('bulk report csv not offered', { jobId: job.id, error: String(error) });
    }
    const failures = entries.filter((entry) => entry.status === 'failed');
    const card = bulkProgressCard({ job, progress, locale: job.conversation.locale, failures, csvOffered });
    await this.showProgress(job, { attachments: [CardFactory.adaptiveCard(card)] });
    const summaryKey = job.state === 'cancelled' ? 'admin:bulk.finishedCancelled' : job.action === 'assign' ? 'admin:bulk.finishedAssign' : 'admin:bulk.finishedRemove';
    await this.sender.send(job.conversation.reference, {
      type: 'message',
      text: t(summaryKey, { done: formatNumber(t, progress.done), failed: formatNumber(t, progress.failed), skipped: formatNumber(t, progress.skipped) }),
    });
  }

  /** The preview card loses its buttons once the job has left the preview. */
  async refreshPreview(job: BulkJob): Promise<void> {
    const activityId = job.conversation.previewActivityId;
    if (!activityId) return;
    const card = bulkJobCard({ job, locale: job.conversation.locale, audience: 'preview', withActions: job.state === 'preview' });
    await this.sender.update(job.conversation.reference, activityId, { attachments: [CardFactory.adaptiveCard(card)] }).catch((error: unknown) => {
      this.log.warn('bulk preview card not updated', { jobId: job.id, error: String(error) });
    });
  }

  private async showProgress(job: BulkJob, activity: { attachments: ReturnType<typeof CardFactory.adaptiveCard>[] }): Promise<string | undefined> {
    const existing = job.conversation.progressActivityId;
    if (existing) {
      await this.sender.update(job.conversation.reference, existing, { type: 'message', ...activity });
      return existing;
    }
    return (await this.sender.send(job.conversation.reference, { type: 'message', ...activity })).activityId;
  }
}

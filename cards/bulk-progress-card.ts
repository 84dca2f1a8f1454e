/**
 * The progress of a running bulk job, updated in place (done / failed / remaining, elapsed, estimate),
 * and the same card as the final report: every failure with its reason in plain language (up to
 * MAX_FAILURES_ON_CARD; all of them are in the CSV offered in the personal chat).
 */
import { explainBulkReason, formatDuration, formatNumber } from '../src/bot/admin/admin-format';
import { productList } from '../src/bot/explain';
import { translator, type Translate } from '../src/i18n';
import { shortId, type BulkJob, type BulkProgress, type BulkUserEntry } from '../src/services/bulk/bulk-job';
import { MAX_FAILURES_ON_CARD } from '../src/services/bulk/bulk-limits';
import { fillTemplate, type AdaptiveCardJson } from './fill-template';
import progressTemplate from './templates/bulk-progress-card.json';

export interface BulkProgressCardView {
  readonly job: BulkJob;
  readonly progress: BulkProgress;
  readonly locale: string | null;
  /** The failed users, for the final report. */
  readonly failures?: readonly BulkUserEntry[];
  /** True when the CSV was offered in the requester's personal chat. */
  readonly csvOffered?: boolean;
}

export function bulkProgressCard(view: BulkProgressCardView): AdaptiveCardJson {
  const { job, progress } = view;
  const t = translator(view.locale);
  const number = (value: number) => formatNumber(t, value);
  const changed = t(job.action === 'assign' ? 'admin:progress.assigned' : 'admin:progress.removed');
  const facts = [
    { title: changed, value: number(progress.done) },
    { title: t('admin:progress.skipped'), value: number(progress.skipped) },
    { title: t('admin:progress.failed'), value: number(progress.failed) },
    ...(progress.cancelled > 0 ? [{ title: t('admin:progress.cancelled'), value: number(progress.cancelled) }] : []),
    ...(progress.final ? [] : [{ title: t('admin:progress.remaining'), value: number(progress.remaining) }]),
    ...(job.counts.excluded > 0 ? [{ title: t('admin:progress.notAttempted'), value: number(job.counts.excluded) }] : []),
    { title: t('admin:progress.elapsed'), value: formatDuration(t, progress.elapsedMs) },
    ...(!progress.final ? [{ title: t('admin:progress.estimate'), value: progress.etaMs === undefined ? t('admin:progress.estimating') : formatDuration(t, progress.etaMs) }] : []),
  ];
  const failures = (view.failures ?? []).slice(0, MAX_FAILURES_ON_CARD).map((entry) => ({
    user: entry.displayName ? `${entry.displayName} (${entry.upn})` : entry.upn,
    reason: explainBulkReason(t, entry.reasonCode ?? 'GRAPH_UNKNOWN', entry.params),
  }));
  const more = (view.failures?.length ?? 0) - failures.length;
  return fillTemplate(progressTemplate, {
    title: titleFor(t, view),
    titleColor: !progress.final ? 'Accent' : progress.failed > 0 || job.state === 'cancelled' ? 'Warning' : 'Good',
    subtitle: t('admin:progress.subtitle', { products: productList(t, job.requested), requester: job.requester.displayName }),
    facts,
    failures,
    note: view.csvOffered ? t('admin:progress.csvOffered') : t('admin:progress.csvNotOffered'),
    labels: {
      failures: t('admin:progress.failures'),
      user: t('admin:progress.column.user'),
      reason: t('admin:progress.column.reason'),
      moreFailures: t('admin:progress.moreFailures', { count: number(more) }),
      jobId: t('admin:bulkCard.jobId', { id: shortId(job.id) }),
    },
    show: { failures: failures.length > 0, moreFailures: more > 0, note: progress.final },
  });
}

function titleFor(t: Translate, view: BulkProgressCardView): string {
  const { job, progress } = view;
  const total = progress.done + progress.skipped + progress.failed + progress.cancelled + progress.remaining;
  const handled = total - progress.remaining;
  if (!progress.final) return t('admin:progress.title.running', { done: formatNumber(t, handled), total: formatNumber(t, total) });
  if (job.state === 'cancelled') return t('admin:progress.title.cancelled');
  return progress.failed > 0 ? t('admin:progress.title.finishedWithFailures', { count: progress.failed }) : t('admin:progress.title.finished');
}

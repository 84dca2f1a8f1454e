/**
 * The card of a bulk job before it runs: the preview the admin checks (counts, the seats the batch will
 * use, the first problems) with "Send for approval", and the same summary as the ONE approval card of
 * the batch, with Approve / Reject while it waits. Buttons are messageBack actions carrying only
 * "bulk <verb> <job id>": the bot loads the job from storage and checks who clicked.
 */
import { explainBulkReason, formatNumber } from '../src/bot/admin/admin-format';
import { productList, productName } from '../src/bot/explain';
import { resolveLocale, translator, type Translate } from '../src/i18n';
import { shortId, type BulkJob } from '../src/services/bulk/bulk-job';
import { fillTemplate, type AdaptiveCardJson } from './fill-template';
import jobTemplate from './templates/bulk-job-card.json';

export interface BulkJobCardView {
  readonly job: BulkJob;
  readonly locale: string | null;
  /** preview: for the admin who sent the list; approval: for the approvers. */
  readonly audience: 'preview' | 'approval';
  /** Buttons (Send for approval / Approve, Reject) while the job waits for them. */
  readonly withActions: boolean;
  /** The admin asked to run it without approval (and configuration allows it). */
  readonly skipApproval?: boolean;
}

export function bulkJobCard(view: BulkJobCardView): AdaptiveCardJson {
  const { job } = view;
  const t = translator(view.locale);
  const number = (value: number) => formatNumber(t, value);
  const products = productList(t, job.requested);
  const shortOfSeats = job.seats.some((seat) => seat.needed > seat.free);
  const facts = [
    ...(view.audience === 'approval' ? [{ title: t('admin:bulkCard.requester'), value: job.requester.displayName }] : []),
    { title: t('admin:bulkCard.licences'), value: products },
    { title: t('admin:bulkCard.list'), value: job.source.name ?? t('admin:bulkCard.inlineList') },
    { title: t('admin:bulkCard.lines'), value: number(job.counts.lines) },
    { title: t(job.action === 'assign' ? 'admin:bulkCard.toAssign' : 'admin:bulkCard.toRemove'), value: number(job.counts.toChange) },
    { title: t('admin:bulkCard.alreadyDone'), value: number(job.counts.skipped) },
    { title: t('admin:bulkCard.problems'), value: number(job.counts.excluded) },
    ...(job.state === 'pending' && job.approvers.length > 0
      ? [{ title: t('admin:bulkCard.approvers'), value: new Intl.ListFormat(resolveLocale(view.locale), { type: 'conjunction' }).format(job.approvers.map((a) => a.displayName)) }]
      : []),
  ];
  const seats = job.seats.map((seat) => ({
    name: productName(t, seat.partNumber),
    needed: number(seat.needed),
    free: number(seat.free),
    after: number(seat.free - seat.needed),
    color: seat.needed > seat.free ? 'Attention' : 'Default',
  }));
  const problems = job.problems.map((problem) => ({
    line: String(problem.line),
    entry: problem.upn,
    reason: explainBulkReason(t, problem.reasonCode, problem.params),
  }));
  const { note, noteColor } = noteFor(t, view, shortOfSeats);
  return fillTemplate(jobTemplate, {
    title: titleFor(t, view),
    titleColor: job.state === 'rejected' || job.state === 'cancelled' ? 'Attention' : job.state === 'pending' || job.state === 'preview' ? 'Default' : 'Good',
    facts,
    seats,
    problems,
    note,
    noteColor,
    labels: {
      seats: t('admin:bulkCard.seats'),
      licence: t('admin:bulkCard.column.licence'),
      needed: t('admin:bulkCard.column.needed'),
      free: t('admin:bulkCard.column.free'),
      after: t('admin:bulkCard.column.after'),
      problems: t('admin:bulkCard.firstProblems', { shown: number(problems.length), total: number(job.counts.excluded) }),
      line: t('admin:bulkCard.column.line'),
      entry: t('admin:bulkCard.column.entry'),
      reason: t('admin:bulkCard.column.reason'),
      jobId: t('admin:bulkCard.jobId', { id: shortId(job.id) }),
    },
    show: { seats: seats.length > 0, problems: problems.length > 0 },
    actions: view.withActions ? actionsFor(t, view, shortOfSeats) : [],
  });
}

function titleFor(t: Translate, view: BulkJobCardView): string {
  const { job } = view;
  const count = job.counts.toChange;
  const decider = job.decision?.displayName ?? '';
  switch (job.state) {
    case 'preview':
      return t(job.action === 'assign' ? 'admin:bulkCard.title.previewAssign' : 'admin:bulkCard.title.previewRemove', { count });
    case 'pending':
      return t(job.action === 'assign' ? 'admin:bulkCard.title.pendingAssign' : 'admin:bulkCard.title.pendingRemove', { count });
    case 'rejected':
      return t('admin:bulkCard.title.rejected', { name: decider });
    case 'cancelled':
      return t('admin:bulkCard.title.cancelled', { name: job.cancelRequested?.displayName ?? '' });
    default:
      return job.noApproval ? t('admin:bulkCard.title.startedWithoutApproval', { name: decider }) : t('admin:bulkCard.title.approved', { name: decider });
  }
}

function noteFor(t: Translate, view: BulkJobCardView, shortOfSeats: boolean): { note: string; noteColor: string } {
  const { job } = view;
  if (job.state !== 'preview' && job.state !== 'pending') return { note: t('admin:bulkCard.note.decided'), noteColor: 'Default' };
  if (job.counts.toChange === 0) return { note: t('admin:bulkCard.note.nothingToDo'), noteColor: 'Attention' };
  if (shortOfSeats) return { note: t('admin:bulkCard.note.shortOfSeats'), noteColor: 'Attention' };
  if (view.audience === 'approval') return { note: t('admin:bulkCard.note.approval', { count: job.counts.toChange }), noteColor: 'Default' };
  return { note: t('admin:bulkCard.note.ready', { count: job.counts.toChange }), noteColor: 'Good' };
}

function actionsFor(t: Translate, view: BulkJobCardView, shortOfSeats: boolean) {
  const { job } = view;
  const id = job.id;
  if (view.audience === 'approval') {
    if (job.state !== 'pending') return [];
    return [
      { title: t('admin:bulkCard.approve'), style: 'positive', text: `bulk approve ${id}` },
      { title: t('admin:bulkCard.reject'), style: 'destructive', text: `bulk reject ${id}` },
    ];
  }
  if (job.state !== 'preview') return [];
  const cancel = { title: t('admin:bulkCard.cancel'), style: 'default', text: `cancel ${id}` };
  if (job.counts.toChange === 0 || shortOfSeats) return [cancel];
  if (view.skipApproval) return [{ title: t('admin:bulkCard.runNow'), style: 'positive', text: `bulk submit ${id} --no-approval` }, cancel];
  return [{ title: t('admin:bulkCard.submit'), style: 'positive', text: `bulk submit ${id}` }, cancel];
}

/**
 * The approval card: one template for every state of a licence request. Approvers get it with buttons
 * while the request is pending; everyone else (and everyone once it is decided) sees a status view.
 * All text comes from the reader's locale through the translator; product names and reason sentences
 * are the same ones the chat replies use (src/bot/explain.ts).
 */
import type { RequestState, LicenseRequest, SeatCount } from '../src/domain/request';
import type { NoteKind } from '../src/domain/decision';
import { addedProducts, explainReason, productName, removedProducts } from '../src/bot/explain';
import { resolveLocale, translator, type Translate } from '../src/i18n';
import { durationDays, endOf, formatEndDate } from '../src/services/lifecycle/licence-end-format';
import { relianceOf } from '../src/services/time-bound-reliance';
import { formatNumber } from '../src/bot/admin/admin-format';
import { shortId } from '../src/services/bulk/bulk-job';
import { isNotLimitedBySeats } from './seats-card';
import { fillTemplate, type AdaptiveCardJson } from './fill-template';
import approvalTemplate from './templates/approval-card.json';

export type { AdaptiveCardJson } from './fill-template';
export type { SeatCount } from '../src/domain/request';

export interface ApprovalCardView {
  readonly request: LicenseRequest;
  /** The reader's locale (the approver's, or whoever views the card). */
  readonly locale: string | null;
  /** Seat counts for the request's licences to add (the stored request.seats, or fresher ones). */
  readonly seats: readonly SeatCount[];
  /** Teams MRIs (29:…) and/or Entra ids of the approvers: their clients refresh the card into the live view. */
  readonly refreshUserIds: readonly string[];
  /** True on the approver's view of a pending request: the comment box and the Approve/Reject buttons. */
  readonly withActions: boolean;
  /** Shown after Approve until the final result is known. */
  readonly progress?: 'assigning';
}

/** What the card shows: the stored state folded into the moments a reader cares about. */
type DisplayState = 'pending' | 'assigning' | 'completed' | 'failed' | 'rejected' | 'cancelled' | 'expired';

/** Teams refreshes a card automatically for at most 60 users. */
const MAX_REFRESH_USERS = 60;

const titleColors: Record<DisplayState, string> = {
  pending: 'Default',
  assigning: 'Accent',
  completed: 'Good',
  failed: 'Attention',
  rejected: 'Attention',
  cancelled: 'Default',
  expired: 'Warning',
};

export function approvalCard(view: ApprovalCardView): AdaptiveCardJson {
  const { request, locale } = view;
  const t = translator(locale);
  const state = displayState(request.state, view.progress);
  const decider = request.decision?.displayName;
  const comment = request.decision?.comment?.trim() ?? '';
  const isFinal = state !== 'pending' && state !== 'assigning';

  const add = addedProducts(t, request).map((name) => ({ name }));
  const remove = removedProducts(t, request).map((name) => ({ name }));
  const seats = view.seats.map((seat) => seatLine(t, seat));
  const changes = [...notesOfKind(t, request, 'change'), ...timeBoundLines(t, request)];
  const advice = notesOfKind(t, request, 'advice');
  const approvers = new Intl.ListFormat(resolveLocale(locale), { type: 'conjunction' }).format(
    request.approvers.map((person) => person.displayName),
  );
  const showActions = view.withActions && state === 'pending';
  const ends = endsText(t, request);

  return fillTemplate(approvalTemplate, {
    requestId: request.id,
    refreshUserIds: [...new Set(view.refreshUserIds)].slice(0, MAX_REFRESH_USERS),
    title: title(t, state, request),
    titleColor: titleColors[state],
    reason: state === 'failed' ? failureText(t, request) : state === 'expired' ? t('cards:approval.expiredReason') : '',
    comment,
    requester: request.requester.displayName,
    user: t('cards:approval.userValue', {
      name: request.target.displayName,
      upn: request.target.userPrincipalName,
    }),
    approvers,
    approvedBy: decider ?? '',
    ends: ends ?? '',
    add,
    remove,
    seats,
    changes,
    advice,
    labels: {
      comment: decider ? t('cards:approval.comment', { name: decider }) : t('cards:approval.commentUnnamed'),
      requester: t('cards:approval.requester'),
      user: t('cards:approval.user'),
      approvers: t('cards:approval.approvers'),
      approvedBy: t('cards:approval.approvedBy'),
      ends: t('cards:approval.ends'),
      // once done, the lists say what happened, not what is to come
      add: t(state === 'completed' ? 'cards:approval.addDone' : 'cards:approval.add'),
      remove: t(state === 'completed' ? 'cards:approval.removeDone' : 'cards:approval.remove'),
      seats: t('cards:approval.seats'),
      changes: t('cards:approval.changes'),
      advice: t('cards:approval.advice'),
      commentLabel: t('cards:approval.commentLabel'),
      commentPlaceholder: t('cards:approval.commentPlaceholder'),
      approve: t('cards:approval.approve'),
      reject: t('cards:approval.reject'),
      // the 8-character id the chat shows (status, cancel); the full id travels only in the action data
      requestId: t('cards:approval.requestId', { id: shortId(request.id) }),
    },
    show: {
      refresh: !isFinal,
      reason: state === 'failed' || state === 'expired',
      comment: state === 'rejected' && comment !== '',
      approvers: state === 'pending' && request.approvers.length > 0,
      approvedBy: (state === 'completed' || state === 'failed') && decider !== undefined,
      ends: ends !== undefined && state !== 'failed' && state !== 'rejected' && state !== 'cancelled' && state !== 'expired',
      add: add.length > 0,
      remove: remove.length > 0,
      seats: seats.length > 0,
      changes: changes.length > 0,
      // next steps and latency hints only matter while the change can still happen or once it has
      advice: advice.length > 0 && state !== 'failed' && state !== 'rejected' && state !== 'cancelled' && state !== 'expired',
      actions: showActions,
    },
  });
}

function displayState(state: RequestState, progress: ApprovalCardView['progress']): DisplayState {
  switch (state) {
    case 'completed':
    case 'failed':
    case 'rejected':
    case 'cancelled':
    case 'expired':
      return state;
    case 'approved':
    case 'assigning':
      return 'assigning';
    case 'pending':
      return progress === 'assigning' ? 'assigning' : 'pending';
  }
}

function title(t: Translate, state: DisplayState, request: LicenseRequest): string {
  const name = request.decision?.displayName;
  const removing = request.action === 'remove';
  switch (state) {
    case 'pending':
      return t('cards:approval.title.pending');
    case 'assigning':
      return name ? t('cards:approval.title.assigning', { name }) : t('cards:approval.title.assigningUnnamed');
    case 'completed':
      return t(removing ? 'cards:approval.title.completedRemove' : 'cards:approval.title.completedAssign');
    case 'failed':
      return t(removing ? 'cards:approval.title.failedRemove' : 'cards:approval.title.failedAssign');
    case 'rejected':
      return name ? t('cards:approval.title.rejected', { name }) : t('cards:approval.title.rejectedUnnamed');
    case 'cancelled':
      return name ? t('cards:approval.title.cancelledBy', { name }) : t('cards:approval.title.cancelled');
    case 'expired':
      return t('cards:approval.title.expired');
  }
}

/** A time-bound assignment: its end date once known, before that its length and the date if assigned at creation. */
function endsText(t: Translate, request: LicenseRequest): string | undefined {
  if (request.action !== 'assign') return undefined;
  if (request.endsAt) return t('cards:approval.endsOn', { date: formatEndDate(t, request.endsAt) });
  if (!request.durationSeconds) return undefined;
  return t('cards:approval.endsAfter', {
    days: durationDays(request.durationSeconds),
    date: formatEndDate(t, endOf(request.createdAt, request.durationSeconds)),
  });
}

function failureText(t: Translate, request: LicenseRequest): string {
  const code = request.outcome?.reasonCode;
  return code ? explainReason(t, code, request.outcome?.params) : t('cards:approval.failedUnknown');
}

function seatLine(t: Translate, seat: SeatCount): { name: string; text: string; color: string } {
  const name = productName(t, seat.partNumber);
  // prepaid funds (Communications Credits) come as millions of units: no seat count to read there
  if (isNotLimitedBySeats(seat.enabled)) return { name, text: t('cards:approval.seatsUnlimited'), color: 'Default' };
  const free = Math.max(0, seat.enabled - seat.consumed);
  return {
    name,
    text: t('cards:approval.seatsValue', { free: formatNumber(t, free), total: formatNumber(t, seat.enabled) }),
    color: free > 0 ? 'Default' : 'Attention',
  };
}

function notesOfKind(t: Translate, request: LicenseRequest, kind: NoteKind): { text: string }[] {
  return request.notes
    .filter((note) => note.kind === kind)
    .map((note) => ({ text: explainReason(t, note.code, note.params) }));
}

/** A licence this request relies on ends with a time-bound grant: the approver should know before approving. */
function timeBoundLines(t: Translate, request: LicenseRequest): { text: string }[] {
  return relianceOf(request).map((basis) => ({ text: t('cards:approval.reliesOnTimeBound', { product: productName(t, basis.partNumber), date: formatEndDate(t, basis.endsAt) }) }));
}

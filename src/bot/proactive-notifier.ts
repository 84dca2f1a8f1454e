/**
 * Proactive messages: the approval card to each approver's personal chat (creating the 1:1
 * conversation when the bot has none yet), in-place updates of every posted card, and the
 * requester's outcome message with next steps. Each reader gets their own language.
 */
import { CardFactory, type Activity } from 'botbuilder';
import type { ProactiveSender } from './proactive-sender';
import { approvalCard } from '../../cards/approval-card';
import { adviceAfterSuccess, seatCounts } from '../domain/rules';
import { isFinal } from '../domain/request-state';
import type { LicenseRequest, Person } from '../domain/request';
import type { FactsAfterChange } from '../domain/facts-after-change';
import { translator } from '../i18n';
import type { ApprovalDelivery, ConversationDirectory, Directory, PostedCardStore, RequestNotifier, RequestStore, StoredConversation } from '../ports';
import { addedProducts, explainReason, joinProducts, removedProducts } from './explain';
import type { LicenseFactsReader } from '../services/license-facts';
import { tenantStock } from '../services/license-facts';
import type { Logger } from '../logger';

export interface NotifierDependencies {
  readonly sender: ProactiveSender;
  readonly conversations: ConversationDirectory;
  readonly cards: PostedCardStore;
  readonly requests: RequestStore;
  readonly directory: Directory;
  readonly facts: LicenseFactsReader;
  readonly log: Logger;
}

export class ProactiveNotifier implements RequestNotifier {
  /** Approvers already logged as unreachable: one warning per approver, not one per attempt. */
  private readonly warnedUnreachable = new Set<string>();

  constructor(private readonly deps: NotifierDependencies) {}

  async approvalRequested(request: LicenseRequest): Promise<ApprovalDelivery> {
    return this.postApprovalCards(request, request.approvers);
  }

  /**
   * An approver who could not be reached when a request was submitted (no chat with the bot yet)
   * gets the waiting cards as soon as they appear: installation, first message.
   */
  async deliverWaitingCards(tenantId: string, personId: string): Promise<number> {
    let delivered = 0;
    for (const request of await this.deps.requests.listByState(['pending'])) {
      if (request.tenantId !== tenantId) continue;
      const approver = request.approvers.find((candidate) => candidate.id === personId);
      if (!approver) continue;
      const posted = await this.deps.cards.list(request.id);
      if (posted.some((card) => card.approverId === personId)) continue;
      delivered += (await this.postApprovalCards(request, [approver])).reached;
    }
    return delivered;
  }

  private async postApprovalCards(request: LicenseRequest, approvers: readonly Person[]): Promise<ApprovalDelivery> {
    const seats = [...request.seats];
    const refreshUserIds = await this.refreshUserIds(request);
    let reached = 0;
    const waiting: Person[] = [];
    for (const approver of approvers) {
      try {
        const card = approvalCard({ request, locale: await this.localeOf(request.tenantId, approver.id), seats, refreshUserIds, withActions: true });
        const posted = await this.deps.sender.sendToPerson(request.tenantId, approver, cardMessage(card), await this.requesterContact(request));
        await this.deps.cards.add({ requestId: request.id, approverId: approver.id, conversationReference: { ...posted.reference }, activityId: posted.activityId });
        reached++;
        this.warnedUnreachable.delete(approver.id);
      } catch (error) {
        waiting.push(approver);
        // Usually the approver has never opened License Desk: expected, and retried with back-off, so said once.
        const first = !this.warnedUnreachable.has(approver.id);
        this.warnedUnreachable.add(approver.id);
        const fields = { requestId: request.id, approverId: approver.id, error: String(error) };
        if (first) this.deps.log.warn('approval card not delivered: the approver gets it on first opening License Desk', fields);
        else this.deps.log.debug('approval card still not delivered', fields);
      }
    }
    return { reached, waiting };
  }

  async requestChanged(request: LicenseRequest, after?: FactsAfterChange): Promise<void> {
    // After its own write the writer knows the seats; otherwise (a rejection, a recovery) they are read.
    const seats = after ? seatCounts(after.tenant, request.add) : await this.seatsFor(request).catch(() => [...request.seats]);
    const refreshUserIds = await this.refreshUserIds(request);
    for (const posted of await this.deps.cards.list(request.id)) {
      const card = approvalCard({ request, locale: await this.localeOf(request.tenantId, posted.approverId), seats, refreshUserIds, withActions: false });
      try {
        await this.deps.sender.update(posted.conversationReference, posted.activityId, cardMessage(card));
      } catch (error) {
        this.deps.log.warn('approval card not updated', { requestId: request.id, approverId: posted.approverId, error: String(error) });
      }
    }
    if (isFinal(request.state)) await this.tellRequester(request, after);
  }

  private async tellRequester(request: LicenseRequest, after: FactsAfterChange | undefined): Promise<void> {
    const contact = await this.deps.conversations.find(request.tenantId, request.requester.id);
    const t = translator(contact?.locale);
    const params = {
      name: request.target.displayName,
      products: joinProducts(t, request.action === 'assign' ? addedProducts(t, request) : removedProducts(t, request)),
      removed: joinProducts(t, removedProducts(t, request)),
      by: request.decision?.displayName ?? '',
      comment: request.decision?.comment ?? '',
    };
    const lines: string[] = [];
    switch (request.state) {
      case 'completed': {
        lines.push(t(request.action === 'assign' ? 'replies:outcome.assigned' : 'replies:outcome.removed', params));
        if (request.action === 'assign' && removedProducts(t, request).length > 0) lines.push(t('replies:outcome.alsoRemoved', params));
        const facts = after ?? (await this.deps.facts.read(request.target.id).catch(() => undefined));
        if (facts) {
          const advice = adviceAfterSuccess(request.add, facts.user, facts.tenant, request.planChanges);
          lines.push(...advice.map((note) => `- ${explainReason(t, note.code, note.params)}`));
        }
        break;
      }
      case 'failed':
        lines.push(t('replies:outcome.failed', params), explainReason(t, request.outcome?.reasonCode ?? 'GRAPH_UNKNOWN', request.outcome?.params));
        break;
      case 'rejected':
        lines.push(t(request.decision?.comment ? 'replies:outcome.rejectedWithComment' : 'replies:outcome.rejected', params));
        break;
      case 'expired':
        lines.push(t('lifecycle:approval.expiredRequester', { ...params, days: daysPending(request) }));
        break;
      default:
        lines.push(t('replies:outcome.cancelled', params));
    }
    await this.deps.sender.sendToPerson(request.tenantId, request.requester, { type: 'message', text: lines.join('\n\n') }).catch((error: unknown) => {
      this.deps.log.warn('requester not notified', { requestId: request.id, error: String(error) });
    });
  }

  /** The requester's remembered conversation: the service URL and bot account to open other chats from. */
  private async requesterContact(request: LicenseRequest): Promise<StoredConversation | undefined> {
    return this.deps.conversations.find(request.tenantId, request.requester.id);
  }

  /** The reader's language: the locale Teams last sent for them, else their Graph preferredLanguage. */
  private async localeOf(tenantId: string, personId: string): Promise<string | null> {
    const contact = await this.deps.conversations.find(tenantId, personId);
    if (contact?.locale) return contact.locale;
    const user = await this.deps.directory.getUser(personId).catch(() => undefined);
    return user?.preferredLanguage ?? null;
  }

  private async refreshUserIds(request: LicenseRequest): Promise<string[]> {
    const ids: string[] = [];
    for (const approver of request.approvers) {
      const contact = await this.deps.conversations.find(request.tenantId, approver.id);
      ids.push(contact?.channelUserId ?? approver.id);
    }
    return ids;
  }

  private async seatsFor(request: LicenseRequest) {
    return seatCounts({ skus: tenantStock(await this.deps.directory.listSubscribedSkus()) }, request.add);
  }
}

/** Whole days between the request and its last change (for an expired request, its expiry). */
function daysPending(request: LicenseRequest): number {
  return Math.round((Date.parse(request.updatedAt) - Date.parse(request.createdAt)) / 86_400_000);
}

function cardMessage(card: object): Partial<Activity> {
  return { type: 'message', attachments: [CardFactory.adaptiveCard(card)] };
}

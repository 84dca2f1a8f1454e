/**
 * Universal Action invokes from the approval card. The card carries only a request id: the
 * request is loaded from storage, the clicker is identified by from.aadObjectId within the
 * tenant, and the approval policy decides whether they may act. The invoke is answered at once
 * with the updated card; the Graph write continues in the background.
 */
import type { AdaptiveCardInvokeResponse, AdaptiveCardInvokeValue, TurnContext } from 'botbuilder';
import { approvalCard } from '../../cards/approval-card';
import { parseCardAction } from '../../cards/card-action';
import { cardResponse, errorResponse, messageResponse, type UniversalActionResponse } from '../../cards/invoke-response';
import { canDecide } from '../domain/approval-policy';
import type { LicenseRequest } from '../domain/request';
import { translator } from '../i18n';
import type { ConversationDirectory, RequestStore } from '../ports';
import type { ApprovalWorkflow } from '../services/approval-workflow';
import { identityOf } from './conversation-memory';
import { explainReason } from './explain';

export class CardActionHandler {
  constructor(
    private readonly workflow: ApprovalWorkflow,
    private readonly requests: RequestStore,
    private readonly conversations: ConversationDirectory,
  ) {}

  async handle(context: TurnContext, invokeValue: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    const t = translator(context.activity.locale);
    const action = parseCardAction(invokeValue);
    if (!action) return reply(errorResponse('BadRequest', t('replies:card.invalidAction')));
    const identity = identityOf(context.activity);
    if (!identity) return reply(messageResponse(t('replies:identityMissing')));
    const actor = { id: identity.userId, tenantId: identity.tenantId, displayName: context.activity.from.name ?? identity.userId };

    if (action.verb === 'refresh') {
      const stored = await this.requests.get(action.requestId);
      if (!stored) return reply(messageResponse(t('replies:card.requestNotFound')));
      return this.cardFor(stored.value, context, canDecide(stored.value, actor).allowed);
    }

    const result = await this.workflow.decide(action.requestId, actor, action.verb, action.comment);
    switch (result.kind) {
      case 'notFound':
        return reply(messageResponse(t('replies:card.requestNotFound')));
      case 'refused':
        if (result.reason === 'ALREADY_DECIDED') return this.cardFor(result.request, context, false);
        return reply(messageResponse(explainReason(t, result.reason)));
      case 'decided':
      case 'unchanged':
        return this.cardFor(result.request, context, false);
    }
  }

  private async cardFor(request: LicenseRequest, context: TurnContext, withActions: boolean): Promise<AdaptiveCardInvokeResponse> {
    const refreshUserIds: string[] = [];
    for (const approver of request.approvers) {
      const contact = await this.conversations.find(request.tenantId, approver.id);
      refreshUserIds.push(contact?.channelUserId ?? approver.id);
    }
    const card = approvalCard({
      request,
      locale: context.activity.locale ?? null,
      seats: request.seats,
      refreshUserIds,
      withActions,
      ...(request.state === 'approved' || request.state === 'assigning' ? { progress: 'assigning' as const } : {}),
    });
    return reply(cardResponse(card));
  }
}

/** botbuilder types the invoke value as an object; Teams also accepts a text value for messages. */
function reply(response: UniversalActionResponse): AdaptiveCardInvokeResponse {
  return response as unknown as AdaptiveCardInvokeResponse;
}

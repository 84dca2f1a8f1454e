/**
 * Remembers where each person can be reached: every message, installation and conversation
 * update refreshes the sender's entry. Only a personal (1:1) conversation is kept as the
 * reference used for proactive messages; a channel or group chat is not a private place.
 */
import { TurnContext, type Activity } from 'botbuilder';
import type { ConversationDirectory } from '../ports';

export function identityOf(activity: Activity): { userId: string; tenantId: string } | undefined {
  const userId = activity.from?.aadObjectId;
  const tenantId = (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id ?? activity.conversation?.tenantId;
  return userId && tenantId ? { userId, tenantId } : undefined;
}

export function isPersonalConversation(activity: Activity): boolean {
  const type = activity.conversation?.conversationType;
  return type === 'personal' || (type === undefined && activity.conversation?.isGroup !== true);
}

/**
 * Stores where the sender can be reached. Returns true when this is the first personal chat the
 * bot learns for them (cards that waited for them can now be delivered).
 */
export async function rememberSender(conversations: ConversationDirectory, activity: Activity, now: Date): Promise<boolean> {
  const identity = identityOf(activity);
  if (!identity || !activity.serviceUrl) return false;
  const personal = isPersonalConversation(activity);
  const known = personal ? await conversations.find(identity.tenantId, identity.userId) : undefined;
  await conversations.remember({
    userId: identity.userId,
    tenantId: identity.tenantId,
    channelUserId: activity.from.id,
    locale: activity.locale ?? null,
    serviceUrl: activity.serviceUrl,
    ...(activity.recipient?.id ? { bot: { id: activity.recipient.id, name: activity.recipient.name } } : {}),
    reference: personal ? { ...TurnContext.getConversationReference(activity) } : null,
    updatedAt: now.toISOString(),
  });
  return personal && !known?.reference;
}

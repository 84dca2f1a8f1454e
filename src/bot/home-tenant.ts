/**
 * The bot serves one tenant: the one whose Graph it reads and writes. An activity from any other tenant (or
 * naming none) is answered with one sentence and nothing else — no Graph call, no stored state, no conversation
 * reference, no card — because the sender's object id means nothing in the home directory, and acting on it
 * would show or change the home tenant's people to an outsider. The check runs before anything else in a turn.
 */
import { ActivityTypes, type Activity, type TurnContext } from 'botbuilder';
import { messageResponse } from '../../cards/invoke-response';
import { translator } from '../i18n';

/** Every tenant id the activity names (channelData first, as Teams documents it; the conversation's too). */
function tenantIdsOf(activity: Activity): string[] {
  const fromChannelData = (activity.channelData as { tenant?: { id?: unknown } } | null | undefined)?.tenant?.id;
  const fromConversation = activity.conversation?.tenantId;
  return [fromChannelData, fromConversation].filter((id): id is string => typeof id === 'string' && id !== '');
}

export function isFromHomeTenant(activity: Activity, homeTenantId: string): boolean {
  const ids = tenantIdsOf(activity);
  const home = homeTenantId.toLowerCase();
  return ids.length > 0 && ids.every((id) => id.toLowerCase() === home);
}

/** Activities that are someone speaking to the bot get the sentence; the rest (typing, reactions, removals) nothing. */
function expectsAnswer(activity: Activity): boolean {
  if (activity.type === ActivityTypes.Message) return true;
  if (activity.type === ActivityTypes.InstallationUpdate) return !String(activity.action ?? '').startsWith('remove');
  return activity.type === ActivityTypes.ConversationUpdate && (activity.membersAdded?.length ?? 0) > 0;
}

/** The whole turn for an activity from another tenant. */
export async function answerOtherTenant(context: TurnContext): Promise<void> {
  const sentence = translator(context.activity.locale)('replies:otherTenant');
  if (context.activity.type === ActivityTypes.Invoke) {
    // A card action (refresh included) gets the sentence instead of a card; other invokes are refused without a body.
    const value = context.activity.name === 'adaptiveCard/action' ? { status: 200, body: messageResponse(sentence) } : { status: 403 };
    await context.sendActivity({ type: ActivityTypes.InvokeResponse, value });
    return;
  }
  if (expectsAnswer(context.activity)) await context.sendActivity(sentence);
}

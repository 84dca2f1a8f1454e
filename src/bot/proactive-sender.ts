/**
 * Sends outside the current turn: into a stored conversation (the channel thread where an admin asked),
 * into a person's personal chat (created when the bot has none yet), and updates of a posted card in
 * place. Bulk jobs run for minutes and survive restarts, so they cannot reply within a turn.
 */
import { TurnContext, type Activity, type ChannelAccount, type CloudAdapter, type ConversationParameters, type ConversationReference } from 'botbuilder';
import type { Person } from '../domain/request';
import type { ConversationDirectory } from '../ports';

export interface Posted {
  readonly reference: Readonly<Record<string, unknown>>;
  readonly activityId: string;
}

export class ProactiveSender {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly botAppId: string,
    private readonly conversations: ConversationDirectory,
  ) {}

  async send(reference: Readonly<Record<string, unknown>>, activity: Partial<Activity>): Promise<Posted> {
    let posted: Posted | undefined;
    await this.adapter.continueConversationAsync(this.botAppId, reference as Partial<ConversationReference>, async (context) => {
      const response = await context.sendActivity(activity);
      posted = { reference: { ...TurnContext.getConversationReference(context.activity) }, activityId: response?.id ?? '' };
    });
    if (!posted) throw new Error('The message was not sent');
    return posted;
  }

  async update(reference: Readonly<Record<string, unknown>>, activityId: string, activity: Partial<Activity>): Promise<void> {
    await this.adapter.continueConversationAsync(this.botAppId, reference as Partial<ConversationReference>, async (context) => {
      await context.updateActivity({ ...activity, id: activityId, type: 'message' });
    });
  }

  /**
   * To a person's personal chat. Without a stored 1:1 reference the chat is created (Teams returns the
   * existing one) with the bot account and service URL of the person's own remembered conversation, or
   * else of a conversation the bot already knows in the tenant (`via`: a reference or a remembered one).
   */
  async sendToPerson(tenantId: string, person: Person, activity: Partial<Activity>, via?: ReachableThrough): Promise<Posted> {
    const contact = await this.conversations.find(tenantId, person.id);
    if (contact?.reference) return this.send(contact.reference, activity);
    const serviceUrl = contact?.serviceUrl ?? via?.serviceUrl;
    const bot = contact?.bot ?? via?.bot;
    if (!serviceUrl || !bot) throw new Error('No Teams service URL known for this person yet');
    let posted: Posted | undefined;
    const parameters: ConversationParameters = {
      isGroup: false,
      bot: { id: bot.id, name: bot.name ?? '' },
      members: [{ id: contact?.channelUserId ?? person.id, name: person.displayName, aadObjectId: person.id } as ChannelAccount],
      tenantId,
      channelData: { tenant: { id: tenantId } },
      activity: undefined as unknown as Activity,
    };
    await this.adapter.createConversationAsync(this.botAppId, 'msteams', serviceUrl, 'https://api.botframework.com', parameters, async (context) => {
      const response = await context.sendActivity(activity);
      posted = { reference: { ...TurnContext.getConversationReference(context.activity) }, activityId: response?.id ?? '' };
    });
    if (!posted) throw new Error('The message was not sent');
    return posted;
  }
}

/** Where the bot can open a chat from: a service URL and the bot's account (a reference has both). */
export interface ReachableThrough {
  readonly serviceUrl?: string;
  readonly bot?: { readonly id: string; readonly name?: string };
}

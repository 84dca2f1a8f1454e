/**
 * A Teams user writing in a team channel: message activities shaped as Teams sends them from a channel
 * (conversationType "channel", channelData with the team and channel, the bot's @mention in the text
 * and in entities), and card button clicks (messageBack: the button's text, no mention). Composes with
 * TeamsUser, which stays the personal-chat view of the same person.
 */
import { randomUUID } from 'node:crypto';
import type { CapturingConnector } from './capturing-connector';
import { BOT_ACCOUNT, TeamsUser, type TeamsIdentity } from './teams-user';

export interface TeamsChannel {
  readonly teamId: string;
  readonly teamName: string;
  readonly channelId: string;
  readonly channelName: string;
}

export const IT_CHANNEL: TeamsChannel = {
  teamId: '19:license-desk-team@thread.tacv2',
  teamName: 'IT',
  channelId: '19:licences-channel@thread.tacv2',
  channelName: 'Licences',
};

export const BOT_MENTION_TEXT = `<at>${BOT_ACCOUNT.name}</at>`;

/** Someone @mentioned in a channel message: the text to put in the message and the entity Teams sends. */
export function mentionOf(person: { name: string; mri: string }): { text: string; entity: Record<string, unknown> } {
  const text = `<at>${person.name}</at>`;
  return { text, entity: { type: 'mention', text, mentioned: { id: person.mri, name: person.name } } };
}

export class TeamsChannelUser {
  /** The same person in their personal chat with the bot. */
  readonly personal: TeamsUser;
  private readonly threadId = `${Date.now()}${Math.floor(Math.random() * 1000)}`;

  constructor(
    readonly identity: TeamsIdentity,
    private readonly botUrl: () => string,
    private readonly connector: CapturingConnector,
    readonly channel: TeamsChannel = IT_CHANNEL,
  ) {
    this.personal = new TeamsUser(identity, botUrl, connector);
  }

  get mri(): string {
    return this.personal.mri;
  }

  /** The thread this user's messages start in the channel (the bot replies into it). */
  get conversationId(): string {
    return `${this.channel.channelId};messageid=${this.threadId}`;
  }

  /** "@License Desk <text>" in the channel, optionally mentioning other people too. */
  async mention(text: string, others: readonly { text: string; entity: Record<string, unknown> }[] = [], extra: Record<string, unknown> = {}): Promise<number> {
    const entities = [
      { type: 'mention', text: BOT_MENTION_TEXT, mentioned: { id: BOT_ACCOUNT.id, name: BOT_ACCOUNT.name } },
      ...others.map((other) => other.entity),
      { type: 'clientInfo', locale: this.identity.locale ?? 'en-US' },
    ];
    const response = await this.post({ type: 'message', text: `${BOT_MENTION_TEXT} ${text}`, textFormat: 'plain', entities, ...extra });
    return response.status;
  }

  /** A click on a messageBack button of a card posted in this thread. */
  async click(text: string, replyToId?: string): Promise<number> {
    const response = await this.post({ type: 'message', text, value: { msteams: { type: 'messageBack' } }, ...(replyToId ? { replyToId } : {}) });
    return response.status;
  }

  /** Replies the bot sent into this user's thread. */
  replies(): ReturnType<CapturingConnector['inConversation']> {
    return this.connector.inConversation(this.conversationId);
  }

  private async post(activity: Record<string, unknown>): Promise<Response> {
    const { aadObjectId, name, tenantId, locale } = this.identity;
    const { teamId, teamName, channelId, channelName } = this.channel;
    return fetch(`${this.botUrl()}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        id: randomUUID(),
        timestamp: new Date().toISOString(),
        channelId: 'msteams',
        serviceUrl: this.connector.url,
        from: { id: this.mri, name, aadObjectId },
        recipient: BOT_ACCOUNT,
        conversation: { id: this.conversationId, conversationType: 'channel', isGroup: true, tenantId },
        channelData: {
          tenant: { id: tenantId },
          team: { id: teamId, name: teamName },
          channel: { id: channelId, name: channelName },
          teamsTeamId: teamId,
          teamsChannelId: channelId,
        },
        locale: locale ?? 'en-US',
        entities: [{ type: 'clientInfo', locale: locale ?? 'en-US' }],
        ...activity,
      }),
    });
  }
}

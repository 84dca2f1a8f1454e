/**
 * A Teams user talking to the bot over HTTP: message and invoke activities shaped as Teams sends
 * them (from.aadObjectId, channelData.tenant.id, personal conversation, locale).
 */
import { randomUUID } from 'node:crypto';
import { CapturingConnector } from './capturing-connector';

export interface TeamsIdentity {
  readonly aadObjectId: string;
  readonly name: string;
  readonly tenantId: string;
  readonly locale?: string;
}

export const BOT_ACCOUNT = { id: '28:license-desk-bot', name: 'License Desk' };

export class TeamsUser {
  constructor(
    readonly identity: TeamsIdentity,
    /** Read on every send: the bot's port changes when a test restarts it. */
    private readonly botUrl: () => string,
    private readonly connector: CapturingConnector,
  ) {}

  get mri(): string {
    return `29:${this.identity.aadObjectId}`;
  }

  get personalConversationId(): string {
    return CapturingConnector.personalConversationId(this.mri);
  }

  async say(text: string, extra: Record<string, unknown> = {}): Promise<number> {
    const response = await this.post({ type: 'message', text, textFormat: 'plain', ...extra });
    return response.status;
  }

  /** Sends an Action.Execute invoke; returns Teams' view of the invoke response. */
  async execute(verb: string, data: Record<string, unknown>): Promise<{ status: number; body: any }> {
    const response = await this.post({
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  }

  private async post(activity: Record<string, unknown>): Promise<Response> {
    const { aadObjectId, name, tenantId, locale } = this.identity;
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
        conversation: { id: this.personalConversationId, conversationType: 'personal', tenantId },
        channelData: { tenant: { id: tenantId } },
        locale: locale ?? 'en-US',
        entities: [{ type: 'clientInfo', locale: locale ?? 'en-US' }],
        ...activity,
      }),
    });
  }
}

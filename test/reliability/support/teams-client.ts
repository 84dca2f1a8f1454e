/**
 * A Teams user as the reliability tests need one: Teams-shaped message and invoke activities (as TeamsUser sends
 * them), sent to any bot instance, in the personal chat or a group chat, with or without an Authorization header,
 * and with any part of the activity overridden (forged card data, other tenants, broken entities).
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { CapturingConnector } from '../../support/capturing-connector';
import { BOT_ACCOUNT } from '../../support/teams-user';

export interface TeamsIdentity {
  readonly aadObjectId: string;
  readonly name: string;
  readonly tenantId: string;
  readonly locale?: string;
}

export interface SendOptions {
  /** The bot instance (base URL). */
  readonly to: string;
  readonly authorization?: string;
  /** A group chat instead of the personal chat. */
  readonly groupChatId?: string;
}

export interface InvokeAnswer {
  readonly status: number;
  readonly body: any;
}

export class TeamsClient {
  constructor(
    readonly identity: TeamsIdentity,
    private readonly connector: CapturingConnector,
  ) {}

  get mri(): string {
    return `29:${this.identity.aadObjectId}`;
  }

  get personalConversationId(): string {
    return CapturingConnector.personalConversationId(this.mri);
  }

  /** The activity Teams would send for this user, before overrides. */
  activity(extra: Record<string, unknown>, options: Pick<SendOptions, 'groupChatId'> = {}): Record<string, unknown> {
    const { aadObjectId, name, tenantId, locale } = this.identity;
    const conversation = options.groupChatId
      ? { id: options.groupChatId, conversationType: 'groupChat', isGroup: true, tenantId }
      : { id: this.personalConversationId, conversationType: 'personal', tenantId };
    return {
      id: randomUUID(),
      timestamp: new Date().toISOString(),
      channelId: 'msteams',
      serviceUrl: this.connector.url,
      from: { id: this.mri, name, aadObjectId },
      recipient: BOT_ACCOUNT,
      conversation,
      channelData: { tenant: { id: tenantId } },
      locale: locale ?? 'en-US',
      entities: [{ type: 'clientInfo', locale: locale ?? 'en-US' }],
      ...extra,
    };
  }

  async say(text: string, options: SendOptions, extra: Record<string, unknown> = {}): Promise<number> {
    return (await post(options, this.activity({ type: 'message', text, textFormat: 'plain', ...extra }, options))).status;
  }

  /** An Action.Execute invoke from a card, with the given verb and data. */
  async execute(verb: string, data: Record<string, unknown>, options: SendOptions): Promise<InvokeAnswer> {
    return this.invoke({ action: { type: 'Action.Execute', verb, data }, trigger: 'manual' }, options);
  }

  /** An adaptiveCard/action invoke with any value (forged and malformed ones included). */
  async invoke(value: unknown, options: SendOptions, extra: Record<string, unknown> = {}): Promise<InvokeAnswer> {
    const { status, text } = await post(options, this.activity({ type: 'invoke', name: 'adaptiveCard/action', value, ...extra }, options));
    return { status, body: text ? safeJson(text) : undefined };
  }
}

/**
 * POSTs an activity on a connection of its own, as the Bot Connector does. (A kept-alive connection could be closed
 * by the server's idle timer just as the next activity is sent on it — a race of the test's client, not of the bot.)
 */
export function post(options: SendOptions, activity: unknown): Promise<{ status: number; text: string }> {
  const body = Buffer.from(JSON.stringify(activity));
  const headers: Record<string, string | number> = { 'content-type': 'application/json', 'content-length': body.length };
  if (options.authorization) headers['authorization'] = options.authorization;
  return new Promise((resolve, reject) => {
    const request = http.request(`${options.to}/api/messages`, { method: 'POST', headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(body);
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

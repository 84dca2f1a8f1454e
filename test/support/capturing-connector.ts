/**
 * A Bot Connector on loopback that captures what the bot sends. The bot replies with HTTP POSTs
 * to the activity's serviceUrl (/v3/conversations/{id}/activities[/{replyToId}]), updates cards
 * with PUT, and opens personal chats proactively with POST /v3/conversations — as Teams' connector
 * does. Personal conversation ids are stable per member, like Teams' 1:1 chats.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CapturedActivity {
  readonly conversationId: string;
  readonly activityId: string;
  readonly method: 'POST' | 'PUT';
  readonly activity: Record<string, unknown> & { type?: string; text?: string; attachments?: { contentType: string; content: any }[] };
}

export interface CreatedConversation {
  readonly conversationId: string;
  readonly parameters: Record<string, any>;
}

export class CapturingConnector {
  readonly activities: CapturedActivity[] = [];
  readonly conversationsCreated: CreatedConversation[] = [];
  /** Members Teams would return for GET /v3/conversations/{id}/members/{memberId}. */
  readonly members = new Map<string, Record<string, unknown>>();
  /** Every call the bot made, as "METHOD path" (member look-ups included, which capture no activity). */
  readonly calls: string[] = [];
  private readonly unreachable = new Set<string>();
  private server?: http.Server;
  private counter = 0;
  private waiters: (() => void)[] = [];
  url = '';

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  /** Personal chat id of a member, the same one createConversation returns. */
  static personalConversationId(memberId: string): string {
    return `a:personal-${memberId}`;
  }

  /** Answers POST /v3/conversations for this member as Teams does when the app is not installed for them. */
  refuseConversationsWith(memberIdOrAadObjectId: string): void {
    this.unreachable.add(memberIdOrAadObjectId);
  }

  inConversation(conversationId: string): CapturedActivity[] {
    return this.activities.filter((entry) => entry.conversationId === conversationId);
  }

  /** Waits until the predicate holds for some captured activity (polling on every capture). */
  async waitFor(predicate: (entry: CapturedActivity) => boolean, what: string, timeoutMs = 15000): Promise<CapturedActivity> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.activities.find(predicate);
      if (found) return found;
      const remaining = deadline - Date.now();
      if (remaining <= 0) {
        const seen = this.activities.map((a) => `${a.method} ${a.conversationId}: ${String(a.activity.text ?? a.activity.attachments?.[0]?.contentType ?? a.activity.type)}`);
        throw new Error(`Timed out waiting for ${what}. Captured:\n${seen.join('\n')}`);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(remaining, 250));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const body = await readJson(req);
    const path = decodeURIComponent((req.url ?? '').split('?')[0] ?? '');
    this.calls.push(`${req.method} ${path}`);
    const send = (status: number, json: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(json));
    };
    let match: RegExpMatchArray | null;
    if (req.method === 'POST' && path === '/v3/conversations') {
      const memberId = String(body.members?.[0]?.id ?? `unknown-${++this.counter}`);
      if (this.unreachable.has(memberId) || this.unreachable.has(String(body.members?.[0]?.aadObjectId))) {
        return send(403, { error: { code: 'BotNotInConversationRoster', message: 'The bot is not part of the conversation roster.' } });
      }
      const conversationId = CapturingConnector.personalConversationId(memberId);
      this.conversationsCreated.push({ conversationId, parameters: body });
      if (body.activity) this.capture(conversationId, 'POST', body.activity);
      return send(201, { id: conversationId, activityId: body.activity ? `activity-${this.counter}` : undefined });
    }
    if ((match = path.match(/^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/))) {
      const conversationId = match[1] ?? '';
      if (req.method === 'PUT' && match[2]) {
        this.capture(conversationId, 'PUT', body, match[2]);
        return send(200, { id: match[2] });
      }
      if (req.method === 'POST') {
        const id = this.capture(conversationId, 'POST', body);
        return send(200, { id });
      }
    }
    if (req.method === 'GET' && (match = path.match(/^\/v3\/conversations\/([^/]+)\/members\/([^/]+)$/))) {
      const member = this.members.get(match[2] ?? '');
      return member ? send(200, member) : send(404, { error: { code: 'MemberNotFoundInConversation', message: 'The member was not found.' } });
    }
    send(404, { error: { code: 'NotFound', message: `No route for ${req.method} ${path}` } });
  }

  private capture(conversationId: string, method: 'POST' | 'PUT', activity: Record<string, unknown>, existingId?: string): string {
    const activityId = existingId ?? `activity-${++this.counter}`;
    this.activities.push({ conversationId, activityId, method, activity });
    const waiters = this.waiters;
    this.waiters = [];
    waiters.forEach((wake) => wake());
    return activityId;
  }
}

async function readJson(req: http.IncomingMessage): Promise<any> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : {};
}

/**
 * The load generator's side of Teams: activities shaped as Teams sends them (as test/support/teams-user.ts does),
 * posted to /api/messages over keep-alive connections with node:http (lighter than fetch, so that the generator
 * disturbs the measured process as little as possible on a small machine). Returns each turn's latency.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { CapturingConnector } from '../support/capturing-connector';
import { BOT_ACCOUNT } from '../support/teams-user';

export interface Person {
  readonly aadObjectId: string;
  readonly name: string;
  readonly tenantId: string;
}

export interface TurnResult {
  readonly status: number;
  readonly ms: number;
  readonly body: string;
}

export class TeamsTraffic {
  private readonly agent: http.Agent;

  constructor(
    private readonly botUrl: string,
    private readonly connectorUrl: string,
    maxSockets: number,
  ) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets });
  }

  static conversationOf(person: Person): string {
    return CapturingConnector.personalConversationId(`29:${person.aadObjectId}`);
  }

  say(person: Person, text: string): Promise<TurnResult> {
    return this.post(person, { type: 'message', text, textFormat: 'plain' });
  }

  execute(person: Person, verb: string, data: Record<string, unknown>): Promise<TurnResult> {
    return this.post(person, { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' } });
  }

  close(): void {
    this.agent.destroy();
  }

  /** Any activity from the person, e.g. a message with a file attachment. */
  post(person: Person, activity: Record<string, unknown>): Promise<TurnResult> {
    const body = JSON.stringify({
      id: randomUUID(),
      timestamp: new Date().toISOString(),
      channelId: 'msteams',
      serviceUrl: this.connectorUrl,
      from: { id: `29:${person.aadObjectId}`, name: person.name, aadObjectId: person.aadObjectId },
      recipient: BOT_ACCOUNT,
      conversation: { id: TeamsTraffic.conversationOf(person), conversationType: 'personal', tenantId: person.tenantId },
      channelData: { tenant: { id: person.tenantId } },
      locale: 'en-US',
      entities: [{ type: 'clientInfo', locale: 'en-US' }],
      ...activity,
    });
    return this.send(body, true);
  }

  /**
   * A keep-alive connection the server closed as idle can be reset just as a request goes out on it; as Node's
   * documentation advises, such a request is sent again once, on a fresh connection.
   */
  private send(body: string, mayRetry: boolean): Promise<TurnResult> {
    const started = performance.now();
    return new Promise<TurnResult>((resolve, reject) => {
      const request = http.request(
        `${this.botUrl}/api/messages`,
        { method: 'POST', agent: this.agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, ms: performance.now() - started, body: Buffer.concat(chunks).toString('utf8') }));
          response.on('error', reject);
        },
      );
      request.on('error', (error: NodeJS.ErrnoException) => {
        if (mayRetry && request.reusedSocket && error.code === 'ECONNRESET') resolve(this.send(body, false));
        else reject(error);
      });
      request.end(body);
    });
  }
}

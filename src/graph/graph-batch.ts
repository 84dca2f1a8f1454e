/**
 * Microsoft Graph's JSON batching (POST /$batch, at most 20 requests) for the bulk engine: reads users
 * with their licences (and group membership), and sends one assignLicense per user. Each member's answer
 * is classified like a single call's (graph-errors.ts), Retry-After of a throttled member included; a
 * failed or timed-out envelope gives every member the same error. The SDK's own retries are off: the
 * engine decides what to retry, and re-reads a user before writing again.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import type { LicenseAssignment } from '../ports';
import type { BulkCallOptions, BulkDirectory, UserReadResult, WriteResult } from '../services/bulk/bulk-ports';
import { GRAPH_BATCH_LIMIT, REQUEST_TIMEOUT_MS } from '../services/bulk/bulk-limits';
import { noRetry } from './graph-client';
import { classifyGraphError } from './graph-errors';
import { toUserLicenses } from './graph-shapes';

const LICENSE_FIELDS = 'id,displayName,userPrincipalName,mail,givenName,surname,usageLocation,preferredLanguage,assignedLicenses,licenseAssignmentStates';
const JSON_HEADERS = { 'Content-Type': 'application/json' };

export interface BatchRequest {
  readonly id: string;
  readonly method: 'GET' | 'POST';
  /** Relative to the version root, e.g. /users/{id}/assignLicense. */
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: unknown;
}

export interface BatchResponse {
  readonly id: string;
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
}

export class GraphBatch implements BulkDirectory {
  constructor(private readonly client: Client) {}

  usersPerRead(withGroupCheck: boolean): number {
    return withGroupCheck ? GRAPH_BATCH_LIMIT / 2 : GRAPH_BATCH_LIMIT;
  }

  async readUsers(keys: readonly string[], groupId: string | undefined, options: BulkCallOptions = {}): Promise<Map<string, UserReadResult>> {
    const requests: BatchRequest[] = keys.flatMap((key, index) => {
      const path = `/users/${encodeURIComponent(key)}`;
      const read: BatchRequest = { id: `u${index}`, method: 'GET', url: `${path}?$select=${LICENSE_FIELDS}` };
      if (!groupId) return [read];
      return [read, { id: `g${index}`, method: 'POST', url: `${path}/checkMemberGroups`, headers: JSON_HEADERS, body: { groupIds: [groupId] } }];
    });
    const results = new Map<string, UserReadResult>();
    let responses: Map<string, BatchResponse>;
    try {
      responses = await this.send(requests, options);
    } catch (error) {
      for (const key of keys) results.set(key, { kind: 'error', error: classifyGraphError(error) });
      return results;
    }
    keys.forEach((key, index) => {
      const read = responses.get(`u${index}`);
      const group = groupId ? responses.get(`g${index}`) : undefined;
      const failed = [read, group].find((response) => response === undefined || response.status >= 300);
      if (failed !== undefined || !read) {
        results.set(key, { kind: 'error', error: memberError(failed ?? read) });
        return;
      }
      const inGroup = groupId !== undefined && valueList(group?.body).some((id) => String(id).toLowerCase() === groupId.toLowerCase());
      results.set(key, { kind: 'ok', licenses: toUserLicenses(read.body), inGroup });
    });
    return results;
  }

  async assignLicenses(
    changes: readonly { readonly userId: string; readonly change: LicenseAssignment }[],
    options: BulkCallOptions = {},
  ): Promise<Map<string, WriteResult>> {
    const requests: BatchRequest[] = changes.map(({ userId, change }, index) => ({
      id: `w${index}`,
      method: 'POST',
      url: `/users/${encodeURIComponent(userId)}/assignLicense`,
      headers: JSON_HEADERS,
      body: { addLicenses: change.addLicenses, removeLicenses: change.removeLicenses },
    }));
    const results = new Map<string, WriteResult>();
    let responses: Map<string, BatchResponse>;
    try {
      responses = await this.send(requests, options);
    } catch (error) {
      for (const { userId } of changes) results.set(userId, { kind: 'error', error: classifyGraphError(error) });
      return results;
    }
    changes.forEach(({ userId }, index) => {
      const response = responses.get(`w${index}`);
      results.set(userId, response && response.status < 300 ? { kind: 'ok' } : { kind: 'error', error: memberError(response) });
    });
    return results;
  }

  /** One POST /$batch; answers by member id (Graph may answer in any order). */
  async send(requests: readonly BatchRequest[], options: BulkCallOptions = {}): Promise<Map<string, BatchResponse>> {
    if (requests.length > GRAPH_BATCH_LIMIT) throw new RangeError(`A Graph batch takes at most ${GRAPH_BATCH_LIMIT} requests`);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? REQUEST_TIMEOUT_MS);
    try {
      const answer = (await this.client
        .api('/$batch')
        .middlewareOptions(noRetry())
        .option('signal', controller.signal)
        .post({ requests })) as { responses?: unknown };
      const responses = new Map<string, BatchResponse>();
      for (const raw of Array.isArray(answer?.responses) ? answer.responses : []) {
        const response = toBatchResponse(raw);
        if (response) responses.set(response.id, response);
      }
      return responses;
    } finally {
      clearTimeout(timer);
    }
  }
}

function toBatchResponse(raw: unknown): BatchResponse | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const record = raw as Record<string, unknown>;
  if (typeof record.id !== 'string' || typeof record.status !== 'number') return undefined;
  const headers: Record<string, string> = {};
  if (typeof record.headers === 'object' && record.headers !== null) {
    for (const [name, value] of Object.entries(record.headers)) headers[name.toLowerCase()] = String(value);
  }
  return { id: record.id, status: record.status, headers, body: record.body };
}

/** A member's failure as the same DirectoryError a single call would raise (a missing answer is unknown). */
function memberError(response: BatchResponse | undefined) {
  if (!response) return classifyGraphError(new Error('The batch answer has no response for this request'));
  const error = (typeof response.body === 'object' && response.body !== null ? (response.body as { error?: { code?: unknown; message?: unknown } }).error : undefined) ?? {};
  return classifyGraphError({
    statusCode: response.status,
    code: typeof error.code === 'string' ? error.code : undefined,
    message: typeof error.message === 'string' ? error.message : undefined,
    headers: { get: (name: string) => response.headers[name.toLowerCase()] ?? null },
  });
}

function valueList(body: unknown): unknown[] {
  const value = typeof body === 'object' && body !== null ? (body as { value?: unknown }).value : undefined;
  return Array.isArray(value) ? value : [];
}

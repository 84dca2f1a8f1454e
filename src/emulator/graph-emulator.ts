/**
 * A Microsoft Graph v1.0 tenant emulator over node:http, for the subset License Desk uses (users,
 * managers, groups, subscribedSkus, assignLicense, $batch), with injectable latency and faults and
 * logs that tests and benchmarks read. Tokens are accepted and never checked.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { runBatch } from './batch';
import { FaultInjector, type ConnectionFault, type FaultOptions, type ScriptedFailure, type WriteBucketOptions } from './faults';
import { GraphError, graphErrors } from './graph-error';
import { GRAPH_VERSION, parseGraphUrl } from './graph-url';
import type { EmulatorContext, EmulatorRequest, EmulatorResponse, WriteLogEntry } from './handler-types';
import { errorResponse, logEntry, respond, type Pipeline, type RequestIds, type RequestLogEntry } from './request-pipeline';
import { isWriteRequest } from './router';
import { subscribedSkuJson } from './resource-shapes';
import { TenantDirectory } from './tenant-directory';
import type { AssignedLicense, LicenseAssignmentState, TenantFile } from './tenant-file';

export type { ConnectionFault, FaultOptions, ScriptedFailure, WriteBucketOptions } from './faults';
export type { RequestLogEntry } from './request-pipeline';
export type { WriteLogEntry } from './handler-types';

export interface GraphEmulatorOptions {
  readonly tenant: TenantFile;
  /** 0 (default) picks a free port. */
  readonly port?: number;
  readonly host?: string;
  /** Added to every HTTP request before it is answered. */
  readonly latencyMs?: number;
  readonly faults?: FaultOptions;
  readonly writeBucket?: WriteBucketOptions;
}

/** A user as tests inspect it: profile, manager, groups and licences (with part numbers for reading ease). */
export interface EmulatedUser {
  readonly id: string;
  readonly displayName: string;
  readonly userPrincipalName: string;
  readonly usageLocation: string | null;
  readonly managerId: string | undefined;
  readonly groupIds: string[];
  readonly assignedLicenses: AssignedLicense[];
  readonly licenseAssignmentStates: LicenseAssignmentState[];
  readonly skuPartNumbers: string[];
}

/** A subscribedSku exactly as GET /subscribedSkus returns it, consumedUnits included. */
export interface EmulatedSku {
  readonly skuId: string;
  readonly skuPartNumber: string;
  readonly consumedUnits: number;
  readonly prepaidUnits: { readonly enabled: number; readonly suspended: number; readonly warning: number; readonly lockedOut: number };
  readonly [property: string]: unknown;
}

export interface GraphEmulator {
  /** e.g. http://127.0.0.1:41234 — the SDK's baseUrl is this plus "/". */
  readonly url: string;
  readonly tenantId: string;
  /** Every HTTP request and every $batch member, oldest first (a copy). */
  readonly requestLog: readonly RequestLogEntry[];
  /** Every successful assignLicense, oldest first (a copy). */
  readonly writeLog: readonly WriteLogEntry[];
  close(): Promise<void>;
  setLatency(ms: number): void;
  /** Replaces the fault configuration (undefined: none) and drops pending failNext failures. */
  setFaults(faults: FaultOptions | undefined): void;
  setWriteBucket(bucket: WriteBucketOptions | undefined): void;
  /** The next `count` requests (or writes only) fail as described; deterministic, unlike rates. */
  failNext(count: number, failure: ScriptedFailure): void;
  resetLogs(): void;
  /** Back to the tenant the emulator started with (or another one); logs and faults are kept. */
  resetTenant(tenant?: TenantFile): void;
  user(idOrUpn: string): EmulatedUser | undefined;
  sku(partNumber: string): EmulatedSku | undefined;
  skus(): EmulatedSku[];
  /** The current state as a tenant file. */
  snapshot(): TenantFile;
  /** While pending, the user's assignedPlans are empty: the services behind their licences are not provisioned yet. */
  setProvisioningPending(idOrUpn: string, pending: boolean): void;
}

const JSON_CONTENT_TYPE = 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Whether the request is a write, from its method and URL alone (before the body is read). */
function isWriteTarget(incoming: IncomingMessage): boolean {
  try {
    const { segments, query } = parseGraphUrl(incoming.url ?? '/');
    return isWriteRequest({ method: (incoming.method ?? 'GET').toUpperCase(), segments, query, body: undefined, serviceRoot: '' });
  } catch {
    return false;
  }
}

/** Resolves when the client gives up on the request (or the emulator closes its connections). */
function connectionClosed(outgoing: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    if (outgoing.socket?.destroyed ?? true) resolve();
    else outgoing.once('close', () => resolve());
  });
}

function headerValue(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export async function startGraphEmulator(options: GraphEmulatorOptions): Promise<GraphEmulator> {
  const host = options.host ?? '127.0.0.1';
  const initialTenant = structuredClone(options.tenant);
  let directory = new TenantDirectory(initialTenant);
  let latencyMs = options.latencyMs ?? 0;
  let requestLog: RequestLogEntry[] = [];
  let writeLog: WriteLogEntry[] = [];
  const faults = new FaultInjector(options.faults, options.writeBucket);
  const context: EmulatorContext = {
    get directory() {
      return directory;
    },
    now: () => new Date(),
    recordWrite: (entry) => writeLog.push(entry),
  };
  const pipeline: Pipeline = { context, faults, log: (entry) => requestLog.push(entry) };

  async function answer(incoming: IncomingMessage, ids: RequestIds): Promise<{ response: EmulatorResponse; request: EmulatorRequest | undefined; path: string; wrote: boolean }> {
    const text = await readBody(incoming);
    // From here on everything runs synchronously: writeLog grows only by this request's writes.
    const writesBefore = writeLog.length;
    const answered = (response: EmulatorResponse, request: EmulatorRequest | undefined, path: string) => ({ response, request, path, wrote: writeLog.length > writesBefore });
    // nextLinks and @odata.context use the origin the client called (localhost, 127.0.0.1, a proxy …).
    const origin = `http://${headerValue(incoming, 'host') ?? host}`;
    const method = (incoming.method ?? 'GET').toUpperCase();
    let path = (incoming.url ?? '/').split('?')[0] ?? '/';
    let request: EmulatorRequest | undefined;
    try {
      const parsed = parseGraphUrl(incoming.url ?? '/');
      path = parsed.path;
      let body: unknown;
      if (text.trim().length > 0) {
        try {
          body = JSON.parse(text);
        } catch {
          throw graphErrors.unreadableJson();
        }
      }
      request = { method, segments: parsed.segments, query: parsed.query, body, serviceRoot: `${origin}/${GRAPH_VERSION}` };
      if (parsed.segments.length === 1 && parsed.segments[0] === '$batch') {
        if (method !== 'POST') throw graphErrors.methodNotAllowed(method);
        return answered(runBatch(pipeline, request, ids), request, path);
      }
      return answered(respond(pipeline, request, ids), request, path);
    } catch (error) {
      if (!(error instanceof GraphError)) throw error;
      return answered(errorResponse(error, ids, context.now()), request, path);
    }
  }

  async function handle(incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> {
    const startedAt = context.now();
    const requestId = randomUUID();
    const ids = { requestId, clientRequestId: headerValue(incoming, 'client-request-id') ?? requestId };
    if (latencyMs > 0) await delay(latencyMs);
    const write = isWriteTarget(incoming);
    const connection = faults.connectionFault(write);
    const logUnanswered = (fault: ConnectionFault, status: number, request?: EmulatorRequest) => {
      const logged = request ?? { method: (incoming.method ?? 'GET').toUpperCase(), segments: [], query: new URLSearchParams(), body: undefined, serviceRoot: '' };
      const path = (incoming.url ?? '/').split('?')[0] ?? '/';
      requestLog.push({ ...logEntry(logged, path, status, startedAt, context.now(), false), write, connection: fault });
    };
    if (connection === 'reset') {
      incoming.socket.destroy();
      return logUnanswered(connection, 0);
    }
    if (connection === 'hang') {
      await connectionClosed(outgoing);
      return logUnanswered(connection, 0);
    }
    let result: Awaited<ReturnType<typeof answer>>;
    try {
      result = await answer(incoming, ids);
    } catch (error) {
      console.error('graph emulator: unexpected error', error);
      result = { response: errorResponse(graphErrors.internalServerError(), ids, context.now()), request: undefined, path: incoming.url ?? '/', wrote: false };
    }
    if (connection === 'dropResponseAfterWrite' || (!write && result.wrote && faults.dropAnswerAfterBatchWrites())) {
      // The write (if it succeeded) is applied and in writeLog; the client only sees the connection close.
      incoming.socket.destroy();
      return logUnanswered('dropResponseAfterWrite', result.response.status, result.request);
    }
    const { response, request, path } = result;
    const payload = JSON.stringify(response.body);
    outgoing.writeHead(response.status, {
      'Content-Type': JSON_CONTENT_TYPE,
      'Content-Length': Buffer.byteLength(payload),
      'OData-Version': '4.0',
      'request-id': ids.requestId,
      'client-request-id': ids.clientRequestId,
      ...response.headers,
    });
    outgoing.end(payload);
    const logged = request ?? { method: (incoming.method ?? 'GET').toUpperCase(), segments: [], query: new URLSearchParams(), body: undefined, serviceRoot: '' };
    requestLog.push(logEntry(logged, path, response.status, startedAt, context.now(), false));
  }

  const server = createServer((incoming, outgoing) => {
    void handle(incoming, outgoing);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  const emulatedUser = (idOrUpn: string): EmulatedUser | undefined => {
    const record = directory.findUser(idOrUpn);
    if (!record) return undefined;
    const licences = directory.licencesOf(record);
    return {
      id: record.profile.id,
      displayName: record.profile.displayName,
      userPrincipalName: record.profile.userPrincipalName,
      usageLocation: record.profile.usageLocation,
      managerId: record.managerId,
      groupIds: directory.groupsOf(record.profile.id).map((group) => group.id),
      assignedLicenses: licences.assignedLicenses,
      licenseAssignmentStates: licences.licenseAssignmentStates,
      skuPartNumbers: licences.assignedLicenses.map((licence) => directory.findSku(licence.skuId)?.skuPartNumber ?? licence.skuId),
    };
  };
  const emulatedSkus = () => directory.listSkus().map((sku) => subscribedSkuJson(directory, sku) as unknown as EmulatedSku);

  return {
    url,
    get tenantId() {
      return directory.tenantId;
    },
    get requestLog() {
      return [...requestLog];
    },
    get writeLog() {
      return [...writeLog];
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
    setLatency: (ms) => {
      latencyMs = Math.max(0, ms);
    },
    setFaults: (next) => faults.setFaults(next),
    setWriteBucket: (bucket) => faults.setWriteBucket(bucket),
    failNext: (count, failure) => faults.failNext(count, failure),
    resetLogs: () => {
      requestLog = [];
      writeLog = [];
    },
    resetTenant: (tenant) => {
      directory = new TenantDirectory(tenant ?? initialTenant);
    },
    user: emulatedUser,
    sku: (partNumber) => emulatedSkus().find((sku) => sku.skuPartNumber.toUpperCase() === partNumber.toUpperCase()),
    skus: emulatedSkus,
    snapshot: () => directory.snapshot(),
    setProvisioningPending: (idOrUpn, pending) => {
      const record = directory.findUser(idOrUpn);
      if (!record) throw new Error(`No user ${idOrUpn} in the emulated tenant`);
      directory.setProvisioningPending(record, pending);
    },
  };
}

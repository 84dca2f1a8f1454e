/**
 * POST /$batch: up to 20 members, each dispatched like a request of its own (faults included), in
 * order; a member whose dependsOn failed answers 424. The envelope itself answers 200.
 */
import { GraphError, graphErrors } from './graph-error';
import { parseBatchMemberUrl } from './graph-url';
import type { EmulatorRequest, EmulatorResponse } from './handler-types';
import { errorResponse, logEntry, respond, type Pipeline, type RequestIds } from './request-pipeline';

export const MAX_BATCH_REQUESTS = 20;

interface BatchMember {
  readonly id: string;
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: unknown;
  readonly dependsOn: readonly string[];
}

function readMembers(body: unknown): BatchMember[] {
  const requests = (typeof body === 'object' && body !== null ? (body as Record<string, unknown>).requests : undefined) as unknown;
  if (!Array.isArray(requests)) throw graphErrors.invalidBatchPayload("The body must be an object with a 'requests' array.");
  if (requests.length > MAX_BATCH_REQUESTS) throw graphErrors.batchTooLarge(requests.length);
  const seen = new Set<string>();
  return requests.map((raw: unknown) => {
    const member = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    const { id, method, url, headers, body: memberBody, dependsOn } = member;
    if (typeof id !== 'string' || id.length === 0) throw graphErrors.invalidBatchPayload("Every request needs a string 'id'.");
    if (seen.has(id)) throw graphErrors.invalidBatchPayload(`Duplicate request id '${id}'.`);
    if (typeof method !== 'string' || typeof url !== 'string') throw graphErrors.invalidBatchPayload(`Request '${id}' needs 'method' and 'url'.`);
    const dependencies = dependsOn === undefined ? [] : dependsOn;
    if (!Array.isArray(dependencies) || !dependencies.every((dependency) => typeof dependency === 'string' && seen.has(dependency))) {
      throw graphErrors.invalidBatchPayload(`Request '${id}' depends on a request that does not precede it.`);
    }
    seen.add(id);
    return {
      id,
      method: method.toUpperCase(),
      url,
      headers: typeof headers === 'object' && headers !== null ? (headers as Record<string, string>) : {},
      body: memberBody,
      dependsOn: dependencies as string[],
    };
  });
}

const hasContentType = (headers: Record<string, string>) => Object.keys(headers).some((name) => name.toLowerCase() === 'content-type');

export function runBatch(pipeline: Pipeline, envelope: EmulatorRequest, ids: RequestIds): EmulatorResponse {
  const members = readMembers(envelope.body);
  const statuses = new Map<string, number>();
  const responses = members.map((member) => {
    const startedAt = pipeline.context.now();
    let path = member.url;
    let request: EmulatorRequest | undefined;
    let response: EmulatorResponse;
    try {
      if (member.dependsOn.some((dependency) => (statuses.get(dependency) ?? 500) >= 400)) throw graphErrors.failedDependency();
      if (member.body !== undefined && !hasContentType(member.headers)) {
        throw new GraphError(400, 'BadRequest', `Write request id : ${member.id} does not contain Content-Type header or body.`);
      }
      const parsed = parseBatchMemberUrl(member.url);
      path = parsed.path;
      request = { method: member.method, segments: parsed.segments, query: parsed.query, body: member.body, serviceRoot: envelope.serviceRoot };
      response = respond(pipeline, request, ids);
    } catch (error) {
      if (!(error instanceof GraphError)) throw error;
      response = errorResponse(error, ids, pipeline.context.now());
    }
    statuses.set(member.id, response.status);
    const logged = request ?? { method: member.method, segments: [], query: new URLSearchParams(), body: undefined, serviceRoot: envelope.serviceRoot };
    pipeline.log(logEntry(logged, path, response.status, startedAt, pipeline.context.now(), true));
    return {
      id: member.id,
      status: response.status,
      headers: { 'Content-Type': 'application/json; charset=utf-8', ...response.headers },
      body: response.body,
    };
  });
  return { status: 200, headers: {}, body: { responses } };
}

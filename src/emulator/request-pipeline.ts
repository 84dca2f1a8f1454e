/**
 * One request's way through the emulator, the same for a top-level request and a $batch member:
 * injected fault or routed handler, Graph errors shaped for the wire, and a request-log entry.
 */
import { GraphError, graphErrorBody, graphErrors } from './graph-error';
import type { EmulatorContext, EmulatorRequest, EmulatorResponse } from './handler-types';
import type { ConnectionFault, FaultInjector } from './faults';
import { isWriteRequest, routeRequest } from './router';

export interface RequestLogEntry {
  readonly method: string;
  /** The path as requested, e.g. /v1.0/users/abc/assignLicense (no query string). */
  readonly path: string;
  readonly query: string;
  readonly status: number;
  /** When the request arrived (ISO 8601). */
  readonly at: string;
  readonly durationMs: number;
  readonly write: boolean;
  /** A member of a $batch rather than an HTTP request of its own. */
  readonly viaBatch: boolean;
  /** An injected connection fault: the client got no answer (status 0 unless a write was applied first). */
  readonly connection?: ConnectionFault;
}

export interface RequestIds {
  readonly requestId: string;
  readonly clientRequestId: string;
}

export interface Pipeline {
  readonly context: EmulatorContext;
  readonly faults: FaultInjector;
  readonly log: (entry: RequestLogEntry) => void;
}

export function errorResponse(error: GraphError, ids: RequestIds, now: Date): EmulatorResponse {
  return { status: error.status, headers: { ...error.headers }, body: graphErrorBody(error, ids.requestId, ids.clientRequestId, now) };
}

export function respond(pipeline: Pipeline, request: EmulatorRequest, ids: RequestIds): EmulatorResponse {
  const write = isWriteRequest(request);
  const fault = pipeline.faults.decide(write);
  if (fault) return errorResponse(fault, ids, pipeline.context.now());
  try {
    return routeRequest(request, pipeline.context);
  } catch (error) {
    if (error instanceof GraphError) return errorResponse(error, ids, pipeline.context.now());
    // A defect in the emulator: answered as Graph would answer its own, and shown to whoever runs it.
    console.error('graph emulator: unexpected error', error);
    return errorResponse(graphErrors.internalServerError(), ids, pipeline.context.now());
  }
}

export function logEntry(
  request: EmulatorRequest,
  path: string,
  status: number,
  startedAt: Date,
  finishedAt: Date,
  viaBatch: boolean,
): RequestLogEntry {
  return {
    method: request.method,
    path,
    query: request.query.toString(),
    status,
    at: startedAt.toISOString(),
    durationMs: finishedAt.getTime() - startedAt.getTime(),
    write: isWriteRequest(request),
    viaBatch,
  };
}

/**
 * The emulated Graph v1.0 surface as a route table. Path segments match case-insensitively, as Graph's
 * do; an unknown segment is Graph's 400 "Resource not found for the segment".
 */
import { graphErrors } from './graph-error';
import { getGroup, listGroupMembers } from './group-routes';
import type { EmulatorContext, EmulatorRequest, EmulatorResponse, RouteHandler } from './handler-types';
import { getSubscribedSku, listSubscribedSkus } from './sku-routes';
import { assignLicense, checkMemberGroups, getManager, getUser, listMemberOf, listUsers } from './user-routes';

interface Route {
  readonly method: 'GET' | 'POST';
  /** Literal segments, or ':param'. */
  readonly pattern: readonly string[];
  readonly handler: RouteHandler;
  /** Counts against write throttling (Graph's per-app write limits). */
  readonly write?: boolean;
}

const ROUTES: readonly Route[] = [
  { method: 'GET', pattern: ['users'], handler: listUsers },
  { method: 'GET', pattern: ['users', ':id'], handler: getUser },
  { method: 'GET', pattern: ['users', ':id', 'manager'], handler: getManager },
  { method: 'GET', pattern: ['users', ':id', 'memberOf'], handler: listMemberOf },
  { method: 'POST', pattern: ['users', ':id', 'checkMemberGroups'], handler: checkMemberGroups },
  { method: 'POST', pattern: ['users', ':id', 'assignLicense'], handler: assignLicense, write: true },
  { method: 'GET', pattern: ['subscribedSkus'], handler: listSubscribedSkus },
  { method: 'GET', pattern: ['subscribedSkus', ':id'], handler: getSubscribedSku },
  { method: 'GET', pattern: ['groups', ':id'], handler: getGroup },
  { method: 'GET', pattern: ['groups', ':id', 'members'], handler: listGroupMembers },
];

interface RouteMatch {
  readonly route: Route;
  readonly params: string[];
}

/** How many leading segments of the request a pattern accepts. */
function matchedPrefix(pattern: readonly string[], segments: readonly string[]): number {
  let count = 0;
  while (count < pattern.length && count < segments.length) {
    const expected = pattern[count] as string;
    if (!expected.startsWith(':') && expected.toLowerCase() !== (segments[count] as string).toLowerCase()) break;
    count += 1;
  }
  return count;
}

function findRoute(request: EmulatorRequest): RouteMatch {
  const candidates = ROUTES.filter(
    (route) => route.pattern.length === request.segments.length && matchedPrefix(route.pattern, request.segments) === route.pattern.length,
  );
  const route = candidates.find((candidate) => candidate.method === request.method);
  if (route) {
    return { route, params: route.pattern.flatMap((part, index) => (part.startsWith(':') ? [request.segments[index] as string] : [])) };
  }
  if (candidates.length > 0) throw graphErrors.methodNotAllowed(request.method);
  const longest = Math.max(0, ...ROUTES.map((candidate) => matchedPrefix(candidate.pattern, request.segments)));
  throw graphErrors.segmentNotFound(request.segments[longest] ?? request.segments[request.segments.length - 1] ?? '');
}

export function isWriteRequest(request: EmulatorRequest): boolean {
  try {
    return findRoute(request).route.write === true;
  } catch {
    return false;
  }
}

/** Runs the handler; GraphErrors propagate to the caller, which shapes them for the wire. */
export function routeRequest(request: EmulatorRequest, context: EmulatorContext): EmulatorResponse {
  const { route, params } = findRoute(request);
  return route.handler(request, params, context);
}

/** Splits a request target into Graph's version, decoded path segments and query. */
import { GraphError, graphErrors } from './graph-error';

export const GRAPH_VERSION = 'v1.0';

export interface ParsedGraphUrl {
  /** The path as requested (still encoded), for logs. */
  readonly path: string;
  /** Decoded segments after the version. */
  readonly segments: string[];
  readonly query: URLSearchParams;
}

export function parseGraphUrl(target: string): ParsedGraphUrl {
  const url = new URL(target, 'http://emulator.invalid');
  const raw = url.pathname.split('/').filter((segment) => segment.length > 0);
  const [version, ...rest] = raw;
  if (version === undefined) throw graphErrors.segmentNotFound('');
  if (version.toLowerCase() !== GRAPH_VERSION) throw graphErrors.invalidVersion(version);
  let segments: string[];
  try {
    segments = rest.map((segment) => decodeURIComponent(segment));
  } catch {
    throw new GraphError(400, 'BadRequest', 'The request URI is not valid.');
  }
  return { path: url.pathname, segments, query: url.searchParams };
}

/**
 * A $batch member's url is relative to the version root ("/users/x"), or carries the version
 * ("/v1.0/users/x", which the Graph SDK's BatchRequestContent sends), or is absolute.
 */
export function parseBatchMemberUrl(url: string): ParsedGraphUrl {
  const withoutOrigin = url.replace(/^https?:\/\/[^/]+/i, '');
  const rooted = withoutOrigin.startsWith('/') ? withoutOrigin : `/${withoutOrigin}`;
  const versioned = rooted.toLowerCase().startsWith(`/${GRAPH_VERSION}/`) || rooted.toLowerCase() === `/${GRAPH_VERSION}` ? rooted : `/${GRAPH_VERSION}${rooted}`;
  return parseGraphUrl(versioned);
}

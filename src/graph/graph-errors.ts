/**
 * Graph errors → stable reason codes. Matching is on status first, then on Graph's message text,
 * because Graph uses the generic "Request_BadRequest" code for most licence failures.
 */
import { DirectoryError } from '../ports';

interface GraphLikeError {
  statusCode?: number;
  code?: string | null;
  message?: string;
  body?: unknown;
  headers?: { get(name: string): string | null };
}

const badRequestRules: readonly { pattern: RegExp; reason: string }[] = [
  { pattern: /usage location/i, reason: 'GRAPH_USAGE_LOCATION' },
  { pattern: /mutually exclusive/i, reason: 'GRAPH_MUTUALLY_EXCLUSIVE' },
  { pattern: /depends on|dependent|dependency/i, reason: 'GRAPH_DEPENDENCY' },
  { pattern: /available licen[cs]es|not enough licen[cs]es|insufficient licen[cs]es/i, reason: 'GRAPH_NO_LICENSES' },
  { pattern: /inherited|group/i, reason: 'GRAPH_GROUP_INHERITED' },
  { pattern: /does not correspond to a valid company licen[cs]e|invalid (sku|licen[cs]e)/i, reason: 'GRAPH_UNKNOWN_SKU' },
];

function retryAfter(error: GraphLikeError): number | undefined {
  const header = error.headers?.get?.('retry-after');
  const seconds = header === null || header === undefined ? NaN : Number(header);
  return Number.isFinite(seconds) ? seconds : undefined;
}

export function classifyGraphError(raw: unknown): DirectoryError {
  if (raw instanceof DirectoryError) return raw;
  const error = (raw ?? {}) as GraphLikeError;
  const status = typeof error.statusCode === 'number' && error.statusCode > 0 ? error.statusCode : undefined;
  const code = typeof error.code === 'string' ? error.code : undefined;
  const message = typeof error.message === 'string' ? error.message : undefined;
  const make = (reason: string) => new DirectoryError(reason, status, code, message, retryAfter(error));

  if (status === undefined) return make('GRAPH_UNAVAILABLE'); // network failure, timeout, reset
  if (status === 429) return make('GRAPH_THROTTLED');
  if (status === 401 || status === 403) return make('GRAPH_FORBIDDEN');
  if (status === 404) return make('GRAPH_USER_NOT_FOUND');
  if (status >= 500) return make('GRAPH_UNAVAILABLE');
  if (status === 400) {
    const rule = badRequestRules.find((candidate) => candidate.pattern.test(message ?? ''));
    if (rule) return make(rule.reason);
  }
  return make('GRAPH_UNKNOWN');
}

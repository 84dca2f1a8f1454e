/**
 * OData system query options ($select, $top, $skiptoken, $filter) and server-driven paging: a page
 * holds at most $top items (default 100, at most 999) and @odata.nextLink is an absolute URL on the
 * emulator carrying the original options plus a $skiptoken, as Graph's nextLinks do.
 */
import { graphErrors } from './graph-error';

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 999;

export interface QueryOptions {
  readonly select: string[] | undefined;
  readonly filter: string | undefined;
  readonly top: number;
  readonly offset: number;
}

/** Option names are matched case-insensitively ($skipToken from the SDK, $skiptoken from Graph). */
function option(query: URLSearchParams, name: string): string | undefined {
  for (const [key, value] of query) if (key.toLowerCase() === name) return value;
  return undefined;
}

export function readQueryOptions(query: URLSearchParams, supported: readonly ('$select' | '$filter' | '$top' | '$skiptoken')[]): QueryOptions {
  for (const [key] of query) {
    const name = key.toLowerCase();
    if (name.startsWith('$') && !(supported as readonly string[]).includes(name)) throw graphErrors.unsupportedQueryOption(key);
  }
  const rawSelect = option(query, '$select');
  const select = rawSelect === undefined ? undefined : rawSelect.split(',').map((name) => name.trim()).filter((name) => name.length > 0);
  const rawTop = option(query, '$top');
  let top = DEFAULT_PAGE_SIZE;
  if (rawTop !== undefined) {
    top = /^\d+$/.test(rawTop.trim()) ? Number(rawTop) : NaN;
    if (!(top >= 1 && top <= MAX_PAGE_SIZE)) throw graphErrors.invalidPageSize(rawTop);
  }
  const rawToken = option(query, '$skiptoken');
  return { select, filter: option(query, '$filter'), top, offset: rawToken === undefined ? 0 : decodeSkipToken(rawToken) };
}

function encodeSkipToken(offset: number): string {
  return Buffer.from(JSON.stringify({ emulatorOffset: offset })).toString('base64url');
}

function decodeSkipToken(token: string): number {
  try {
    const decoded = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { emulatorOffset?: unknown };
    if (typeof decoded.emulatorOffset === 'number' && Number.isInteger(decoded.emulatorOffset) && decoded.emulatorOffset >= 0) {
      return decoded.emulatorOffset;
    }
  } catch {
    // falls through to Graph's error
  }
  throw graphErrors.invalidSkipToken();
}

export interface Page<T> {
  readonly value: T[];
  readonly nextLink: string | undefined;
}

/** `resourceUrl` is the absolute URL of the collection (service root + path), without a query. */
export function pageOf<T>(items: readonly T[], options: QueryOptions, resourceUrl: string, query: URLSearchParams): Page<T> {
  const end = options.offset + options.top;
  const value = items.slice(options.offset, end);
  if (end >= items.length) return { value, nextLink: undefined };
  const kept = [...query].filter(([key]) => key.toLowerCase() !== '$skiptoken');
  const parameters = [...kept, ['$skiptoken', encodeSkipToken(end)] as [string, string]]
    .map(([key, raw]) => `${key}=${encodeURIComponent(raw)}`)
    .join('&');
  return { value, nextLink: `${resourceUrl}?${parameters}` };
}

/** "@odata.context" as Graph writes it: $metadata#users, #users(displayName,id), #users/$entity … */
export function contextUrl(serviceRoot: string, entitySet: string, select: readonly string[] | undefined, entity = false): string {
  const projection = select === undefined ? '' : `(${select.join(',')})`;
  return `${serviceRoot}/$metadata#${entitySet}${projection}${entity ? '/$entity' : ''}`;
}

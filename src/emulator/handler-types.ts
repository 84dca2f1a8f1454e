/** What a route handler receives and returns; shared by the HTTP server and $batch. */
import type { TenantDirectory } from './tenant-directory';

export interface EmulatorRequest {
  readonly method: string;
  /** Decoded path segments after the version, e.g. ['users', 'alexw@example.com', 'manager']. */
  readonly segments: readonly string[];
  readonly query: URLSearchParams;
  readonly body: unknown;
  /** Absolute service root, e.g. http://127.0.0.1:4000/v1.0, for @odata.context and nextLinks. */
  readonly serviceRoot: string;
}

export interface EmulatorResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
}

export interface WriteLogEntry {
  readonly userId: string;
  readonly userPrincipalName: string;
  readonly addedSkuIds: readonly string[];
  readonly removedSkuIds: readonly string[];
  /** The body's addLicenses as sent (disabledPlans included): what a plan turned on or off looks like on the wire. */
  readonly addLicenses?: readonly { readonly skuId: string; readonly disabledPlans: readonly string[] }[];
  readonly at: string;
}

export interface EmulatorContext {
  readonly directory: TenantDirectory;
  readonly now: () => Date;
  readonly recordWrite: (entry: WriteLogEntry) => void;
}

export type RouteHandler = (request: EmulatorRequest, params: readonly string[], context: EmulatorContext) => EmulatorResponse;

export function ok(body: unknown, status = 200): EmulatorResponse {
  return { status, headers: {}, body };
}

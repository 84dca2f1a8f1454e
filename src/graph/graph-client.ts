/**
 * The Microsoft Graph SDK client, built for one of three modes: real Graph with an @azure/identity
 * credential, or any Graph-conformant endpoint (emulator, proxy) without a token.
 */
import {
  AuthenticationHandler,
  Client,
  HTTPMessageHandler,
  RedirectHandler,
  RetryHandler,
  RetryHandlerOptions,
  TelemetryHandler,
  type Middleware,
} from '@microsoft/microsoft-graph-client';
import { TokenCredentialAuthenticationProvider } from '@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials';
import type { TokenCredential } from '@azure/identity';
import { DEFAULT_GRAPH_TIMEOUT_MS, TimeoutHandler } from './timeout-handler';

const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';

export interface GraphClientOptions {
  baseUrl: string;
  /** Without one, requests carry no Authorization header (emulators and tests). */
  credential?: TokenCredential;
  /** Retries the SDK makes on 429/503/504 for reads (it honours Retry-After). */
  maxRetries?: number;
  /** Deadline of each HTTP attempt, in ms (default 30 s). */
  timeoutMs?: number;
}

export function createGraphClient(options: GraphClientOptions): Client {
  const baseUrl = options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`;
  const chain: Middleware[] = [];
  if (options.credential) {
    const provider = new TokenCredentialAuthenticationProvider(options.credential, { scopes: [GRAPH_SCOPE] });
    chain.push(new AuthenticationHandler(provider));
  }
  chain.push(
    new RetryHandler(new RetryHandlerOptions(1, options.maxRetries ?? 3)),
    new RedirectHandler(),
    new TelemetryHandler(),
    new TimeoutHandler(options.timeoutMs ?? DEFAULT_GRAPH_TIMEOUT_MS),
    new HTTPMessageHandler(),
  );
  const host = new URL(baseUrl).host;
  return Client.initWithMiddleware({
    baseUrl,
    middleware: chain,
    // The SDK only attaches tokens to Graph's own hosts unless the host is declared.
    customHosts: options.credential && host !== 'graph.microsoft.com' ? new Set([host]) : undefined,
  });
}

/** Middleware options that turn the SDK's retries off for one request (writes retry deliberately). */
export function noRetry(): RetryHandlerOptions[] {
  return [new RetryHandlerOptions(0, 0)];
}

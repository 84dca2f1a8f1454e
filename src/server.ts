/**
 * The HTTP surface: POST /api/messages and GET /healthz. For an activity, in this order: the size cap (while the
 * body is read), the Authorization header's presence when tokens are required (before the body is read), the
 * activity's shape (400, no detail), then the token and the turn through the adapter. Failures are answered with a
 * status and no internal text: 401 for a bad token, 503 when the token cannot be checked now, 500 otherwise.
 */
import restify from 'restify';
import type { TurnContext } from 'botbuilder';
import { AuthenticationError } from 'botframework-connector';
import { parseActivity } from './bot/activity-shape';
import type { LicenseDeskAdapter } from './bot/license-desk-adapter';
import { AuthenticationUnavailableError } from './bot/strict-authentication';
import type { Logger } from './logger';

export interface ServerOptions {
  readonly adapter: LicenseDeskAdapter;
  readonly handleTurn: (context: TurnContext) => Promise<void>;
  readonly health: () => Promise<Record<string, unknown>>;
  /** An app id is set: every activity must carry a Bot Framework token. */
  readonly tokensRequired: boolean;
  readonly log: Logger;
}

/** Larger than any activity Teams sends (a pasted bulk list of 10,000 addresses is well under 1 MiB). */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;

export function createServer(options: ServerOptions): restify.Server {
  const server = restify.createServer({ name: 'license-desk', handleUncaughtExceptions: false });
  const bodyParser = restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false });

  // Without even a bearer header the request cannot be authentic: refused before its body is read.
  const requireBearer: restify.RequestHandler = (req, res, next) => {
    if (options.tokensRequired && !/^Bearer \S/i.test(req.header('authorization') ?? '')) {
      res.send(401);
      return next(false);
    }
    return next();
  };

  server.post('/api/messages', requireBearer, bodyParser, async (req, res) => {
    const activity = parseActivity(req.body);
    if (!activity) {
      res.send(400);
      return;
    }
    try {
      const invokeResponse = await options.adapter.handle(req.header('authorization') ?? '', activity, options.handleTurn);
      if (invokeResponse?.body === undefined) res.send(invokeResponse?.status ?? 200);
      else res.send(invokeResponse.status, invokeResponse.body);
    } catch (error) {
      if (error instanceof AuthenticationError) {
        res.send(401);
      } else if (error instanceof AuthenticationUnavailableError) {
        options.log.warn('Bot Framework token could not be checked: answered 503', { error: String(error.cause) });
        res.send(503);
      } else {
        options.log.error('activity processing failed', { error: String(error) });
        if (!res.headersSent) res.send(500);
      }
    }
  });

  server.get('/healthz', async (_req, res) => {
    try {
      res.send(200, { status: 'ok', ...(await options.health()) });
    } catch (error) {
      res.send(503, { status: 'unavailable', error: String(error) });
    }
  });
  return server;
}

export async function listen(server: restify.Server, port: number, host: string | undefined): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host ?? '0.0.0.0', () => resolve());
  });
  const address = server.address() as { port: number };
  return address.port;
}

/**
 * The HTTP surface: POST /api/messages through CloudAdapter (which checks Bot Framework tokens
 * when an app id is configured) and GET /healthz.
 */
import restify from 'restify';
import type { CloudAdapter, TurnContext } from 'botbuilder';
import type { Logger } from './logger';

export interface ServerOptions {
  readonly adapter: CloudAdapter;
  readonly handleTurn: (context: TurnContext) => Promise<void>;
  readonly health: () => Promise<Record<string, unknown>>;
  readonly log: Logger;
}

export function createServer(options: ServerOptions): restify.Server {
  const server = restify.createServer({ name: 'license-desk', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: 4 * 1024 * 1024, mapParams: false }));

  server.post('/api/messages', async (req, res) => {
    try {
      await options.adapter.process(req, res, options.handleTurn);
    } catch (error) {
      options.log.error('activity processing failed', { error: String(error) });
      if (!res.headersSent) res.send(500, { error: 'The bot could not process this activity.' });
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

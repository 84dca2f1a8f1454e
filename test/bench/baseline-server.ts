/**
 * The HTTP side of the benchmarks' baseline bots (echo-bot.ts, dialog-bot.ts), as Microsoft's samples write it:
 * restify with the body parser, POST /api/messages into a CloudAdapter with anonymous Bot Framework authentication,
 * and the same GET /healthz as License Desk. Listens on PORT / HOST; SIGTERM closes it, then runs `closing`.
 */
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type ActivityHandler } from 'botbuilder';
import restify from 'restify';

export function serveBaselineBot(name: string, bot: ActivityHandler, closing: () => Promise<void> = async () => undefined): void {
  const adapter = new CloudAdapter(
    new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: '', MicrosoftAppPassword: '', MicrosoftAppType: '', MicrosoftAppTenantId: '' }),
  );
  const server = restify.createServer({ name, handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ mapParams: false }));
  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, (context) => bot.run(context));
  });
  server.get('/healthz', async (_req, res) => {
    res.send(200, { status: 'ok' });
  });
  server.listen(Number(process.env.PORT ?? 3978), process.env.HOST ?? '127.0.0.1');
  process.once('SIGTERM', () => server.close(() => void closing().finally(() => process.exit(0))));
}

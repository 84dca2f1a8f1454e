/** Entry point: `npm start`. Reads the environment, starts License Desk, stops cleanly on signals. */
import { ConfigError, loadConfig } from './config';
import { createLogger } from './logger';
import { startLicenseDesk } from './app';

async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const app = await startLicenseDesk(config, { log });
  const messagingEndpoint = `http://localhost:${app.port}/api/messages`;
  log.info('License Desk is running', {
    messagingEndpoint,
    graph: app.graphDescription,
    authentication: config.bot.appId ? 'Bot Framework tokens required' : 'local anonymous mode (no app id)',
  });
  // The start-up ends with two plain lines for people: where the bot listens, and how to talk to it.
  process.stdout.write(startupLines(messagingEndpoint).join('\n') + '\n');
  const stop = async (signal: string) => {
    log.info('stopping', { signal });
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

/** What `npm start` says last: the messaging endpoint, and the next step (the Playground, in another terminal). */
export function startupLines(messagingEndpoint: string): [string, string] {
  return [
    `License Desk listens on ${messagingEndpoint}`,
    'To talk to it, run `npm run playground` in another terminal: it opens Microsoft 365 Agents Playground in front of this bot, for Alex (requester) and Megan (approver).',
  ];
}

if (require.main === module) main().catch((error: unknown) => {
  const message = error instanceof ConfigError ? error.message : `License Desk could not start: ${String(error)}`;
  process.stderr.write(`${JSON.stringify({ level: 'error', msg: message })}\n`);
  process.exit(1);
});

/** Entry point: `npm start`. Reads the environment, starts License Desk, stops cleanly on signals. */
import { ConfigError, loadConfig } from './config';
import { createLogger } from './logger';
import { startLicenseDesk } from './app';

async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const app = await startLicenseDesk(config, { log });
  log.info('License Desk is running', {
    messagingEndpoint: `http://localhost:${app.port}/api/messages`,
    graph: app.graphDescription,
    authentication: config.bot.appId ? 'Bot Framework tokens required' : 'local anonymous mode (no app id)',
  });
  const stop = async (signal: string) => {
    log.info('stopping', { signal });
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  const message = error instanceof ConfigError ? error.message : `License Desk could not start: ${String(error)}`;
  process.stderr.write(`${JSON.stringify({ level: 'error', msg: message })}\n`);
  process.exit(1);
});

/**
 * node dist/src/emulator/cli.js --tenant FILE [--port N] [--host H] [--latency MS]
 * Prints the base URL on the first line of stdout and serves until SIGINT/SIGTERM.
 */
import { DEMO_TENANT_FILE } from './demo-tenant';
import { startGraphEmulator } from './graph-emulator';
import { loadTenantFile } from './tenant-file';

interface CliOptions {
  tenant: string;
  port: number;
  host: string;
  latencyMs: number;
}

const USAGE = 'usage: graph-emulator [--tenant FILE] [--port N] [--host HOST] [--latency MS]';

function parseArguments(argv: readonly string[]): CliOptions {
  const options: CliOptions = { tenant: DEMO_TENANT_FILE, port: 0, host: '127.0.0.1', latencyMs: 0 };
  for (let index = 0; index < argv.length; index += 2) {
    const name = argv[index];
    const value = argv[index + 1];
    if (value === undefined) throw new Error(`${name} needs a value\n${USAGE}`);
    const number = Number(value);
    switch (name) {
      case '--tenant':
        options.tenant = value;
        break;
      case '--host':
        options.host = value;
        break;
      case '--port':
      case '--latency':
        if (!Number.isInteger(number) || number < 0) throw new Error(`${name} needs a non-negative integer\n${USAGE}`);
        if (name === '--port') options.port = number;
        else options.latencyMs = number;
        break;
      default:
        throw new Error(`unknown option ${name}\n${USAGE}`);
    }
  }
  return options;
}

async function main(): Promise<void> {
  const options = parseArguments(process.argv.slice(2));
  const tenant = loadTenantFile(options.tenant);
  const emulator = await startGraphEmulator({ tenant, port: options.port, host: options.host, latencyMs: options.latencyMs });
  process.stdout.write(`${emulator.url}\n`);
  process.stdout.write(
    `Graph emulator for tenant ${tenant.tenantId} (${options.tenant}): ${tenant.users.length} users, ${tenant.groups.length} groups, ` +
      `${tenant.subscribedSkus.length} SKUs. GRAPH_BASE_URL=${emulator.url}\n`,
  );
  const stop = () => {
    void emulator.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

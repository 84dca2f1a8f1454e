/**
 * Start-up time (npm run bench:startup): from spawning `node` to the first 200 from GET /healthz, for License Desk
 * (against a Graph emulator already running, so that only the bot's own start is measured; and in demo mode, which
 * also starts the built-in emulator) and for the bare echo bot, alternating, several times each.
 * Prints figures; asserts nothing about time.
 */
import fs from 'node:fs';
import { startGraphEmulator } from '../../src/emulator/graph-emulator';
import { BenchProcess, ECHO_BOT_ENTRY, LICENSE_DESK_ENTRY } from './bench-process';
import { machineLine, mb, ms, percentile, printTable, ratio } from './bench-report';
import { chatTenant, licenseDeskEnvironment } from './bench-tenant';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);

interface Start {
  readonly readyMs: number;
  readonly rss: number;
}

async function startOnce(entry: string, environment: Record<string, string>): Promise<Start> {
  const process = new BenchProcess(entry, environment);
  try {
    const started = await process.start();
    const stats = await process.stats();
    return { readyMs: started.readyMs, rss: stats.memory.rss };
  } finally {
    await process.stop();
  }
}

async function main(): Promise<void> {
  console.log(machineLine());
  const chat = chatTenant(1);
  const emulator = await startGraphEmulator({ tenant: chat.tenant, latencyMs: 0 });
  const kinds: { label: string; entry: string; environment: () => { environment: Record<string, string>; dataDir?: string } }[] = [
    { label: 'echo bot', entry: ECHO_BOT_ENTRY, environment: () => ({ environment: {} }) },
    { label: 'License Desk (GRAPH_BASE_URL)', entry: LICENSE_DESK_ENTRY, environment: () => licenseDeskEnvironment(chat.tenant, emulator.url) },
    {
      label: 'License Desk (demo mode)',
      entry: LICENSE_DESK_ENTRY,
      environment: () => {
        const { environment, dataDir } = licenseDeskEnvironment(chat.tenant, emulator.url);
        const { GRAPH_BASE_URL: _graph, HOME_TENANT_ID: _home, LICENSE_APPROVER_GROUP_ID: _approvers, ONPREM_PSTN_GROUP_ID: _hybrid, ADMIN_GROUP_ID: _admins, ...demo } = environment;
        return { environment: demo, dataDir };
      },
    },
  ];
  const results = new Map<string, Start[]>(kinds.map((kind) => [kind.label, []]));
  try {
    // One throw-away start of each warms the operating system's file cache.
    for (let run = -1; run < RUNS; run++) {
      for (const kind of kinds) {
        const { environment, dataDir } = kind.environment();
        try {
          const start = await startOnce(kind.entry, environment);
          if (run >= 0) results.get(kind.label)?.push(start);
        } finally {
          if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
        }
      }
    }
  } finally {
    await emulator.close();
  }
  const echo = percentile((results.get('echo bot') ?? []).map((start) => start.readyMs), 50);
  console.log(`start-up: spawn to the first 200 from /healthz, ${RUNS} runs each (alternating), after one warm-up start of each`);
  printTable('', ['process', 'median ms', 'min ms', 'max ms', 'RSS at ready MB', 'median / echo bot'], kinds.map((kind) => {
    const starts = results.get(kind.label) ?? [];
    const times = starts.map((start) => start.readyMs);
    const median = percentile(times, 50);
    return [kind.label, ms(median, 0), ms(Math.min(...times), 0), ms(Math.max(...times), 0), mb(percentile(starts.map((start) => start.rss), 50)), ratio(median / echo)];
  }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

/**
 * What the unavoidable parts of a request turn cost on their own, measured in a process of their own (run by
 * turns.bench.ts: `node component-costs.js <graph url>`; prints JSON): the people search through the SDK (it brings
 * the person's licences: a request turn makes no other Graph call once seats and memberships are cached), and one
 * read and one write of a small state document in the embedded SQLite store. (The reply itself is not among them: a
 * request turn sends one reply, as the echo turn does.) CPU time is this process's own; the emulator and the connector
 * run in the parent. Each part is warmed up long enough for V8 to have optimised it, as it is in a bot that has
 * served a few hundred turns: a short warm-up doubles the figure of a Graph call.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createGraphClient } from '../../src/graph/graph-client';
import { GraphDirectory } from '../../src/graph/graph-directory';
import { SqliteStorage } from '../../src/storage/sqlite-storage';

export interface ComponentCost {
  readonly part: string;
  readonly cpuMs: number;
  readonly wallMs: number;
}

const REPEATS = 2000;
const WARM_UP = 1000;

async function cost(part: string, operation: (index: number) => Promise<unknown>): Promise<ComponentCost> {
  for (let index = 0; index < WARM_UP; index++) await operation(index);
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let index = 0; index < REPEATS; index++) await operation(index);
  const used = process.cpuUsage(cpu);
  return { part, cpuMs: (used.user + used.system) / 1000 / REPEATS, wallMs: (performance.now() - started) / REPEATS };
}

async function main(): Promise<void> {
  const [graphUrl] = process.argv.slice(2);
  if (!graphUrl) throw new Error('usage: component-costs <graph url>');
  const directory = new GraphDirectory(createGraphClient({ baseUrl: graphUrl }));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'license-desk-costs-'));
  const storage = SqliteStorage.open(path.join(dataDir, 'state.sqlite'));
  // About the size of a conversation's dialog state while the confirm prompt waits.
  const dialogState = { dialogState: { dialogStack: [{ id: 'licenseRequest', state: { values: { text: 'x'.repeat(1500) } } }] } };
  try {
    const costs = [
      await cost('Graph people search, licences included (SDK over HTTP)', () => directory.searchUsers('Alice Anders')),
      await cost('state read (embedded SQLite)', () => storage.read(['conversation/state'])),
      await cost('state write (embedded SQLite, write-ahead log)', (index) => storage.write({ 'conversation/state': { ...dialogState, turn: index, eTag: '*' } })),
    ];
    process.stdout.write(`${JSON.stringify(costs)}\n`);
  } finally {
    await storage.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

/**
 * Bulk assignment benchmark (npm run bench:bulk): the bulk engine against the Graph emulator with 100 ms
 * latency and Graph's per-app write limit as a token bucket (3,000 writes per 150 s: capacity 3000,
 * refill 20/s), compared in the same run with what the seeds' script does (three sequential writes per
 * user — E3, then Phone System, then the Calling Plan — ignoring errors) on a sample. A second run drains
 * a small bucket (capacity 100, refill 20/s) to show the engine holding Graph's sustained write rate.
 * Prints figures; asserts nothing about time.
 */
import { MemoryStorage } from 'botbuilder';
import { startGraphEmulator, type GraphEmulator, type WriteBucketOptions } from '../../src/emulator/graph-emulator';
import { createGraphClient } from '../../src/graph/graph-client';
import { GraphBatch } from '../../src/graph/graph-batch';
import { GraphDirectory } from '../../src/graph/graph-directory';
import type { AuditLog, AuditRecord } from '../../src/ports';
import { countEntries, type BulkJob } from '../../src/services/bulk/bulk-job';
import { BulkJobStore } from '../../src/services/bulk/bulk-job-store';
import { parseUserList, type ParsedList } from '../../src/services/bulk/bulk-list';
import { BulkRun } from '../../src/services/bulk/bulk-run';
import { BulkValidator } from '../../src/services/bulk/bulk-validator';
import { generateTenant, SEEDS_BULK_PARTS, type GeneratedTenant } from './bulk-tenant';

const LATENCY_MS = 100;
const ENGINE_USERS = Number(process.env.BENCH_USERS ?? 2000);
const NAIVE_SAMPLE = Number(process.env.BENCH_NAIVE_SAMPLE ?? 200);
const SUSTAINED_USERS = Number(process.env.BENCH_SUSTAINED_USERS ?? 1000);
const GRAPH_WRITE_LIMIT: WriteBucketOptions = { capacity: 3000, refillPerSecond: 20 };
const DRAINED_BUCKET: WriteBucketOptions = { capacity: 100, refillPerSecond: 20 };

const noAudit: AuditLog = { append: async (_record: AuditRecord) => undefined, list: async () => [] };

interface EngineFigures {
  readonly users: number;
  readonly seconds: number;
  readonly usersPerSecond: number;
  readonly writesPerUser: number;
  readonly attemptedWritesPerUser: number;
  readonly throttled: number;
  readonly maxWritesOfOneUser: number;
  readonly allAssigned: boolean;
  /** Successful writes per second between the first 429 (the burst is spent) and the last write. */
  readonly steadyWritesPerSecond: number | undefined;
}

async function emulatorFor(generated: GeneratedTenant, bucket: WriteBucketOptions): Promise<GraphEmulator> {
  return startGraphEmulator({ tenant: generated.tenant, latencyMs: LATENCY_MS, writeBucket: bucket });
}

async function runEngine(generated: GeneratedTenant, upns: readonly string[], bucket: WriteBucketOptions): Promise<EngineFigures> {
  const emulator = await emulatorFor(generated, bucket);
  try {
    const directory = new GraphDirectory(createGraphClient({ baseUrl: emulator.url }));
    const bulk = new GraphBatch(createGraphClient({ baseUrl: emulator.url }));
    const store = new BulkJobStore(new MemoryStorage());
    const list = parseUserList(upns.join('\n'), 'txt') as ParsedList;
    const validation = await new BulkValidator({ bulk, directory, store, hybridGroupId: undefined }).validate({ action: 'assign', requested: [...SEEDS_BULK_PARTS], list });
    const now = new Date().toISOString();
    const job: BulkJob = {
      id: `bench-${Date.now()}`,
      tenantId: generated.tenant.tenantId,
      createdAt: now,
      updatedAt: now,
      requester: { id: generated.admin.id, displayName: generated.admin.name },
      action: 'assign',
      requested: [...SEEDS_BULK_PARTS],
      parts: validation.parts,
      source: { kind: 'file', name: 'bench.txt' },
      state: 'running',
      chunkCount: 0,
      counts: validation.counts,
      seats: validation.seats,
      problems: validation.problems,
      approvers: [],
      noApproval: true,
      conversation: { reference: {}, locale: 'en' },
      approvalCards: [],
      startedAt: now,
    };
    const stored = (await store.create(job, validation.entries)).value;
    emulator.resetLogs();
    const started = performance.now();
    const run = new BulkRun(stored, await store.entries(stored), {
      bulk,
      directory,
      store,
      audit: noAudit,
      clock: { now: () => new Date() },
      hybridGroupId: undefined,
      onProgress: async () => undefined,
    }, { stopping: () => false, cancelling: () => false });
    const outcome = await run.execute();
    const seconds = (performance.now() - started) / 1000;
    const writes = emulator.writeLog;
    const perUser = new Map<string, number>();
    for (const write of writes) perUser.set(write.userId, (perUser.get(write.userId) ?? 0) + 1);
    const attempted = emulator.requestLog.filter((entry) => entry.write).length;
    const counts = countEntries(outcome.entries, validation.counts.toChange);
    const firstThrottle = emulator.requestLog.find((entry) => entry.status === 429);
    const after = firstThrottle ? writes.filter((write) => write.at > firstThrottle.at) : [];
    const lastWrite = after.at(-1);
    const steadySeconds = firstThrottle && lastWrite ? (Date.parse(lastWrite.at) - Date.parse(firstThrottle.at)) / 1000 : 0;
    return {
      users: upns.length,
      seconds,
      usersPerSecond: counts.done / seconds,
      writesPerUser: writes.length / counts.done,
      attemptedWritesPerUser: attempted / counts.done,
      throttled: emulator.requestLog.filter((entry) => entry.status === 429).length,
      maxWritesOfOneUser: Math.max(0, ...perUser.values()),
      steadyWritesPerSecond: steadySeconds > 0 ? after.length / steadySeconds : undefined,
      allAssigned: counts.done === upns.length && upns.every((upn) => SEEDS_BULK_PARTS.every((part) => emulator.user(upn)?.skuPartNumbers.includes(part))),
    };
  } finally {
    await emulator.close();
  }
}

/** What the seeds' script does: per user, one write per licence in sequence (E3, MCOEV, MCOPSTN1), errors ignored. */
async function runNaive(generated: GeneratedTenant, upns: readonly string[], bucket: WriteBucketOptions): Promise<{ usersPerSecond: number; seconds: number; writesPerUser: number; failedWrites: number }> {
  const emulator = await emulatorFor(generated, bucket);
  try {
    const directory = new GraphDirectory(createGraphClient({ baseUrl: emulator.url }));
    let failedWrites = 0;
    const started = performance.now();
    for (const upn of upns) {
      for (const part of SEEDS_BULK_PARTS) {
        await directory
          .assignLicense(upn, { addLicenses: [{ skuId: generated.skuIds[part] as string, disabledPlans: [] }], removeLicenses: [] })
          .catch(() => failedWrites++);
      }
    }
    const seconds = (performance.now() - started) / 1000;
    return { usersPerSecond: upns.length / seconds, seconds, writesPerUser: emulator.requestLog.filter((entry) => entry.write).length / upns.length, failedWrites };
  } finally {
    await emulator.close();
  }
}

function line(label: string, value: string): void {
  console.log(`${label.padEnd(46)} ${value}`);
}

async function main(): Promise<void> {
  const total = ENGINE_USERS + NAIVE_SAMPLE + SUSTAINED_USERS;
  const generated = generateTenant({ users: total, seats: total + 10 });
  const upns = generated.users.map((user) => user.upn);
  const engineUpns = upns.slice(0, ENGINE_USERS);
  const naiveUpns = upns.slice(ENGINE_USERS, ENGINE_USERS + NAIVE_SAMPLE);
  const sustainedUpns = upns.slice(ENGINE_USERS + NAIVE_SAMPLE);

  console.log(`bulk assignment benchmark: ${LATENCY_MS} ms latency per HTTP request, E3 + Phone System + Domestic Calling Plan per user`);
  const engine = await runEngine(generated, engineUpns, GRAPH_WRITE_LIMIT);
  const naive = await runNaive(generated, naiveUpns, GRAPH_WRITE_LIMIT);
  const bucketRate = GRAPH_WRITE_LIMIT.refillPerSecond;
  console.log(`\n1) ${ENGINE_USERS} users, write bucket capacity ${GRAPH_WRITE_LIMIT.capacity}, refill ${bucketRate}/s (3,000 writes per 150 s)`);
  line('bulk engine: users/s', engine.usersPerSecond.toFixed(1));
  line('bulk engine: elapsed', `${engine.seconds.toFixed(1)} s`);
  line('bulk engine: successful writes per user', engine.writesPerUser.toFixed(3));
  line('bulk engine: write attempts per user (incl. 429s)', engine.attemptedWritesPerUser.toFixed(3));
  line('bulk engine: most writes to one user', String(engine.maxWritesOfOneUser));
  line('bulk engine: 429s received', String(engine.throttled));
  line('bulk engine: every user holds all three licences', String(engine.allAssigned));
  line(`seeds' loop (${NAIVE_SAMPLE}-user sample): users/s`, naive.usersPerSecond.toFixed(2));
  line(`seeds' loop: writes per user`, naive.writesPerUser.toFixed(2));
  line(`seeds' loop: failed writes (ignored)`, String(naive.failedWrites));
  line('ratio bulk engine / seeds\' loop (users/s)', `${(engine.usersPerSecond / naive.usersPerSecond).toFixed(1)}x`);
  line(`ratio bulk engine / bucket refill rate (${bucketRate}/s)`, `${((engine.usersPerSecond / bucketRate) * 100).toFixed(0)}% (the 3,000-write burst covers the whole job)`);

  const sustained = await runEngine(generated, sustainedUpns, DRAINED_BUCKET);
  console.log(`\n2) ${SUSTAINED_USERS} users, write bucket capacity ${DRAINED_BUCKET.capacity}, refill ${DRAINED_BUCKET.refillPerSecond}/s (the bucket is the limit)`);
  const idealSeconds = Math.max(0, SUSTAINED_USERS - DRAINED_BUCKET.capacity) / DRAINED_BUCKET.refillPerSecond;
  const steady = sustained.steadyWritesPerSecond;
  line('bulk engine: users/s (whole job)', sustained.usersPerSecond.toFixed(2));
  line('bulk engine: elapsed', `${sustained.seconds.toFixed(1)} s (the bucket alone needs ${idealSeconds.toFixed(1)} s)`);
  line('bulk engine: writes/s once the burst is spent', steady === undefined ? 'n/a' : steady.toFixed(2));
  line('share of the bucket\'s rate (steady state)', steady === undefined ? 'n/a' : `${((steady / DRAINED_BUCKET.refillPerSecond) * 100).toFixed(1)}%`);
  line('share of the bucket\'s rate (whole job)', `${((idealSeconds / sustained.seconds) * 100).toFixed(1)}%`);
  line('bulk engine: successful writes per user', sustained.writesPerUser.toFixed(3));
  line('bulk engine: write attempts per user (incl. 429s)', sustained.attemptedWritesPerUser.toFixed(3));
  line('bulk engine: most writes to one user', String(sustained.maxWritesOfOneUser));
  line('bulk engine: 429s received', String(sustained.throttled));
  line('bulk engine: every user holds all three licences', String(sustained.allAssigned));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

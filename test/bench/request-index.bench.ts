/**
 * Cost of the request index as the store grows (node dist/test/bench/request-index.bench.js): BENCH_STORED_REQUESTS
 * (10,000) requests created one after the other through StorageRequestStore over SqliteStorage in a temp directory,
 * a minute apart (BENCH_MINUTES_APART), 9 in 10 (BENCH_FINISHED_PER_TEN) finished right after their create.
 * Prints ms per create and per finish around a tenth, half and all of the requests, with the number of unfinished
 * ones (the open part of the index grows with those), then the time of listing the pending ones and the finished
 * ones. Prints figures; asserts nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { StorageRequestStore } from '../../src/storage/request-store';
import { SqliteStorage } from '../../src/storage/sqlite-storage';
import { inState, sampleRequest } from '../storage/support/sample-request';
import { machineLine, ms, printTable } from './bench-report';

const STORED_REQUESTS = Number(process.env.BENCH_STORED_REQUESTS ?? 10_000);
const MINUTES_APART = Number(process.env.BENCH_MINUTES_APART ?? 1);
const FINISHED_PER_TEN = Number(process.env.BENCH_FINISHED_PER_TEN ?? 9);
/** Creates (and their finishes) averaged before each checkpoint. */
const WINDOW = Math.max(1, Math.min(100, Math.floor(STORED_REQUESTS / 10)));

interface Window {
  creates: number;
  createMs: number;
  finishes: number;
  finishMs: number;
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'license-desk-index-bench-'));
  const storage = SqliteStorage.open(path.join(dir, 'license-desk.sqlite'));
  const store = new StorageRequestStore(storage);
  const checkpoints = [...new Set([Math.round(STORED_REQUESTS / 10), Math.round(STORED_REQUESTS / 2), STORED_REQUESTS])];
  const rows: string[][] = [];
  const base = Date.UTC(2026, 0, 1);
  let window: Window = { creates: 0, createMs: 0, finishes: 0, finishMs: 0 };
  let unfinished = 0;
  const started = performance.now();
  try {
    for (let index = 0; index < STORED_REQUESTS; index += 1) {
      const at = new Date(base + index * MINUTES_APART * 60_000).toISOString();
      const request = sampleRequest(`00000000-0000-4000-8000-${index.toString(16).padStart(12, '0')}`, { createdAt: at, updatedAt: at });
      const createStart = performance.now();
      const created = await store.create(request);
      const createEnd = performance.now();
      const count = index + 1;
      const inWindow = checkpoints.some((checkpoint) => count > checkpoint - WINDOW && count <= checkpoint);
      if (inWindow) window = { ...window, creates: window.creates + 1, createMs: window.createMs + createEnd - createStart };
      if (index % 10 < FINISHED_PER_TEN) {
        await store.replace(inState(created.value, 'completed'), created.eTag);
        if (inWindow) window = { ...window, finishes: window.finishes + 1, finishMs: window.finishMs + performance.now() - createEnd };
      } else {
        unfinished += 1;
      }
      if (checkpoints.includes(count)) {
        rows.push([String(count), String(unfinished), ms(window.createMs / window.creates, 2), ms(window.finishMs / Math.max(1, window.finishes), 2)]);
        window = { creates: 0, createMs: 0, finishes: 0, finishMs: 0 };
      }
    }
    const filled = performance.now();
    const pending = await timed(() => store.listByState(['pending']));
    const finished = await timed(() => store.listByState(['completed']));

    console.log(machineLine());
    printTable(`Request index: ms per operation, averaged over the ${WINDOW} creates before each count`, ['stored requests', 'unfinished', 'ms per create', 'ms per finish'], rows);
    printTable('Listing', ['listByState', 'requests', 'ms'], [
      ["['pending']", String(pending.result.length), ms(pending.ms)],
      ["['completed']", String(finished.result.length), ms(finished.ms)],
    ]);
    console.log(`\n(${STORED_REQUESTS} requests created, ${FINISHED_PER_TEN * 10}% finished, in ${((filled - started) / 1000).toFixed(1)} s)`);
  } finally {
    await storage.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const start = performance.now();
  const result = await work();
  return { result, ms: performance.now() - start };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

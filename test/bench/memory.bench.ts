/**
 * Memory of the License Desk process (npm run bench:memory), read inside it (probe.ts) with --expose-gc so that
 * figures "after GC" are what the process really holds and figures without GC what the operating system sees; each
 * phase ends with the process left idle for BENCH_IDLE_SECONDS (40) and read without a forced collection, which is
 * when V8 gives memory back:
 *  1. idle, just started;
 *  2. during and after BENCH_TURNS (10,000) request turns over HTTP ("give … a calling plan" + "No") from 100
 *     conversations: the chat path must not accumulate anything;
 *  3. with BENCH_STORED_REQUESTS (10,000) licence requests in its store, created beforehand through the request
 *     store's own API (the time that takes is printed too, per thousand creates), then chat;
 *  4. during a bulk job of BENCH_BULK_USERS (10,000) users, sent as a file by an admin and approved by the manager,
 *     against the Graph emulator at 0 ms (growth during the job over the idle process).
 * The bare echo bot, idle and after the same number of turns, is printed for scale. Prints figures; asserts nothing.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startGraphEmulator } from '../../src/emulator/graph-emulator';
import type { LicenseRequest } from '../../src/domain/request';
import { openEmbeddedState } from '../../src/storage/open-state';
import { FILE_DOWNLOAD_INFO } from '../../src/bot/admin/list-input';
import { adaptiveCardOf } from '../support/cards';
import { CapturingConnector } from '../support/capturing-connector';
import { BenchProcess, ECHO_BOT_ENTRY, LICENSE_DESK_ENTRY } from './bench-process';
import { machineLine, mb, printTable } from './bench-report';
import { chatTenant, licenseDeskEnvironment } from './bench-tenant';
import { generateTenant } from './bulk-tenant';
import type { ProbeStats } from './probe';
import { TeamsTraffic, type Person } from './teams-traffic';

const TURNS = Number(process.env.BENCH_TURNS ?? 10_000);
const STORED_REQUESTS = Number(process.env.BENCH_STORED_REQUESTS ?? 10_000);
const BULK_USERS = Number(process.env.BENCH_BULK_USERS ?? 10_000);
const CONVERSATIONS = 100;
/**
 * How long a process is left alone before its "idle" reading: V8 gives back the pages of its young generation and
 * of the old generation's headroom only when its memory reducer sees the process idle (about 10 to 20 s after the
 * last allocations); a forced full GC does not shrink them.
 */
const IDLE_SECONDS = Number(process.env.BENCH_IDLE_SECONDS ?? 40);
/** Extra node flags for License Desk, e.g. BENCH_NODE_FLAGS="--max-semi-space-size=2" to see what V8's sizing does. */
const NODE_FLAGS = ['--expose-gc', ...(process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean)];
const rows: string[][] = [];

function record(label: string, stats: ProbeStats, peakRss?: number, collection = stats.collected ? 'yes' : 'no'): void {
  rows.push([label, mb(stats.memory.rss), peakRss === undefined ? '' : mb(peakRss), mb(stats.memory.heapUsed), mb(stats.memory.external + stats.memory.arrayBuffers), collection]);
}

/** The process left idle for IDLE_SECONDS, then read without forcing a collection: what the OS sees of an idle bot. */
async function recordIdle(label: string, bot: BenchProcess): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, IDLE_SECONDS * 1000));
  record(`${label}, then idle ${IDLE_SECONDS} s`, await bot.stats(), undefined, `V8's own, idle`);
}

/** Reads the process's memory every 250 ms while work runs; returns the highest RSS seen. */
async function peakWhile(bot: BenchProcess, work: Promise<unknown>): Promise<number> {
  let done = false;
  let peak = 0;
  void work.finally(() => (done = true)).catch(() => undefined);
  while (!done) {
    peak = Math.max(peak, (await bot.stats()).memory.rss);
    await Promise.race([work.catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 250))]);
  }
  await work;
  return Math.max(peak, (await bot.stats()).memory.rss);
}

/** Request and answer turns, all conversations at once per phase, until `turns` requests were sent. */
async function chat(traffic: TeamsTraffic, people: readonly Person[], turns: number): Promise<void> {
  for (let sent = 0; sent < turns; sent += people.length) {
    for (const text of ['give Alice Anders a calling plan', 'No']) {
      const results = await Promise.all(people.map((person) => traffic.say(person, text)));
      const failed = results.find((result) => result.status !== 200);
      if (failed) throw new Error(`a chat turn answered ${failed.status}`);
    }
  }
}

async function chatPhases(): Promise<void> {
  const tenant = chatTenant(CONVERSATIONS);
  const emulator = await startGraphEmulator({ tenant: tenant.tenant, latencyMs: 0 });
  const connector = new CapturingConnector();
  await connector.start();
  const setup = licenseDeskEnvironment(tenant.tenant, emulator.url);
  let bot = new BenchProcess(LICENSE_DESK_ENTRY, setup.environment, NODE_FLAGS);
  try {
    let started = await bot.start();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    record('1. idle, just started', await bot.stats());
    record('1. idle, just started', await bot.stats(true));
    await recordIdle('1. just started', bot);

    let traffic = new TeamsTraffic(started.url, connector.url, CONVERSATIONS);
    const turnsStarted = performance.now();
    const peak = await peakWhile(bot, chat(traffic, tenant.requesters, TURNS));
    const turnsSeconds = (performance.now() - turnsStarted) / 1000;
    record(`2. after ${TURNS} request turns`, await bot.stats(), peak);
    record(`2. after ${TURNS} request turns`, await bot.stats(true));
    await recordIdle(`2. after ${TURNS} request turns`, bot);
    traffic.close();
    await bot.stop();
    console.log(`(phase 2: ${TURNS} request turns and as many answers in ${turnsSeconds.toFixed(0)} s)`);

    if (STORED_REQUESTS === 0) return;
    // Phase 3: the store filled through its own API while the bot is stopped, then the bot again on it.
    const state = openEmbeddedState(setup.dataDir);
    const fillStarted = performance.now();
    const checkpoints: string[] = [];
    let last = fillStarted;
    const base = Date.now() - STORED_REQUESTS * 60_000;
    for (let index = 0; index < STORED_REQUESTS; index++) {
      const target = tenant.requesters[index % tenant.requesters.length] as Person;
      await state.requests.create(storedRequest(index, base + index * 60_000, tenant.tenant.tenantId, target, index >= STORED_REQUESTS - 100));
      if ((index + 1) % 1000 === 0) {
        const now = performance.now();
        checkpoints.push(`${index + 1}: ${((now - last) / 1000).toFixed(2)} ms each`);
        last = now;
      }
    }
    await state.close();
    console.log(`(phase 3: ${STORED_REQUESTS} requests created through the request store in ${((performance.now() - fillStarted) / 1000).toFixed(0)} s; time per create by thousand: ${checkpoints.join(', ')})`);
    bot = new BenchProcess(LICENSE_DESK_ENTRY, setup.environment, NODE_FLAGS);
    started = await bot.start();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    record(`3. idle with ${STORED_REQUESTS} stored requests`, await bot.stats(true));
    traffic = new TeamsTraffic(started.url, connector.url, CONVERSATIONS);
    const storedPeak = await peakWhile(bot, chat(traffic, tenant.requesters, Math.min(TURNS, 2000)));
    record(`3. then ${Math.min(TURNS, 2000)} request turns`, await bot.stats(), storedPeak);
    record(`3. then ${Math.min(TURNS, 2000)} request turns`, await bot.stats(true));
    await recordIdle(`3. then ${Math.min(TURNS, 2000)} request turns`, bot);
    traffic.close();
  } finally {
    await bot.stop();
    await connector.stop();
    await emulator.close();
    fs.rmSync(setup.dataDir, { recursive: true, force: true });
  }
}

/** A finished request (the last 100 still pending), as the workflow stores them. */
function storedRequest(index: number, createdAt: number, tenantId: string, target: Person, pending: boolean): LicenseRequest {
  const at = new Date(createdAt).toISOString();
  const id = `00000000-0000-4000-8000-${index.toString(16).padStart(12, '0')}`;
  const manager = { id: 'b9a4a4c4-0000-4000-8000-000000000001', displayName: 'Megan Manager' };
  const base = {
    id,
    tenantId,
    createdAt: at,
    updatedAt: at,
    requester: { id: target.aadObjectId, displayName: target.name },
    target: { id: target.aadObjectId, displayName: target.name, userPrincipalName: `${target.aadObjectId}@fabrikam.example` },
    action: 'assign' as const,
    requested: ['MCOPSTN1'],
    add: ['MCOEV', 'MCOPSTN1'],
    remove: [],
    notes: [],
    seats: [{ partNumber: 'MCOEV', enabled: 120, consumed: 1 }, { partNumber: 'MCOPSTN1', enabled: 120, consumed: 0 }],
    approvers: [manager],
    approverSource: 'manager' as const,
  };
  if (pending) return { ...base, state: 'pending' };
  return { ...base, state: 'completed', decision: { ...manager, at }, claim: { by: 'bench/1/00000000', at }, outcome: { at, graph: { status: 200 } } };
}

async function bulkPhase(): Promise<void> {
  const generated = generateTenant({ users: BULK_USERS });
  const emulator = await startGraphEmulator({ tenant: generated.tenant, latencyMs: 0 });
  const connector = new CapturingConnector();
  await connector.start();
  const setup = licenseDeskEnvironment(generated.tenant, emulator.url);
  const bot = new BenchProcess(LICENSE_DESK_ENTRY, { ...setup.environment, ADMIN_GROUP_ID: generated.adminGroupId, LICENSE_APPROVER_GROUP_ID: '', ONPREM_PSTN_GROUP_ID: '' }, NODE_FLAGS);
  const list = generated.users.map((user) => user.upn).join('\r\n');
  const files = http.createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
    response.end(list);
  });
  await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
  const downloadUrl = `http://127.0.0.1:${(files.address() as AddressInfo).port}/download/users.txt?tempauth=x`;
  try {
    const started = await bot.start();
    const traffic = new TeamsTraffic(started.url, connector.url, 4);
    const person = (who: { id: string; name: string }): Person => ({ aadObjectId: who.id, name: who.name, tenantId: generated.tenant.tenantId });
    const admin = person(generated.admin);
    const manager = person(generated.manager);
    await traffic.say(manager, 'help');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const before = await bot.stats(true);
    record(`4. idle before the bulk job`, before);
    const cardText = (index: number) => JSON.stringify(adaptiveCardOf(connector.activities[index] as never) ?? {});
    const adminChat = TeamsTraffic.conversationOf(admin);
    const jobStarted = performance.now();
    const job = (async () => {
      const attachment = { contentType: FILE_DOWNLOAD_INFO, name: 'users.txt', contentUrl: 'https://contoso.sharepoint.com/users.txt', content: { downloadUrl, uniqueId: 'bench', fileType: 'txt' } };
      await traffic.post(admin, { type: 'message', text: 'bulk assign E3, Phone System, calling plan', textFormat: 'plain', attachments: [attachment] });
      const preview = await connector.waitFor((entry) => entry.conversationId === adminChat && /Check before sending/.test(cardText(connector.activities.indexOf(entry))), 'the preview card', 600_000);
      const jobId = /bulk submit ([0-9a-f-]{36})/.exec(JSON.stringify(adaptiveCardOf(preview) ?? {}))?.[1];
      if (!jobId) throw new Error('the preview has no Send for approval button');
      await traffic.say(admin, `bulk submit ${jobId}`);
      await traffic.say(manager, `bulk approve ${jobId}`);
      await connector.waitFor((entry) => entry.conversationId === adminChat && /Bulk job finished/.test(String(entry.activity.text)), 'the end of the job', 1_800_000);
    })();
    const peak = await peakWhile(bot, job);
    const seconds = (performance.now() - jobStarted) / 1000;
    const writes = emulator.writeLog.length;
    const live = await liveHeapDuringBulk(bot, traffic, connector, admin, manager, downloadUrl, adminChat);
    const after = await bot.stats(true);
    record(`4. bulk job of ${BULK_USERS} users`, await bot.stats(), peak);
    record(`4. after the bulk job`, after);
    await recordIdle('4. after the bulk jobs', bot);
    console.log(`(phase 4: ${BULK_USERS} users validated and assigned in ${seconds.toFixed(0)} s; ${writes} Graph writes; RSS growth during the job: ${mb(peak - before.memory.rss)} MB over the idle process after GC)`);
    console.log(`(phase 4, the same users' licences removed by a second job with a full GC every 2 s: the most a job held alive at once was ${mb(live - before.memory.heapUsed)} MB of heap over the idle process)`);
    traffic.close();
  } finally {
    await bot.stop();
    await connector.stop();
    await emulator.close();
    await new Promise<void>((resolve) => files.close(() => resolve()));
    fs.rmSync(setup.dataDir, { recursive: true, force: true });
  }
}

/** The bare echo bot, idle and after the same chat traffic, for scale. */
/**
 * The same list again, now removing the three licences, with a full collection every 2 s: the largest heap left
 * after a collection is what a job keeps alive, apart from garbage the collector had not reached yet.
 */
async function liveHeapDuringBulk(
  bot: BenchProcess,
  traffic: TeamsTraffic,
  connector: CapturingConnector,
  admin: Person,
  manager: Person,
  downloadUrl: string,
  adminChat: string,
): Promise<number> {
  let done = false;
  let live = 0;
  const job = (async () => {
    const from = connector.activities.length;
    const attachment = { contentType: FILE_DOWNLOAD_INFO, name: 'users.txt', contentUrl: 'https://contoso.sharepoint.com/users.txt', content: { downloadUrl, uniqueId: 'bench-2', fileType: 'txt' } };
    await traffic.post(admin, { type: 'message', text: 'bulk remove E3, Phone System, calling plan', textFormat: 'plain', attachments: [attachment] });
    const fresh = (entry: { conversationId: string }) => entry.conversationId === adminChat && connector.activities.indexOf(entry as never) >= from;
    const preview = await connector.waitFor((entry) => fresh(entry) && /Check before sending/.test(JSON.stringify(adaptiveCardOf(entry) ?? {})), 'the second preview card', 600_000);
    const jobId = /bulk submit ([0-9a-f-]{36})/.exec(JSON.stringify(adaptiveCardOf(preview) ?? {}))?.[1];
    if (!jobId) throw new Error('the second preview has no Send for approval button');
    await traffic.say(admin, `bulk submit ${jobId}`);
    await traffic.say(manager, `bulk approve ${jobId}`);
    await connector.waitFor((entry) => fresh(entry) && /Bulk job finished/.test(String(entry.activity.text)), 'the end of the second job', 1_800_000);
  })().finally(() => (done = true));
  while (!done) {
    live = Math.max(live, (await bot.stats(true)).memory.heapUsed);
    await Promise.race([job.catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 2000))]);
  }
  await job;
  return live;
}

async function echoBot(): Promise<void> {
  const tenant = chatTenant(CONVERSATIONS);
  const connector = new CapturingConnector();
  await connector.start();
  const echo = new BenchProcess(ECHO_BOT_ENTRY, {}, NODE_FLAGS);
  try {
    const started = await echo.start();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    record('echo bot, idle', await echo.stats(true));
    await recordIdle('echo bot, just started', echo);
    const traffic = new TeamsTraffic(started.url, connector.url, CONVERSATIONS);
    const peak = await peakWhile(echo, chat(traffic, tenant.requesters, TURNS));
    record(`echo bot, after ${TURNS} message turns`, await echo.stats(), peak);
    record(`echo bot, after ${TURNS} message turns`, await echo.stats(true));
    await recordIdle(`echo bot, after ${TURNS} message turns`, echo);
    traffic.close();
  } finally {
    await echo.stop();
    await connector.stop();
  }
}

async function main(): Promise<void> {
  console.log(machineLine());
  console.log('memory of the License Desk process (read inside it; "after GC" = after a full collection with --expose-gc)');
  await echoBot();
  await chatPhases();
  if (BULK_USERS > 0) await bulkPhase();
  printTable('', ['state', 'RSS MB', 'peak RSS MB', 'heap used MB', 'external MB', 'collection'], rows);
  console.log('\ntargets: < 150 MB steady; bulk growth < 50 MB');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

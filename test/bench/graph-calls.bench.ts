/**
 * Graph requests per licence request story (npm run bench:graph-calls), counted from the Graph emulator's request
 * log: a requester asks for a calling plan for a colleague (lookup, licences, seats, hybrid-PSTN membership), confirms
 * (the rules again on fresh facts, the manager, the approval card), the manager approves (the invoke), and the
 * write follows in the background (re-read, assignLicense, the final card with current seats, the requester's
 * outcome with advice). The story runs twice in one process: first with nothing remembered, then again for
 * another requester and target within the caches' lifetime, which is the steady state of a busy bot.
 * Prints figures; asserts nothing about time.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { RequestLogEntry } from '../../src/emulator/graph-emulator';
import { startHarness, type Harness } from '../support/harness';
import { machineLine, printTable } from './bench-report';
import { chatTenant } from './bench-tenant';
import { writeTenantFile } from './bulk-tenant';
import { askForCallingPlan, confirm } from './request-story';
import { TeamsTraffic, type Person } from './teams-traffic';

// A dependency of the in-process bot calls process.binding('http_parser'): its deprecation warning is not a figure.
process.noDeprecation = true;

const KINDS = ['lookup', 'licences', 'manager', 'seats', 'memberships', 'write', 'other'] as const;
type Kind = (typeof KINDS)[number];

/** What a logged Graph request was for, from its method, path and $select. */
function kindOf(entry: RequestLogEntry): Kind {
  const path = entry.path.replace(/^\/v1\.0/i, '');
  const select = decodeURIComponent(new URLSearchParams(entry.query).get('$select') ?? '');
  if (/\/assignLicense$/i.test(path)) return 'write';
  if (/^\/subscribedSkus/i.test(path)) return 'seats';
  if (/\/manager$/i.test(path)) return 'manager';
  if (/\/checkMemberGroups$|^\/groups\//i.test(path)) return 'memberships';
  if (/^\/users\/[^/]+$/i.test(path)) return /assignedLicenses/i.test(select) ? 'licences' : 'lookup';
  if (/^\/users$/i.test(path)) return 'lookup';
  return 'other';
}

interface StepCount {
  readonly step: string;
  readonly counts: Record<Kind, number>;
  readonly calls: string[];
}

async function playStory(h: Harness, traffic: TeamsTraffic, requester: Person, approver: Person, targetName: string): Promise<StepCount[]> {
  const steps: StepCount[] = [];
  const measure = async (step: string, work: () => Promise<unknown>) => {
    const before = h.emulator.requestLog.length;
    await work();
    const entries = h.emulator.requestLog.slice(before);
    const counts = Object.fromEntries(KINDS.map((kind) => [kind, 0])) as Record<Kind, number>;
    for (const entry of entries) counts[kindOf(entry)]++;
    steps.push({ step, counts, calls: entries.map((entry) => `${entry.method} ${entry.path}`) });
  };
  await measure('request message (summary + confirm prompt)', () => askForCallingPlan(traffic, h.connector, requester, targetName));
  let requestId = '';
  await measure('confirmation (approval card sent)', async () => {
    requestId = (await confirm(traffic, h.connector, requester)).requestId;
  });
  await measure('approver clicks Approve (invoke)', async () => {
    const answer = await traffic.execute(approver, 'approve', { requestId });
    if (answer.status !== 200) throw new Error(`the approve click answered ${answer.status}: ${answer.body}`);
  });
  await measure('background: write, final card, requester told', () => h.app.workflow.idle());
  const done = await h.app.workflow.idle().then(() => h.emulator.writeLog.length);
  if (done === 0) throw new Error('the story wrote nothing');
  return steps;
}

function printStory(title: string, steps: StepCount[]): number {
  const total = (kind: Kind) => steps.reduce((sum, step) => sum + step.counts[kind], 0);
  const all = KINDS.reduce((sum, kind) => sum + total(kind), 0);
  const used = KINDS.filter((kind) => total(kind) > 0);
  printTable(title, ['step', ...used, 'total'], [
    ...steps.map((step) => [step.step, ...used.map((kind) => String(step.counts[kind])), String(used.reduce((sum, kind) => sum + step.counts[kind], 0))]),
    ['whole story', ...used.map((kind) => String(total(kind))), String(all)],
  ]);
  return all;
}

async function main(): Promise<void> {
  console.log(machineLine());
  const chat = chatTenant(4);
  const tenantFile = writeTenantFile(chat.tenant);
  const h = await startHarness({ tenantFile });
  const traffic = new TeamsTraffic(h.app.url, h.connector.url, 4);
  try {
    const megan = chat.personNamed('Megan Manager');
    const [first, second, third] = chat.requesters;
    if (!first || !second || !third) throw new Error('the chat tenant has too few requesters');
    console.log('Graph requests per licence request story (Graph emulator request log; $batch members count one each)');
    console.log('kinds: lookup = people search or a user by id; licences = a user with assignedLicenses; seats = subscribedSkus;');
    console.log('memberships = checkMemberGroups, group members or group name; write = assignLicense');
    const cold = await playStory(h, traffic, first, megan, 'Alice Anders');
    const coldTotal = printStory('\n1) first story after start (nothing remembered yet)', cold);
    const warm = await playStory(h, traffic, second, megan, third.name);
    const warmTotal = printStory(`\n2) the same story again for another requester and target, within the caches' lifetime`, warm);
    console.log(`\nGraph requests per story: ${coldTotal} on the first, ${warmTotal} in the steady state`);
    console.log('\nsteady-state calls, in order:');
    for (const step of warm) console.log(`  ${step.step}: ${step.calls.length === 0 ? '(none)' : step.calls.join(', ')}`);
  } finally {
    traffic.close();
    await h.close();
    fs.rmSync(path.dirname(tenantFile), { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

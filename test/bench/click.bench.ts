/**
 * Approver clicks while Graph is slow (npm run bench:click): pending requests are created with the Graph emulator
 * at 0 ms, then every Graph call takes 5 s (emulator.setLatency) and the manager clicks Approve, once alone and then
 * on ten cards at the same moment. The invoke must be answered at once (Teams gives up on an invoke after a few
 * seconds), with the "assigning" card, and the Graph work continue behind it; the final card arrives as a PUT of
 * the posted card on the connector, and the requester's outcome as a message. License Desk runs as its own process.
 * Prints figures; asserts nothing about time.
 */
import fs from 'node:fs';
import { startGraphEmulator, type GraphEmulator } from '../../src/emulator/graph-emulator';
import { CapturingConnector } from '../support/capturing-connector';
import { BenchProcess, LICENSE_DESK_ENTRY } from './bench-process';
import { machineLine, ms, percentile, printTable } from './bench-report';
import { chatTenant, licenseDeskEnvironment } from './bench-tenant';
import { askForCallingPlan, confirm, finalCardOf, type SubmittedRequest } from './request-story';
import { TeamsTraffic, type Person } from './teams-traffic';

const GRAPH_LATENCY_MS = Number(process.env.BENCH_GRAPH_LATENCY_MS ?? 5000);
const CONCURRENT_CLICKS = Number(process.env.BENCH_CONCURRENT_CLICKS ?? 10);
const FINAL_CARD_TIMEOUT_MS = 20 * GRAPH_LATENCY_MS + 30000;

interface ClickFigures {
  readonly invokeMs: number;
  readonly finalCardMs: number;
  readonly outcomeMs: number;
  /** Whether Graph had been written for this request when the invoke was answered. */
  readonly writtenBeforeAnswer: boolean;
  readonly answeredWithCard: boolean;
}

async function click(
  traffic: TeamsTraffic,
  connector: CapturingConnector,
  emulator: GraphEmulator,
  approver: Person,
  requester: Person,
  submitted: SubmittedRequest,
  targetId: string,
): Promise<ClickFigures> {
  const after = connector.activities.length;
  const started = performance.now();
  const answer = await traffic.execute(approver, 'approve', { requestId: submitted.requestId });
  const invokeMs = performance.now() - started;
  if (answer.status !== 200) throw new Error(`the approve click answered ${answer.status}: ${answer.body}`);
  const writtenBeforeAnswer = emulator.writeLog.some((write) => write.userId === targetId);
  const answeredWithCard = /application\/vnd\.microsoft\.card\.adaptive/.test(answer.body);
  const requesterConversation = TeamsTraffic.conversationOf(requester);
  const outcome = connector.waitFor(
    (entry) => entry.conversationId === requesterConversation && entry.method === 'POST' && connector.activities.indexOf(entry) >= after,
    `the outcome for ${requester.name}`,
    FINAL_CARD_TIMEOUT_MS,
  ).then(() => performance.now() - started);
  await finalCardOf(connector, submitted, after, FINAL_CARD_TIMEOUT_MS);
  const finalCardMs = performance.now() - started;
  return { invokeMs, finalCardMs, outcomeMs: await outcome, writtenBeforeAnswer, answeredWithCard };
}

async function main(): Promise<void> {
  console.log(machineLine());
  const pairs = 1 + CONCURRENT_CLICKS;
  const chat = chatTenant(2 * pairs);
  const emulator = await startGraphEmulator({ tenant: chat.tenant, latencyMs: 0 });
  const connector = new CapturingConnector();
  await connector.start();
  const setup = licenseDeskEnvironment(chat.tenant, emulator.url);
  const bot = new BenchProcess(LICENSE_DESK_ENTRY, setup.environment);
  const started = await bot.start();
  const traffic = new TeamsTraffic(started.url, connector.url, 2 * pairs + 1);
  try {
    const megan = chat.personNamed('Megan Manager');
    const requesters = chat.requesters.slice(0, pairs);
    const targets = chat.requesters.slice(pairs, 2 * pairs);
    // The approver has talked to the bot before: the cards reach her personal chat.
    await traffic.say(megan, 'help');
    const submitted: SubmittedRequest[] = [];
    for (const [index, requester] of requesters.entries()) {
      const target = targets[index] as Person;
      await askForCallingPlan(traffic, connector, requester, target.name);
      submitted.push(await confirm(traffic, connector, requester));
    }
    emulator.setLatency(GRAPH_LATENCY_MS);
    emulator.resetLogs();
    console.log(`approval clicks with every Graph call taking ${GRAPH_LATENCY_MS} ms (License Desk as its own process)`);

    const single = await click(traffic, connector, emulator, megan, requesters[0] as Person, submitted[0] as SubmittedRequest, (targets[0] as Person).aadObjectId);
    const timeline = emulator.requestLog.map((entry) => `${entry.method} ${entry.path.replace(/\/v1\.0/, '').replace(/[0-9a-f-]{36}/g, '{id}')}`);
    emulator.resetLogs();
    const many = await Promise.all(
      submitted.slice(1).map((request, index) =>
        click(traffic, connector, emulator, megan, requesters[index + 1] as Person, request, (targets[index + 1] as Person).aadObjectId),
      ),
    );
    const rows = (label: string, figures: ClickFigures[]) => {
      const of = (pick: (figure: ClickFigures) => number) => figures.map(pick);
      return [
        label,
        String(figures.length),
        ms(percentile(of((f) => f.invokeMs), 50)),
        ms(Math.max(...of((f) => f.invokeMs))),
        ms(percentile(of((f) => f.finalCardMs), 50) / 1000, 2),
        ms(Math.max(...of((f) => f.finalCardMs)) / 1000, 2),
        ms(Math.max(...of((f) => f.outcomeMs)) / 1000, 2),
        String(figures.filter((f) => f.answeredWithCard && !f.writtenBeforeAnswer).length),
      ];
    };
    printTable('', ['clicks', 'count', 'invoke p50 ms', 'invoke max ms', 'final card p50 s', 'final card max s', 'requester told max s', 'answered before the write'], [
      rows('one click', [single]),
      rows(`${CONCURRENT_CLICKS} clicks at once`, many),
    ]);
    console.log(`\nGraph calls from the single click until the requester was told (${timeline.length}, each ${GRAPH_LATENCY_MS} ms; parallel ones overlap):`);
    console.log(`  ${timeline.join('\n  ')}`);
    const rounds = single.finalCardMs / GRAPH_LATENCY_MS;
    console.log(`\nfinal card after ${rounds.toFixed(2)} Graph latencies; target: invoke answered < 1000 ms, the work continuing after the answer`);
  } finally {
    traffic.close();
    await bot.stop();
    await connector.stop();
    await emulator.close();
    fs.rmSync(setup.dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

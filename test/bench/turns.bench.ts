/**
 * Chat turns benchmark (npm run bench:turns): N concurrent conversations (50 and 200), each a distinct requester,
 * send "give Alice Anders a calling plan" through /api/messages; License Desk finds Alice, reads her licences and
 * the tenant's seats from the Graph emulator (0 ms latency), evaluates the rules and replies with the summary and
 * the confirm prompt, in one message. Each conversation then answers "No" (the dialog ends), so that the next request starts a
 * new dialog in the same personal chat. Requests and answers run in separate phases (every conversation sends,
 * all replies are in, then the next phase), so that the bot's CPU time, read inside its own process, is known per
 * kind of turn: that is the saturation part (everyone sends at the same instant; turns/s and CPU per turn). The
 * paced part is the latency part: every conversation waits a think time (0.5 to 1.5 × BENCH_THINK_MS) before each
 * message, as people in a chat do. A bare botbuilder echo bot gets the same traffic in the same run: the ratios
 * compare the two. So does the dialog bot (dialog-bot.ts: the same dialog state, storage, questions and replies
 * without Graph, parser or rules), which tells the framework's share of a request turn from License Desk's own.
 * Prints figures; asserts nothing about time.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startGraphEmulator } from '../../src/emulator/graph-emulator';
import { CapturingConnector } from '../support/capturing-connector';
import { BenchProcess, cpuMsBetween, DIALOG_BOT_ENTRY, ECHO_BOT_ENTRY, LICENSE_DESK_ENTRY } from './bench-process';
import { machineLine, ms, percentile, printTable, ratio } from './bench-report';
import type { ComponentCost } from './component-costs';
import type { ProbeStats } from './probe';
import { chatTenant, licenseDeskEnvironment } from './bench-tenant';
import { TeamsTraffic, type Person } from './teams-traffic';

const CONVERSATIONS = (process.env.BENCH_CONVERSATIONS ?? '50,200').split(',').map(Number);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 6);
const PACED_SECONDS = Number(process.env.BENCH_PACED_SECONDS ?? 8);
const THINK_MS = Number(process.env.BENCH_THINK_MS ?? 1000);
const WARM_UP_ROUNDS = 3;
const REQUEST_TEXT = 'give Alice Anders a calling plan';
const ANSWER_TEXT = 'No';
/** node flags for the License Desk process, e.g. BENCH_NODE_FLAGS="--cpu-prof --cpu-prof-dir=/tmp/prof". */
const NODE_FLAGS = (process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean);

interface PhaseFigures {
  turns: number;
  seconds: number;
  cpuMs: number;
  latencies: number[];
}

interface RunFigures {
  readonly requests: PhaseFigures;
  readonly answers: PhaseFigures;
  readonly paced: { requests: number[]; answers: number[]; turns: number; seconds: number; cpuMs: number; after?: ProbeStats };
  /** Graph HTTP requests per request turn (the emulator's log). */
  graphPerRequest: number;
}

type Kind = 'echo bot' | 'dialog bot' | 'License Desk';

const emptyPhase = (): PhaseFigures => ({ turns: 0, seconds: 0, cpuMs: 0, latencies: [] });

async function runKind(kind: Kind, conversations: number): Promise<RunFigures> {
  const chat = chatTenant(conversations);
  const emulator = await startGraphEmulator({ tenant: chat.tenant, latencyMs: 0 });
  const connector = new CapturingConnector();
  await connector.start();
  const setup = licenseDeskEnvironment(chat.tenant, emulator.url);
  const bot =
    kind === 'echo bot'
      ? new BenchProcess(ECHO_BOT_ENTRY, {})
      : kind === 'dialog bot'
        ? new BenchProcess(DIALOG_BOT_ENTRY, { DATA_DIR: setup.dataDir })
        : new BenchProcess(LICENSE_DESK_ENTRY, setup.environment, NODE_FLAGS);
  const started = await bot.start();
  const traffic = new TeamsTraffic(started.url, connector.url, conversations);
  const people = chat.requesters.slice(0, conversations);
  const figures: RunFigures = { requests: emptyPhase(), answers: emptyPhase(), paced: { requests: [], answers: [], turns: 0, seconds: 0, cpuMs: 0 }, graphPerRequest: 0 };
  let graphDuringRequests = 0;
  try {
    const phase = async (text: string, into: PhaseFigures | undefined, check: (people: readonly Person[], from: number) => void) => {
      const capturedBefore = connector.activities.length;
      const graphBefore = emulator.requestLog.length;
      const before = await bot.stats();
      const phaseStarted = performance.now();
      const results = await Promise.all(people.map((person) => traffic.say(person, text)));
      const seconds = (performance.now() - phaseStarted) / 1000;
      const after = await bot.stats();
      const failed = results.filter((result) => result.status !== 200);
      if (failed.length > 0) throw new Error(`${kind}: ${failed.length} turns answered ${failed[0]?.status} ${failed[0]?.body}\n${bot.output}`);
      check(people, capturedBefore);
      if (!into) return;
      if (into === figures.requests) graphDuringRequests += emulator.requestLog.length - graphBefore;
      into.turns += results.length;
      into.seconds += seconds;
      into.cpuMs += cpuMsBetween(before, after);
      into.latencies.push(...results.map((result) => result.ms));
    };
    // Every turn must have done its work: the summary with the confirm prompt (one message), then the "cancelled" reply.
    const expectReplies = (perPerson: number, confirmPrompts: boolean) => (persons: readonly Person[], from: number) => {
      const captured = connector.activities.slice(from);
      if (captured.length !== persons.length * perPerson) {
        throw new Error(`${kind}: expected ${persons.length * perPerson} replies, captured ${captured.length}: ${JSON.stringify(captured.slice(0, 3).map((entry) => entry.activity.text))}\n${bot.output}`);
      }
      if (confirmPrompts && captured.filter((entry) => entry.activity.suggestedActions !== undefined).length !== persons.length) {
        throw new Error(`${kind}: not every request ended with the confirm prompt: ${JSON.stringify(captured.slice(0, 2).map((entry) => entry.activity.text))}`);
      }
    };
    const requestCheck = kind === 'echo bot' ? expectReplies(1, false) : expectReplies(1, true);
    const answerCheck = expectReplies(1, false);
    for (let round = 0; round < WARM_UP_ROUNDS; round++) {
      await phase(REQUEST_TEXT, undefined, requestCheck);
      await phase(ANSWER_TEXT, undefined, answerCheck);
    }
    while (figures.requests.seconds + figures.answers.seconds < SECONDS) {
      await phase(REQUEST_TEXT, figures.requests, requestCheck);
      await phase(ANSWER_TEXT, figures.answers, answerCheck);
    }
    figures.graphPerRequest = graphDuringRequests / figures.requests.turns;
    await paced(traffic, people, bot, figures.paced, kind);
    return figures;
  } finally {
    traffic.close();
    await bot.stop();
    await connector.stop();
    await emulator.close();
    fs.rmSync(setup.dataDir, { recursive: true, force: true });
  }
}

/** Every conversation: think, request, think, answer … until the time is up; all replies are checked by status. */
async function paced(traffic: TeamsTraffic, people: readonly Person[], bot: BenchProcess, into: RunFigures['paced'], kind: Kind): Promise<void> {
  const think = () => new Promise((resolve) => setTimeout(resolve, THINK_MS * (0.5 + Math.random())));
  const before = await bot.stats();
  const started = performance.now();
  const deadline = started + PACED_SECONDS * 1000;
  await Promise.all(
    people.map(async (person) => {
      await new Promise((resolve) => setTimeout(resolve, Math.random() * THINK_MS));
      while (performance.now() < deadline) {
        for (const [text, latencies] of [[REQUEST_TEXT, into.requests], [ANSWER_TEXT, into.answers]] as const) {
          const result = await traffic.say(person, text);
          if (result.status !== 200) throw new Error(`${kind}: a paced turn answered ${result.status}`);
          latencies.push(result.ms);
          into.turns++;
          await think();
        }
      }
    }),
  );
  into.seconds = (performance.now() - started) / 1000;
  into.after = await bot.stats();
  into.cpuMs = cpuMsBetween(before, into.after);
}

/** The parts a request turn cannot do without, each measured alone in a process of its own (component-costs.ts). */
async function componentCosts(): Promise<ComponentCost[]> {
  const chat = chatTenant(1);
  const emulator = await startGraphEmulator({ tenant: chat.tenant, latencyMs: 0 });
  try {
    const child = spawn(process.execPath, [path.resolve(__dirname, 'component-costs.js'), emulator.url], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    if (code !== 0) throw new Error(`component-costs exited with ${code}`);
    return JSON.parse(output) as ComponentCost[];
  } finally {
    await emulator.close();
  }
}

function row(label: string, phase: PhaseFigures): string[] {
  return [
    label,
    String(phase.turns),
    (phase.turns / phase.seconds).toFixed(0),
    ms(percentile(phase.latencies, 50)),
    ms(percentile(phase.latencies, 99)),
    ms(phase.cpuMs / phase.turns, 3),
  ];
}

async function main(): Promise<void> {
  console.log(machineLine());
  console.log(`chat turns benchmark: Graph emulator at 0 ms, ${SECONDS} s of measured turns per configuration after ${WARM_UP_ROUNDS} warm-up rounds`);
  console.log(`request turn: "${REQUEST_TEXT}" → summary + confirm prompt (License Desk) or the text echoed (echo bot); answer turn: "${ANSWER_TEXT}"`);
  const summary: string[][] = [];
  let firstEcho: RunFigures | undefined;
  for (const conversations of CONVERSATIONS) {
    const echo = await runKind('echo bot', conversations);
    firstEcho ??= echo;
    const dialog = await runKind('dialog bot', conversations);
    const desk = await runKind('License Desk', conversations);
    printTable(`${conversations} conversations, saturation: all send at once, next phase when every reply is in`, ['turns', 'count', 'turns/s', 'p50 ms', 'p99 ms', 'CPU ms/turn'], [
      row('echo bot: message', echo.requests),
      row('dialog bot: request', dialog.requests),
      row('License Desk: request', desk.requests),
      row('echo bot: message (2nd phase)', echo.answers),
      row('dialog bot: answer "No"', dialog.answers),
      row('License Desk: answer "No"', desk.answers),
    ]);
    const pacedRow = (label: string, latencies: number[], run: RunFigures) => [
      label,
      String(latencies.length),
      ms(percentile(latencies, 50)),
      ms(percentile(latencies, 99)),
      ms(run.paced.cpuMs / run.paced.turns, 3),
      `${((run.paced.cpuMs / (run.paced.seconds * 1000)) * 100).toFixed(0)}%`,
      ...pauses(run),
    ];
    const pauses = (run: RunFigures) => {
      const after = run.paced.after;
      return after ? [ms(after.loopDelay.p99), ms(after.loopDelay.max), `${after.gc.count} / ${ms(after.gc.maxMs)}`] : ['', '', ''];
    };
    printTable(`${conversations} conversations, paced: think time ${THINK_MS * 0.5}-${THINK_MS * 1.5} ms before each message`, ['turns', 'count', 'p50 ms', 'p99 ms', 'CPU ms/turn (all)', 'bot CPU busy', 'loop delay p99 ms', 'loop delay max ms', 'GCs / longest ms'], [
      pacedRow('echo bot: message', echo.paced.requests, echo),
      pacedRow('License Desk: request', desk.paced.requests, desk),
      pacedRow('License Desk: answer "No"', desk.paced.answers, desk),
    ]);
    console.log(`Graph HTTP requests per License Desk request turn: ${desk.graphPerRequest.toFixed(2)}`);
    const cpuPerTurn = (phase: PhaseFigures) => phase.cpuMs / phase.turns;
    summary.push([
      String(conversations),
      ratio(cpuPerTurn(desk.requests) / cpuPerTurn(echo.requests)),
      ratio(cpuPerTurn(desk.answers) / cpuPerTurn(echo.answers)),
      ratio(cpuPerTurn(dialog.requests) / cpuPerTurn(echo.requests)),
      ratio(cpuPerTurn(desk.requests) / cpuPerTurn(dialog.requests)),
      ratio(desk.requests.turns / desk.requests.seconds / (echo.requests.turns / echo.requests.seconds)),
      ms(percentile(desk.paced.requests, 99)),
      ms(percentile(desk.requests.latencies, 99)),
    ]);
  }
  const costs = await componentCosts();
  const echoTurn = firstEcho?.requests;
  printTable('parts of a request turn, each measured alone (sequential calls, separate process)', ['part', 'CPU ms', 'wall ms'], costs.map((cost) => [cost.part, ms(cost.cpuMs, 3), ms(cost.wallMs, 3)]));
  if (echoTurn) {
    // A request turn = an echo turn (one reply: the summary with the prompt) + people search + licences read + dialog state read and write.
    const echoCpu = echoTurn.cpuMs / echoTurn.turns;
    const floor = echoCpu + costs.reduce((sum, cost) => sum + cost.cpuMs, 0);
    console.log(`floor of a request turn: echo turn ${ms(echoCpu, 3)} + the parts above = ${ms(floor, 3)} CPU ms = ${ratio(floor / echoCpu)} the echo turn (${CONVERSATIONS[0]} conversations)`);
  }
  printTable('License Desk / echo bot (same run)', ['conversations', 'CPU/request turn', 'CPU/answer turn', 'dialog bot / echo (request)', 'License Desk / dialog bot (request)', 'turns/s (requests)', 'request p99 ms (paced)', 'request p99 ms (saturation)'], summary);
  console.log('\ntargets: CPU per request turn ≤ 1.5x the echo bot; p99 < 50 ms at 50 conversations');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

/**
 * kill -9 of the bot process at random points of the request → approval → assignment path, with Graph slowed down
 * so that kills land mid-flight (inside turns, between the stored decision and the Graph write, during the write,
 * while a write's answer is lost). After each kill the process is started again and the story is driven to its
 * end as people would: the requester asks again only if nothing was stored, the approver clicks the card they were
 * sent. Every story must end with its requests finished, exactly one Graph write, and the requester told; no
 * request may stay without a card for its approver.
 *
 * The schedule is random but replayable: the seed is printed (RELIABILITY_SEED=<seed> repeats it).
 */
import assert from 'node:assert/strict';
import type { LicenseRequest } from '../../src/domain/request';
import { BotProcess } from '../support/bot-process';
import { ALL_STATES, eventually, Rig, runSeed, seededRandom } from './support/rig';
import { CONFIRM, requestIdOnCard } from './support/story';

const KILLS = 20;
const GRAPH_LATENCY_MS = 60;
const STEPS = ['ask', 'confirm', 'approve', 'assignment'] as const;
type Step = (typeof STEPS)[number];

interface KillRecord {
  readonly story: number;
  readonly step: Step;
  readonly delayMs: number;
  readonly lostAnswer: boolean;
  /** What the restarted process found: no request, or the request's state. */
  found: string;
}

describe('durability: kill -9 at random points of the story, restart, finish (reliability)', function () {
  this.timeout(300_000);
  const seed = runSeed();
  const random = seededRandom(seed);
  let rig: Rig;
  let bot: BotProcess;
  /** What every bot process wrote to stdout and stderr (BotProcess keeps only the current one's). */
  let processLogs = '';
  const kills: KillRecord[] = [];

  before(async () => {
    rig = await Rig.start({
      latencyMs: GRAPH_LATENCY_MS,
      // Short lease and recovery interval, so that a claim left by a killed process is taken over within seconds.
      // Shared file access: this test process reads the state while the bot process runs. The exclusive access a
      // bot uses by default is killed mid-write in sqlite-dead-owner.test.ts.
      environment: { GRAPH_TIMEOUT_MS: '500', ASSIGNMENT_LEASE_MS: '1000', RECOVERY_INTERVAL_MS: '200', LOG_LEVEL: 'info', STATE_FILE_ACCESS: 'shared' },
    });
    bot = new BotProcess({ ...rig.environment, PORT: '0' });
    await bot.start();
  });
  after(async () => {
    await bot?.stop('SIGKILL');
    await rig?.close();
    console.log(`      seed ${seed}; kills by step: ${STEPS.map((step) => `${step} ${kills.filter((kill) => kill.step === step).length}`).join(', ')}`);
    console.log(`      found after restart: ${summarize(kills.map((kill) => kill.found))}`);
  });

  it(`${KILLS} kills: every story ends assigned once, nothing lost (seed printed below)`, async () => {
    const rita = rig.user('Rita Requester');
    const megan = rig.user('Megan Manager');
    const aliceId = rig.userId('Alice Anders');

    for (let story = 0; story < KILLS; story++) {
      rig.emulator.resetTenant();
      rig.emulator.resetLogs();
      const storyStart = new Date().toISOString();
      const connectorStart = rig.connector.activities.length;
      const kill: KillRecord = {
        story,
        step: STEPS[Math.floor(random() * STEPS.length)] as Step,
        delayMs: Math.floor(random() * 400),
        lostAnswer: random() < 0.3,
        found: '',
      };
      if (kill.lostAnswer) rig.emulator.failNext(1, { connection: 'dropResponseAfterWrite' });
      kills.push(kill);
      await expectOk(rita.say('cancel', { to: bot.url })); // a fresh conversation for each story

      // The story up to the kill.
      const killAfter = async (action: () => Promise<unknown>) => {
        const inFlight = action().catch(() => undefined);
        await sleep(kill.delayMs);
        await bot.stop('SIGKILL');
        await inFlight;
      };
      const to = () => ({ to: bot.url });
      if (kill.step === 'ask') {
        await killAfter(() => rita.say('give Alice Anders a calling plan', to()));
      } else {
        await expectOk(rita.say('give Alice Anders a calling plan', to()));
        if (kill.step === 'confirm') {
          await killAfter(() => rita.say(CONFIRM, to()));
        } else {
          await expectOk(rita.say(CONFIRM, to()));
          const requestId = await cardFor(await storyRequests(), connectorStart);
          assert.ok(requestId, `story ${story}: the approval card`);
          if (kill.step === 'approve') {
            await killAfter(() => megan.execute('approve', { requestId }, to()));
          } else {
            const answer = await megan.execute('approve', { requestId }, to());
            assert.equal(answer.status, 200);
            await killAfter(async () => undefined);
          }
        }
      }

      // Start again and see what survived.
      processLogs += bot.output;
      await bot.start();
      const survivors = await storyRequests();
      kill.found = survivors.length === 0 ? 'nothing stored' : survivors.map((request) => request.state).join('+');

      // Drive the story to its end as the people involved would.
      const finished = await eventually(async () => {
        const requests = await storyRequests();
        if (requests.length === 0) {
          await rita.say('cancel', to()); // whatever the dialog held, start over
          await expectOk(rita.say('give Alice Anders a calling plan', to()));
          await expectOk(rita.say(CONFIRM, to()));
          return undefined;
        }
        for (const request of requests.filter((candidate) => candidate.state === 'pending')) {
          // The approver acts on a card they were sent (re-sent by recovery if the first never went out).
          if (await cardFor([request], connectorStart)) await megan.execute('approve', { requestId: request.id }, to());
        }
        return requests.every((request) => request.state === 'completed' || request.state === 'failed') ? requests : undefined;
      }, `story ${story} (killed at ${kill.step} +${kill.delayMs} ms) to finish`, 30_000);

      assert.ok(finished.every((request) => request.state === 'completed'), `story ${story}: ${finished.map((r) => `${r.state} ${r.outcome?.reasonCode ?? ''}`).join(', ')}`);
      assert.equal(rig.emulator.writeLog.length, 1, `story ${story} (killed at ${kill.step} +${kill.delayMs} ms, lost answer: ${kill.lostAnswer}): exactly one Graph write`);
      assert.deepEqual([...rig.emulator.user(aliceId)!.skuPartNumbers].sort(), ['ENTERPRISEPACK', 'MCOEV', 'MCOPSTN1']);
      await rig.connector.waitFor(
        (entry) => rig.connector.activities.indexOf(entry) >= connectorStart && entry.conversationId === rita.personalConversationId && /^Done: .*assigned to Alice Anders/.test(String(entry.activity.text)),
        `story ${story}: the requester is told`,
      );
      const audit = (await (await rig.state()).audit.list({ since: storyStart })).filter((record) => finished.some((request) => request.id === record.requestId));
      for (const request of finished) {
        const events = audit.filter((record) => record.requestId === request.id).map((record) => record.event);
        assert.equal(events.filter((event) => event === 'approved').length, 1, `story ${story}: ${events.join(', ')}`);
        assert.equal(events.filter((event) => event === 'assigned').length, 1, `story ${story}: ${events.join(', ')}`);
      }

      async function storyRequests(): Promise<LicenseRequest[]> {
        const all = await (await rig.state()).requests.listByState(ALL_STATES);
        return all.filter((request) => request.createdAt >= storyStart && request.target.id === aliceId);
      }
    }

    async function cardFor(requests: readonly LicenseRequest[], since: number): Promise<string | undefined> {
      const ids = new Set(requests.map((request) => request.id));
      const card = rig.connector.activities.slice(since).find((entry) => entry.method === 'POST' && ids.has(requestIdOnCard(entry) ?? ''));
      return card && requestIdOnCard(card);
    }
  });

  it('the bot processes logged no secret, token or message text', () => {
    const logs = processLogs + bot.output;
    assert.match(logs, /License Desk is running/);
    assert.doesNotMatch(logs, /eyJ[\w-]+\.eyJ|Bearer |AccountKey=/i);
    assert.ok(!logs.includes('give Alice Anders a calling plan'), 'no utterance in the logs');
  });
});

async function expectOk(status: Promise<number>): Promise<void> {
  assert.equal(await status, 200);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function summarize(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].map(([value, count]) => `${value} ×${count}`).join(', ');
}

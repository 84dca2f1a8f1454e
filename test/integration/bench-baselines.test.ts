/**
 * The baseline bots bench:turns measures License Desk against (test/bench/echo-bot.ts, dialog-bot.ts), each run as
 * its own process as the benchmark runs it: they must do the work the ratios assume, or the ratios mean nothing.
 * Asserts on replies only, never on time.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BenchProcess, DIALOG_BOT_ENTRY, ECHO_BOT_ENTRY } from '../bench/bench-process';
import { TeamsTraffic, type Person } from '../bench/teams-traffic';
import { choiceButtons } from '../support/cards';
import { CapturingConnector } from '../support/capturing-connector';

const PERSON: Person = { aadObjectId: '0000beef-0000-4000-8000-000000000042', name: 'Rita Requester', tenantId: '5c453505-e131-4742-be4b-35c1defa2954' };

describe('the benchmarks\' baseline bots (integration, as processes)', function () {
  this.timeout(60000);
  let connector: CapturingConnector;
  let dataDir: string;
  let bot: BenchProcess | undefined;
  let traffic: TeamsTraffic | undefined;

  beforeEach(async () => {
    connector = new CapturingConnector();
    await connector.start();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'license-desk-baselines-'));
  });
  afterEach(async () => {
    traffic?.close();
    await bot?.stop();
    await connector.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function start(entry: string, environment: Record<string, string>): Promise<TeamsTraffic> {
    bot = new BenchProcess(entry, environment);
    const started = await bot.start();
    traffic = new TeamsTraffic(started.url, connector.url, 2);
    return traffic;
  }

  async function replyTo(chat: TeamsTraffic, text: string) {
    const before = connector.activities.length;
    assert.equal((await chat.say(PERSON, text)).status, 200);
    return connector.waitFor((entry) => connector.activities.indexOf(entry) >= before, `the reply to ${text}`);
  }

  it('the echo bot says the text back', async () => {
    const chat = await start(ECHO_BOT_ENTRY, {});
    assert.equal((await replyTo(chat, 'give Alice Anders a calling plan')).activity.text, 'give Alice Anders a calling plan');
  });

  it('the dialog bot asks with License Desk\'s summary and buttons, ends on "No", and keeps its state in SQLite', async () => {
    const chat = await start(DIALOG_BOT_ENTRY, { DATA_DIR: dataDir });
    for (let round = 0; round < 2; round++) {
      const question = await replyTo(chat, 'give Alice Anders a calling plan');
      assert.match(String(question.activity.text), /^Here is the request for Alice Anders/);
      assert.deepEqual(choiceButtons(question), ['Send for approval', 'Cancel']);
      const answer = await replyTo(chat, 'No');
      assert.equal(answer.activity.suggestedActions, undefined);
      assert.match(String(answer.activity.text), /not sent anything/);
    }
    assert.ok(fs.readdirSync(dataDir).includes('dialog-bot.sqlite'));
  });
});

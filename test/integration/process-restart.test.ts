/**
 * A pending request survives a real restart of the bot process: the request, the requester's
 * conversation and the posted card live in the SQLite file, not in memory.
 */
import assert from 'node:assert/strict';
import { startHarness, type Harness } from '../support/harness';
import { BotProcess } from '../support/bot-process';
import { adaptiveCardOf, executeActions, choiceButtons } from '../support/cards';
import { TeamsUser } from '../support/teams-user';

describe('restart of the bot process between request and approval (integration)', function () {
  this.timeout(90000);
  let h: Harness;
  let bot: BotProcess;

  before(async () => {
    h = await startHarness();
    await h.app.close(); // this test runs the bot as its own process instead
    bot = new BotProcess({ ...h.environment, PORT: '0' });
    await bot.start();
  });
  after(async () => {
    await bot.stop('SIGKILL');
    await h.connector.stop();
    await h.emulator.close();
  });

  const person = (name: string) => {
    const user = h.tenant.users.find((candidate) => candidate.displayName === name)!;
    return new TeamsUser({ aadObjectId: user.id, name, tenantId: h.tenant.tenantId }, () => bot.url, h.connector);
  };

  it('approves after the process was stopped and started again', async () => {
    const rita = person('Rita Requester');
    await rita.say('give Alice Anders a calling plan');
    await h.connector.waitFor((e) => choiceButtons(e).includes('Send for approval'), 'the confirmation prompt');
    await rita.say('Send for approval');
    const cardEntry = await h.connector.waitFor((e) => adaptiveCardOf(e) !== undefined, 'the approval card');
    const requestId = executeActions(adaptiveCardOf(cardEntry)).find((a) => a.verb === 'approve')?.data.requestId;
    assert.ok(requestId);

    await bot.stop('SIGTERM');
    await bot.start();

    const approved = await person('Megan Manager').execute('approve', { requestId });
    assert.equal(approved.status, 200);
    assert.equal(approved.body.type, 'application/vnd.microsoft.card.adaptive');
    await h.connector.waitFor((e) => e.conversationId === rita.personalConversationId && /assigned to Alice Anders/.test(String(e.activity.text)), 'the requester is told');
    await h.connector.waitFor((e) => e.method === 'PUT' && e.activityId === cardEntry.activityId, 'the original card updated in place');
    assert.equal(h.emulator.writeLog.length, 1);
  });
});

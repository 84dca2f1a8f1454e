/**
 * Attack: duplicates. Teams redelivers an activity it got no timely answer for and people double-tap: N parallel
 * copies of the same "Send for approval" activity, and N taps with different activity ids, must create one request,
 * post one card and say "Sent to…" once. A new request for a person while an open one overlaps it is refused with a
 * pointer to the open one. Two overlapping requests that exist anyway (stored directly, as an older version or
 * another instance could have left them) approved at the same moment end in one Graph write and one coherent
 * message per request, never "Done" and "could not be made" for the same change — also when each approval reaches
 * another instance sharing the state (Azurite), with Graph slow enough for both writes to overlap.
 */
import assert from 'node:assert/strict';
import { OPEN_STATES } from '../../src/services/open-request-overlap';
import { startAzurite, type Azurite } from './support/azurite';
import { eventually, Rig } from './support/rig';
import { seedPendingRequest } from './support/seed';
import { CONFIRM, describe as describeCaptured, requestIdOnCard } from './support/story';
import { post } from './support/teams-client';

const COPIES = 5;

describe('duplicates: one activity, one request, one write (reliability)', function () {
  this.timeout(60_000);
  let rig: Rig;

  beforeEach(async () => {
    rig = await Rig.start({ memoryBackedDataDir: true });
    await rig.startInstance();
  });
  afterEach(async () => {
    await rig?.close();
  });

  const openRequestsFor = async (displayName: string) =>
    (await (await rig.state()).requests.listByState(OPEN_STATES)).filter((request) => request.target.id === rig.userId(displayName));

  async function askForAliceCallingPlan(): Promise<ReturnType<Rig['user']>> {
    const rita = rig.user('Rita Requester');
    assert.equal(await rita.say('give Alice Anders a calling plan', { to: rig.url }), 200);
    return rita;
  }

  function outcome(since: number, conversationId: string) {
    const captured = rig.connector.activities.slice(since);
    const cards = new Set(captured.map(requestIdOnCard).filter((id) => id !== undefined));
    const said = captured.filter((entry) => entry.conversationId === conversationId).map((entry) => String(entry.activity.text ?? ''));
    return { captured, cards, sent: said.filter((text) => /^Sent to /.test(text)), said };
  }

  it(`${COPIES} parallel copies of the same confirm activity: one request, one card, one "Sent to…"`, async () => {
    const rita = await askForAliceCallingPlan();
    const confirm = rita.activity({ type: 'message', text: CONFIRM, textFormat: 'plain' });
    const before = rig.connector.activities.length;
    const statuses = await Promise.all(Array.from({ length: COPIES }, () => post({ to: rig.url }, confirm)));
    await rig.idle();

    assert.deepEqual(statuses.map((answer) => answer.status), Array(COPIES).fill(200));
    const { cards, sent, captured } = outcome(before, rita.personalConversationId);
    assert.equal((await openRequestsFor('Alice Anders')).length, 1, 'one request stored');
    assert.equal(cards.size, 1, `one approval card:\n${describeCaptured(captured)}`);
    assert.equal(sent.length, 1, `one "Sent to…":\n${describeCaptured(captured)}`);
  });

  it(`${COPIES} taps at once (different activity ids): one request, one card, one "Sent to…"; the others point at it`, async () => {
    const rita = await askForAliceCallingPlan();
    const before = rig.connector.activities.length;
    await Promise.all(Array.from({ length: COPIES }, () => rita.say(CONFIRM, { to: rig.url })));
    await rig.idle();

    const open = await openRequestsFor('Alice Anders');
    const { cards, sent, said, captured } = outcome(before, rita.personalConversationId);
    assert.equal(open.length, 1, 'one request stored');
    assert.equal(cards.size, 1, `one approval card:\n${describeCaptured(captured)}`);
    assert.equal(sent.length, 1, `one "Sent to…":\n${describeCaptured(captured)}`);
    assert.ok(!said.some((text) => /went wrong/i.test(text)), said.join('\n'));
  });

  it('a new request overlapping an open one for the same person is refused with its short id', async () => {
    const rita = rig.user('Rita Requester');
    const seeded = await seedPendingRequest(rig); // Alice Anders: Phone System + Domestic Calling Plan, pending
    const before = rig.connector.activities.length;
    assert.equal(await rita.say('give Alice Anders phone system', { to: rig.url }), 200);
    assert.equal(await rita.say(CONFIRM, { to: rig.url }), 200);
    const said = outcome(before, rita.personalConversationId).said.join('\n');
    assert.match(said, new RegExp(`open request .*\\(request ${seeded.slice(0, 8)}\\)`));
    assert.match(said, new RegExp(`status ${seeded.slice(0, 8)}`));
    assert.match(said, new RegExp(`cancel ${seeded.slice(0, 8)}`));
    assert.equal((await openRequestsFor('Alice Anders')).length, 1, 'nothing new stored');
    assert.equal(rig.emulator.writeLog.length, 0);
  });

  it('two overlapping requests approved at the same moment: one Graph write, each request done, one coherent message each', async () => {
    const rita = rig.user('Rita Requester');
    const megan = rig.user('Megan Manager');
    assert.equal(await rita.say('help', { to: rig.url }), 200); // Rita can be told the outcome
    const first = await seedPendingRequest(rig);
    const second = await seedPendingRequest(rig);
    const before = rig.connector.activities.length;
    const answers = await Promise.all([first, second].map((requestId) => megan.execute('approve', { requestId }, { to: rig.url })));
    assert.deepEqual(answers.map((answer) => answer.status), [200, 200]);
    await rig.idle();

    const states = await Promise.all([first, second].map(async (id) => (await rig.request(id))?.state));
    assert.deepEqual(states, ['completed', 'completed'], 'both done: the second found the change already made');
    assert.equal(rig.emulator.writeLog.length, 1, 'one Graph write');
    const toRita = await eventually(async () => {
      const said = outcome(before, rita.personalConversationId).said;
      return said.length >= 2 ? said : undefined;
    }, 'the requester told about both requests');
    assert.equal(toRita.length, 2, toRita.join('\n---\n'));
    for (const text of toRita) {
      assert.match(text, /Alice Anders/);
      assert.doesNotMatch(text, /could not|couldn't|failed/i, text);
    }
  });

  describe('two instances sharing one Azure Blob container (Azurite), Graph at 150 ms a call', () => {
    const RACES = 5;
    let azurite: Azurite;
    let shared: Rig;

    before(async () => {
      azurite = await startAzurite();
      shared = await Rig.start({ latencyMs: 150, environment: { AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString, AZURE_STORAGE_CONTAINER: 'duplicates' } });
      await shared.startInstance();
      await shared.startInstance();
    });
    after(async () => {
      await shared?.close();
      await azurite?.stop();
    });

    it(`${RACES} races: two overlapping requests approved at once, one at each instance: one Graph write attempt each race`, async () => {
      const [first, second] = shared.instances;
      const megan = shared.user('Megan Manager');
      for (let race = 0; race < RACES; race++) {
        shared.emulator.resetTenant();
        shared.emulator.resetLogs();
        const ids = [await seedPendingRequest(shared), await seedPendingRequest(shared)];
        await Promise.all([first!, second!].map((instance, index) => megan.execute('approve', { requestId: ids[index] }, { to: instance.url })));
        for (const id of ids) await eventually(async () => ((await shared.request(id))?.state === 'completed' ? true : undefined), `request ${id} completed`);
        await shared.idle();
        const attempts = shared.emulator.requestLog.filter((entry) => /assignLicense$/.test(entry.path));
        assert.equal(attempts.length, 1, `race ${race}: one assignLicense sent (${attempts.map((entry) => entry.status).join(', ')})`);
      }
    });
  });
});

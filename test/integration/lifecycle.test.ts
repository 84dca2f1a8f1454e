/**
 * The request's life after the assignment, over HTTP with a controllable clock: the provisioning follow-up
 * tells the requester when the services are active, or after 24 hours that they are not; the follow-up is in
 * storage, so it survives a restart of the bot.
 */
import assert from 'node:assert/strict';
import { startLicenseDesk } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { harnessPerTest, startHarness, type Harness } from '../support/harness';
import { adaptiveCardOf, executeActions, choiceButtons } from '../support/cards';
import type { CapturedActivity } from '../support/capturing-connector';
import type { TeamsUser } from '../support/teams-user';

const MINUTE = 60_000;

describe('lifecycle: provisioning follow-up (integration over HTTP)', function () {
  this.timeout(60000);
  let h: Harness;
  let now: number;
  const clock = { now: () => new Date(now) };
  const restart = async () => {
    await h.app.close();
    h.app = await startLicenseDesk(loadConfig(h.environment), { log: createLogger('error'), clock });
  };

  beforeEach(async () => {
    // The timer is slow here: the test ticks the scheduler itself with its own clock.
    h = await startHarness({ environment: { FOLLOW_UP_FIRST_CHECK_SECONDS: '60', LIFECYCLE_TICK_SECONDS: '3600' } });
    now = Date.parse('2026-03-02T09:00:00Z');
    await restart();
  });
  afterEach(async () => {
    await h.close();
  });

  const repliesTo = (user: TeamsUser) => h.connector.inConversation(user.personalConversationId);
  async function nextReply(user: TeamsUser, after: number, what: string, predicate: (e: CapturedActivity) => boolean) {
    return h.connector.waitFor((e) => e.conversationId === user.personalConversationId && repliesTo(user).indexOf(e) >= after && predicate(e), what);
  }

  /** Rita asks for a Calling Plan for Alice Anders and Megan approves; resolves once it is assigned. */
  async function assignCallingPlan(rita: TeamsUser, megan: TeamsUser): Promise<void> {
    let seen = repliesTo(rita).length;
    await rita.say('give Alice a calling plan');
    const choice = await nextReply(rita, seen, 'the choice of people', (e) => choiceButtons(e).length > 0);
    seen = repliesTo(rita).length;
    await rita.say(choiceButtons(choice).find((b) => b.startsWith('Alice Anders'))!);
    await nextReply(rita, seen, 'the confirmation prompt', (e) => choiceButtons(e).includes('Send for approval'));
    await rita.say('Send for approval');
    const card = await h.connector.waitFor((e) => adaptiveCardOf(e) !== undefined && executeActions(adaptiveCardOf(e)).some((a) => a.verb === 'approve'), 'the approval card');
    const requestId = String(executeActions(adaptiveCardOf(card)).find((a) => a.verb === 'approve')!.data.requestId);
    assert.equal((await megan.execute('approve', { requestId })).status, 200);
    await h.app.workflow.idle();
    assert.ok(h.emulator.user(h.userId('Alice Anders'))?.skuPartNumbers.includes('MCOPSTN1'), 'the Calling Plan is assigned');
  }

  const provisioningChecks = async () => (await h.app.lifecycle.scheduler.pending()).filter((item) => item.kind === 'provisioning-check');

  /** Ticks at every due check until none is left, as the production timer would over a day (the week-long expiry stays). */
  async function runScheduleUntilEmpty(): Promise<number> {
    let ran = 0;
    for (let pending = await provisioningChecks(); pending.length > 0; pending = await provisioningChecks()) {
      now = Math.max(now, Date.parse(pending[0]!.dueAt));
      ran += await h.app.lifecycle.tick(new Date(now));
    }
    return ran;
  }

  it('tells the requester once the services are active, at the first check after they became so', async () => {
    const rita = h.user('Rita Requester');
    const megan = h.user('Megan Manager');
    h.emulator.setProvisioningPending(h.userId('Alice Anders'), true);
    await assignCallingPlan(rita, megan);
    const seen = repliesTo(rita).length;

    assert.equal(await h.app.lifecycle.tick(new Date(now + 30_000)), 0, 'nothing is due before the first check');
    assert.equal(await h.app.lifecycle.tick(new Date(now + MINUTE)), 1, 'the first check runs after FOLLOW_UP_FIRST_CHECK_SECONDS');
    assert.equal(repliesTo(rita).slice(seen).filter((e) => /now active/.test(String(e.activity.text))).length, 0, 'not active yet: nothing said');
    const [next] = await provisioningChecks();
    assert.equal(next?.dueAt, new Date(now + MINUTE + 15 * MINUTE).toISOString(), 'the next check backs off to 15 minutes');

    h.emulator.setProvisioningPending(h.userId('Alice Anders'), false);
    now += 16 * MINUTE;
    assert.equal(await h.app.lifecycle.tick(new Date(now)), 1);
    const told = await nextReply(rita, seen, 'the services-active message', (e) => /now active/.test(String(e.activity.text)));
    assert.match(String(told.activity.text), /Domestic Calling Plan/);
    assert.deepEqual(await provisioningChecks(), [], 'no further checks');
    const audit = await h.app.workflow['deps'].audit.list({ targetId: h.userId('Alice Anders') });
    assert.ok(audit.some((record) => record.event === 'services-active'));
  });

  it('after 24 hours without the services, tells the requester the state Graph reports and to contact support', async () => {
    const rita = h.user('Rita Requester');
    const megan = h.user('Megan Manager');
    h.emulator.setProvisioningPending(h.userId('Alice Anders'), true);
    const assignedAt = now;
    await assignCallingPlan(rita, megan);
    const seen = repliesTo(rita).length;

    const ran = await runScheduleUntilEmpty();
    assert.ok(ran >= 5, `several checks ran (${ran})`);
    assert.equal(now - assignedAt, 24 * 60 * MINUTE, 'the last check is exactly at the 24-hour mark');
    const told = await nextReply(rita, seen, 'the not-active message', (e) => /still not active/.test(String(e.activity.text)));
    assert.match(String(told.activity.text), /licence state Active/);
    assert.match(String(told.activity.text), /contact Microsoft support/);
  });

  it('a follow-up scheduled before a restart runs after it', async () => {
    const rita = h.user('Rita Requester');
    const megan = h.user('Megan Manager');
    await assignCallingPlan(rita, megan);
    const seen = repliesTo(rita).length;
    await restart();
    assert.equal((await provisioningChecks()).length, 1);
    assert.equal(await h.app.lifecycle.tick(new Date(now + MINUTE)), 1);
    await nextReply(rita, seen, 'the services-active message', (e) => /now active/.test(String(e.activity.text)));
  });
});

describe('lifecycle: escalation and expiry of a pending approval (integration over HTTP)', function () {
  this.timeout(60000);
  const HOUR = 60 * MINUTE;
  let h: Harness;
  let now: number;
  const clock = { now: () => new Date(now) };

  beforeEach(async () => {
    h = await startHarness({ environment: { LIFECYCLE_TICK_SECONDS: '3600', APPROVAL_ESCALATION_HOURS: '48', APPROVAL_EXPIRY_DAYS: '7' } });
    now = Date.parse('2026-03-02T09:00:00Z');
    await h.app.close();
    h.app = await startLicenseDesk(loadConfig(h.environment), { log: createLogger('error'), clock });
  });
  afterEach(async () => {
    await h.close();
  });

  const texts = (from: number) => h.connector.activities.slice(from).map((entry) => String(entry.activity.text ?? ''));
  const cardsWith = (from: number, verb: string) => h.connector.activities.slice(from).filter((e) => executeActions(adaptiveCardOf(e)).some((a) => a.verb === verb));
  const audited = async () => (await h.app.workflow['deps'].audit.list({ targetId: h.userId('Alice Anders') })).map((record) => record.event);

  /** Rita asks for a Calling Plan for Alice Anders; resolves with the request id once Megan has the card. */
  async function askForCallingPlan(rita: TeamsUser): Promise<string> {
    const mine = () => h.connector.inConversation(rita.personalConversationId);
    let seen = mine().length;
    await rita.say('give Alice a calling plan');
    const choice = await h.connector.waitFor((e) => mine().indexOf(e) >= seen && choiceButtons(e).length > 0, 'the choice of people');
    seen = mine().length;
    await rita.say(choiceButtons(choice).find((b) => b.startsWith('Alice Anders'))!);
    await h.connector.waitFor((e) => mine().indexOf(e) >= seen && choiceButtons(e).includes('Send for approval'), 'the confirmation prompt');
    await rita.say('Send for approval');
    const card = await h.connector.waitFor((e) => executeActions(adaptiveCardOf(e)).some((a) => a.verb === 'approve'), 'the approval card');
    return String(executeActions(adaptiveCardOf(card)).find((a) => a.verb === 'approve')!.data.requestId);
  }

  it('after 48 hours the fallback approver gets the card and may approve; the requester is told', async () => {
    const rita = h.user('Rita Requester');
    const greta = h.user('Greta Approver');
    const requestId = await askForCallingPlan(rita);
    assert.equal((await greta.execute('approve', { requestId })).status, 200);
    assert.equal((await h.app.workflow['deps'].requests.get(requestId))?.value.state, 'pending', 'Greta may not decide before the escalation');

    const seen = h.connector.activities.length;
    assert.equal(await h.app.lifecycle.tick(new Date(now + 47 * HOUR)), 1, 'the reminder (24 h)');
    assert.equal(await h.app.lifecycle.tick(new Date(now + 48 * HOUR)), 1, 'the escalation');
    assert.ok(texts(seen).some((text) => /now comes to you as a fallback approver/.test(text)), 'Greta is told why');
    assert.ok(texts(seen).some((text) => /also goes to the fallback approvers: Greta Approver/.test(text)), 'Rita is told');
    assert.equal(cardsWith(seen, 'approve').filter((e) => e.method === 'POST').length, 1, 'one new card, for Greta');
    assert.ok(h.connector.activities.slice(seen).some((e) => e.method === 'PUT'), "Megan's card is updated with the new approvers");

    now += 49 * HOUR;
    assert.equal((await greta.execute('approve', { requestId })).status, 200);
    await h.app.workflow.idle();
    assert.ok(h.emulator.user(h.userId('Alice Anders'))?.skuPartNumbers.includes('MCOPSTN1'), 'assigned on Greta’s approval');
    assert.deepEqual((await audited()).filter((event) => ['escalated', 'approved', 'assigned'].includes(event)), ['escalated', 'approved', 'assigned']);
    await h.app.lifecycle.tick(new Date(now + 7 * 24 * HOUR));
    assert.deepEqual(await h.app.lifecycle.scheduler.pending(), [], 'the expiry (and the provisioning check) ran');
    assert.ok(!(await audited()).includes('expired'), 'a decided request does not expire');
    assert.equal((await h.app.workflow['deps'].requests.get(requestId))?.value.state, 'completed');
  });

  it('after 7 days without a decision the request expires: cards show it, Rita is told, approving is refused', async () => {
    const rita = h.user('Rita Requester');
    const megan = h.user('Megan Manager');
    const requestId = await askForCallingPlan(rita);
    const seen = h.connector.activities.length;
    now += 7 * 24 * HOUR;
    assert.equal(await h.app.lifecycle.tick(new Date(now)), 3, 'reminder, escalation and expiry');
    await h.connector.waitFor((e) => h.connector.activities.indexOf(e) >= seen && /expired: nobody decided on it within 7 days/.test(String(e.activity.text)), 'the expiry message to Rita');
    const expiredCards = h.connector.activities.slice(seen).filter((e) => e.method === 'PUT' && JSON.stringify(adaptiveCardOf(e) ?? {}).includes('"Expired"'));
    assert.ok(expiredCards.length >= 1, 'the posted cards show the expired state');
    assert.equal((await h.app.workflow['deps'].requests.get(requestId))?.value.state, 'expired');
    await megan.execute('approve', { requestId });
    await h.app.workflow.idle();
    assert.equal((await h.app.workflow['deps'].requests.get(requestId))?.value.state, 'expired', 'a late click changes nothing');
    assert.ok(!h.emulator.user(h.userId('Alice Anders'))?.skuPartNumbers.includes('MCOPSTN1'));
    assert.ok((await audited()).includes('expired'));
  });
});

describe('lifecycle: "my requests" in the personal chat (integration over HTTP)', function () {
  this.timeout(60000);
  let h: Harness;
  harnessPerTest((started) => (h = started));

  it('lists the requester’s own requests, newest first, with state, age and how to cancel a pending one', async () => {
    const rita = h.user('Rita Requester');
    const mine = () => h.connector.inConversation(rita.personalConversationId);
    let seen = mine().length;
    await rita.say('my requests');
    const none = await h.connector.waitFor((e) => mine().indexOf(e) >= seen && typeof e.activity.text === 'string', 'the empty list');
    assert.match(String(none.activity.text), /not asked for any licence yet/);

    seen = mine().length;
    await rita.say('give Alice a calling plan');
    const choice = await h.connector.waitFor((e) => mine().indexOf(e) >= seen && choiceButtons(e).length > 0, 'the choice of people');
    seen = mine().length;
    await rita.say(choiceButtons(choice).find((b) => b.startsWith('Alice Anders'))!);
    await h.connector.waitFor((e) => mine().indexOf(e) >= seen && choiceButtons(e).includes('Send for approval'), 'the confirmation prompt');
    await rita.say('Send for approval');
    const card = await h.connector.waitFor((e) => executeActions(adaptiveCardOf(e)).some((a) => a.verb === 'approve'), 'the approval card');
    const requestId = String(executeActions(adaptiveCardOf(card)).find((a) => a.verb === 'approve')!.data.requestId);

    seen = mine().length;
    await rita.say('my requests');
    const list = await h.connector.waitFor((e) => mine().indexOf(e) >= seen && /Your licence requests/.test(String(e.activity.text)), 'the list');
    const text = String(list.activity.text);
    assert.match(text, new RegExp(`\`${requestId.slice(0, 8)}\` Domestic Calling Plan for Alice Anders — waiting for approval, asked`));
    assert.match(text, new RegExp(`cancel ${requestId.slice(0, 8)}`));
    assert.doesNotMatch(text, /&lt;|&gt;|<id>/, 'the hint reads as typed, with no escaped or bracketed placeholder');

    const oscar = h.user('Oscar Other');
    seen = h.connector.inConversation(oscar.personalConversationId).length;
    await oscar.say('my requests');
    const others = await h.connector.waitFor((e) => e.conversationId === oscar.personalConversationId && h.connector.inConversation(oscar.personalConversationId).indexOf(e) >= seen, "Oscar's list");
    assert.match(String(others.activity.text), /not asked for any licence yet/, "someone else's requests are not listed");
  });
});

describe('lifecycle: time-bound licences (integration over HTTP)', function () {
  this.timeout(60000);
  const DAY = 24 * 60 * MINUTE;
  let h: Harness;
  let now: number;
  const clock = { now: () => new Date(now) };

  beforeEach(async () => {
    h = await startHarness({ environment: { LIFECYCLE_TICK_SECONDS: '3600' } });
    now = Date.parse('2026-03-02T09:00:00Z');
    await h.app.close();
    h.app = await startLicenseDesk(loadConfig(h.environment), { log: createLogger('error'), clock });
  });
  afterEach(async () => {
    await h.close();
  });

  const requests = () => h.app.workflow['deps'].requests;
  const audited = async () => (await h.app.workflow['deps'].audit.list({ targetId: h.userId('Alice Anders') })).map((record) => record.event);
  const textsIn = (user: TeamsUser, from: number) => h.connector.inConversation(user.personalConversationId).slice(from).map((e) => String(e.activity.text ?? ''));

  /** The requester asks in their language (naming Alice Anders in full: no choice of people), confirms; returns the summary and the request id. */
  async function askTimeBound(requester: TeamsUser, text: string, confirm: string): Promise<{ summary: string; requestId: string }> {
    const mine = () => h.connector.inConversation(requester.personalConversationId);
    const seen = mine().length;
    await requester.say(text);
    await h.connector.waitFor((e) => mine().indexOf(e) >= seen && choiceButtons(e).includes(confirm), 'the confirmation prompt');
    const summary = textsIn(requester, seen).join('\n');
    await requester.say(confirm);
    const card = await h.connector.waitFor((e) => executeActions(adaptiveCardOf(e)).some((a) => a.verb === 'approve'), 'the approval card');
    return { summary, requestId: String(executeActions(adaptiveCardOf(card)).find((a) => a.verb === 'approve')!.data.requestId) };
  }

  const licenceEnds = async () => (await h.app.lifecycle.scheduler.pending()).filter((item) => item.kind === 'licence-end');

  it('"for two weeks": the end date on the summary and the card; after 14 days the bot removes it and says so', async () => {
    const rita = h.user('Rita Requester');
    const megan = h.user('Megan Manager');
    const alice = h.user('Alice Anders');
    await alice.say('hello'); // Alice has a chat with the bot, so she can be told too
    const alicePlan = h.skuId('MCOMEETADV');
    const { summary, requestId } = await askTimeBound(rita, 'give Alice Anders audio conferencing for two weeks', 'Send for approval');
    assert.match(summary, /removed 14 days after they are assigned \(about Mar 16, 2026/);
    const card = JSON.stringify(adaptiveCardOf(h.connector.activities.find((e) => executeActions(adaptiveCardOf(e)).some((a) => a.data.requestId === requestId))!));
    assert.match(card, /14 days after assignment \(about Mar 16, 2026\)/, 'the approver sees the end on the card');

    assert.equal((await megan.execute('approve', { requestId })).status, 200);
    await h.app.workflow.idle();
    assert.ok(h.emulator.user(h.userId('Alice Anders'))?.skuPartNumbers.includes('MCOMEETADV'));
    const assigned = (await requests().get(requestId))!.value;
    assert.equal(assigned.state, 'completed');
    assert.equal(assigned.endsAt, new Date(now + 14 * DAY).toISOString(), 'endsAt = completion + 14 days');
    assert.deepEqual((await licenceEnds()).map((item) => item.dueAt), [assigned.endsAt]);

    const ritaSeen = h.connector.inConversation(rita.personalConversationId).length;
    const aliceSeen = h.connector.inConversation(alice.personalConversationId).length;
    await h.app.lifecycle.tick(new Date(now + 14 * DAY - MINUTE)); // the provisioning check and the approval timers
    assert.equal((await licenceEnds()).length, 1, 'the end is not due the minute before');
    assert.ok(h.emulator.user(h.userId('Alice Anders'))?.skuPartNumbers.includes('MCOMEETADV'), 'still assigned the minute before');
    now += 14 * DAY;
    assert.equal(await h.app.lifecycle.tick(new Date(now)), 1, 'the licence end');
    await h.app.workflow.idle();

    assert.ok(!h.emulator.user(h.userId('Alice Anders'))?.skuPartNumbers.includes('MCOMEETADV'), 'removed');
    const writes = h.emulator.writeLog.filter((entry) => entry.userId === h.userId('Alice Anders'));
    assert.deepEqual(
      writes.map((entry) => ({ added: entry.addedSkuIds, removed: entry.removedSkuIds })),
      [{ added: [alicePlan], removed: [] }, { added: [], removed: [alicePlan] }],
      'one add, then one remove',
    );
    await h.connector.waitFor((e) => e.conversationId === rita.personalConversationId && /Done: Audio Conferencing removed from Alice Anders/.test(String(e.activity.text)), 'the removal outcome to Rita');
    assert.ok(textsIn(rita, ritaSeen).some((text) => /time-bound assignment of Audio Conferencing to Alice Anders has ended/.test(text)), 'Rita is told why');
    assert.ok(textsIn(alice, aliceSeen).some((text) => /Your time-bound licences have ended/.test(text)), 'Alice is told');
    const removal = (await requests().get(`${requestId}-end`))!.value;
    assert.equal(removal.state, 'completed');
    assert.equal(removal.approverSource, 'scheduledEnd');
    assert.equal(removal.endsRequestId, requestId);
    assert.equal(removal.decision?.displayName, 'Megan Manager', 'under the original approval');
    const events = await audited();
    for (const event of ['licence-end-scheduled', 'licence-end-scheduled-removal']) assert.ok(events.includes(event), `audit has ${event}`);
    assert.deepEqual(events.filter((event) => event === 'assigned'), ['assigned', 'assigned'], 'the add and the removal are both recorded as written');

    assert.equal(await h.app.lifecycle.tick(new Date(now + DAY)), 0, 'nothing runs twice');
    assert.equal(h.emulator.writeLog.filter((entry) => entry.userId === h.userId('Alice Anders')).length, 2);
  });

  it('in French, "pendant deux semaines": the summary in French, the removal 14 days after the assignment', async () => {
    const rita = h.user('Rita Requester', 'fr-FR');
    const megan = h.user('Megan Manager');
    const { summary, requestId } = await askTimeBound(rita, "Attribue l'audioconférence à Alice Anders pendant deux semaines", 'Envoyer');
    assert.match(summary, /retirées 14 jours après leur attribution \(vers le 16 mars 2026/);
    now += 2 * DAY;
    assert.equal((await megan.execute('approve', { requestId })).status, 200);
    await h.app.workflow.idle();
    assert.equal((await requests().get(requestId))!.value.endsAt, new Date(now + 14 * DAY).toISOString(), 'counted from the assignment, not the request');
    now += 14 * DAY;
    await h.app.lifecycle.tick(new Date(now));
    await h.app.workflow.idle();
    assert.ok(!h.emulator.user(h.userId('Alice Anders'))?.skuPartNumbers.includes('MCOMEETADV'), 'removed');
    await h.connector.waitFor((e) => e.conversationId === rita.personalConversationId && /attribution à durée limitée/.test(String(e.activity.text)), 'Rita is told in French');
  });
});

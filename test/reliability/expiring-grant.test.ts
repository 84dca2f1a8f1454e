/**
 * Attack: an expiring time-bound grant that would take away what a later grant gave. Phone System for two weeks is
 * approved; then a Domestic Calling Plan (only the plan is added: Phone System is held). At the end of the two weeks
 * the removal rules would remove Phone System and the Calling Plan that needs it. The bot must remove nothing, ask
 * the License Desk admins (an approval card for the whole removal) and tell the requester why; the Calling Plan's own
 * approval card said it relies on the time-bound Phone System. A time-bound grant that nothing depends on still ends
 * as before (the control).
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { RunningLicenseDesk } from '../../src/app';
import { loadTenantFile } from '../../src/emulator/tenant-file';
import { licenceEndRequestId } from '../../src/services/lifecycle/licence-end';
import { FABRIKAM_TENANT_FILE } from '../support/harness';
import { eventually, Rig } from './support/rig';
import { requestIdOnCard, requestThroughChat } from './support/story';
import type { TeamsClient } from './support/teams-client';

const DAY = 86_400_000;

describe('expiring grants remove only what they added (reliability)', function () {
  this.timeout(60_000);
  let rig: Rig;
  let bot: RunningLicenseDesk;
  let now: number;
  let rita: TeamsClient;
  let megan: TeamsClient;
  let greta: TeamsClient;

  beforeEach(async () => {
    const tenant = loadTenantFile(FABRIKAM_TENANT_FILE);
    const admin = tenant.users.find((user) => user.displayName === 'Greta Approver')!;
    tenant.groups.push({ id: randomUUID(), displayName: 'License Desk admins', description: null, securityEnabled: true, members: [admin.id], assignedLicenses: [] });
    rig = await Rig.start({ tenant, memoryBackedDataDir: true });
    now = Date.now();
    bot = await rig.startInstance({ clock: { now: () => new Date(now) } });
    rita = rig.user('Rita Requester');
    megan = rig.user('Megan Manager');
    greta = rig.user('Greta Approver');
    assert.equal(await greta.say('help', { to: rig.url }), 200); // the admin can be reached
  });
  afterEach(async () => {
    await rig?.close();
  });

  async function grant(text: string): Promise<string> {
    const id = await requestThroughChat(rig.connector, rita, text, rig.url);
    assert.equal((await megan.execute('approve', { requestId: id }, { to: rig.url })).status, 200);
    await rig.idle();
    assert.equal((await rig.request(id))?.state, 'completed', `${text}: completed`);
    return id;
  }
  const holds = (partNumber: string) => rig.emulator.user(rig.userId('Alice Anders'))?.skuPartNumbers.includes(partNumber);

  it('Phone System for two weeks, then a Calling Plan: at the end both are kept, the admins are asked, the requester told why', async () => {
    const phoneSystem = await grant('give Alice Anders phone system for two weeks');
    const cardsFrom = rig.connector.activities.length;
    const callingPlan = await grant('give Alice Anders a domestic calling plan');
    assert.deepEqual((await rig.request(callingPlan))?.add, ['MCOPSTN1'], 'the plan alone was added');
    const card = rig.connector.activities.slice(cardsFrom).find((entry) => entry.method === 'POST' && requestIdOnCard(entry) === callingPlan);
    assert.match(JSON.stringify(card?.activity.attachments?.[0]?.content), /Relies on Phone System, which this person holds only until/, 'the approval card says it relies on the time-bound grant');
    const writesBefore = rig.emulator.writeLog.length;
    const before = rig.connector.activities.length;

    now += 15 * DAY;
    await bot.lifecycle.tick(new Date(now));
    await rig.idle();

    assert.equal(rig.emulator.writeLog.length, writesBefore, 'no Graph write');
    assert.ok(holds('MCOEV') && holds('MCOPSTN1'), 'Alice keeps Phone System and the Calling Plan');
    const removal = await rig.request(licenceEndRequestId(phoneSystem));
    assert.equal(removal?.state, 'pending', 'the removal waits for the admins');
    assert.deepEqual(removal?.approvers.map((approver) => approver.displayName), ['Greta Approver']);
    const captured = rig.connector.activities.slice(before);
    assert.ok(captured.some((entry) => entry.conversationId === greta.personalConversationId && requestIdOnCard(entry) === removal?.id), 'the admin got the approval card');
    const told = await eventually(async () => {
      const texts = rig.connector.activities.slice(before).filter((entry) => entry.conversationId === rita.personalConversationId).map((entry) => String(entry.activity.text ?? ''));
      return texts.find((text) => /have not removed it/.test(text));
    }, 'the requester told why');
    assert.match(told, /Domestic Calling Plan/);
    assert.match(told, /Greta Approver/);
    const audit = (await (await rig.state()).audit.list()).filter((record) => record.event === 'licence-end-held');
    assert.deepEqual(audit.map((record) => record.details['dependents']), [['MCOPSTN1']]);
  });

  it('control: a time-bound grant nothing depends on is removed at its end', async () => {
    const cardsFrom = rig.connector.activities.length;
    await grant('give Alice Anders phone system for two weeks');
    const cards = rig.connector.activities.slice(cardsFrom).filter((entry) => requestIdOnCard(entry) !== undefined);
    assert.ok(cards.length > 0 && cards.every((entry) => !/Relies on/.test(JSON.stringify(entry.activity.attachments))), 'no reliance when there is none');
    now += 15 * DAY;
    await bot.lifecycle.tick(new Date(now));
    await rig.idle();
    assert.equal(holds('MCOEV'), false, 'Phone System removed');
    assert.deepEqual(rig.emulator.writeLog.at(-1)?.removedSkuIds, [rig.skuId('MCOEV')]);
  });
});

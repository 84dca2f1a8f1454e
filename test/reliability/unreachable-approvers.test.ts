/**
 * Attack: approvers the bot cannot reach (they never opened License Desk, so Teams refuses a new chat with them).
 * The requester must hear the truth — who has the card, who will get it on first opening the app — `status` and
 * `pending` must show it, and the bot must not retry every minute for days with an error each time: it retries with
 * back-off and logs one warning per approver.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { RunningLicenseDesk } from '../../src/app';
import { loadTenantFile } from '../../src/emulator/tenant-file';
import { FABRIKAM_TENANT_FILE } from '../support/harness';
import { Rig } from './support/rig';
import { CONFIRM } from './support/story';
import type { TeamsClient } from './support/teams-client';

const MINUTE = 60_000;

describe('unreachable approvers: the truth told, retried with back-off, logged once (reliability)', function () {
  this.timeout(60_000);
  let rig: Rig;
  let bot: RunningLicenseDesk;
  let now: number;
  let rita: TeamsClient;
  let greta: TeamsClient;

  async function start(approverGroup: readonly string[]): Promise<void> {
    const tenant = loadTenantFile(FABRIKAM_TENANT_FILE);
    const idOf = (name: string) => tenant.users.find((user) => user.displayName === name)!.id;
    tenant.groups.find((group) => group.displayName === 'License approvers')!.members = approverGroup.map(idOf);
    tenant.groups.push({ id: randomUUID(), displayName: 'License Desk admins', description: null, securityEnabled: true, members: [idOf('Greta Approver')], assignedLicenses: [] });
    rig = await Rig.start({ tenant, memoryBackedDataDir: true });
    now = Date.now();
    bot = await rig.startInstance({ clock: { now: () => new Date(now) } });
    rita = rig.user('Rita Requester');
    greta = rig.user('Greta Approver');
    // Oscar never opened License Desk: Teams refuses to open a chat with him.
    rig.connector.refuseConversationsWith(rig.userId('Oscar Other'));
  }
  afterEach(async () => {
    await rig?.close();
  });

  async function ask(text: string): Promise<string[]> {
    const before = rig.connector.activities.length;
    assert.equal(await rita.say(text, { to: rig.url }), 200);
    return rig.connector.activities.slice(before).filter((entry) => entry.conversationId === rita.personalConversationId).map((entry) => String(entry.activity.text ?? ''));
  }

  it('one approver reached, one not: the requester, `status` and `pending` say who has the card and who will get it', async () => {
    await start(['Greta Approver', 'Oscar Other']);
    assert.equal(await greta.say('help', { to: rig.url }), 200);
    await ask('give Nora Nomanager audio conferencing');
    const said = (await ask(CONFIRM)).join('\n');
    await rig.idle();
    assert.match(said, /^Sent to Greta Approver \(.*\) for approval\. Oscar Other will get the card when they first open License Desk/m, said);
    assert.doesNotMatch(said, /Sent to [^.]*Oscar Other/, 'Oscar is not said to have the card');

    const requestId = (await (await rig.state()).requests.listByState(['pending']))[0]!.id;
    const status = (await ask(`status ${requestId.slice(0, 8)}`)).join('\n');
    assert.match(status, /Approvers: Greta Approver, Oscar Other \(not reached yet: gets the card on first opening License Desk\)/, status);
    const before = rig.connector.activities.length;
    assert.equal(await greta.say('pending', { to: rig.url }), 200);
    const pending = rig.connector.activities.slice(before).map((entry) => String(entry.activity.text ?? '')).join('\n');
    assert.match(pending, /Oscar Other \(not reached yet/, pending);
  });

  it('nobody reachable: an hour of recovery passes retries with back-off, one warning for the approver, no error', async () => {
    await start(['Oscar Other']);
    const said = (await (async () => {
      await ask('give Nora Nomanager audio conferencing');
      return ask(CONFIRM);
    })()).join('\n');
    assert.match(said, /couldn't reach Oscar Other/, said);
    const attempts = () => rig.connector.calls.filter((call) => call === 'POST /v3/conversations').length;
    const afterSubmit = attempts();

    // The recovery timer's passes, one a minute for an hour (driven here with the bot's clock).
    for (let minute = 1; minute <= 60; minute++) {
      now += MINUTE;
      await bot.workflow.resumeUnfinished();
      await rig.idle();
    }
    const retries = attempts() - afterSubmit;
    console.log(`      60 recovery passes in an hour: ${retries} new attempts to reach the approver`);
    assert.ok(retries >= 2 && retries <= 8, `retried with back-off, not every minute: ${retries} attempts`);
    const about = rig.logLines.filter((line) => line.includes(rig.userId('Oscar Other')) && /not delivered/.test(line));
    assert.equal(about.filter((line) => /"level":"warn"/.test(line)).length, 1, 'one warning for the approver');
    assert.deepEqual(rig.logLines.filter((line) => /"level":"error"/.test(line)), [], 'no error logged');
  });
});

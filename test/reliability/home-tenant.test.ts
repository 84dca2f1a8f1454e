/**
 * Attack: activities of every kind sent with another tenant's id — a licence request, a card click and a card refresh
 * on a real request, an admin command (with a real admin's object id) in a channel, a bulk file upload, a file
 * consent answer, installation and conversation updates, an invoke the bot does not know — each from a tenant that
 * is not the one whose Graph the bot uses. Each gets at most one sentence (invokes: a message response, or a status
 * with no body) and nothing else: no Graph call, nothing stored (not even a conversation reference), nothing
 * audited, nobody contacted, no card content. A control from the home tenant shows the same traffic does reach Graph.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { loadTenantFile } from '../../src/emulator/tenant-file';
import type { SqliteStorage } from '../../src/storage/sqlite-storage';
import { FABRIKAM_TENANT_FILE } from '../support/harness';
import { Rig } from './support/rig';
import { seedPendingRequest } from './support/seed';
import { post, type TeamsClient } from './support/teams-client';

const MESSAGE = 'application/vnd.microsoft.activity.message';

describe('home tenant: another tenant is answered with one sentence and nothing else (reliability)', function () {
  this.timeout(60_000);
  let rig: Rig;
  let requestId: string;
  const otherTenant = randomUUID();

  before(async () => {
    const tenant = loadTenantFile(FABRIKAM_TENANT_FILE);
    const greta = tenant.users.find((user) => user.displayName === 'Greta Approver')!;
    tenant.groups.push({ id: randomUUID(), displayName: 'License Desk admins', description: null, securityEnabled: true, members: [greta.id], assignedLicenses: [] });
    rig = await Rig.start({ tenant, memoryBackedDataDir: true });
    await rig.startInstance();
    requestId = await seedPendingRequest(rig);
  });
  after(async () => {
    await rig?.close();
  });

  const channel = (client: TeamsClient) => ({
    conversation: { id: `19:${randomUUID()}@thread.tacv2;messageid=1`, conversationType: 'channel', isGroup: true, tenantId: client.identity.tenantId },
    channelData: { tenant: { id: client.identity.tenantId }, team: { id: '19:team@thread.tacv2' }, channel: { id: '19:general@thread.tacv2' } },
  });
  const mention = { type: 'mention', text: '<at>License Desk</at>', mentioned: { id: '28:license-desk-bot', name: 'License Desk' } };
  const upload = (command: string) => ({
    text: command,
    attachments: [{ contentType: 'application/vnd.microsoft.teams.file.download.info', name: 'users.csv', content: { downloadUrl: 'http://127.0.0.1:9/users.csv', uniqueId: randomUUID(), fileType: 'csv' } }],
  });
  const kinds: { title: string; who: string; activity: (client: TeamsClient) => Record<string, unknown>; invoke?: 'card' | 'other' }[] = [
    { title: 'a licence request', who: 'Rita Requester', activity: (c) => c.activity({ type: 'message', text: 'give Alice Anders a calling plan' }) },
    { title: 'a request naming a person by UPN', who: 'Rita Requester', activity: (c) => c.activity({ type: 'message', text: 'assign phone system to alice.anders@fabrikam.example' }) },
    { title: 'the approver approving a real request', who: 'Megan Manager', invoke: 'card', activity: (c) => c.activity({ type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'approve', data: { requestId } }, trigger: 'manual' } }) },
    { title: 'a card refresh of a real request', who: 'Megan Manager', invoke: 'card', activity: (c) => c.activity({ type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'refresh', data: { requestId } }, trigger: 'automatic' } }) },
    { title: "an admin's `seats` in a channel", who: 'Greta Approver', activity: (c) => c.activity({ type: 'message', text: '<at>License Desk</at> seats', entities: [mention], ...channel(c) }) },
    { title: "an admin's `audit` in a channel", who: 'Greta Approver', activity: (c) => c.activity({ type: 'message', text: '<at>License Desk</at> audit', entities: [mention], ...channel(c) }) },
    { title: "an admin's `assign … to …` in a channel", who: 'Greta Approver', activity: (c) => c.activity({ type: 'message', text: '<at>License Desk</at> assign phone system to alice.anders@fabrikam.example', entities: [mention], ...channel(c) }) },
    { title: "an admin's `pending` in the personal chat", who: 'Greta Approver', activity: (c) => c.activity({ type: 'message', text: 'pending' }) },
    { title: 'a bulk list file upload', who: 'Greta Approver', activity: (c) => c.activity({ type: 'message', ...upload('bulk assign calling plan') }) },
    { title: 'a file consent answer', who: 'Greta Approver', invoke: 'other', activity: (c) => c.activity({ type: 'invoke', name: 'fileConsent/invoke', value: { type: 'fileUpload', action: 'accept', context: { exportId: randomUUID() }, uploadInfo: { uploadUrl: 'http://127.0.0.1:9/' } } }) },
    { title: 'an installation', who: 'Rita Requester', activity: (c) => c.activity({ type: 'installationUpdate', action: 'add' }) },
    { title: 'a conversation update adding members', who: 'Rita Requester', activity: (c) => c.activity({ type: 'conversationUpdate', membersAdded: [{ id: c.mri, aadObjectId: c.identity.aadObjectId }] }) },
    { title: 'an invoke the bot does not know', who: 'Rita Requester', invoke: 'other', activity: (c) => c.activity({ type: 'invoke', name: 'composeExtension/query', value: { commandId: 'x' } }) },
  ];

  for (const kind of kinds) {
    it(`${kind.title}: one sentence at most, no Graph call, nothing stored or audited`, async () => {
      const client = rig.user(kind.who, { tenantId: otherTenant });
      const state = await rig.state();
      const keysBefore = await (state.storage as SqliteStorage).keys('');
      const auditBefore = (await state.audit.list()).length;
      const graphBefore = rig.emulator.requestLog.length;
      const callsBefore = rig.connector.calls.length;
      const capturedBefore = rig.connector.activities.length;

      const answer = await post({ to: rig.url }, kind.activity(client));
      await rig.idle();

      const said = rig.connector.activities.slice(capturedBefore);
      if (kind.invoke === 'card') {
        assert.equal(answer.status, 200);
        const body = JSON.parse(answer.text) as { type?: string; value?: unknown };
        assert.equal(body.type, MESSAGE, 'a sentence, not a card');
        assert.match(String(body.value), /only the organization/);
        assert.deepEqual(said, [], 'nothing posted');
      } else if (kind.invoke === 'other') {
        assert.ok([200, 403].includes(answer.status), `status ${answer.status}`);
        assert.doesNotMatch(answer.text, /Alice|Megan|seat|ENTERPRISE|MCO/i, 'no content');
        assert.deepEqual(said, [], 'nothing posted');
      } else {
        assert.equal(answer.status, 200);
        assert.equal(said.length, 1, `one sentence: ${said.map((s) => s.activity.text).join(' | ')}`);
        assert.match(String(said[0]?.activity.text), /only the organization it was set up for/);
        assert.equal(said[0]?.activity.attachments, undefined, 'no card');
      }
      assert.equal(rig.emulator.requestLog.length, graphBefore, 'no Graph call');
      assert.deepEqual(await (state.storage as SqliteStorage).keys(''), keysBefore, 'nothing stored (no conversation reference, no dialog state)');
      assert.equal((await state.audit.list()).length, auditBefore, 'nothing audited');
      assert.equal(rig.connector.conversationsCreated.length, 0, 'nobody contacted');
      assert.ok(rig.connector.calls.length - callsBefore <= 1, `at most the one reply reached the Bot Connector: ${rig.connector.calls.slice(callsBefore).join(', ')}`);
      assert.equal((await rig.request(requestId))?.state, 'pending', 'the real request is untouched');
    });
  }

  it('an activity that names the home tenant in one place and another in the other is from another tenant', async () => {
    const rita = rig.user('Rita Requester');
    const graphBefore = rig.emulator.requestLog.length;
    const activity = rita.activity({ type: 'message', text: 'give Alice Anders a calling plan', channelData: { tenant: { id: otherTenant } } });
    assert.equal((await post({ to: rig.url }, activity)).status, 200);
    assert.equal(rig.emulator.requestLog.length, graphBefore, 'no Graph call');
  });

  it('control: the same request from the home tenant reaches Graph and is answered', async () => {
    const rita = rig.user('Rita Requester');
    const graphBefore = rig.emulator.requestLog.length;
    const capturedBefore = rig.connector.activities.length;
    assert.equal(await rita.say('give Alice Anders a calling plan', { to: rig.url }), 200);
    assert.ok(rig.emulator.requestLog.length > graphBefore, 'Graph was read');
    const said = rig.connector.activities.slice(capturedBefore).map((entry) => String(entry.activity.text ?? ''));
    assert.ok(!said.some((text) => /only the organization/.test(text)), said.join(' | '));
  });
});

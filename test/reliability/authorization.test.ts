/**
 * Only an allowed approver decides, and only on what is stored. Clicks on the approval card from anyone else — a
 * member of the group chat the card was shared in, the requester, the person the licence is for, an approver of
 * another request — are refused with a sentence, change nothing and leave a 'refused-click' audit record. The right
 * approver's object id from another tenant never reaches the decision: it gets one sentence and nothing is read,
 * stored or audited (home-tenant.test.ts covers every kind of activity). Card data is only a pointer: data naming another request,
 * user, licences, approver or tenant never changes what is decided or written.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { AuditRecord } from '../../src/ports';
import { Rig } from './support/rig';
import { requestThroughChat } from './support/story';
import type { InvokeAnswer, TeamsClient } from './support/teams-client';

const MESSAGE = 'application/vnd.microsoft.activity.message';
const CARD = 'application/vnd.microsoft.card.adaptive';

describe('authorization: only an allowed approver decides, on stored state (reliability)', function () {
  this.timeout(60_000);
  let rig: Rig;
  let aliceRequest: string;
  let noraRequest: string;

  before(async () => {
    rig = await Rig.start();
    await rig.startInstance();
    const rita = rig.user('Rita Requester');
    aliceRequest = await requestThroughChat(rig.connector, rita, 'give Alice Anders a calling plan', rig.url); // approver: Megan Manager
    noraRequest = await requestThroughChat(rig.connector, rita, 'give Nora Nomanager audio conferencing', rig.url); // approver: Greta Approver
  });
  after(async () => {
    await rig?.close();
  });

  const groupChat = `19:${randomUUID()}@thread.v2`;
  const refusedClicks: { title: string; who: () => TeamsClient; verb: 'approve' | 'reject'; reason: string; groupChat?: boolean; request?: () => string }[] = [
    { title: 'another member of the group chat the card was shared in', who: () => rig.user('Oscar Other'), verb: 'approve', reason: 'NOT_AN_APPROVER', groupChat: true },
    { title: 'another member of the group chat, rejecting', who: () => rig.user('Oscar Other'), verb: 'reject', reason: 'NOT_AN_APPROVER', groupChat: true },
    { title: 'the requester', who: () => rig.user('Rita Requester'), verb: 'approve', reason: 'REQUESTER_CANNOT_APPROVE' },
    { title: 'the person the licence is for', who: () => rig.user('Alice Anders'), verb: 'approve', reason: 'TARGET_CANNOT_APPROVE' },
    { title: "an approver of another request, on this one's id", who: () => rig.user('Greta Approver'), verb: 'approve', reason: 'NOT_AN_APPROVER' },
    { title: "the approver, on a request id that is someone else's to decide", who: () => rig.user('Megan Manager'), verb: 'approve', reason: 'NOT_AN_APPROVER', request: () => noraRequest },
  ];

  for (const click of refusedClicks) {
    it(`refused with a sentence, nothing changes, audited: ${click.title}`, async () => {
      const requestId = click.request?.() ?? aliceRequest;
      const clicker = click.who();
      const before = await rig.request(requestId);
      const auditBefore = (await (await rig.state()).audit.list()).length;
      const answer = await clicker.execute(click.verb, { requestId }, { to: rig.url, ...(click.groupChat ? { groupChatId: groupChat } : {}) });
      await rig.idle();

      assertSentence(answer);
      assert.deepEqual(await rig.request(requestId), before, 'the stored request is untouched');
      assert.equal(rig.emulator.writeLog.length, 0, 'no Graph write');
      const added = (await (await rig.state()).audit.list()).slice(auditBefore);
      assert.deepEqual(added.map(summary), [{ event: 'refused-click', requestId, actorId: clicker.identity.aadObjectId, reason: click.reason, tenantId: clicker.identity.tenantId }]);
    });
  }

  it("another tenant's channelData wins over a conversation that names our tenant: one sentence, nothing read, stored or audited", async () => {
    const megan = rig.user('Megan Manager');
    const otherTenant = randomUUID();
    const auditBefore = (await (await rig.state()).audit.list()).length;
    const graphBefore = rig.emulator.requestLog.length;
    const answer = await megan.invoke(
      { action: { type: 'Action.Execute', verb: 'approve', data: { requestId: aliceRequest } }, trigger: 'manual' },
      { to: rig.url },
      { channelData: { tenant: { id: otherTenant } } },
    );
    assertSentence(answer);
    assert.equal((await rig.request(aliceRequest))?.state, 'pending');
    assert.equal((await (await rig.state()).audit.list()).length, auditBefore, 'nothing audited');
    assert.equal(rig.emulator.requestLog.length, graphBefore, 'no Graph call');
  });

  it('a click without an Entra identity is refused with a sentence and changes nothing', async () => {
    const megan = rig.user('Megan Manager');
    const answer = await megan.invoke(
      { action: { type: 'Action.Execute', verb: 'approve', data: { requestId: aliceRequest } }, trigger: 'manual' },
      { to: rig.url },
      { from: { id: megan.mri, name: 'Megan Manager' } },
    );
    assertSentence(answer);
    assert.equal((await rig.request(aliceRequest))?.state, 'pending');
  });

  it('forged card data (another user, licences, approver, tenant, state) changes nothing: the stored request is what is approved and written', async () => {
    const megan = rig.user('Megan Manager');
    const forgedData = {
      requestId: aliceRequest,
      userId: rig.userId('Oscar Other'),
      target: { id: rig.userId('Oscar Other'), userPrincipalName: 'oscar@fabrikam.example' },
      add: ['ENTERPRISEPREMIUM', 'MCOPSTN2'],
      licences: ['ENTERPRISEPREMIUM'],
      approverId: rig.userId('Greta Approver'),
      approvers: [{ id: rig.userId('Oscar Other') }],
      tenantId: randomUUID(),
      state: 'approved',
      comment: 'fine',
    };
    const answer = await megan.execute('approve', forgedData, { to: rig.url });
    assert.equal(answer.status, 200);
    assert.equal(answer.body?.type, CARD);
    await rig.idle();

    const stored = await rig.request(aliceRequest);
    assert.equal(stored?.state, 'completed');
    assert.equal(stored?.decision?.id, rig.userId('Megan Manager'), 'decided by the clicker, not by card data');
    assert.equal(stored?.target.id, rig.userId('Alice Anders'));
    assert.deepEqual(rig.emulator.writeLog.map((write) => ({ user: write.userId, added: [...write.addedSkuIds].sort() })), [
      { user: rig.userId('Alice Anders'), added: [rig.skuId('MCOEV'), rig.skuId('MCOPSTN1')].sort() },
    ]);
    assert.equal((await rig.request(noraRequest))?.state, 'pending', 'the other request is untouched');
  });
});

function assertSentence(answer: InvokeAnswer): void {
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assert.equal(answer.body?.type, MESSAGE, JSON.stringify(answer.body));
  assert.ok(typeof answer.body.value === 'string' && answer.body.value.split(' ').length >= 5, `a sentence: ${JSON.stringify(answer.body.value)}`);
}

function summary(record: AuditRecord): Record<string, unknown> {
  return { event: record.event, requestId: record.requestId, actorId: record.actorId, reason: record.details['reason'], tenantId: record.details['tenantId'] };
}

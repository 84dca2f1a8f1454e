/**
 * The whole core path over HTTP: a requester asks in a personal chat, picks the right person,
 * confirms; the manager gets an approval card proactively; other people's clicks are refused;
 * the manager approves; the licences are assigned in one Graph call; everyone is told.
 */
import assert from 'node:assert/strict';
import { harnessPerTest, readableText, type Harness } from '../support/harness';
import { adaptiveCardOf, executeActions, choiceButtons } from '../support/cards';
import type { CapturedActivity } from '../support/capturing-connector';
import type { TeamsUser } from '../support/teams-user';

describe('core path: request → approval → assignment (integration over HTTP)', function () {
  this.timeout(60000);
  let h: Harness;

  harnessPerTest((started) => (h = started));

  /** Messages the bot sent into a user's personal chat after a given count. */
  const repliesTo = (user: TeamsUser) => h.connector.inConversation(user.personalConversationId);

  async function nextReply(user: TeamsUser, after: number, what: string, predicate: (e: CapturedActivity) => boolean = () => true) {
    return h.connector.waitFor(
      (entry) => entry.conversationId === user.personalConversationId && repliesTo(user).indexOf(entry) >= after && predicate(entry),
      what,
    );
  }

  /** Asks for a licence and confirms; returns the request id from the approver's card. */
  async function askAndConfirm(requester: TeamsUser, text: string, pick?: string): Promise<void> {
    let seen = repliesTo(requester).length;
    assert.equal(await requester.say(text), 200);
    if (pick) {
      const choice = await nextReply(requester, seen, 'the choice of people', (e) => choiceButtons(e).length > 0);
      const button = choiceButtons(choice).find((value) => value.startsWith(pick));
      assert.ok(button, `a button for ${pick} among ${choiceButtons(choice).join(' | ')}`);
      seen = repliesTo(requester).length;
      await requester.say(button);
    }
    await nextReply(requester, seen, 'the confirmation prompt', (e) => choiceButtons(e).includes('Send for approval'));
    seen = repliesTo(requester).length;
    await requester.say('Send for approval');
    await nextReply(requester, seen, 'the sent-for-approval message', (e) => /Sent to .* for approval/.test(String(e.activity.text)));
  }

  async function approvalCardFor(approverName: string): Promise<{ card: any; requestId: string; entry: CapturedActivity }> {
    const approverId = h.userId(approverName);
    const entry = await h.connector.waitFor(
      (e) => e.method === 'POST' && adaptiveCardOf(e) !== undefined && h.connector.conversationsCreated.some(
        (c) => c.conversationId === e.conversationId && c.parameters.members?.[0]?.aadObjectId === approverId,
      ),
      `the approval card for ${approverName}`,
    );
    const card = adaptiveCardOf(entry);
    const approve = executeActions(card).find((action) => action.verb === 'approve');
    assert.ok(approve, 'the card has an Approve action');
    return { card, requestId: String(approve.data.requestId), entry };
  }

  it('plays the whole story: disambiguation, confirmation, refused clicks, approval, one Graph write, notifications', async () => {
    const rita = h.user('Rita Requester');
    const megan = h.user('Megan Manager');
    const oscar = h.user('Oscar Other');
    const alice = h.userId('Alice Anders');
    const consumedBefore = { MCOEV: h.emulator.sku('MCOEV')?.consumedUnits, MCOPSTN1: h.emulator.sku('MCOPSTN1')?.consumedUnits };

    // The summary names both licences and why Phone System was added.
    let seen = repliesTo(rita).length;
    await rita.say('give Alice a calling plan');
    const choice = await nextReply(rita, seen, 'the choice between the two Alices', (e) => choiceButtons(e).length > 0);
    const buttons = choiceButtons(choice);
    assert.ok(buttons.some((b) => b.startsWith('Alice Anders')) && buttons.some((b) => b.startsWith('Alice Brown')), buttons.join(' | '));
    seen = repliesTo(rita).length;
    await rita.say(buttons.find((b) => b.startsWith('Alice Anders'))!);
    const summary = await nextReply(rita, seen, 'the summary', (e) => /Licences to assign/.test(String(e.activity.text)));
    assert.match(String(summary.activity.text), /Alice Anders/);
    assert.match(String(summary.activity.text), /Phone System/);
    assert.match(String(summary.activity.text), /Domestic Calling Plan/);
    seen = repliesTo(rita).length;
    await rita.say('Send for approval');
    const sent = await nextReply(rita, seen, 'sent for approval', (e) => /Sent to/.test(String(e.activity.text)));
    assert.match(String(sent.activity.text), /Megan Manager \(manager\)/);
    assert.equal(h.emulator.writeLog.length, 0, 'nothing is written before approval');

    const { card, requestId } = await approvalCardFor('Megan Manager');
    assert.equal(card.version, '1.5');
    assert.ok(card.refresh?.userIds?.length > 0, 'the card refreshes for approvers');
    assert.match(JSON.stringify(card), /Rita Requester/);
    assert.match(JSON.stringify(card), /Alice Anders/);

    // Someone else, and the requester, cannot approve; nothing is written.
    const byOscar = await oscar.execute('approve', { requestId });
    assert.equal(byOscar.status, 200);
    assert.equal(byOscar.body.type, 'application/vnd.microsoft.activity.message');
    assert.match(String(byOscar.body.value), /approver/i);
    const byRita = await rita.execute('approve', { requestId });
    assert.equal(byRita.body.type, 'application/vnd.microsoft.activity.message');
    assert.equal(h.emulator.writeLog.length, 0, 'refused clicks write nothing');

    // The manager approves: the invoke answers with the updated card at once.
    const approved = await megan.execute('approve', { requestId, comment: 'ok' });
    assert.equal(approved.status, 200);
    assert.equal(approved.body.type, 'application/vnd.microsoft.card.adaptive');
    assert.match(JSON.stringify(approved.body.value), /Megan Manager/);
    assert.equal(executeActions(approved.body.value).filter((a) => a.verb === 'approve').length, 0, 'no buttons after the decision');

    const notice = await h.connector.waitFor(
      (e) => e.conversationId === rita.personalConversationId && /assigned to Alice Anders/.test(String(e.activity.text)),
      'the requester is told of the assignment',
    );
    assert.match(String(notice.activity.text), /phone numbers/i, 'next step: phone numbers');
    assert.match(String(notice.activity.text), /24 hours/, 'the 24-hour latency');
    await h.app.workflow.idle();

    assert.equal(h.emulator.writeLog.length, 1, 'exactly one assignLicense call');
    const write = h.emulator.writeLog[0]!;
    assert.equal(write.userId, alice);
    assert.deepEqual([...write.addedSkuIds].sort(), [h.skuId('MCOEV'), h.skuId('MCOPSTN1')].sort());
    const held = h.emulator.user(alice)!.assignedLicenses.map((l: { skuId: string }) => l.skuId);
    assert.ok(held.includes(h.skuId('MCOPSTN1')) && held.includes(h.skuId('MCOEV')));
    assert.equal(h.emulator.sku('MCOPSTN1')?.consumedUnits, (consumedBefore.MCOPSTN1 ?? 0) + 1);
    assert.equal(h.emulator.sku('MCOEV')?.consumedUnits, (consumedBefore.MCOEV ?? 0) + 1);

    // The approver's card was updated in place with the result, and with the seats the tenant has left now (worked
    // out by the writer from its re-read and its own change: the same as Graph's count, with no read after the write).
    const updated = await h.connector.waitFor((e) => e.method === 'PUT' && /Assigned/i.test(readableText(e.activity)), 'the card updated to assigned');
    assert.ok(adaptiveCardOf(updated));
    for (const part of ['MCOEV', 'MCOPSTN1']) {
      const sku = h.emulator.sku(part);
      assert.ok(sku);
      assert.ok(readableText(updated.activity).includes(`free ${sku.prepaidUnits.enabled - sku.consumedUnits} of ${sku.prepaidUnits.enabled}`), `${part} seats on the final card`);
    }
    const afterWrite = h.emulator.requestLog.slice(h.emulator.requestLog.findIndex((entry) => entry.write));
    assert.deepEqual(afterWrite.map((entry) => `${entry.method} ${entry.path}`), [`POST /v1.0/users/${alice}/assignLicense`], 'no Graph read after the write');

    // A second click changes nothing and writes nothing.
    const again = await megan.execute('approve', { requestId });
    assert.equal(again.body.type, 'application/vnd.microsoft.card.adaptive');
    await h.app.workflow.idle();
    assert.equal(h.emulator.writeLog.length, 1);
  });

  it('reject: the requester is told who rejected and why; nothing is written', async () => {
    const rita = h.user('Rita Requester');
    const megan = h.user('Megan Manager');
    await askAndConfirm(rita, 'Alice Anders needs audio conferencing');
    const { requestId } = await approvalCardFor('Megan Manager');
    const rejected = await megan.execute('reject', { requestId, comment: 'Not in the budget this quarter' });
    assert.equal(rejected.body.type, 'application/vnd.microsoft.card.adaptive');
    assert.match(JSON.stringify(rejected.body.value), /Not in the budget this quarter/);
    const notice = await h.connector.waitFor(
      (e) => e.conversationId === rita.personalConversationId && /rejected/.test(String(e.activity.text)),
      'the rejection notice',
    );
    assert.match(String(notice.activity.text), /Megan Manager/);
    assert.match(String(notice.activity.text), /Not in the budget this quarter/);
    const late = await megan.execute('approve', { requestId });
    assert.equal(late.body.type, 'application/vnd.microsoft.card.adaptive', 'approving after rejecting shows the decided card');
    await h.app.workflow.idle();
    assert.equal(h.emulator.writeLog.length, 0);
  });

  it('no manager: the licence approvers group gets the card', async () => {
    const rita = h.user('Rita Requester');
    const seen = repliesTo(rita).length;
    await askAndConfirm(rita, 'assign audio conferencing to nora@fabrikam.example');
    const sent = repliesTo(rita).slice(seen).map((e) => String(e.activity.text)).join('\n');
    assert.match(sent, /Greta Approver \(licence approvers\)/);
    const { requestId } = await approvalCardFor('Greta Approver');
    const approved = await h.user('Greta Approver').execute('approve', { requestId });
    assert.equal(approved.body.type, 'application/vnd.microsoft.card.adaptive');
    await h.connector.waitFor((e) => e.conversationId === rita.personalConversationId && /assigned to Nora Nomanager/.test(String(e.activity.text)), 'assigned');
    assert.equal(h.emulator.writeLog.length, 1);
  });

  const refusals: { title: string; text: string; expect: RegExp }[] = [
    { title: 'no free seats', text: 'give Alice Anders an international calling plan', expect: /no free Domestic and International Calling Plan licences/ },
    { title: 'missing usage location', text: 'give uma@fabrikam.example a calling plan', expect: /usage location/i },
    // Fabrikam has no Communications Credits subscription (rule 4).
    { title: 'pay per minute without Communications Credits set up', text: 'give Alice Anders audio conferencing pay per minute', expect: /Communications Credits/ },
  ];
  for (const refusal of refusals) {
    it(`refuses before approval: ${refusal.title}`, async () => {
      const rita = h.user('Rita Requester');
      const seen = repliesTo(rita).length;
      await rita.say(refusal.text);
      const reply = await nextReply(rita, seen, 'the refusal', (e) => /Nothing was sent for approval/.test(String(e.activity.text)));
      assert.match(String(reply.activity.text), refusal.expect);
      assert.equal(h.connector.conversationsCreated.length, 0, 'no approver was contacted');
      assert.equal(h.emulator.writeLog.length, 0, 'no Graph write');
    });
  }

  it('unknown person: says so and asks again; cancel ends it', async () => {
    const rita = h.user('Rita Requester');
    let seen = repliesTo(rita).length;
    await rita.say('give Zebedee a calling plan');
    const reply = await nextReply(rita, seen, 'the not-found message', (e) => /couldn't find anyone called "Zebedee"/.test(String(e.activity.text)));
    assert.ok(reply);
    seen = repliesTo(rita).length;
    await rita.say('megan@fabrikam.example');
    await nextReply(rita, seen, 'the summary for Megan', (e) => /Megan Manager/.test(String(e.activity.text)));
    seen = repliesTo(rita).length;
    await rita.say('cancel');
    await nextReply(rita, seen, 'the cancellation', (e) => /Nothing was/.test(String(e.activity.text)));
    assert.equal(h.emulator.writeLog.length, 0);
  });

  it('unknown product: says which licences exist and asks no one', async () => {
    const rita = h.user('Rita Requester');
    const seen = repliesTo(rita).length;
    await rita.say('give Alice Anders a unicorn licence');
    const reply = await nextReply(rita, seen, 'the unknown-licence message', (e) => /unicorn/.test(String(e.activity.text)));
    assert.match(String(reply.activity.text), /don't know a licence/);
    await nextReply(rita, seen, 'the examples', (e) => /Licences I know/.test(String(e.activity.text)));
    assert.equal(h.connector.conversationsCreated.length, 0);
  });

  it('an @mention names the person exactly: no disambiguation, resolved through Teams when the entity lacks the Entra id', async () => {
    const rita = h.user('Rita Requester');
    const alice = h.user('Alice Anders');
    h.connector.members.set(alice.mri, { id: alice.mri, name: 'Alice Anders', aadObjectId: alice.identity.aadObjectId });
    const seen = repliesTo(rita).length;
    await rita.say('<at>License Desk</at> give <at>Alice Anders</at> a calling plan', {
      entities: [
        { type: 'mention', text: '<at>License Desk</at>', mentioned: { id: '28:license-desk-bot', name: 'License Desk' } },
        { type: 'mention', text: '<at>Alice Anders</at>', mentioned: { id: alice.mri, name: 'Alice Anders' } },
      ],
    });
    const summary = await nextReply(rita, seen, 'the summary', (e) => /Licences to assign/.test(String(e.activity.text)));
    assert.match(String(summary.activity.text), /alice\.anders@fabrikam\.example/);
    assert.equal(repliesTo(rita).slice(seen).filter((e) => choiceButtons(e).some((b) => b.startsWith('Alice Brown'))).length, 0);
  });

  it('refresh: the approver gets the buttons, anyone else the status only', async () => {
    await askAndConfirm(h.user('Rita Requester'), 'give Alice Anders a calling plan');
    const { requestId } = await approvalCardFor('Megan Manager');
    const forApprover = await h.user('Megan Manager').execute('refresh', { requestId });
    assert.deepEqual(executeActions(forApprover.body.value).map((a) => a.verb).sort(), ['approve', 'reject']);
    const forOther = await h.user('Oscar Other').execute('refresh', { requestId });
    assert.equal(forOther.body.type, 'application/vnd.microsoft.card.adaptive');
    assert.deepEqual(executeActions(forOther.body.value), []);
  });

  it('a forged or malformed card action changes nothing and gets a clear answer', async () => {
    await askAndConfirm(h.user('Rita Requester'), 'give Alice Anders a calling plan');
    const { requestId } = await approvalCardFor('Megan Manager');
    const megan = h.user('Megan Manager');
    const forged = [
      { verb: 'approve', data: { requestId: 'not-a-request' } },
      { verb: 'approve', data: {} },
      { verb: 'delete', data: { requestId } },
      { verb: 'approve', data: { requestId: '00000000-0000-4000-8000-000000000000' } },
    ];
    for (const action of forged) {
      const response = await megan.execute(action.verb, action.data);
      // botbuilder answers with the Universal Action's statusCode: 400 for malformed, 200 for a refusal message.
      assert.ok([200, 400].includes(response.status), JSON.stringify(action));
      assert.notEqual(response.body.type, 'application/vnd.microsoft.card.adaptive', JSON.stringify(action));
      assert.ok(String(response.body.value?.message ?? response.body.value).length > 10, 'a sentence explains it');
    }
    await h.app.workflow.idle();
    assert.equal(h.emulator.writeLog.length, 0);
  });

  it('an approver the bot could not reach gets the waiting card when they first open the chat', async () => {
    const rita = h.user('Rita Requester');
    const megan = h.user('Megan Manager');
    // Teams refuses to open a chat with someone who has not installed the app.
    h.connector.refuseConversationsWith(h.userId('Megan Manager'));
    let seen = repliesTo(rita).length;
    await rita.say('give Alice Anders a calling plan');
    await nextReply(rita, seen, 'the confirmation prompt', (e) => choiceButtons(e).includes('Send for approval'));
    seen = repliesTo(rita).length;
    await rita.say('Send for approval');
    const saved = await nextReply(rita, seen, 'the request is saved and waits', (e) => /couldn't reach Megan Manager/.test(String(e.activity.text)));
    assert.match(String(saved.activity.text), /waits for them/);
    assert.equal(h.connector.inConversation(megan.personalConversationId).length, 0);

    await megan.say('hello');
    const card = await h.connector.waitFor(
      (e) => e.conversationId === megan.personalConversationId && adaptiveCardOf(e) !== undefined,
      'the waiting card in Megan\'s chat',
    );
    const requestId = executeActions(adaptiveCardOf(card)).find((a) => a.verb === 'approve')?.data.requestId;
    const approved = await megan.execute('approve', { requestId });
    assert.equal(approved.body.type, 'application/vnd.microsoft.card.adaptive');
    await h.connector.waitFor((e) => e.conversationId === rita.personalConversationId && /assigned to Alice Anders/.test(String(e.activity.text)), 'assigned');
  });

  it('a Graph failure during the conversation is explained in words, and the next message starts fresh', async () => {
    const rita = h.user('Rita Requester');
    h.emulator.failNext(1, { status: 403 });
    let seen = repliesTo(rita).length;
    await rita.say('give Alice Anders a calling plan');
    const reply = await nextReply(rita, seen, 'the explanation', (e) => /Nothing was changed/.test(String(e.activity.text)));
    assert.match(String(reply.activity.text), /User\.Read\.All/, 'names the permissions to grant');
    assert.doesNotMatch(String(reply.activity.text), /Authorization_RequestDenied|Insufficient privileges/, 'not Graph text');
    seen = repliesTo(rita).length;
    await rita.say('give Alice Anders a calling plan');
    await nextReply(rita, seen, 'a normal summary', (e) => /Licences to assign/.test(String(e.activity.text)));
  });
});

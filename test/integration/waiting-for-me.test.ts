/**
 * "waiting for me" over HTTP: the approver's inbox. A request waits for Megan; Megan types "waiting for me" and
 * gets the approval card with its buttons, and approves from it; someone who is not an approver hears that nothing
 * waits for them. The translations reach the same command.
 */
import assert from 'node:assert/strict';
import { harnessPerTest, readableText, type Harness } from '../support/harness';
import { adaptiveCardOf, choiceButtons, executeActions } from '../support/cards';
import type { TeamsUser } from '../support/teams-user';

describe('"waiting for me": what waits for my decision (integration over HTTP)', function () {
  this.timeout(60000);
  let h: Harness;
  harnessPerTest((started) => (h = started));

  const chat = (user: TeamsUser) => h.connector.inConversation(user.personalConversationId);

  async function askForCallingPlan(rita: TeamsUser): Promise<string> {
    let seen = chat(rita).length;
    await rita.say('give Alice a calling plan');
    const choice = await h.connector.waitFor((e) => chat(rita).indexOf(e) >= seen && choiceButtons(e).length > 0, 'the choice of people');
    seen = chat(rita).length;
    await rita.say(choiceButtons(choice).find((b) => b.startsWith('Alice Anders'))!);
    await h.connector.waitFor((e) => chat(rita).indexOf(e) >= seen && choiceButtons(e).includes('Send for approval'), 'the confirmation prompt');
    await rita.say('Send for approval');
    const card = await h.connector.waitFor((e) => executeActions(adaptiveCardOf(e)).some((a) => a.verb === 'approve'), 'the approval card');
    return String(executeActions(adaptiveCardOf(card)).find((a) => a.verb === 'approve')!.data.requestId);
  }

  /** Says something in the personal chat and returns what the bot answered within the turn. */
  async function ask(user: TeamsUser, text: string) {
    const seen = chat(user).length;
    assert.equal(await user.say(text), 200);
    return chat(user).slice(seen);
  }

  it('lists the request waiting for Megan with its card, and she approves from it; others have nothing waiting', async () => {
    const rita = h.user('Rita Requester');
    const megan = h.user('Megan Manager');
    const oscar = h.user('Oscar Other');

    assert.match((await ask(megan, 'waiting for me')).map((e) => String(e.activity.text)).join('\n'), /Nothing waits for you/);

    const requestId = await askForCallingPlan(rita);
    const answer = await ask(megan, 'waiting for me');
    const texts = answer.map((e) => readableText(e.activity)).join('\n');
    assert.match(texts, /1 request waits for your decision/);
    assert.match(texts, new RegExp(`\`${requestId.slice(0, 8)}\` Rita Requester asks for Domestic Calling Plan for Alice Anders`));
    const withCard = answer.find((e) => adaptiveCardOf(e) !== undefined);
    assert.ok(withCard, 'the approval card comes with the list');
    const card = adaptiveCardOf(withCard);
    const approve = executeActions(card).find((action) => action.verb === 'approve');
    assert.ok(approve && executeActions(card).some((action) => action.verb === 'reject'), 'Approve and Reject on the card');
    assert.equal(approve.data.requestId, requestId, 'the full id travels in the action data');
    assert.match(JSON.stringify(card), new RegExp(`Request ID: ${requestId.slice(0, 8)}`));

    // The requester and someone who is not an approver have nothing waiting for them.
    assert.match((await ask(oscar, 'waiting for me')).map((e) => String(e.activity.text)).join('\n'), /Nothing waits for you/);
    assert.match((await ask(rita, 'waiting for me?')).map((e) => String(e.activity.text)).join('\n'), /Nothing waits for you/);

    // Megan approves from the card she was given.
    const approved = await megan.execute(approve.verb, { ...approve.data, comment: 'ok' });
    assert.equal(approved.status, 200);
    assert.equal(approved.body.type, 'application/vnd.microsoft.card.adaptive');
    assert.equal(executeActions(approved.body.value).filter((a) => a.verb === 'approve').length, 0, 'no buttons after the decision');
    await h.connector.waitFor((e) => e.conversationId === rita.personalConversationId && /assigned to Alice Anders/.test(String(e.activity.text)), 'the requester is told');
    await h.app.workflow.idle();
    assert.equal(h.emulator.writeLog.length, 1, 'one assignLicense call');

    // Decided: nothing waits any more, in any of the languages.
    for (const words of ['waiting for me', 'en attente de moi', 'à valider', '等我审批', '等我核准', '私の承認待ち']) {
      const after = (await ask(megan, words)).map((e) => String(e.activity.text)).join('\n');
      assert.match(after, /Nothing waits for you|Rien ne vous attend|没有等待|沒有等待|承認を待っているものはありません/, words);
    }
  });

  it('answers in the reader\'s language', async () => {
    const megan = h.user('Megan Manager', 'fr-FR');
    assert.match((await ask(megan, 'en attente de moi')).map((e) => String(e.activity.text)).join('\n'), /Rien ne vous attend/);
    const meganJa = h.user('Megan Manager', 'ja-JP');
    assert.match((await ask(meganJa, '私の承認待ち')).map((e) => String(e.activity.text)).join('\n'), /承認を待っているものはありません/);
  });
});

/**
 * Every licensing rule through the bot over HTTP, on the demo tenant the README's "Try it" table
 * uses. Refusals must reach no approver and write nothing to Graph; allowed requests reach the
 * right approver; a Graph refusal after approval is explained in words.
 */
import assert from 'node:assert/strict';
import { DEMO_TENANT_FILE } from '../../src/emulator/demo-tenant';
import { harnessPerTest, turn, type Harness } from '../support/harness';
import { adaptiveCardOf, executeActions, choiceButtons } from '../support/cards';

interface RefusalCase {
  readonly say: string;
  /** What the explanation must say. */
  readonly because: RegExp;
}

const refusals: Record<string, RefusalCase> = {
  'hybrid user: Phone System only (rule 1)': { say: 'give Daniel Brooks a calling plan', because: /on-premises/i },
  '120-minute plan not sold in the US (rule 3)': { say: 'give Alice Johnson a 120 minute calling plan', because: /isn't available|not available/i },
  'communications credits need conferencing or calling (rule 5)': { say: 'give Hiroshi Tanaka communications credits', because: /Communications Credits/ },
  'no free seat, even with the bundled Phone System (rule 8)': { say: 'give Isaiah Langer a domestic and international calling plan', because: /no free Domestic and International Calling Plan/i },
  'no usage location (rule 9)': { say: 'give Sofia Rossi audio conferencing', because: /usage location/i },
  'licence inherited from a group (rule 10)': { say: "remove Isaiah Langer's phone system", because: /Sales calling/ },
  'two calling plans at once': { say: 'give Alice Johnson a calling plan and an international calling plan', because: /Calling Plan/ },
};

const nothingToDo: Record<string, RefusalCase> = {
  'E5 already carries Phone System (rule 6)': { say: 'give Megan Bowen phone system', because: /E5/ },
  'already assigned (rule 6)': { say: 'give Grace Kim a calling plan', because: /already/i },
  'removing what the user does not have (rule 10)': { say: "remove Lynne Robbins's audio conferencing", because: /doesn't have|does not have|not assigned/i },
};

interface ProceedCase {
  readonly say: string;
  /** What the summary must say (licences added, removed, and why). */
  readonly summary: RegExp[];
  readonly approvers: string[];
}

const allowed: Record<string, ProceedCase> = {
  'calling plan brings Phone System (rule 2)': { say: 'give Alice Johnson a calling plan', summary: [/Phone System/, /Domestic Calling Plan/], approvers: ['Megan Bowen'] },
  '120-minute plan outside the US (rule 3)': { say: 'give Hiroshi Tanaka a 120 minute calling plan', summary: [/120/, /Phone System/], approvers: ['Alex Chen'] },
  'downgrade removes the international plan in the same change (rule 7)': { say: "give Liam O'Connor a domestic calling plan", summary: [/Licences to assign: Domestic Calling Plan/, /Licences to remove: Domestic and International Calling Plan/], approvers: ['Alex Wilber'] },
  'removing Phone System takes the Calling Plan too (rule 10)': { say: "remove Liam O'Connor's phone system", summary: [/Licences to remove: .*Phone System/, /Calling Plan/], approvers: ['Alex Wilber'] },
  'pay per minute with credits set up (rule 4)': { say: 'give Hiroshi Tanaka audio conferencing pay per minute', summary: [/Pay Per Minute|pay per minute/i], approvers: ['Alex Chen'] },
  'no manager: the approver group (core)': { say: 'give Patti Fernandez communications credits', summary: [/Communications Credits/], approvers: ['Adele Vance', 'Megan Bowen'] },
};

describe('licensing rules through the bot on the demo tenant (integration over HTTP)', function () {
  this.timeout(60000);
  let h: Harness;
  harnessPerTest((started) => (h = started), { tenantFile: DEMO_TENANT_FILE });

  for (const [title, refusal] of Object.entries(refusals)) {
    it(`refused before approval: ${title}`, async () => {
      const { texts } = await turn(h, h.user('Lynne Robbins'), refusal.say);
      assert.match(texts, /Nothing was sent for approval/, texts);
      assert.match(texts, refusal.because, texts);
      assert.equal(h.connector.conversationsCreated.length, 0, 'no approver contacted');
      assert.equal(h.emulator.writeLog.length, 0, 'no Graph write');
    });
  }

  for (const [title, noop] of Object.entries(nothingToDo)) {
    it(`nothing to do, said plainly: ${title}`, async () => {
      const { texts } = await turn(h, h.user('Adele Vance'), noop.say);
      assert.match(texts, /Nothing to do for/, texts);
      assert.match(texts, noop.because, texts);
      assert.equal(h.connector.conversationsCreated.length, 0);
      assert.equal(h.emulator.writeLog.length, 0);
    });
  }

  for (const [title, request] of Object.entries(allowed)) {
    it(`sent for approval: ${title}`, async () => {
      // Lynne Robbins asks: she is nobody's manager here, so she never is the approver.
      const lynne = h.user('Lynne Robbins');
      const { texts, replies } = await turn(h, lynne, request.say);
      for (const expected of request.summary) assert.match(texts, expected, texts);
      assert.ok(replies.some((reply) => choiceButtons(reply).includes('Send for approval')), texts);
      const sent = await turn(h, lynne, 'Send for approval');
      for (const approver of request.approvers) assert.match(sent.texts, new RegExp(`Sent to .*${approver}`), sent.texts);
      const reached = h.connector.conversationsCreated.map((c) => c.parameters.members?.[0]?.name).sort();
      assert.deepEqual(reached, [...request.approvers].sort());
      assert.equal(h.emulator.writeLog.length, 0, 'nothing written before approval');
    });
  }

  it('no base licence: the requester picks one of the suites the tenant owns, then confirms (rule 2)', async () => {
    const lynne = h.user('Lynne Robbins');
    const asked = await turn(h, lynne, 'give Noah Patel phone system');
    assert.match(asked.texts, /Noah Patel has no licence that includes Teams/, asked.texts);
    const offered = asked.replies.flatMap((reply) => choiceButtons(reply));
    assert.equal(offered[0], 'Office 365 Enterprise E3', 'the 2018 default first');
    assert.ok(offered.includes('Microsoft 365 E3') && offered.includes('Microsoft 365 E5'), offered.join(' | '));
    const summary = await turn(h, lynne, 'Microsoft 365 E5');
    assert.match(summary.texts, /Licences to assign: Microsoft 365 E5/, summary.texts);
    assert.match(summary.texts, /already includes Phone System/, summary.texts);
    const sent = await turn(h, lynne, 'Send for approval');
    assert.match(sent.texts, /Sent to .*Alex Wilber/, sent.texts);
  });

  it("a plan switched off inside a held suite is turned on in the same call (Lucas: his E3's Skype base plan is off)", async () => {
    const before = h.emulator.sku('ENTERPRISEPACK')!.consumedUnits;
    const outcome = await approvedStory('give Lucas Schmidt phone system', 'Camille Dubois');
    assert.match(outcome, /turned on in Office 365 Enterprise E3/, outcome);
    const write = h.emulator.writeLog[0]!;
    assert.deepEqual(write.addLicenses, [
      { skuId: h.emulator.sku('MCOEV')!.skuId, disabledPlans: [] },
      { skuId: h.emulator.sku('ENTERPRISEPACK')!.skuId, disabledPlans: [] },
    ]);
    assert.equal(h.emulator.sku('ENTERPRISEPACK')!.consumedUnits, before, 'no extra E3 seat');
  });

  /** Asks as Lynne, confirms, and has the (only) approver approve; returns Lynne's outcome message. */
  async function approvedStory(text: string, approver: string): Promise<string> {
    const lynne = h.user('Lynne Robbins');
    await turn(h, lynne, text);
    await turn(h, lynne, 'Send for approval');
    const cardEntry = await h.connector.waitFor((e) => adaptiveCardOf(e) !== undefined, `the approval card for ${approver}`);
    const requestId = executeActions(adaptiveCardOf(cardEntry)).find((a) => a.verb === 'approve')?.data.requestId;
    await h.user(approver).execute('approve', { requestId });
    const notice = await h.connector.waitFor(
      (e) => e.conversationId === lynne.personalConversationId && /^Done/.test(String(e.activity.text)),
      'the outcome message',
    );
    await h.app.workflow.idle();
    return String(notice.activity.text);
  }

  it('a removal goes through approval and removes Phone System and the Calling Plan in one call (rule 10)', async () => {
    const liam = h.emulator.user("liamo@example.com")!;
    const outcome = await approvedStory("remove Liam O'Connor's phone system", 'Alex Wilber');
    assert.match(outcome, /removed from Liam O'Connor/);
    assert.equal(h.emulator.writeLog.length, 1);
    const write = h.emulator.writeLog[0]!;
    assert.deepEqual(write.addedSkuIds, []);
    assert.deepEqual([...write.removedSkuIds].sort(), [h.emulator.sku('MCOEV')!.skuId, h.emulator.sku('MCOPSTN2')!.skuId].sort());
    assert.ok(!h.emulator.user(liam.id)!.skuPartNumbers.includes('MCOEV'));
  });

  it('advice after Audio Conferencing: assign a provider, and the third-party provider warning (rule 11)', async () => {
    const outcome = await approvedStory('give Alice Johnson audio conferencing', 'Megan Bowen');
    assert.match(outcome, /audio conferencing provider/i);
    assert.match(outcome, /third-party/i);
  });

  it('a downgrade swaps the calling plans in one call (rule 7)', async () => {
    await approvedStory("give Liam O'Connor a domestic calling plan", 'Alex Wilber');
    const write = h.emulator.writeLog[0]!;
    assert.deepEqual(write.addedSkuIds, [h.emulator.sku('MCOPSTN1')!.skuId]);
    assert.deepEqual(write.removedSkuIds, [h.emulator.sku('MCOPSTN2')!.skuId]);
  });
});

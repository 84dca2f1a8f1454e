/**
 * Issue 14's stories over HTTP on a tenant of today's SKUs (test/fixtures/today-tenant.md): Microsoft 365 E3/E5,
 * suites without Teams with Teams Enterprise, Teams Phone with Calling Plan, a plan switched off inside a suite and a SKU
 * never heard of. For each: who is asked, and the exact assignLicense body Graph receives, disabledPlans included.
 */
import assert from 'node:assert/strict';
import { TODAY_TENANT_FILE } from '../emulator/emulator-harness';
import { adaptiveCardOf, executeActions } from '../support/cards';
import { harnessPerTest, turn, type Harness } from '../support/harness';

const PHONE_SYSTEM_PLAN = '4828c8ec-dc2e-4779-b502-87ac9ce28ab7';
const DOMESTIC_CALLING_PLAN = '4ed3ff63-69d7-4fb7-b984-5aec7f605ca8';

describe("service plans through the bot on a tenant of today's SKUs (integration over HTTP)", function () {
  this.timeout(60000);
  let h: Harness;
  harnessPerTest((started) => (h = started), { tenantFile: TODAY_TENANT_FILE });

  /** Rafael asks, confirms; the card reaches Helena (everyone's manager), who approves. Returns Rafael's outcome. */
  async function approvedStory(text: string, summary: readonly RegExp[]): Promise<string> {
    const rafael = h.user('Rafael Souza');
    const asked = await turn(h, rafael, text);
    for (const expected of summary) assert.match(asked.texts, expected, asked.texts);
    const sent = await turn(h, rafael, 'Send for approval');
    assert.match(sent.texts, /Sent to Helena Varga/, sent.texts);
    const cardEntry = await h.connector.waitFor((e) => adaptiveCardOf(e) !== undefined, 'the approval card for Helena Varga');
    assert.deepEqual(h.connector.conversationsCreated.map((c) => c.parameters.members?.[0]?.name), ['Helena Varga']);
    const requestId = executeActions(adaptiveCardOf(cardEntry)).find((a) => a.verb === 'approve')?.data.requestId;
    await h.user('Helena Varga').execute('approve', { requestId });
    const notice = await h.connector.waitFor(
      (e) => e.conversationId === rafael.personalConversationId && /^(Done|The change)/.test(String(e.activity.text)),
      'the outcome message',
    );
    await h.app.workflow.idle();
    return String(notice.activity.text);
  }

  function onlyWrite() {
    assert.equal(h.emulator.writeLog.length, 1, 'one assignLicense call');
    return h.emulator.writeLog[0]!;
  }

  const sku = (partNumber: string): string => h.skuId(partNumber);
  const consumed = (partNumber: string): number => h.emulator.sku(partNumber)!.consumedUnits;

  it('E5 user, "calling plan": only a Calling Plan (Phone System is inside Microsoft 365 E5)', async () => {
    const outcome = await approvedStory('give Ingrid Holm a calling plan', [/Teams Phone with Calling Plan/]);
    assert.match(outcome, /^Done/, outcome);
    const write = onlyWrite();
    assert.deepEqual(write.addLicenses, [{ skuId: sku('MCOTEAMS_ESSENTIALS'), disabledPlans: [] }]);
    assert.deepEqual(write.removedSkuIds, []);
  });

  it('Phone System switched off inside E5: turned on there, no seat used', async () => {
    const before = consumed('SPE_E5');
    const outcome = await approvedStory('give Lars Eriksen phone system', [/turned on in Microsoft 365 E5/]);
    assert.match(outcome, /^Done/, outcome);
    assert.deepEqual(onlyWrite().addLicenses, [{ skuId: sku('SPE_E5'), disabledPlans: [] }]);
    assert.equal(consumed('SPE_E5'), before, 'no extra E5 seat');
    assert.equal(consumed('MCOEV'), 1, 'no Teams Phone Standard seat either');
  });

  it('E5 (no Teams) alone, "calling plan": Teams Enterprise comes first, with the plan, in one call', async () => {
    const outcome = await approvedStory('give Marek Nowak a calling plan', [/Teams Enterprise/, /doesn't include Teams/]);
    assert.match(outcome, /^Done/, outcome);
    assert.deepEqual(onlyWrite().addLicenses, [
      { skuId: sku('Microsoft_Teams_Enterprise_New'), disabledPlans: [] },
      { skuId: sku('MCOTEAMS_ESSENTIALS'), disabledPlans: [] },
    ]);
  });

  it('E3 (no Teams) alone, "phone system": Teams Enterprise + Teams Phone Standard', async () => {
    await approvedStory('give Aisha Bello phone system', [/Teams Enterprise/]);
    assert.deepEqual(onlyWrite().addLicenses, [
      { skuId: sku('Microsoft_Teams_Enterprise_New'), disabledPlans: [] },
      { skuId: sku('MCOEV'), disabledPlans: [] },
    ]);
  });

  it('Teams Phone with Calling Plan held, pay-as-you-go asked: the bundle stays, its Domestic Calling Plan turned off', async () => {
    const outcome = await approvedStory('give Giulia Bianchi a pay as you go calling plan', [/pay-as-you-go/i]);
    assert.match(outcome, /^Done/, outcome);
    const write = onlyWrite();
    assert.deepEqual(write.addLicenses, [
      { skuId: sku('Microsoft_Teams_Calling_Plan_pay_as_you_go_(country_zone_1)'), disabledPlans: [] },
      { skuId: sku('MCOTEAMS_ESSENTIALS'), disabledPlans: [DOMESTIC_CALLING_PLAN] },
    ]);
    assert.deepEqual(write.removedSkuIds, []);
  });

  it('"remove phone system" from an E5 user turns it off inside E5 and never removes the suite', async () => {
    const outcome = await approvedStory('remove phone system from Ingrid Holm', [/turned off in Microsoft 365 E5/]);
    assert.match(outcome, /^Done/, outcome);
    const write = onlyWrite();
    assert.deepEqual(write.addLicenses, [{ skuId: sku('SPE_E5'), disabledPlans: [PHONE_SYSTEM_PLAN] }]);
    assert.deepEqual(write.removedSkuIds, []);
  });

  const refusedOrNothing: Record<string, { say: string; expect: RegExp }> = {
    'a SKU never heard of that carries MCOEV already gives Phone System': { say: 'give Tariq Aziz phone system', expect: /Nothing to do for[\s\S]*CONTOSO_VOICE_BUNDLE/ },
    'a hybrid user gets no Calling Plan, whatever SKU carries it': { say: 'give Victor Leclerc a calling plan', expect: /on-premises/ },
    'the 240-minute plan is not sold in the US': { say: 'give Nina Walsh a 240 minute calling plan', expect: /isn't available/ },
    'Phone System from a group cannot be removed directly': { say: "remove Samir Khan's phone system", expect: /Voice by group/ },
  };
  for (const [title, c] of Object.entries(refusedOrNothing)) {
    it(title, async () => {
      const { texts } = await turn(h, h.user('Rafael Souza'), c.say);
      assert.match(texts, c.expect, texts);
      assert.equal(h.connector.conversationsCreated.length, 0, 'nobody asked');
      assert.equal(h.emulator.writeLog.length, 0, 'nothing written');
    });
  }
});

describe("bulk and admin commands reason on service plans too (today's tenant, integration over HTTP)", function () {
  this.timeout(60000);
  let h: Harness;
  harnessPerTest((started) => (h = started), { tenantFile: TODAY_TENANT_FILE });

  it('a pasted bulk list: a plan turned on inside E5, Teams Enterprise for a no-Teams suite, nothing for E5', async () => {
    const rafael = h.user('Rafael Souza');
    await rafael.say('bulk assign phone system\nlars@today.example\naisha@today.example\ningrid@today.example');
    const preview = await h.connector.waitFor((e) => e.conversationId === rafael.personalConversationId && /bulk submit ([0-9a-f-]{36})/.test(JSON.stringify(adaptiveCardOf(e) ?? {})), 'the preview card');
    const jobId = /bulk submit ([0-9a-f-]{36})/.exec(JSON.stringify(adaptiveCardOf(preview)))?.[1] as string;
    await rafael.say(`bulk submit ${jobId}`);
    await h.connector.waitFor((e) => /Approval needed/.test(JSON.stringify(adaptiveCardOf(e) ?? {})), 'the approval card to Helena Varga');
    await h.user('Helena Varga').say(`bulk approve ${jobId}`);
    await h.connector.waitFor((e) => e.conversationId === rafael.personalConversationId && /Bulk job finished/.test(String(e.activity.text)), 'the end of the job', 50000);
    const byUpn = new Map(h.emulator.writeLog.map((write) => [write.userPrincipalName, write]));
    assert.equal(h.emulator.writeLog.length, 2, 'Ingrid already has Phone System inside E5: not written');
    assert.deepEqual(byUpn.get('lars@today.example')?.addLicenses, [{ skuId: h.skuId('SPE_E5'), disabledPlans: [] }]);
    assert.deepEqual(byUpn.get('aisha@today.example')?.addLicenses, [
      { skuId: h.skuId('Microsoft_Teams_Enterprise_New'), disabledPlans: [] },
      { skuId: h.skuId('MCOEV'), disabledPlans: [] },
    ]);
  });
});

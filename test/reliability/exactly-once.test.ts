/**
 * Exactly once under races, over HTTP through the real server: the same approver clicking Approve twice at the same
 * moment (one instance, embedded state), the click arriving at two instances that share Azurite at the same moment,
 * and Approve racing Reject from two approvers on two instances. The double-click races start from a stored pending
 * request (seed.ts), so that a hundred of them stay quick; Approve-vs-Reject requests go through the chat. Each race ends in one decision and at most one
 * Graph write (the emulator's writeLog), and the invoke answers, the updated cards and the requester's message all
 * tell the same story.
 */
import assert from 'node:assert/strict';
import { loadTenantFile, type TenantFile } from '../../src/emulator/tenant-file';
import type { AuditRecord } from '../../src/ports';
import { adaptiveCardOf } from '../support/cards';
import { FABRIKAM_TENANT_FILE, readableText } from '../support/harness';
import { startAzurite, type Azurite } from './support/azurite';
import { eventually, Rig } from './support/rig';
import { seedPendingRequest } from './support/seed';
import { requestIdOnCard, requestThroughChat } from './support/story';
import type { InvokeAnswer } from './support/teams-client';

const RACES = 100;
const APPROVE_REJECT_RACES = 20;
const CARD = 'application/vnd.microsoft.card.adaptive';

/** The card an invoke was answered with, as text. */
function cardText(answer: InvokeAnswer): string {
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assert.equal(answer.body?.type, CARD, JSON.stringify(answer.body));
  return JSON.stringify(answer.body.value);
}

function eventsOf(audit: readonly AuditRecord[], requestId: string): string[] {
  return audit.filter((record) => record.requestId === requestId).map((record) => record.event);
}

describe('exactly once under racing clicks (reliability)', function () {
  this.timeout(300_000);

  describe('one instance: the same approver clicks Approve twice at the same moment', () => {
    let rig: Rig;
    before(async () => {
      rig = await Rig.start({ memoryBackedDataDir: true });
      await rig.startInstance();
    });
    after(async () => {
      await rig?.close();
    });

    it(`${RACES} double clicks: one decision and exactly one Graph write each`, async () => {
      const megan = rig.user('Megan Manager');
      const since = new Date().toISOString();
      const requestIds: string[] = [];
      let answersWithCards = 0;
      for (let race = 0; race < RACES; race++) {
        rig.emulator.resetTenant();
        rig.emulator.resetLogs();
        const requestId = await seedPendingRequest(rig);
        requestIds.push(requestId);
        const answers = await Promise.all([0, 1].map(() => megan.execute('approve', { requestId }, { to: rig.url })));
        for (const answer of answers) if (cardText(answer)) answersWithCards++;
        await rig.idle();
        assert.equal(rig.emulator.writeLog.length, 1, `race ${race}: exactly one assignLicense`);
        assert.equal((await rig.request(requestId))?.state, 'completed', `race ${race}`);
      }
      assert.equal(answersWithCards, 2 * RACES, 'every click was answered with the card');
      const audit = await (await rig.state()).audit.list({ since });
      for (const requestId of requestIds) {
        const events = eventsOf(audit, requestId);
        assert.deepEqual(events.filter((event) => event === 'approved' || event === 'assigned'), ['approved', 'assigned'], `${requestId}: ${events.join(', ')}`);
      }
    });
  });

  describe('two instances sharing one Azure Blob container (Azurite)', () => {
    let azurite: Azurite;
    let rig: Rig;

    before(async () => {
      azurite = await startAzurite();
      rig = await Rig.start({
        tenant: withTwoApprovers(loadTenantFile(FABRIKAM_TENANT_FILE)),
        environment: { AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString, AZURE_STORAGE_CONTAINER: 'exactly-once' },
      });
      await rig.startInstance();
      await rig.startInstance();
    });
    after(async () => {
      await rig?.close();
      await azurite?.stop();
    });

    it(`${RACES} races: the same click reaches both instances at once; one decision, one Graph write each`, async () => {
      const [first, second] = rig.instances;
      const megan = rig.user('Megan Manager');
      const since = new Date().toISOString();
      const requestIds: string[] = [];
      for (let race = 0; race < RACES; race++) {
        rig.emulator.resetTenant();
        rig.emulator.resetLogs();
        const requestId = await seedPendingRequest(rig);
        requestIds.push(requestId);
        const answers = await Promise.all([first!, second!].map((instance) => megan.execute('approve', { requestId }, { to: instance.url })));
        answers.forEach(cardText);
        await eventually(async () => ((await rig.request(requestId))?.state === 'completed' ? true : undefined), `request ${requestId} completed`);
        await rig.idle();
        assert.equal(rig.emulator.writeLog.length, 1, `race ${race}: exactly one assignLicense`);
        assert.equal(answers.filter((answer) => /Approved by Megan Manager/.test(cardText(answer))).length, 2, 'both answers show the approval');
      }
      const audit = await (await rig.state()).audit.list({ since });
      for (const requestId of requestIds) {
        const events = eventsOf(audit, requestId);
        for (const event of ['approved', 'assignment-claimed', 'assigned']) {
          assert.equal(events.filter((recorded) => recorded === event).length, 1, `${requestId}: ${events.join(', ')}`);
        }
      }
    });

    it(`${APPROVE_REJECT_RACES} races of Approve (one approver, one instance) against Reject (another approver, the other instance)`, async () => {
      const [first, second] = rig.instances;
      const rita = rig.user('Rita Requester');
      const greta = rig.user('Greta Approver');
      const megan = rig.user('Megan Manager');
      const outcomes = { completed: 0, rejected: 0 };
      for (let race = 0; race < APPROVE_REJECT_RACES; race++) {
        rig.emulator.resetTenant();
        rig.emulator.resetLogs();
        const start = rig.connector.activities.length;
        const since = new Date().toISOString();
        const requestId = await requestThroughChat(rig.connector, rita, 'give Nora Nomanager audio conferencing', first!.url);
        const posted = rig.connector.activities.filter((entry) => entry.method === 'POST' && requestIdOnCard(entry) === requestId);
        assert.equal(posted.length, 2, 'a card for each approver');
        // Alternate which instance gets which click, and which click leaves first.
        const [approveAt, rejectAt] = race % 2 === 0 ? [first!, second!] : [second!, first!];
        const approving = () => greta.execute('approve', { requestId }, { to: approveAt.url });
        const rejecting = () => megan.execute('reject', { requestId, comment: 'not this quarter' }, { to: rejectAt.url });
        const [approve, reject] =
          race % 4 < 2 ? await Promise.all([approving(), rejecting()]) : (await Promise.all([rejecting(), approving()])).reverse() as [InvokeAnswer, InvokeAnswer];
        const final = await eventually(async () => {
          const state = (await rig.request(requestId))?.state;
          return state === 'completed' || state === 'rejected' ? state : undefined;
        }, `request ${requestId} decided and finished`);
        await rig.idle();
        outcomes[final]++;

        // One decision: the Graph write happened exactly when the approval won.
        assert.equal(rig.emulator.writeLog.length, final === 'completed' ? 1 : 0, `race ${race} ended ${final}`);
        const events = eventsOf(await (await rig.state()).audit.list({ since }), requestId);
        assert.equal(events.filter((event) => event === 'approved' || event === 'rejected').length, 1, events.join(', '));

        // Both clickers see the winning decision on the card they get back.
        const expected = final === 'completed' ? /Approved by Greta Approver|Assigned/ : /Rejected by Megan Manager/;
        assert.match(cardText(approve), expected, `race ${race}: the approver's card`);
        assert.match(cardText(reject), expected, `race ${race}: the rejecter's card`);

        // Every posted card is updated to the outcome, and the requester is told the same.
        const finalTitle = final === 'completed' ? /"Assigned"/ : /"Rejected by Megan Manager"/;
        for (const card of posted) {
          await rig.connector.waitFor(
            (entry) => entry.method === 'PUT' && entry.activityId === card.activityId && finalTitle.test(JSON.stringify(adaptiveCardOf(entry))),
            `the card in ${card.conversationId} updated to ${final}`,
          );
        }
        const told = await rig.connector.waitFor(
          (entry) =>
            entry.conversationId === rita.personalConversationId &&
            rig.connector.activities.indexOf(entry) >= start &&
            /^Done|rejected the request/.test(String(entry.activity.text)),
          'the requester is told the outcome',
        );
        assert.match(readableText(told.activity), final === 'completed' ? /^Done: .*assigned to Nora Nomanager/ : /Megan Manager rejected the request/);
      }
      assert.equal(outcomes.completed + outcomes.rejected, APPROVE_REJECT_RACES);
      console.log(`      approve-vs-reject outcomes: ${outcomes.completed} approved first, ${outcomes.rejected} rejected first`);
    });
  });
});

/** The Fabrikam tenant with Megan Manager in the licence approvers group too: Nora's requests go to Greta and Megan. */
function withTwoApprovers(tenant: TenantFile): TenantFile {
  const copy = structuredClone(tenant);
  const approvers = copy.groups.find((group) => group.displayName === 'License approvers');
  const megan = copy.users.find((user) => user.displayName === 'Megan Manager');
  assert.ok(approvers && megan);
  approvers.members = [...approvers.members, megan.id];
  return copy;
}

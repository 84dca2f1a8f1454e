/**
 * Requests left 'assigning' by a process that died after claiming the Graph write. Two instances share Azurite:
 * a claim younger than the lease is left alone (its holder may still be writing); an expired one is taken over by
 * exactly one of the instances racing for it, which reads the user first, so a write the dead process already made
 * is not made again. Also: a request stuck 'approved' is finished, and a pending request whose card was never
 * posted is offered to its approver again.
 */
import assert from 'node:assert/strict';
import type { LicenseRequest } from '../../src/domain/request';
import { adaptiveCardOf } from '../support/cards';
import { startAzurite, type Azurite } from './support/azurite';
import { eventually, Rig } from './support/rig';
import { seedPendingRequest } from './support/seed';
import { requestIdOnCard } from './support/story';

const LEASE_MS = 1_000;
const TAKEOVERS = 20;

describe('recovery of requests a dead process left behind, two instances racing (reliability)', function () {
  this.timeout(120_000);
  let azurite: Azurite;
  let rig: Rig;

  before(async () => {
    azurite = await startAzurite();
    rig = await Rig.start({
      environment: {
        AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
        AZURE_STORAGE_CONTAINER: 'recovery',
        GRAPH_TIMEOUT_MS: '400',
        ASSIGNMENT_LEASE_MS: String(LEASE_MS),
        // Recovery passes are driven by the test, not by the timer.
        RECOVERY_INTERVAL_MS: '3600000',
      },
    });
    await rig.startInstance();
    await rig.startInstance();
  });
  after(async () => {
    await rig?.close();
    await azurite?.stop();
  });

  /** A request as a dead instance leaves it: approved, claimed at `claimedAt`, not finished. */
  async function leftAssigning(claimedAt: Date, alreadyWritten: boolean): Promise<string> {
    const id = await seedPendingRequest(rig);
    const requests = (await rig.state()).requests;
    const pending = (await requests.get(id))!;
    const decision = { id: rig.userId('Megan Manager'), displayName: 'Megan Manager', at: pending.value.createdAt };
    const assigning: LicenseRequest = { ...pending.value, state: 'assigning', decision, claim: { by: 'dead-host/4242/deadbeef', at: claimedAt.toISOString() } };
    await requests.replace(assigning, pending.eTag);
    if (alreadyWritten) {
      // The dead process's write went through before it died.
      await fetch(`${rig.emulator.url}/v1.0/users/${rig.userId('Alice Anders')}/assignLicense`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ addLicenses: [{ skuId: rig.skuId('MCOEV'), disabledPlans: [] }, { skuId: rig.skuId('MCOPSTN1'), disabledPlans: [] }], removeLicenses: [] }),
      });
    }
    return id;
  }

  it('a live claim of another instance is left alone', async () => {
    rig.emulator.resetTenant();
    rig.emulator.resetLogs();
    const id = await leftAssigning(new Date(), false);
    await Promise.all(rig.instances.map((instance) => instance.workflow.resumeUnfinished()));
    await rig.idle();
    const request = await rig.request(id);
    assert.equal(request?.state, 'assigning');
    assert.equal(request?.claim?.by, 'dead-host/4242/deadbeef');
    assert.equal(rig.emulator.writeLog.length, 0);
    // Out of the way of the next tests, whose lease it would outlive.
    const stored = (await (await rig.state()).requests.get(id))!;
    await (await rig.state()).requests.replace({ ...stored.value, state: 'failed', outcome: { at: new Date().toISOString(), reasonCode: 'GRAPH_UNAVAILABLE' } }, stored.eTag);
  });

  it(`${TAKEOVERS} expired claims, both instances racing to take each over: one takeover and one write each`, async () => {
    for (let round = 0; round < TAKEOVERS; round++) {
      rig.emulator.resetTenant();
      rig.emulator.resetLogs();
      const alreadyWritten = round % 2 === 1;
      const since = new Date().toISOString();
      const id = await leftAssigning(new Date(Date.now() - 2 * LEASE_MS), alreadyWritten);
      await Promise.all(rig.instances.map((instance) => instance.workflow.resumeUnfinished()));
      await rig.idle();

      const request = await rig.request(id);
      assert.equal(request?.state, 'completed', `round ${round}`);
      assert.ok(rig.instances.some((instance) => instance.workflow.instanceId === request?.claim?.by), 'finished by one of the live instances');
      assert.equal(rig.emulator.writeLog.length, 1, `round ${round}: exactly one write${alreadyWritten ? ' (the dead process’s own)' : ''}`);
      const events = (await (await rig.state()).audit.list({ since })).filter((record) => record.requestId === id).map((record) => record.event);
      assert.equal(events.filter((event) => event === 'assignment-taken-over').length, 1, events.join(', '));
      assert.equal(events.filter((event) => event === 'assigned').length, 1, events.join(', '));
      assert.equal(events.filter((event) => event === 'approved').length, 1, `the missing approval record is written once: ${events.join(', ')}`);
    }
  });

  it('a request stuck approved (the process died right after the decision) is finished', async () => {
    rig.emulator.resetTenant();
    rig.emulator.resetLogs();
    const id = await seedPendingRequest(rig);
    const requests = (await rig.state()).requests;
    const pending = (await requests.get(id))!;
    await requests.replace({ ...pending.value, state: 'approved', decision: { id: rig.userId('Megan Manager'), displayName: 'Megan Manager', at: new Date().toISOString() } }, pending.eTag);
    await Promise.all(rig.instances.map((instance) => instance.workflow.resumeUnfinished()));
    await rig.idle();
    assert.equal((await rig.request(id))?.state, 'completed');
    assert.equal(rig.emulator.writeLog.length, 1);
  });

  it('a pending request whose card was never posted is offered to its approver again, once', async () => {
    const id = await seedPendingRequest(rig);
    // Rita has written to the bot before, so the approver's chat can be opened on her tenant's service URL.
    await rig.user('Rita Requester').say('help', { to: rig.url });
    await new Promise((resolve) => setTimeout(resolve, LEASE_MS + 50));
    await Promise.all(rig.instances.map((instance) => instance.workflow.resumeUnfinished()));
    await rig.idle();
    const card = await eventually(async () => rig.connector.activities.find((entry) => entry.method === 'POST' && requestIdOnCard(entry) === id), 'the card offered again');
    assert.ok(adaptiveCardOf(card));
    assert.equal(card.conversationId, 'a:personal-' + rig.userId('Megan Manager'), 'to the approver');
    await Promise.all(rig.instances.map((instance) => instance.workflow.resumeUnfinished()));
    await rig.idle();
    const posts = rig.connector.activities.filter((entry) => entry.method === 'POST' && requestIdOnCard(entry) === id);
    assert.ok(posts.length >= 1 && posts.length <= 2, `offered once per racing instance at most, then never again: ${posts.length}`);
  });
});

/**
 * Approval timeouts with fakes and a controllable clock: a request nobody decides on is escalated to the fallback
 * approver group, then expires; a decided one is left alone; a second run changes nothing.
 */
import assert from 'node:assert/strict';
import { MemoryStorage } from 'botbuilder';
import type { LicenseRequest } from '../../src/domain/request';
import { silentLogger } from '../../src/logger';
import type { DirectoryUser, RequestNotifier } from '../../src/ports';
import { ApprovalEscalation } from '../../src/services/lifecycle/approval-escalation';
import { ApprovalExpiry } from '../../src/services/lifecycle/approval-expiry';
import { LifecycleScheduler } from '../../src/services/lifecycle/scheduler';
import { StorageRequestStore } from '../../src/storage/request-store';
import { lifecycleRequest, recordingAudit, recordingMessenger, T0 } from './lifecycle-fixtures';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (ms: number) => new Date(T0.getTime() + ms);

const member = (id: string, displayName: string) => ({ id, displayName }) as DirectoryUser;
/** The fallback group holds the requester, the target, the current approver, one member twice and two others. */
const GROUP = [member('rita', 'Rita Requester'), member('alice', 'Alice Anders'), member('megan', 'Megan Manager'), member('adele', 'Adele Approver'), member('adele', 'Adele Approver'), member('omar', 'Omar Ops')];

async function setup(options: { groupId?: string } = { groupId: 'approvers' }) {
  const storage = new MemoryStorage();
  const requests = new StorageRequestStore(storage);
  const { messenger, told } = recordingMessenger();
  const { audit, records } = recordingAudit();
  const changes: LicenseRequest[] = [];
  const notifier: RequestNotifier = { approvalRequested: async () => ({ reached: 1 }), requestChanged: async (request) => void changes.push(request) };
  const delivered: string[] = [];
  const cards = { deliverWaitingCards: async (_tenant: string, personId: string) => (delivered.push(personId), 1) };
  const scheduler = new LifecycleScheduler(storage, { now: () => T0 }, { log: silentLogger });
  const common = { scheduler, requests, audit, notifier };
  const escalation = new ApprovalEscalation({ ...common, cards, messenger, directory: { listGroupMembers: async () => GROUP }, approverGroupId: options.groupId }, 48 * HOUR);
  const expiry = new ApprovalExpiry(common, 7 * DAY);
  const request = lifecycleRequest();
  await requests.create(request);
  for (let offered = 0; offered < 2; offered++) {
    // A card offered again must not add second timers.
    await escalation.approvalRequested(request);
    await expiry.approvalRequested(request);
  }
  const stored = async () => (await requests.get('r1'))!.value;
  return { scheduler, requests, told, records, changes, delivered, stored };
}

describe('approval escalation', () => {
  it('after 48 hours adds the fallback approvers (minus requester, target and current approvers, once each) and tells everyone', async () => {
    const { scheduler, told, records, changes, delivered, stored } = await setup();
    assert.equal(await scheduler.tick(at(47 * HOUR)), 0);
    assert.equal(await scheduler.tick(at(48 * HOUR)), 1);
    assert.deepEqual((await stored()).approvers.map((approver) => approver.id), ['megan', 'adele', 'omar']);
    assert.equal((await stored()).state, 'pending');
    assert.deepEqual(delivered, ['adele', 'omar'], 'each new approver gets the card');
    assert.deepEqual(changes.map((request) => request.approvers.length), [3], 'posted cards are updated to list the new approvers');
    assert.deepEqual(told.map((entry) => entry.person), ['adele', 'omar', 'rita']);
    assert.deepEqual(told.map((entry) => entry.via), ['rita', 'rita', undefined], 'approvers without a chat are reached through the requester’s');
    assert.match(told[0]!.text, /Rita Requester's request for Domestic Calling Plan for Alice Anders has waited 2 d .* fallback approver/);
    assert.match(told[2]!.text, /fallback approvers: Adele Approver, Omar Ops/);
    assert.deepEqual(records.map((record) => [record.event, record.details['added']]), [['escalated', ['adele', 'omar']]]);
  });

  it('leaves a decided request alone', async () => {
    const { scheduler, requests, told, records, delivered } = await setup();
    const current = await requests.get('r1');
    await requests.replace({ ...current!.value, state: 'approved' }, current!.eTag);
    assert.equal(await scheduler.tick(at(48 * HOUR)), 1);
    assert.deepEqual([told, records, delivered], [[], [], []]);
  });

  it('is not scheduled without a fallback approver group', async () => {
    const { scheduler } = await setup({});
    assert.deepEqual((await scheduler.pending()).map((item) => item.kind), ['approval-expiry']);
  });
});

describe('approval expiry', () => {
  it('closes a request still pending after 7 days as expired, updates the cards and audits it', async () => {
    const { scheduler, records, changes, stored } = await setup();
    assert.equal(await scheduler.tick(at(48 * HOUR)), 1, 'the escalation');
    assert.equal(await scheduler.tick(at(7 * DAY - 1)), 0);
    assert.equal(await scheduler.tick(at(7 * DAY)), 1);
    assert.equal((await stored()).state, 'expired');
    assert.equal(changes.at(-1)?.state, 'expired', 'the notifier hears the final state (cards and requester)');
    assert.deepEqual(records.map((record) => record.event), ['escalated', 'expired']);
    assert.deepEqual(await scheduler.pending(), []);
  });

  it('does nothing to a request cancelled in the meantime', async () => {
    const { scheduler, requests, records, changes, stored } = await setup({});
    const current = await requests.get('r1');
    await requests.replace({ ...current!.value, state: 'cancelled' }, current!.eTag);
    assert.equal(await scheduler.tick(at(7 * DAY)), 1);
    assert.equal((await stored()).state, 'cancelled');
    assert.deepEqual([records, changes], [[], []]);
  });
});

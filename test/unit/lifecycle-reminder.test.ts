/** A pending approval reminds its approvers once after the configured time; a decided one does not. */
import assert from 'node:assert/strict';
import { MemoryStorage } from 'botbuilder';
import { silentLogger } from '../../src/logger';
import { ApprovalReminder } from '../../src/services/lifecycle/approval-reminder';
import { LifecycleScheduler } from '../../src/services/lifecycle/scheduler';
import { StorageRequestStore } from '../../src/storage/request-store';
import { lifecycleRequest, recordingAudit, recordingMessenger, T0 } from './lifecycle-fixtures';

const HOUR = 3_600_000;
async function setup() {
  const storage = new MemoryStorage();
  const requests = new StorageRequestStore(storage);
  const { messenger, told } = recordingMessenger();
  const { audit, records } = recordingAudit();
  const scheduler = new LifecycleScheduler(storage, { now: () => T0 }, { log: silentLogger });
  const reminder = new ApprovalReminder({ scheduler, requests, messenger, audit }, 24 * HOUR);
  const request = lifecycleRequest();
  await requests.create(request);
  await reminder.approvalRequested(request);
  await reminder.approvalRequested(request); // a card offered again must not add a second reminder
  return { scheduler, requests, told, records };
}

describe('approval reminder', () => {
  it('reminds the approver once, after the configured time', async () => {
    const { scheduler, told, records } = await setup();
    assert.equal(await scheduler.tick(new Date(T0.getTime() + 23 * HOUR)), 0);
    assert.equal(await scheduler.tick(new Date(T0.getTime() + 24 * HOUR)), 1);
    assert.equal(await scheduler.tick(new Date(T0.getTime() + 48 * HOUR)), 0);
    assert.deepEqual(told.map((entry) => entry.person), ['megan']);
    assert.match(told[0]!.text, /Rita Requester is still waiting .* Domestic Calling Plan for Alice Anders \(asked 24 h ago\)/);
    assert.deepEqual(records.map((record) => record.event), ['approval-reminded']);
  });

  it('says nothing once the request was decided', async () => {
    const { scheduler, requests, told } = await setup();
    const stored = await requests.get('r1');
    await requests.replace({ ...stored!.value, state: 'rejected' }, stored!.eTag);
    assert.equal(await scheduler.tick(new Date(T0.getTime() + 24 * HOUR)), 1);
    assert.deepEqual(told, []);
  });
});

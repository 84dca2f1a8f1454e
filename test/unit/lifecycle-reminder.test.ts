/** A pending approval reminds its approvers once after the configured time; a decided one does not. */
import assert from 'node:assert/strict';
import { MemoryStorage } from 'botbuilder';
import type { LicenseRequest, Person } from '../../src/domain/request';
import { silentLogger } from '../../src/logger';
import type { AuditLog, AuditRecord } from '../../src/ports';
import { ApprovalReminder } from '../../src/services/lifecycle/approval-reminder';
import type { PersonMessenger } from '../../src/services/lifecycle/person-messenger';
import { LifecycleScheduler } from '../../src/services/lifecycle/scheduler';
import { translator } from '../../src/i18n';
import { StorageRequestStore } from '../../src/storage/request-store';

const HOUR = 3_600_000;
const T0 = new Date('2026-03-02T09:00:00Z');

function pendingRequest(): LicenseRequest {
  return {
    id: 'r1',
    tenantId: 't',
    createdAt: T0.toISOString(),
    updatedAt: T0.toISOString(),
    requester: { id: 'rita', displayName: 'Rita Requester' },
    target: { id: 'alice', displayName: 'Alice Anders', userPrincipalName: 'alice@x' },
    action: 'assign',
    requested: ['MCOPSTN1'],
    add: ['MCOPSTN1'],
    remove: [],
    notes: [],
    seats: [],
    approvers: [{ id: 'megan', displayName: 'Megan Manager' }],
    approverSource: 'manager',
    state: 'pending',
  };
}

async function setup() {
  const storage = new MemoryStorage();
  const requests = new StorageRequestStore(storage);
  const told: { person: string; text: string }[] = [];
  const messenger: PersonMessenger = {
    tell: async (_tenant, person: Person, compose) => void told.push({ person: person.id, text: compose(translator('en')) }),
  };
  const records: AuditRecord[] = [];
  const audit: AuditLog = { append: async (record) => void records.push(record), list: async () => records };
  const scheduler = new LifecycleScheduler(storage, { now: () => T0 }, { log: silentLogger });
  const reminder = new ApprovalReminder({ scheduler, requests, messenger, audit }, 24 * HOUR);
  const request = pendingRequest();
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

/**
 * The end of a time-bound licence with fakes and a controllable clock: completion stores endsAt and schedules the
 * end once; at the end a removal request is made under the original approval and fulfilled; a licence inherited
 * from a group becomes a removal the writer will refuse; a run again (at least once) makes no second removal.
 */
import assert from 'node:assert/strict';
import { MemoryStorage } from 'botbuilder';
import type { HeldLicense, SkuStock } from '../../src/domain/decision';
import type { LicenseRequest } from '../../src/domain/request';
import { silentLogger } from '../../src/logger';
import { LicenceEnd, licenceEndRequestId } from '../../src/services/lifecycle/licence-end';
import { LifecycleScheduler } from '../../src/services/lifecycle/scheduler';
import { StorageRequestStore } from '../../src/storage/request-store';
import { lifecycleRequest, recordingAudit, recordingMessenger, T0 } from './lifecycle-fixtures';

const DAY = 86_400_000;
const at = (ms: number) => new Date(T0.getTime() + ms);

/** Audio Conferencing for two weeks, approved and assigned at T0. */
function completedAssignment(changes: Partial<LicenseRequest> = {}): LicenseRequest {
  return lifecycleRequest({
    requested: ['MCOMEETADV'],
    add: ['MCOMEETADV'],
    state: 'completed',
    decision: { id: 'megan', displayName: 'Megan Manager', at: T0.toISOString() },
    outcome: { at: T0.toISOString() },
    durationSeconds: 14 * 86_400,
    ...changes,
  });
}

const direct = (partNumber: string): HeldLicense => ({ partNumber, assignedDirectly: true, inheritedFrom: [] });
const inherited = (partNumber: string): HeldLicense => ({ partNumber, assignedDirectly: false, inheritedFrom: [{ groupId: 'g1', groupName: 'Sales' }] });

const SKUS: readonly SkuStock[] = [
  { partNumber: 'ENTERPRISEPACK', enabled: 10, consumed: 5, plans: ['EXCHANGE_S_ENTERPRISE', 'TEAMS1', 'MCOSTANDARD'] },
  { partNumber: 'MCOMEETADV', enabled: 10, consumed: 5, plans: ['MCOMEETADV'] },
];

async function setup(held: readonly HeldLicense[] = [direct('ENTERPRISEPACK'), direct('MCOMEETADV')], skus: readonly SkuStock[] = SKUS) {
  const storage = new MemoryStorage();
  const requests = new StorageRequestStore(storage);
  const { messenger, told } = recordingMessenger();
  const { audit, records } = recordingAudit();
  const fulfilled: string[] = [];
  let now = T0;
  const facts = {
    read: async () =>
      ({
        user: { userId: 'alice', displayName: 'Alice Anders', usageLocation: 'US', licenses: held, isHybridPstn: false },
        tenant: { skus },
      }) as never,
  };
  const scheduler = new LifecycleScheduler(storage, { now: () => now }, { log: silentLogger });
  const licenceEnd = new LicenceEnd({ scheduler, requests, audit, messenger, clock: { now: () => now }, facts, fulfil: async (id) => void fulfilled.push(id), admins: async () => [], askApprovers: async () => undefined });
  const complete = async (request: LicenseRequest) => {
    await requests.create(request);
    await licenceEnd.requestChanged(request);
  };
  return { requests, scheduler, licenceEnd, told, records, fulfilled, complete, setNow: (date: Date) => (now = date) };
}

describe('licence end (time-bound licences)', () => {
  it('stores endsAt = completion + duration and schedules the end once', async () => {
    const s = await setup();
    await s.complete(completedAssignment());
    await s.licenceEnd.requestChanged(completedAssignment());
    assert.equal((await s.requests.get('r1'))?.value.endsAt, at(14 * DAY).toISOString());
    assert.deepEqual((await s.scheduler.pending()).map((item) => [item.kind, item.dueAt]), [['licence-end', at(14 * DAY).toISOString()]]);
    assert.deepEqual(s.records.map((record) => record.event), ['licence-end-scheduled'], 'audited once');
  });

  const ignored: readonly [string, Partial<LicenseRequest>][] = [
    ['no duration', { durationSeconds: undefined }],
    ['not completed', { state: 'assigning' }],
    ['a removal', { action: 'remove', add: [], remove: ['MCOMEETADV'] }],
  ];
  for (const [name, changes] of ignored) {
    it(`schedules nothing for ${name}`, async () => {
      const s = await setup();
      await s.complete(completedAssignment(changes));
      assert.deepEqual(await s.scheduler.pending(), []);
    });
  }

  it('at the end: a removal under the original approval, audited, people told, then fulfilled; a second run makes no second removal', async () => {
    const s = await setup();
    await s.complete(completedAssignment());
    assert.equal(await s.scheduler.tick(at(14 * DAY - 1)), 0, 'not before the end');
    s.setNow(at(14 * DAY));
    assert.equal(await s.scheduler.tick(at(14 * DAY)), 1);

    const removal = (await s.requests.get(licenceEndRequestId('r1')))!.value;
    assert.equal(removal.action, 'remove');
    assert.equal(removal.state, 'approved');
    assert.equal(removal.approverSource, 'scheduledEnd');
    assert.equal(removal.endsRequestId, 'r1');
    assert.deepEqual(removal.requested, ['MCOMEETADV']);
    assert.deepEqual(removal.remove, ['MCOMEETADV']);
    assert.deepEqual(removal.add, []);
    assert.equal(removal.decision?.id, 'megan');
    assert.deepEqual(s.fulfilled, [removal.id]);
    assert.deepEqual(s.records.map((record) => record.event), ['licence-end-scheduled', 'licence-end-scheduled-removal']);
    assert.deepEqual(s.told.map((message) => message.person), ['rita', 'alice']);
    assert.match(s.told[0]!.text, /time-bound assignment of Audio Conferencing to Alice Anders has ended \(Mar 16, 2026\)/);
    assert.match(s.told[1]!.text, /as Rita Requester asked/);

    // At least once: the handler run again (a process stopped after creating the removal) only fulfils it.
    await s.scheduler.schedule({ id: 'again', kind: 'licence-end', dueAt: at(14 * DAY), payload: { requestId: 'r1' } });
    await s.scheduler.tick(at(14 * DAY));
    assert.deepEqual(s.fulfilled, [removal.id, removal.id]);
    assert.equal(s.records.filter((record) => record.event === 'licence-end-scheduled-removal').length, 1);
    assert.equal(s.told.length, 2, 'nobody is told twice');
  });

  it('a licence inherited from a group: the removal keeps the licence to remove, so the writer refuses it with the reason', async () => {
    const s = await setup([direct('ENTERPRISEPACK'), inherited('MCOMEETADV')]);
    await s.complete(completedAssignment());
    s.setNow(at(14 * DAY));
    await s.scheduler.tick(at(14 * DAY));
    const removal = (await s.requests.get(licenceEndRequestId('r1')))!.value;
    assert.deepEqual(removal.remove, ['MCOMEETADV']);
    assert.deepEqual(s.fulfilled, [removal.id]);
  });

  it('a plan the grant turned on inside a suite is turned off again at the end; the suite stays', async () => {
    const e5: SkuStock = { partNumber: 'SPE_E5', enabled: 10, consumed: 5, plans: ['EXCHANGE_S_ENTERPRISE', 'TEAMS1', 'MCOSTANDARD', 'MCOEV'] };
    const s = await setup([direct('SPE_E5')], [e5]);
    await s.complete(completedAssignment({ requested: ['MCOEV'], add: [], planChanges: [{ partNumber: 'SPE_E5', enable: ['MCOEV'], disable: [] }] }));
    s.setNow(at(14 * DAY));
    await s.scheduler.tick(at(14 * DAY));
    const removal = (await s.requests.get(licenceEndRequestId('r1')))!.value;
    assert.deepEqual(removal.remove, []);
    assert.deepEqual(removal.planChanges, [{ partNumber: 'SPE_E5', enable: [], disable: ['MCOEV'] }]);
    assert.deepEqual(s.fulfilled, [removal.id]);
  });

  it('does nothing when the assignment is gone', async () => {
    const s = await setup();
    await s.complete(completedAssignment());
    await s.requests.replace({ ...(await s.requests.get('r1'))!.value, state: 'failed' }, (await s.requests.get('r1'))!.eTag);
    await s.scheduler.tick(at(14 * DAY));
    assert.equal(await s.requests.get(licenceEndRequestId('r1')), undefined);
    assert.deepEqual(s.fulfilled, []);
  });
});

/**
 * The bulk run against a fake BulkDirectory whose answers are scripted: a write Graph applied but
 * answered with a timeout, throttled members, a restart with users left "writing", a rule that refuses
 * at run time, and a stop for shutdown. The fake counts every write it applies.
 */
import assert from 'node:assert/strict';
import { MemoryStorage } from 'botbuilder';
import { DirectoryError, type AuditLog, type AuditRecord, type DirectorySku, type LicenseAssignment } from '../../src/ports';
import type { BulkJob, BulkUserEntry } from '../../src/services/bulk/bulk-job';
import { BulkJobStore } from '../../src/services/bulk/bulk-job-store';
import type { BulkDirectory, UserReadResult, WriteResult } from '../../src/services/bulk/bulk-ports';
import { BulkRun } from '../../src/services/bulk/bulk-run';

const SKUS: DirectorySku[] = [
  {
    skuId: 'sku-e3',
    skuPartNumber: 'ENTERPRISEPACK',
    capabilityStatus: 'Enabled',
    consumedUnits: 0,
    prepaidUnits: { enabled: 100, suspended: 0, warning: 0 },
    servicePlans: [
      { servicePlanId: 'plan-exchange', servicePlanName: 'EXCHANGE_S_ENTERPRISE' },
      { servicePlanId: 'plan-teams', servicePlanName: 'TEAMS1' },
      { servicePlanId: 'plan-skype', servicePlanName: 'MCOSTANDARD' },
    ],
  },
  {
    skuId: 'sku-ev',
    skuPartNumber: 'MCOEV',
    capabilityStatus: 'Enabled',
    consumedUnits: 0,
    prepaidUnits: { enabled: 100, suspended: 0, warning: 0 },
    servicePlans: [{ servicePlanId: 'plan-ev', servicePlanName: 'MCOEV' }],
  },
];
const PARTS = ['ENTERPRISEPACK', 'MCOEV'];

interface FakeUser {
  usageLocation: string | null;
  held: Set<string>;
}

class FakeGraph implements BulkDirectory {
  readonly users = new Map<string, FakeUser>();
  readonly applied: string[] = [];
  /** Per user: answers to give to its next writes, in order ('apply-then-timeout' applies and fails). */
  readonly script = new Map<string, ('timeout' | 'apply-then-timeout' | 'throttle' | 'dependency')[]>();
  reads = 0;
  onWrite: () => void = () => undefined;

  usersPerRead(): number {
    return 20;
  }

  async readUsers(keys: readonly string[]): Promise<Map<string, UserReadResult>> {
    this.reads += keys.length;
    return new Map(
      keys.map((key): [string, UserReadResult] => {
        const user = this.users.get(key);
        if (!user) return [key, { kind: 'error', error: new DirectoryError('GRAPH_USER_NOT_FOUND', 404, 'Request_ResourceNotFound', 'gone') }];
        const licences = [...user.held].map((skuId) => ({ skuId, disabledPlans: [] }));
        return [key, { kind: 'ok', inGroup: false, licenses: { user: { id: key, displayName: key, userPrincipalName: `${key}@x.example`, mail: null, givenName: null, surname: null, usageLocation: user.usageLocation, preferredLanguage: null }, assignedLicenses: licences, licenseAssignmentStates: [] } }];
      }),
    );
  }

  async assignLicenses(changes: readonly { userId: string; change: LicenseAssignment }[]): Promise<Map<string, WriteResult>> {
    this.onWrite();
    const results = new Map<string, WriteResult>();
    for (const { userId, change } of changes) {
      const next = this.script.get(userId)?.shift();
      if (next === 'throttle') results.set(userId, { kind: 'error', error: new DirectoryError('GRAPH_THROTTLED', 429, 'TooManyRequests', 'slow down', 0) });
      else if (next === 'timeout') results.set(userId, { kind: 'error', error: new DirectoryError('GRAPH_UNAVAILABLE', undefined, undefined, 'timeout') });
      else if (next === 'dependency') results.set(userId, { kind: 'error', error: new DirectoryError('GRAPH_DEPENDENCY', 400, 'Request_BadRequest', 'depends on') });
      else {
        const user = this.users.get(userId)!;
        change.addLicenses.forEach((licence) => user.held.add(licence.skuId));
        change.removeLicenses.forEach((skuId) => user.held.delete(skuId));
        this.applied.push(userId);
        results.set(userId, next === 'apply-then-timeout' ? { kind: 'error', error: new DirectoryError('GRAPH_UNAVAILABLE', undefined, undefined, 'timeout') } : { kind: 'ok' });
      }
    }
    return results;
  }
}

const audit: AuditLog & { records: AuditRecord[] } = {
  records: [],
  append: async (record) => void audit.records.push(record),
  list: async () => audit.records,
};

function job(entries: number): BulkJob {
  const now = new Date().toISOString();
  return {
    id: 'job-1', tenantId: 't', createdAt: now, updatedAt: now, requester: { id: 'admin', displayName: 'Admin' }, action: 'assign',
    requested: PARTS, parts: PARTS, source: { kind: 'inline' }, state: 'running', chunkCount: 0,
    counts: { lines: entries, excluded: 0, toChange: entries, skipped: 0, done: 0, failed: 0, cancelled: 0 },
    seats: [], problems: [], approvers: [], noApproval: false, conversation: { reference: {}, locale: 'en' }, approvalCards: [], startedAt: now,
  };
}

async function run(graph: FakeGraph, entries: BulkUserEntry[], control = { stopping: () => false, cancelling: () => false }) {
  const store = new BulkJobStore(new MemoryStorage());
  const stored = (await store.create(job(entries.length), entries)).value;
  const bulkRun = new BulkRun(stored, await store.entries(stored), {
    bulk: graph,
    directory: { listSubscribedSkus: async () => SKUS, getGroupName: async () => undefined },
    store,
    audit,
    clock: { now: () => new Date() },
    hybridGroupId: undefined,
    onProgress: async () => undefined,
  }, control);
  const outcome = await bulkRun.execute();
  return { outcome, stored: (await store.entries(stored)).flat() };
}

const pending = (id: string, line: number): BulkUserEntry => ({ line, upn: `${id}@x.example`, userId: id, status: 'pending', add: PARTS });
const byId = (entries: readonly BulkUserEntry[]) => new Map(entries.map((entry) => [entry.userId, entry]));

describe('bulk run', function () {
  this.timeout(10000);

  it('a write Graph applied but answered with a timeout is re-read, not written again', async () => {
    const graph = new FakeGraph();
    graph.users.set('u1', { usageLocation: 'US', held: new Set() });
    graph.users.set('u2', { usageLocation: 'US', held: new Set() });
    graph.script.set('u1', ['apply-then-timeout']);
    graph.script.set('u2', ['timeout']);
    const { outcome, stored } = await run(graph, [pending('u1', 1), pending('u2', 2)]);
    assert.deepEqual(graph.applied.sort(), ['u1', 'u2'], 'each user written exactly once');
    assert.equal(byId(outcome.entries).get('u1')?.status, 'done');
    assert.equal(byId(outcome.entries).get('u2')?.status, 'done');
    assert.deepEqual(stored.map((entry) => entry.status), ['done', 'done'], 'the outcome is stored');
  });

  it('a throttled member is retried after a fresh read; a refused one fails with Graph\'s reason', async () => {
    const graph = new FakeGraph();
    for (const id of ['u1', 'u2', 'u3']) graph.users.set(id, { usageLocation: 'US', held: new Set() });
    graph.script.set('u1', ['throttle', 'throttle']);
    graph.script.set('u2', ['dependency']);
    const { outcome } = await run(graph, [pending('u1', 1), pending('u2', 2), pending('u3', 3)]);
    const entries = byId(outcome.entries);
    assert.equal(entries.get('u1')?.status, 'done');
    assert.equal(entries.get('u1')?.throttledAttempts, 2);
    assert.equal(entries.get('u2')?.status, 'failed');
    assert.equal(entries.get('u2')?.reasonCode, 'GRAPH_DEPENDENCY');
    assert.deepEqual(graph.applied.sort(), ['u1', 'u3']);
    assert.ok(graph.reads >= 5, 'u1 was read again before each retry');
  });

  it('resumes after a restart: "writing" users already changed are done without a write; the rest are written once', async () => {
    const graph = new FakeGraph();
    graph.users.set('u1', { usageLocation: 'US', held: new Set(['sku-e3', 'sku-ev']) });
    graph.users.set('u2', { usageLocation: 'US', held: new Set() });
    graph.users.set('u3', { usageLocation: 'US', held: new Set(['sku-e3', 'sku-ev']) });
    const entries: BulkUserEntry[] = [
      { ...pending('u1', 1), status: 'writing' },
      { ...pending('u2', 2), status: 'writing' },
      { ...pending('u3', 3), status: 'done' },
    ];
    const { outcome } = await run(graph, entries);
    assert.deepEqual(graph.applied, ['u2']);
    assert.deepEqual(outcome.entries.map((entry) => entry.status), ['done', 'done', 'done']);
  });

  it('re-checks the rules on fresh facts: a user who lost the usage location fails with that reason; a deleted one too', async () => {
    const graph = new FakeGraph();
    graph.users.set('u1', { usageLocation: null, held: new Set() });
    const { outcome } = await run(graph, [pending('u1', 1), pending('gone', 2)]);
    const entries = byId(outcome.entries);
    assert.equal(entries.get('u1')?.reasonCode, 'USAGE_LOCATION_MISSING');
    assert.equal(entries.get('gone')?.reasonCode, 'GRAPH_USER_NOT_FOUND');
    assert.deepEqual(graph.applied, []);
    assert.ok(audit.records.some((record) => record.event === 'bulk-failed' && record.targetId === 'u1'));
  });

  it('stops for shutdown after the calls in flight and leaves the rest to resume', async () => {
    const graph = new FakeGraph();
    const entries = Array.from({ length: 100 }, (_, index) => {
      graph.users.set(`u${index}`, { usageLocation: 'US', held: new Set() });
      return pending(`u${index}`, index + 1);
    });
    let stopping = false;
    graph.onWrite = () => {
      stopping = true;
    };
    const { outcome, stored } = await run(graph, entries, { stopping: () => stopping, cancelling: () => false });
    assert.ok(outcome.interrupted);
    const done = stored.filter((entry) => entry.status === 'done').length;
    assert.equal(done, graph.applied.length, 'what was written is stored as done');
    assert.ok(done > 0 && done < 100);
    assert.equal(stored.filter((entry) => entry.status === 'pending' || entry.status === 'writing').length, 100 - done);
  });

  it('cancelled: writes nothing more and reports the rest as cancelled', async () => {
    const graph = new FakeGraph();
    graph.users.set('u1', { usageLocation: 'US', held: new Set() });
    const { outcome } = await run(graph, [pending('u1', 1)], { stopping: () => false, cancelling: () => true });
    assert.deepEqual(graph.applied, []);
    assert.equal(outcome.entries[0]?.status, 'cancelled');
  });
});

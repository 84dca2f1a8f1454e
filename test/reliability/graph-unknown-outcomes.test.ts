/**
 * Graph calls that never answer, and writes whose answer is lost, through the real Graph SDK over HTTP (the
 * emulator's connection faults): every call ends (the gateway's deadline), as GRAPH_UNAVAILABLE with an unknown
 * outcome; the writer settles an unknown write by reading the user again, so the licence is written exactly once;
 * and when it cannot find out, it never reports a failure for a write that may have happened.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { LicenseRequest } from '../../src/domain/request';
import { startGraphEmulator, type GraphEmulator } from '../../src/emulator/graph-emulator';
import { loadTenantFile } from '../../src/emulator/tenant-file';
import { createGraphClient } from '../../src/graph/graph-client';
import { GraphDirectory } from '../../src/graph/graph-directory';
import { DirectoryError } from '../../src/ports';
import { LicenseFactsReader } from '../../src/services/license-facts';
import { LicenseWriter } from '../../src/services/license-writer';
import { FABRIKAM_TENANT_FILE } from '../support/harness';

const TIMEOUT_MS = 300;

async function eventually(check: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !check(); waited += 20) {
    if (waited > 5000) throw new Error(`Timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('Graph calls that hang, and writes whose answer is lost (reliability)', function () {
  this.timeout(30_000);
  let emulator: GraphEmulator;
  let directory: GraphDirectory;
  let writer: LicenseWriter;
  const alice = () => emulator.user('alice.anders@fabrikam.example')!;

  beforeEach(async () => {
    emulator = await startGraphEmulator({ tenant: loadTenantFile(FABRIKAM_TENANT_FILE) });
    directory = new GraphDirectory(createGraphClient({ baseUrl: emulator.url, timeoutMs: TIMEOUT_MS }));
    // Waits between attempts are the writer's business, not this test's: no real sleeping.
    writer = new LicenseWriter(directory, new LicenseFactsReader(directory, { onPremPstnGroupId: undefined }), async () => undefined);
  });
  afterEach(async () => {
    await emulator.close();
  });

  function callingPlanFor(userId: string): LicenseRequest {
    const now = new Date().toISOString();
    return {
      id: randomUUID(),
      tenantId: emulator.tenantId,
      createdAt: now,
      updatedAt: now,
      requester: { id: 'r', displayName: 'Rita Requester' },
      target: { id: userId, displayName: 'Alice Anders', userPrincipalName: 'alice.anders@fabrikam.example' },
      action: 'assign',
      requested: ['MCOPSTN1'],
      add: ['MCOEV', 'MCOPSTN1'],
      remove: [],
      notes: [],
      seats: [],
      approvers: [{ id: 'm', displayName: 'Megan Manager' }],
      approverSource: 'manager',
      state: 'assigning',
    };
  }

  it('a read that hangs once is tried again and answers', async () => {
    emulator.failNext(1, { connection: 'hang' });
    assert.equal((await directory.getUser(alice().id))?.id, alice().id);
    assert.ok(emulator.requestLog.some((entry) => entry.connection === 'hang'), 'the first attempt hung');
  });

  it('a read that never answers (every attempt hangs) ends as GRAPH_UNAVAILABLE with an unknown outcome', async () => {
    emulator.failNext(3, { connection: 'hang' });
    const error = await directory.getUser(alice().id).catch((failure: unknown) => failure);
    assert.ok(error instanceof DirectoryError, String(error));
    assert.equal(error.reason, 'GRAPH_UNAVAILABLE');
    assert.equal(error.outcomeUnknown, true);
    await eventually(() => emulator.requestLog.some((entry) => entry.connection === 'hang'), 'the emulator saw the client give up');
    assert.equal((await directory.getUser(alice().id))?.id, alice().id, 'the next call goes through');
  });

  it('a write that never answers ends as GRAPH_UNAVAILABLE, and nothing was applied', async () => {
    emulator.failNext(1, { connection: 'hang', writesOnly: true });
    const error = await directory
      .assignLicense(alice().id, { addLicenses: [{ skuId: emulator.sku('MCOEV')!.skuId, disabledPlans: [] }], removeLicenses: [] })
      .catch((failure: unknown) => failure);
    assert.ok(error instanceof DirectoryError && error.reason === 'GRAPH_UNAVAILABLE', String(error));
    assert.equal(emulator.writeLog.length, 0);
  });

  const faults: { title: string; fault: 'hang' | 'reset' | 'dropResponseAfterWrite'; appliedBeforeRetry: boolean }[] = [
    { title: 'the write hangs until the deadline (not applied)', fault: 'hang', appliedBeforeRetry: false },
    { title: 'the connection is reset before the write is processed (not applied)', fault: 'reset', appliedBeforeRetry: false },
    { title: 'the write is applied but its answer is lost', fault: 'dropResponseAfterWrite', appliedBeforeRetry: true },
  ];
  for (const { title, fault, appliedBeforeRetry } of faults) {
    it(`${title}: the writer reads the user again and the licences are written exactly once`, async () => {
      emulator.failNext(1, { connection: fault, writesOnly: true });
      const outcome = await writer.apply(callingPlanFor(alice().id));
      assert.equal(outcome.kind, 'done', JSON.stringify(outcome));
      assert.equal(emulator.writeLog.length, 1, 'one assignLicense applied in all');
      const writes = emulator.requestLog.filter((entry) => entry.write);
      assert.equal(writes.length, appliedBeforeRetry ? 1 : 2, 'a second write only when the first was not applied');
      assert.equal(writes[0]?.connection, fault);
      assert.deepEqual([...alice().skuPartNumbers].sort(), ['ENTERPRISEPACK', 'MCOEV', 'MCOPSTN1']);
    });
  }

  it('when every attempt after a lost answer fails, the outcome is unsettled, never "failed"', async () => {
    emulator.failNext(1, { connection: 'dropResponseAfterWrite' });
    // From the first wait on (right after the lost answer), Graph is unreachable.
    const unreachableAfterLostAnswer = async () => emulator.failNext(100, { connection: 'reset' });
    writer = new LicenseWriter(directory, new LicenseFactsReader(directory, { onPremPstnGroupId: undefined }), unreachableAfterLostAnswer);
    const outcome = await writer.apply(callingPlanFor(alice().id));
    assert.equal(outcome.kind, 'unsettled', JSON.stringify(outcome));
    assert.equal(emulator.writeLog.length, 1, 'the lost write was applied');
  });

  it('when nothing was ever sent (reads keep failing), the request fails with a reason', async () => {
    emulator.failNext(40, { connection: 'reset' });
    const outcome = await writer.apply(callingPlanFor(alice().id));
    assert.deepEqual(outcome.kind === 'failed' && outcome.reasonCode, 'GRAPH_UNAVAILABLE');
    assert.equal(emulator.writeLog.length, 0);
  });

  it('throttled writes, with and without Retry-After, are retried until written once', async () => {
    emulator.failNext(1, { status: 429, retryAfterSeconds: 1, writesOnly: true });
    emulator.failNext(1, { status: 429, omitRetryAfter: true, writesOnly: true });
    const outcome = await writer.apply(callingPlanFor(alice().id));
    assert.equal(outcome.kind, 'done');
    assert.equal(emulator.writeLog.length, 1);
    assert.deepEqual(emulator.requestLog.filter((entry) => entry.write).map((entry) => entry.status), [429, 429, 200]);
  });
});

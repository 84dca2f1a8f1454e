/**
 * The audit trail, on the embedded store and on Azure Blob Storage: every transition of a request — requested,
 * approved, rejected, assigned, failed, cancelled, and refused clicks — is a record with who, what, when and
 * Graph's answer, written by the real bot over HTTP. The trail survives a restart unchanged, and holds no token
 * or secret even when people paste one into a comment.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { loadConfig } from '../../src/config';
import { loadTenantFile } from '../../src/emulator/tenant-file';
import type { AuditRecord } from '../../src/ports';
import { openState } from '../../src/storage/open-state-for-config';
import { FABRIKAM_TENANT_FILE } from '../support/harness';
import { startAzurite, type Azurite } from './support/azurite';
import { Rig } from './support/rig';
import { requestThroughChat } from './support/story';

const PASTED_TOKEN = 'Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';

const backends: { name: string; environment: (azurite: Azurite) => Record<string, string> }[] = [
  { name: 'embedded SQLite', environment: () => ({}) },
  { name: 'Azure Blob Storage (Azurite)', environment: (azurite) => ({ AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString, AZURE_STORAGE_CONTAINER: `audit-${randomUUID().slice(0, 8)}` }) },
];

describe('audit: every transition recorded, append-only, kept across restarts, without secrets (reliability)', function () {
  this.timeout(120_000);
  let azurite: Azurite;
  before(async () => {
    azurite = await startAzurite();
  });
  after(async () => {
    await azurite?.stop();
  });

  for (const backend of backends) {
    describe(backend.name, () => {
      let rig: Rig;
      const ids: Record<'assigned' | 'rejected' | 'failed' | 'cancelled', string> = { assigned: '', rejected: '', failed: '', cancelled: '' };
      let trail: AuditRecord[] = [];

      before(async () => {
        rig = await Rig.start({ tenant: loadTenantFile(FABRIKAM_TENANT_FILE), environment: backend.environment(azurite) });
        const instance = await rig.startInstance();
        const to = { to: instance.url };
        const rita = rig.user('Rita Requester');

        ids.assigned = await requestThroughChat(rig.connector, rita, 'give Alice Anders a calling plan', instance.url);
        await rig.user('Megan Manager').execute('approve', { requestId: ids.assigned, comment: `fine, ${PASTED_TOKEN}` }, to);

        ids.rejected = await requestThroughChat(rig.connector, rita, 'give Nora Nomanager audio conferencing', instance.url);
        await rig.user('Greta Approver').execute('reject', { requestId: ids.rejected, comment: 'not this quarter' }, to);

        ids.failed = await requestThroughChat(rig.connector, rita, 'give Oscar Other audio conferencing', instance.url);
        rig.emulator.failNext(1, { status: 403, writesOnly: true });
        await rig.user('Megan Manager').execute('approve', { requestId: ids.failed }, to);

        ids.cancelled = await requestThroughChat(rig.connector, rita, 'give Oscar Other a calling plan', instance.url);
        await rig.user('Alice Brown').execute('approve', { requestId: ids.cancelled }, to);
        const cancelled = await instance.workflow.cancel(ids.cancelled, { id: rig.userId('Rita Requester'), displayName: 'Rita Requester', tenantId: rig.tenant.tenantId });
        assert.equal(cancelled.kind, 'decided');

        await rig.idle();
        trail = await (await rig.state()).audit.list();
      });
      after(async () => {
        await rig?.close();
      });

      const only = (requestId: string, event: string): AuditRecord => {
        const found = trail.filter((record) => record.requestId === requestId && record.event === event);
        assert.equal(found.length, 1, `one ${event} record for ${requestId}: ${trail.map((record) => record.event).join(', ')}`);
        return found[0] as AuditRecord;
      };

      it('requested: who asked, for whom, what, and who was asked to approve', () => {
        const record = only(ids.assigned, 'requested');
        assert.equal(record.actorId, rig.userId('Rita Requester'));
        assert.equal(record.targetId, rig.userId('Alice Anders'));
        assert.deepEqual([...(record.details['add'] as string[])].sort(), ['MCOEV', 'MCOPSTN1']);
        assert.deepEqual(record.details['approvers'], [rig.userId('Megan Manager')]);
      });

      it('approved and assigned: the approver, the time, and Graph’s answer; a pasted token is not kept', () => {
        const approved = only(ids.assigned, 'approved');
        assert.equal(approved.actorId, rig.userId('Megan Manager'));
        assert.doesNotMatch(JSON.stringify(approved.details), /eyJ|Bearer/);
        const assigned = only(ids.assigned, 'assigned');
        assert.equal(assigned.actorId, null, 'written by the bot');
        assert.deepEqual(assigned.details['graph'], { status: 200 });
        assert.ok(Date.parse(approved.at) <= Date.parse(assigned.at));
      });

      it('rejected: the approver and their comment', () => {
        const record = only(ids.rejected, 'rejected');
        assert.equal(record.actorId, rig.userId('Greta Approver'));
        assert.equal(record.details['comment'], 'not this quarter');
      });

      it('failed: the reason and Graph’s own status and code', () => {
        const record = only(ids.failed, 'failed');
        assert.equal(record.details['reasonCode'], 'GRAPH_FORBIDDEN');
        assert.equal((record.details['graph'] as { status?: number }).status, 403);
        assert.ok((record.details['graph'] as { code?: string }).code, 'Graph’s error code');
      });

      it('refused-click and cancelled: who tried, why it was refused, who cancelled', () => {
        const refused = only(ids.cancelled, 'refused-click');
        assert.equal(refused.actorId, rig.userId('Alice Brown'));
        assert.equal(refused.details['reason'], 'NOT_AN_APPROVER');
        assert.equal(only(ids.cancelled, 'cancelled').actorId, rig.userId('Rita Requester'));
      });

      it('every record says when, and the trail is in time order', () => {
        assert.ok(trail.every((record) => !Number.isNaN(Date.parse(record.at))));
        const times = trail.map((record) => Date.parse(record.at));
        assert.deepEqual(times, [...times].sort((a, b) => a - b));
      });

      it('holds no token, password or storage key anywhere', () => {
        const text = JSON.stringify(trail);
        assert.doesNotMatch(text, /eyJ[\w-]+\.eyJ|Bearer |AccountKey|password/i);
        assert.ok(!text.includes(azurite.connectionString));
      });

      it('survives a restart unchanged (new process state, new reader)', async () => {
        await rig.stopInstances();
        await rig.startInstance();
        const reopened = await openState(loadConfig(rig.environment));
        try {
          assert.deepEqual(await reopened.audit.list(), trail);
        } finally {
          await reopened.close();
        }
      });
    });
  }
});

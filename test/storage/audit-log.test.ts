import assert from 'node:assert/strict';
import * as path from 'node:path';
import type { AuditRecord } from '../../src/ports';
import { SqliteAuditLog } from '../../src/storage/audit-log';
import { SqliteStorage } from '../../src/storage/sqlite-storage';
import { REDACTED } from '../../src/storage/strip-secrets';
import { useTempDir } from './support/temp-dir';

function record(at: string, overrides: Partial<AuditRecord> = {}): AuditRecord {
  return {
    at,
    requestId: '00000000-0000-4000-8000-000000000001',
    event: 'requested',
    actorId: 'requester-1',
    targetId: 'user-1',
    details: { add: ['MCOPSTN1'], remove: [] },
    ...overrides,
  };
}

describe('SqliteAuditLog', () => {
  const dir = useTempDir();
  const file = (): string => path.join(dir.path, 'audit.sqlite');
  let storage: SqliteStorage;
  let audit: SqliteAuditLog;

  beforeEach(() => {
    storage = SqliteStorage.open(file());
    audit = SqliteAuditLog.attach(storage.connection);
  });
  afterEach(() => storage.close());

  it('lists what was appended, newest last, also after a restart', async () => {
    const later = record('2025-03-01T10:00:00.000Z', { event: 'approved', actorId: 'manager-1', requestId: null });
    const earlier = record('2025-03-01T09:00:00.000Z');
    await audit.append(later);
    await audit.append(earlier);
    await storage.close();
    storage = SqliteStorage.open(file());
    audit = SqliteAuditLog.attach(storage.connection);
    assert.deepEqual(await audit.list(), [earlier, later]);
  });

  describe('filters', () => {
    const records = [
      record('2025-03-01T09:00:00.000Z', { targetId: 'user-1' }),
      record('2025-03-02T09:00:00.000Z', { targetId: 'user-2' }),
      record('2025-03-03T09:00:00.000Z', { targetId: 'user-1', event: 'assigned' }),
      record('2025-03-04T09:00:00.000Z', { targetId: null, event: 'refused-click' }),
    ];
    const cases: readonly { name: string; filter: { targetId?: string; since?: string }; expected: number[] }[] = [
      { name: 'none', filter: {}, expected: [0, 1, 2, 3] },
      { name: 'target', filter: { targetId: 'user-1' }, expected: [0, 2] },
      { name: 'since, inclusive', filter: { since: '2025-03-02T09:00:00.000Z' }, expected: [1, 2, 3] },
      { name: 'since in another notation', filter: { since: '2025-03-02T10:00:00+01:00' }, expected: [1, 2, 3] },
      { name: 'target and since', filter: { targetId: 'user-1', since: '2025-03-02T00:00:00Z' }, expected: [2] },
      { name: 'an unknown target', filter: { targetId: 'nobody' }, expected: [] },
    ];
    for (const filterCase of cases) {
      it(`by ${filterCase.name}`, async () => {
        for (const item of records) await audit.append(item);
        assert.deepEqual(await audit.list(filterCase.filter), filterCase.expected.map((index) => records[index]));
      });
    }

    it('refuses a since that is not a timestamp', async () => {
      await assert.rejects(audit.list({ since: 'yesterday' }), RangeError);
    });
  });

  it('never stores credentials found in details', async () => {
    await audit.append(
      record('2025-03-01T09:00:00.000Z', {
        details: {
          graph: { status: 403, code: 'Authorization_RequestDenied', headers: { Authorization: 'Bearer abc', 'x-ms-request-id': 'r-1' } },
          accessToken: 'eyJ0eXAi.eyJhdWQi.c2ln',
          attempts: [{ client_secret: 's3cr3t', ok: false }, { PASSWORD: 'p', ok: true }],
          note: 'Bearer eyJ0eXAiOiJKV1Qi',
          tokenCount: 3,
          jwtInText: 'eyJ0eXAi.eyJhdWQi.c2ln',
          plain: 'keep me',
        },
      }),
    );
    const [stored] = await audit.list();
    assert.deepEqual(stored?.details, {
      graph: { status: 403, code: 'Authorization_RequestDenied', headers: { 'x-ms-request-id': 'r-1' } },
      attempts: [{ ok: false }, { ok: true }],
      note: REDACTED,
      jwtInText: REDACTED,
      plain: 'keep me',
    });
    const raw = storage.connection.all('SELECT details FROM audit').map((row) => String(row['details'])).join();
    assert.doesNotMatch(raw, /s3cr3t|abc|eyJ/);
  });

  it('is append-only, even for SQL run directly on the file', async () => {
    await audit.append(record('2025-03-01T09:00:00.000Z'));
    assert.throws(() => storage.connection.run("UPDATE audit SET event = 'approved'"), /append-only/);
    assert.throws(() => storage.connection.run('DELETE FROM audit'), /append-only/);
    assert.equal((await audit.list())[0]?.event, 'requested');
    const methods = Object.getOwnPropertyNames(SqliteAuditLog.prototype).filter((name) => name !== 'constructor');
    assert.deepEqual(methods.sort(), ['append', 'list']);
  });

  it('refuses a record whose time is not a timestamp', async () => {
    await assert.rejects(audit.append(record('now')), RangeError);
    assert.deepEqual(await audit.list(), []);
  });
});

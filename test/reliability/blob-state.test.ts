/**
 * The scale-out state on Azure Blob Storage (Azurite on loopback): two clients stand for two bot instances. First
 * writes of one key cannot both win, replacements carry eTags, the audit log only ever grows, and openState picks
 * the store the configuration names.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { ConcurrencyConflict } from '../../src/ports';
import { openBlobState, type BlobState } from '../../src/storage/blob-state';
import { openState } from '../../src/storage/open-state-for-config';
import { REDACTED } from '../../src/storage/strip-secrets';
import { createDocument, readDocument, updateDocument } from '../../src/storage/storage-items';
import { inState, sampleRequest } from '../storage/support/sample-request';
import { startAzurite, type Azurite } from './support/azurite';

describe('state on Azure Blob Storage, two clients at once (Azurite)', function () {
  this.timeout(60_000);
  let azurite: Azurite;
  let first: BlobState;
  let second: BlobState;

  before(async () => {
    azurite = await startAzurite();
  });
  after(async () => {
    await azurite?.stop();
  });
  beforeEach(async () => {
    const container = `state-${randomUUID().slice(0, 8)}`;
    first = await openBlobState(azurite.connectionString, container);
    second = await openBlobState(azurite.connectionString, container);
  });

  it('createIfAbsent: of two clients creating the same key at the same moment, exactly one wins (50 keys)', async () => {
    for (let round = 0; round < 50; round++) {
      const key = `first-write/${round}`;
      const outcomes = await Promise.allSettled([
        first.storage.createIfAbsent({ [key]: { by: 'first' } }),
        second.storage.createIfAbsent({ [key]: { by: 'second' } }),
      ]);
      const won = outcomes.filter((outcome) => outcome.status === 'fulfilled');
      const lost = outcomes.filter((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
      assert.equal(won.length, 1, `round ${round}`);
      assert.ok(lost[0]?.reason instanceof ConcurrencyConflict, String(lost[0]?.reason));
      const stored = (await first.storage.read([key]))[key] as { by: string };
      assert.equal(stored.by, outcomes[0]?.status === 'fulfilled' ? 'first' : 'second', 'the winner is what is stored');
    }
  });

  it('createDocument over blobs refuses an existing key from the other client', async () => {
    await createDocument(first.storage, 'doc/a', { n: 1 });
    await assert.rejects(createDocument(second.storage, 'doc/a', { n: 2 }), ConcurrencyConflict);
    assert.equal((await readDocument<{ n: number }>(second.storage, 'doc/a'))?.value.n, 1);
  });

  it('requests: creating an id twice fails, and of two replacements from the same version only one succeeds', async () => {
    const request = sampleRequest(randomUUID(), { state: 'pending' });
    const created = await first.requests.create(request);
    await assert.rejects(second.requests.create(request), ConcurrencyConflict);
    const approved = inState(request, 'approved');
    const outcomes = await Promise.allSettled([first.requests.replace(approved, created.eTag), second.requests.replace(approved, created.eTag)]);
    assert.deepEqual(outcomes.map((outcome) => outcome.status).sort(), ['fulfilled', 'rejected']);
    await assert.rejects(first.requests.replace(inState(request, 'rejected'), created.eTag), ConcurrencyConflict);
    assert.equal((await second.requests.get(request.id))?.value.state, 'approved');
    assert.deepEqual((await second.requests.listByState(['approved'])).map((stored) => stored.id), [request.id]);
  });

  it('read-modify-write from both clients loses no update (2 × 25 increments)', async () => {
    const increment = (state: BlobState) => updateDocument<{ n: number }>(state.storage, 'counter', (current) => ({ n: (current?.n ?? 0) + 1 }));
    await Promise.all(Array.from({ length: 25 }, () => [increment(first), increment(second)]).flat());
    assert.equal((await readDocument<{ n: number }>(first.storage, 'counter'))?.value.n, 50);
  });

  it('keeps text in any language exactly, and lists keys by prefix', async () => {
    const text = '给 Alice 一个通话计划 — ありがとう — résumé 🎧';
    await first.storage.write({ 'requests/a%2Fb': { text }, 'requests/c': { text: 'x' }, 'other/d': { text: 'y' } });
    assert.equal(((await second.storage.read(['requests/a%2Fb']))['requests/a%2Fb'] as { text: string }).text, text);
    assert.deepEqual(await second.storage.keys('requests/'), ['requests/a%2Fb', 'requests/c']);
  });

  it('audit: records from two writers in the same millisecond are all kept, in time order, without secrets', async () => {
    const at = new Date().toISOString();
    const later = new Date(Date.parse(at) + 1000).toISOString();
    await Promise.all(
      Array.from({ length: 40 }, (_, index) =>
        (index % 2 === 0 ? first : second).audit.append({
          at: index < 20 ? at : later,
          requestId: `r${index}`,
          event: 'approved',
          actorId: 'a',
          targetId: index % 4 === 0 ? 'alice' : 'bob',
          details: { comment: 'Bearer abc.def.ghi', authorization: 'secret', graph: { status: 200 } },
        }),
      ),
    );
    const all = await second.audit.list();
    assert.equal(all.length, 40);
    assert.deepEqual(all.map((record) => record.at), [...Array(20).fill(at), ...Array(20).fill(later)]);
    assert.ok(all.every((record) => record.details['comment'] === REDACTED && !('authorization' in record.details)));
    assert.equal((await first.audit.list({ targetId: 'alice' })).length, 10);
    assert.equal((await first.audit.list({ since: later })).length, 20);
    const reopened = await openBlobState(azurite.connectionString, first.storage.container.containerName);
    assert.equal((await reopened.audit.list()).length, 40, 'the trail survives a new client (a restart)');
  });

  it('openState picks blobs with a connection string and the embedded file without one', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'license-desk-open-state-'));
    try {
      const blob = await openState(loadConfig({ AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString, AZURE_STORAGE_CONTAINER: 'picked', DATA_DIR: dataDir }));
      assert.match(blob.description, /Azure Blob Storage container "picked"/);
      assert.doesNotMatch(blob.description, /AccountKey|licensedesktest:/, 'no secret in the description');
      await blob.close();
      const embedded = await openState(loadConfig({ DATA_DIR: dataDir }));
      assert.match(embedded.description, /embedded SQLite/);
      await embedded.close();
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

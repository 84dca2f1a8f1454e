import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EMBEDDED_STATE_FILE, openEmbeddedState } from '../../src/storage/open-state';
import { sampleRequest } from './support/sample-request';
import { useTempDir } from './support/temp-dir';

describe('openEmbeddedState', () => {
  const dir = useTempDir();

  it('puts every store in <dataDir>/license-desk.sqlite and finds it all again after a restart', async () => {
    const dataDir = path.join(dir.path, 'data');
    const request = sampleRequest('00000000-0000-4000-8000-000000000001');
    const first = openEmbeddedState(dataDir);
    try {
      await first.requests.create(request);
      await first.cards.add({ requestId: request.id, approverId: 'm', conversationReference: { id: 'c' }, activityId: 'a' });
      await first.conversations.remember({
        userId: 'u', tenantId: 't', channelUserId: '29:u', locale: null, serviceUrl: 'https://smba.example/', reference: null, updatedAt: request.createdAt,
      });
      await first.audit.append({ at: request.createdAt, requestId: request.id, event: 'requested', actorId: 'r', targetId: 'u', details: {} });
      await first.storage.write({ 'botstate/x': { n: 1 } });
    } finally {
      await first.close();
    }
    assert.deepEqual(fs.readdirSync(dataDir), [EMBEDDED_STATE_FILE]);

    const second = openEmbeddedState(dataDir);
    try {
      assert.deepEqual((await second.requests.listByState(['pending'])).map((stored) => stored.id), [request.id]);
      assert.equal((await second.cards.list(request.id)).length, 1);
      assert.equal((await second.conversations.find('t', 'u'))?.channelUserId, '29:u');
      assert.equal((await second.audit.list()).length, 1);
      assert.equal((await second.storage.read(['botstate/x']))['botstate/x'].n, 1);
    } finally {
      await second.close();
    }
    await assert.rejects(second.storage.read(['botstate/x']), /closed/);
  });
});

/**
 * Text from chat reaches Graph only when it can name someone: a lone UTF-16 surrogate (valid in a JSON activity)
 * must not break URL encoding, and a name longer than Entra allows is answered "nobody" without an oversized
 * request to Graph.
 */
import assert from 'node:assert/strict';
import { startGraphEmulator, type GraphEmulator } from '../../src/emulator/graph-emulator';
import { loadTenantFile } from '../../src/emulator/tenant-file';
import { createGraphClient } from '../../src/graph/graph-client';
import { GraphDirectory } from '../../src/graph/graph-directory';
import { DirectoryError } from '../../src/ports';
import { FABRIKAM_TENANT_FILE } from '../support/harness';

describe('chat text on its way to Graph (reliability)', () => {
  let emulator: GraphEmulator;
  let directory: GraphDirectory;

  beforeEach(async () => {
    emulator = await startGraphEmulator({ tenant: loadTenantFile(FABRIKAM_TENANT_FILE) });
    directory = new GraphDirectory(createGraphClient({ baseUrl: emulator.url, maxRetries: 0 }));
  });
  afterEach(async () => {
    await emulator.close();
  });

  const loneSurrogates = ['\udfaa\ude97', 'Alice\ud83c', '\udc4cAnders'];
  for (const text of loneSurrogates) {
    it(`searching for ${JSON.stringify(text)} is an ordinary search`, async () => {
      const found = await directory.searchUsers(text);
      assert.ok(Array.isArray(found));
      assert.equal(await directory.getUser(text), undefined);
      assert.ok(emulator.requestLog.every((entry) => entry.status < 500));
    });
  }

  it('a name longer than any Entra name finds nobody without asking Graph', async () => {
    assert.deepEqual(await directory.searchUsers('a'.repeat(100_000)), []);
    assert.equal(await directory.getUser(`${'b'.repeat(20_000)}@fabrikam.example`), undefined);
    for (const idOrUpn of [`${'b'.repeat(20_000)}@fabrikam.example`, '', '   ']) {
      await assert.rejects(directory.getUserLicenses(idOrUpn), (error: unknown) => error instanceof DirectoryError && error.status === 404);
    }
    assert.equal(emulator.requestLog.length, 0);
  });

  it('names within the limits are still searched', async () => {
    assert.deepEqual((await directory.searchUsers('Alice An')).map((found) => found.user.displayName), ['Alice Anders']);
    assert.equal((await directory.getUser('alice.anders@fabrikam.example'))?.displayName, 'Alice Anders');
  });
});

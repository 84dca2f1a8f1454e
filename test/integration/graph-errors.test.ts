/**
 * Every Graph error the bot can meet, produced by the emulator with Graph's own status, code and
 * message, read through the real Graph SDK and the bot's gateway: each maps to a reason code with
 * an explanation in words (never Graph's raw text).
 */
import assert from 'node:assert/strict';
import { DEMO_TENANT_FILE } from '../../src/emulator/demo-tenant';
import { startGraphEmulator, type GraphEmulator } from '../../src/emulator/graph-emulator';
import { loadTenantFile } from '../../src/emulator/tenant-file';
import { createGraphClient } from '../../src/graph/graph-client';
import { GraphDirectory } from '../../src/graph/graph-directory';
import { translator } from '../../src/i18n';
import { DirectoryError } from '../../src/ports';

describe('Graph errors over HTTP → reason codes and explanations', function () {
  this.timeout(30000);
  let emulator: GraphEmulator;
  let directory: GraphDirectory;
  const sku = (part: string) => emulator.sku(part)!.skuId as string;
  const id = (upn: string) => emulator.user(upn)!.id as string;
  const add = (part: string) => ({ addLicenses: [{ skuId: sku(part), disabledPlans: [] }], removeLicenses: [] });

  beforeEach(async () => {
    emulator = await startGraphEmulator({ tenant: loadTenantFile(DEMO_TENANT_FILE) });
    directory = new GraphDirectory(createGraphClient({ baseUrl: emulator.url, maxRetries: 0 }));
  });
  afterEach(async () => {
    await emulator.close();
  });

  const cases: { title: string; reason: string; provoke: () => Promise<unknown> }[] = [
    { title: 'no usage location', reason: 'GRAPH_USAGE_LOCATION', provoke: () => directory.assignLicense(id('sofiar@example.com'), add('ENTERPRISEPACK')) },
    { title: 'mutually exclusive plans', reason: 'GRAPH_MUTUALLY_EXCLUSIVE', provoke: () => directory.assignLicense(id('gracek@example.com'), add('MCOPSTN5')) },
    { title: 'a plan it depends on is missing', reason: 'GRAPH_DEPENDENCY', provoke: () => directory.assignLicense(id('lucass@example.com'), add('MCOEV')) },
    { title: 'no available licences', reason: 'GRAPH_NO_LICENSES', provoke: () => directory.assignLicense(id('alicej@example.com'), { addLicenses: [{ skuId: sku('MCOEV'), disabledPlans: [] }, { skuId: sku('MCOPSTN2'), disabledPlans: [] }], removeLicenses: [] }) },
    { title: 'licence inherited from a group', reason: 'GRAPH_GROUP_INHERITED', provoke: () => directory.assignLicense(id('isaiah@example.com'), { addLicenses: [], removeLicenses: [sku('MCOEV')] }) },
    { title: 'unknown skuId', reason: 'GRAPH_UNKNOWN_SKU', provoke: () => directory.assignLicense(id('alicej@example.com'), { addLicenses: [{ skuId: '11111111-2222-4333-8444-555555555555', disabledPlans: [] }], removeLicenses: [] }) },
    { title: 'user not found', reason: 'GRAPH_USER_NOT_FOUND', provoke: () => directory.getUserLicenses('99999999-9999-4999-8999-999999999999') },
    {
      title: 'throttled, with Retry-After',
      reason: 'GRAPH_THROTTLED',
      provoke: () => {
        emulator.failNext(1, { status: 429, retryAfterSeconds: 7 });
        return directory.assignLicense(id('alicej@example.com'), add('MCOEV'));
      },
    },
    {
      title: 'forbidden: permission not consented',
      reason: 'GRAPH_FORBIDDEN',
      provoke: () => {
        emulator.failNext(1, { status: 403 });
        return directory.assignLicense(id('alicej@example.com'), add('MCOEV'));
      },
    },
    {
      title: 'service unavailable',
      reason: 'GRAPH_UNAVAILABLE',
      provoke: () => {
        emulator.failNext(1, { status: 503 });
        return directory.assignLicense(id('alicej@example.com'), add('MCOEV'));
      },
    },
  ];

  for (const { title, reason, provoke } of cases) {
    it(`${title} → ${reason}`, async () => {
      const error = await provoke().then(
        () => assert.fail('Graph accepted what it should refuse'),
        (failure: unknown) => failure,
      );
      assert.ok(error instanceof DirectoryError, String(error));
      assert.equal(error.reason, reason, `${error.status} ${error.graphCode}: ${error.graphMessage}`);
      const explanation = translator('en')(`reasons:${reason}`);
      assert.notEqual(explanation, `reasons:${reason}`, 'an explanation exists');
      assert.ok(!explanation.includes(error.graphMessage ?? '<none>'), 'the explanation is not Graph text');
      assert.equal(emulator.writeLog.length, 0, 'nothing was written');
    });
  }

  it('keeps Retry-After for the writer to honour', async () => {
    emulator.failNext(1, { status: 429, retryAfterSeconds: 7 });
    const error = await directory.assignLicense(id('alicej@example.com'), add('MCOEV')).catch((failure: unknown) => failure);
    assert.ok(error instanceof DirectoryError);
    assert.equal(error.retryAfterSeconds, 7);
  });

  it('a connection that cannot be made is "unavailable", with an unknown outcome for writes', async () => {
    await emulator.close();
    const error = await directory.assignLicense('x', { addLicenses: [], removeLicenses: [] }).catch((failure: unknown) => failure);
    emulator = await startGraphEmulator({ tenant: loadTenantFile(DEMO_TENANT_FILE) });
    assert.ok(error instanceof DirectoryError);
    assert.equal(error.reason, 'GRAPH_UNAVAILABLE');
    assert.equal(error.outcomeUnknown, true);
  });
});

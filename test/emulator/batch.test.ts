import assert from 'node:assert/strict';
import { BatchRequestContent, BatchResponseContent } from '@microsoft/microsoft-graph-client';
import { assertGraphError, call, people, sdkClient, skuId, useEmulator } from './emulator-harness';

const json = { 'Content-Type': 'application/json' };

describe('Graph emulator: $batch', () => {
  const emulator = useEmulator();

  it('dispatches each member and answers id, status, headers and body per member', async () => {
    const response = await call(emulator(), 'POST', '/v1.0/$batch', {
      requests: [
        { id: 'user', method: 'GET', url: `/users/${people.aliceJohnson}?$select=id,usageLocation` },
        { id: 'manager', method: 'GET', url: `/users/${people.aliceJohnson}/manager?$select=id` },
        { id: 'nobody', method: 'GET', url: '/users/ghost@example.com' },
        {
          id: 'assign',
          method: 'POST',
          url: `/users/${people.aliceJohnson}/assignLicense`,
          headers: json,
          body: { addLicenses: [{ skuId: skuId('MCOEV'), disabledPlans: [] }], removeLicenses: [] },
        },
      ],
    });
    assert.equal(response.status, 200);
    const byId = new Map(response.body.responses.map((member: { id: string }) => [member.id, member]));
    const member = (id: string) => byId.get(id) as { status: number; headers: Record<string, string>; body: any };
    assert.deepEqual([...byId.keys()], ['user', 'manager', 'nobody', 'assign']);
    assert.equal(member('user').status, 200);
    assert.equal(member('user').body.usageLocation, 'US');
    assert.equal(member('manager').body.id, people.meganBowen);
    assert.equal(member('nobody').status, 404);
    assert.equal(member('nobody').body.error.code, 'Request_ResourceNotFound');
    assert.equal(member('assign').status, 200);
    assert.match(member('assign').headers['Content-Type'] ?? '', /application\/json/);
    assert.deepEqual(emulator().user(people.aliceJohnson)?.skuPartNumbers, ['ENTERPRISEPACK', 'MCOEV']);
    assert.deepEqual(
      emulator().requestLog.map((entry) => [entry.viaBatch, entry.status]),
      [[true, 200], [true, 200], [true, 404], [true, 200], [false, 200]],
    );
  });

  it('refuses more than 20 requests as a whole', async () => {
    const requests = Array.from({ length: 21 }, (_, index) => ({ id: String(index + 1), method: 'GET', url: '/users?$top=1' }));
    assertGraphError(await call(emulator(), 'POST', '/v1.0/$batch', { requests }), 400, 'BadRequest', /exceeds the limit of 20/);
    const twenty = await call(emulator(), 'POST', '/v1.0/$batch', { requests: requests.slice(0, 20) });
    assert.equal(twenty.status, 200);
    assert.equal(twenty.body.responses.length, 20);
  });

  it('refuses a member with a body but no Content-Type, and duplicate ids', async () => {
    const missingType = await call(emulator(), 'POST', '/v1.0/$batch', {
      requests: [{ id: '1', method: 'POST', url: `/users/${people.aliceJohnson}/assignLicense`, body: { addLicenses: [], removeLicenses: [] } }],
    });
    assert.equal(missingType.body.responses[0].status, 400);
    assert.equal(missingType.body.responses[0].body.error.message, 'Write request id : 1 does not contain Content-Type header or body.');
    const duplicate = await call(emulator(), 'POST', '/v1.0/$batch', {
      requests: [
        { id: '1', method: 'GET', url: '/users?$top=1' },
        { id: '1', method: 'GET', url: '/users?$top=1' },
      ],
    });
    assertGraphError(duplicate, 400, 'BadRequest', /Duplicate request id '1'/);
  });

  it('answers 424 for a member whose dependency failed', async () => {
    const response = await call(emulator(), 'POST', '/v1.0/$batch', {
      requests: [
        { id: '1', method: 'GET', url: '/users/ghost@example.com' },
        { id: '2', method: 'GET', url: `/users/${people.alexWilber}`, dependsOn: ['1'] },
      ],
    });
    assert.deepEqual(response.body.responses.map((member: { status: number }) => member.status), [404, 424]);
  });

  it('throttles a write member with its own Retry-After while the reads succeed', async () => {
    emulator().failNext(1, { status: 429, retryAfterSeconds: 5, writesOnly: true });
    const response = await call(emulator(), 'POST', '/v1.0/$batch', {
      requests: [
        { id: 'read', method: 'GET', url: `/users/${people.alexWilber}?$select=id` },
        { id: 'write', method: 'POST', url: `/users/${people.meganBowen}/assignLicense`, headers: json, body: { addLicenses: [], removeLicenses: [] } },
      ],
    });
    const [read, write] = response.body.responses;
    assert.equal(read.status, 200);
    assert.equal(write.status, 429);
    assert.equal(write.headers['Retry-After'], '5');
    assert.equal(write.body.error.code, 'Request_ThrottledTemporarily');
  });

  it("works with the Graph SDK's BatchRequestContent (which sends /v1.0/... member URLs)", async () => {
    const content = new BatchRequestContent([
      { id: '1', request: new Request(`${emulator().url}/v1.0/users/${people.isaiahLanger}?$select=id,displayName`) },
      {
        id: '2',
        request: new Request(`${emulator().url}/v1.0/users/${people.isaiahLanger}/checkMemberGroups`, {
          method: 'POST',
          headers: json,
          body: JSON.stringify({ groupIds: ['00000000-0000-0000-0000-000000000904'] }),
        }),
      },
    ]);
    const raw = await sdkClient(emulator()).api('/$batch').post(await content.getContent());
    const responses = new BatchResponseContent(raw);
    const user = responses.getResponseById('1');
    const groupsResponse = responses.getResponseById('2');
    assert.equal(user?.status, 200);
    assert.equal((await user?.json()).displayName, 'Isaiah Langer');
    assert.deepEqual((await groupsResponse?.json()).value, ['00000000-0000-0000-0000-000000000904']);
  });
});

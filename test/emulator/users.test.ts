import assert from 'node:assert/strict';
import { DEFAULT_USER_PROPERTIES } from '../../src/emulator/resource-shapes';
import { assertGraphError, call, people, sdkClient, sdkFailure, useEmulator } from './emulator-harness';

const names = (body: { value: { displayName: string }[] }) => body.value.map((user) => user.displayName).sort();

describe('Graph emulator: users', () => {
  const emulator = useEmulator();

  describe('GET /users/{id | userPrincipalName}', () => {
    it('returns only the default properties without $select, like Graph v1.0', async () => {
      const response = await call(emulator(), 'GET', `/v1.0/users/${people.alexWilber}`);
      assert.equal(response.status, 200);
      assert.deepEqual(Object.keys(response.body), ['@odata.context', ...DEFAULT_USER_PROPERTIES]);
      assert.equal(response.body['@odata.context'], `${emulator().url}/v1.0/$metadata#users/$entity`);
      assert.equal(response.body.usageLocation, undefined);
      assert.equal(response.body.assignedLicenses, undefined);
    });

    it('returns exactly the selected properties, licences included, through the Graph SDK', async () => {
      const user = await sdkClient(emulator())
        .api(`/users/${people.isaiahLanger}`)
        .select(['id', 'displayName', 'usageLocation', 'assignedLicenses', 'licenseAssignmentStates'])
        .get();
      assert.deepEqual(Object.keys(user), ['@odata.context', 'id', 'displayName', 'usageLocation', 'assignedLicenses', 'licenseAssignmentStates']);
      assert.equal(user['@odata.context'], `${emulator().url}/v1.0/$metadata#users(id,displayName,usageLocation,assignedLicenses,licenseAssignmentStates)/$entity`);
      assert.equal(user.usageLocation, 'US');
      assert.equal(user.assignedLicenses.length, 2);
      assert.deepEqual(
        user.licenseAssignmentStates.map((state: { assignedByGroup: string | null }) => state.assignedByGroup),
        [null, '00000000-0000-0000-0000-000000000904'],
      );
    });

    it('finds a user by userPrincipalName whatever its case, and by the URL-encoded form the SDK sends', async () => {
      const client = sdkClient(emulator());
      const byUpn = await client.api(`/users/${encodeURIComponent('ALEXW@Example.com')}`).select('id').get();
      assert.equal(byUpn.id, people.alexWilber);
      const plain = await call(emulator(), 'GET', '/v1.0/users/alexw@example.com?$select=id');
      assert.equal(plain.body.id, people.alexWilber);
    });

    it('answers 404 Request_ResourceNotFound for an unknown user', async () => {
      const response = await call(emulator(), 'GET', '/v1.0/users/nobody@example.com');
      assertGraphError(response, 404, 'Request_ResourceNotFound', "Resource 'nobody@example.com' does not exist or one of its queried reference-property objects are not present.");
      const thrown = await sdkFailure(sdkClient(emulator()).api('/users/nobody@example.com').get());
      assert.equal(thrown.statusCode, 404);
      assert.equal(thrown.code, 'Request_ResourceNotFound');
    });

    it('refuses a $select property that microsoft.graph.user does not have', async () => {
      const response = await call(emulator(), 'GET', `/v1.0/users/${people.alexWilber}?$select=id,shoeSize`);
      assertGraphError(response, 400, 'BadRequest', "Could not find a property named 'shoeSize' on type 'microsoft.graph.user'.");
    });

    it('accepts any Authorization header without checking it', async () => {
      const response = await call(emulator(), 'GET', `/v1.0/users/${people.alexWilber}?$select=id`, undefined, { Authorization: 'Bearer not-a-real-token' });
      assert.equal(response.status, 200);
    });
  });

  describe('GET /users?$filter', () => {
    const cases: { filter: string; expected: string[] }[] = [
      { filter: "startswith(givenName,'alex')", expected: ['Alex Chen', 'Alex Wilber'] },
      { filter: "startswith(displayName,'ALICE')", expected: ['Alice Johnson', 'Alice Martin'] },
      { filter: "startswith(surname,'o''c')", expected: ["Liam O'Connor"] },
      { filter: "startswith(userPrincipalName,'isaiah')", expected: ['Isaiah Langer'] },
      { filter: "startswith(mail,'isaiahl')", expected: ['Isaiah Langer'] },
      { filter: "userPrincipalName eq 'ALEXW@example.com'", expected: ['Alex Wilber'] },
      { filter: "mail eq 'isaiahl@example.com'", expected: ['Isaiah Langer'] },
      { filter: `id eq '${people.pattiFernandez}'`, expected: ['Patti Fernandez'] },
      { filter: "displayName eq 'chloé lefèvre'", expected: ['Chloé Lefèvre'] },
      { filter: "startswith(givenName,'alice') and startswith(surname,'m')", expected: ['Alice Martin'] },
      { filter: "(startswith(givenName,'zz') or startswith(surname,'vance'))", expected: ['Adele Vance'] },
      { filter: 'mail eq null', expected: ['Noah Patel'] },
      { filter: `id in ('${people.alexWilber}','${people.meganBowen}')`, expected: ['Alex Wilber', 'Megan Bowen'] },
      { filter: "startswith(displayName,'nobody')", expected: [] },
    ];
    for (const { filter, expected } of cases) {
      it(`${filter} → ${expected.length === 0 ? 'nobody' : expected.join(', ')}`, async () => {
        const page = await sdkClient(emulator()).api('/users').filter(filter).select('id,displayName').get();
        assert.deepEqual(names(page), expected);
      });
    }

    it("answers the bot's people search (five startswith joined by or) through the SDK", async () => {
      const filter = ['displayName', 'givenName', 'surname', 'userPrincipalName', 'mail'].map((property) => `startswith(${property},'Alex')`).join(' or ');
      const page = await sdkClient(emulator()).api('/users').filter(filter).select('id,displayName').top(25).get();
      assert.deepEqual(names(page), ['Alex Chen', 'Alex Wilber']);
      assert.equal(page['@odata.nextLink'], undefined);
    });

    const refused: { filter: string; code: string; message: string | RegExp }[] = [
      { filter: "endswith(mail,'@example.com')", code: 'Request_UnsupportedQuery', message: "Unsupported or invalid query filter clause specified for property 'mail' of resource 'User'." },
      { filter: "startswith(city,'Sea')", code: 'Request_UnsupportedQuery', message: "Unsupported or invalid query filter clause specified for property 'city' of resource 'User'." },
      { filter: "displayName ne 'x'", code: 'Request_UnsupportedQuery', message: /property 'displayName'/ },
      { filter: 'displayName eq', code: 'BadRequest', message: /^Invalid filter clause: expected a string literal/ },
      { filter: "startswith(displayName,'x'", code: 'BadRequest', message: /^Invalid filter clause: expected '\)'/ },
      { filter: "displayName eq 'open", code: 'BadRequest', message: /^Invalid filter clause: unterminated string literal/ },
    ];
    for (const { filter, code, message } of refused) {
      it(`refuses ${filter} with 400 ${code}`, async () => {
        const response = await call(emulator(), 'GET', `/v1.0/users?$filter=${encodeURIComponent(filter)}`);
        assertGraphError(response, 400, code, message);
      });
    }
  });

  describe('paging', () => {
    it('pages with $top and an absolute @odata.nextLink carrying $skiptoken and the original options', async () => {
      const first = await call(emulator(), 'GET', "/v1.0/users?$select=id,displayName&$top=10&$filter=startswith(userPrincipalName,'')");
      assert.equal(first.body.value.length, 10);
      const nextLink: string = first.body['@odata.nextLink'];
      assert.ok(nextLink.startsWith(`${emulator().url}/v1.0/users?`), nextLink);
      const query = new URL(nextLink).searchParams;
      assert.equal(query.get('$top'), '10');
      assert.equal(query.get('$select'), 'id,displayName');
      assert.equal(query.get('$filter'), "startswith(userPrincipalName,'')");
      assert.ok(query.get('$skiptoken'));
    });

    it('walks every user exactly once by following nextLinks', async () => {
      const seen: string[] = [];
      let next: string | undefined = `${emulator().url}/v1.0/users?$select=id&$top=7`;
      let pages = 0;
      while (next !== undefined) {
        const response = await fetch(next);
        const body = (await response.json()) as { value: { id: string }[]; '@odata.nextLink'?: string };
        seen.push(...body.value.map((user) => user.id));
        next = body['@odata.nextLink'];
        pages += 1;
      }
      const all = emulator().snapshot().users.map((user) => user.id);
      assert.deepEqual(seen, all);
      assert.equal(pages, Math.ceil(all.length / 7));
    });

    it('follows a nextLink through the SDK once its origin and version are stripped (the SDK only strips https:// origins)', async () => {
      const client = sdkClient(emulator());
      let page = await client.api('/users').select('id').top(20).get();
      const ids: string[] = page.value.map((user: { id: string }) => user.id);
      while (page['@odata.nextLink']) {
        const relative = (page['@odata.nextLink'] as string).replace(/^https?:\/\/[^/]+\/v1\.0/, '');
        page = await client.api(relative).get();
        ids.push(...page.value.map((user: { id: string }) => user.id));
      }
      assert.equal(ids.length, emulator().snapshot().users.length);
    });

    it('shows why: the SDK given an http:// nextLink as-is requests a doubled URL that Graph (and the emulator) cannot route', async () => {
      const first = await sdkClient(emulator()).api('/users').select('id').top(20).get();
      const failure = await sdkFailure(sdkClient(emulator()).api(first['@odata.nextLink']).get());
      assert.equal(failure.statusCode, 400);
      const last = emulator().requestLog.at(-1);
      assert.match(last?.path ?? '', /^\/v1\.0\/http:/);
    });

    it('uses a default page size of 100', async () => {
      const response = await call(emulator(), 'GET', '/v1.0/users?$select=id');
      assert.equal(response.body.value.length, emulator().snapshot().users.length);
      assert.equal(response.body['@odata.nextLink'], undefined);
    });

    for (const top of ['0', '1000', 'ten']) {
      it(`refuses $top=${top} as Graph does`, async () => {
        const response = await call(emulator(), 'GET', `/v1.0/users?$top=${top}`);
        assertGraphError(response, 400, 'Request_UnsupportedQuery', `Invalid page size specified: '${top}'. Must be between 1 and 999 inclusive.`);
      });
    }

    it('refuses a forged $skiptoken', async () => {
      const response = await call(emulator(), 'GET', '/v1.0/users?$skiptoken=not-a-token');
      assertGraphError(response, 400, 'Request_BadRequest', /skiptoken/);
    });
  });

  describe('GET /users/{id}/manager', () => {
    it('returns the manager as a directoryObject of type user with default properties', async () => {
      const manager = await sdkClient(emulator()).api(`/users/${people.aliceJohnson}/manager`).get();
      assert.equal(manager['@odata.type'], '#microsoft.graph.user');
      assert.equal(manager['@odata.context'], `${emulator().url}/v1.0/$metadata#directoryObjects/$entity`);
      assert.equal(manager.id, people.meganBowen);
      assert.deepEqual(Object.keys(manager), ['@odata.context', '@odata.type', ...DEFAULT_USER_PROPERTIES]);
    });

    it('honours $select on the manager', async () => {
      const manager = await sdkClient(emulator()).api(`/users/${people.aliceJohnson}/manager`).select('id,usageLocation').get();
      assert.deepEqual(Object.keys(manager), ['@odata.context', '@odata.type', 'id', 'usageLocation']);
      assert.equal(manager.usageLocation, 'US');
    });

    it('answers 404 Request_ResourceNotFound when the user has no manager', async () => {
      const response = await call(emulator(), 'GET', `/v1.0/users/${people.pattiFernandez}/manager`);
      assertGraphError(response, 404, 'Request_ResourceNotFound', "Resource 'manager' does not exist or one of its queried reference-property objects are not present.");
    });
  });

  describe('GET /users/{id}/memberOf', () => {
    it('lists the groups as directoryObjects of type group, with $select', async () => {
      const page = await sdkClient(emulator()).api(`/users/${people.adeleVance}/memberOf`).select('id,displayName').get();
      assert.deepEqual(
        page.value.map((group: Record<string, unknown>) => Object.keys(group)),
        page.value.map(() => ['@odata.type', 'id', 'displayName']),
      );
      assert.deepEqual(page.value.map((group: { displayName: string }) => group.displayName), ['License Desk admins', 'License approvers', 'All Company']);
      assert.ok(page.value.every((group: Record<string, unknown>) => group['@odata.type'] === '#microsoft.graph.group'));
    });
  });

  describe('routing', () => {
    const cases: { method: string; path: string; status: number; code: string; message: string | RegExp }[] = [
      { method: 'GET', path: '/v1.0/widgets', status: 400, code: 'BadRequest', message: "Resource not found for the segment 'widgets'." },
      { method: 'GET', path: `/v1.0/users/${people.alexWilber}/photos`, status: 400, code: 'BadRequest', message: "Resource not found for the segment 'photos'." },
      { method: 'GET', path: '/beta/users', status: 400, code: 'BadRequest', message: 'Invalid version: beta' },
      { method: 'DELETE', path: `/v1.0/users/${people.alexWilber}`, status: 405, code: 'Request_BadRequest', message: /DELETE/ },
      { method: 'GET', path: `/v1.0/users?$orderby=displayName`, status: 400, code: 'Request_UnsupportedQuery', message: /\$orderby/ },
    ];
    for (const { method, path, status, code, message } of cases) {
      it(`${method} ${path} → ${status} ${code}`, async () => {
        assertGraphError(await call(emulator(), method, path), status, code, message);
      });
    }

    it('matches path segments case-insensitively and echoes client-request-id', async () => {
      const response = await call(emulator(), 'GET', `/v1.0/Users/${people.alexWilber}?$select=id`, undefined, { 'client-request-id': 'trace-42' });
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('client-request-id'), 'trace-42');
      assert.ok(response.headers.get('request-id'));
    });

    it('logs the /v1.0 paths the SDK builds from baseUrl', async () => {
      await sdkClient(emulator()).api('/users').top(1).get();
      const [entry] = emulator().requestLog;
      assert.equal(entry?.method, 'GET');
      assert.equal(entry?.path, '/v1.0/users');
      assert.equal(entry?.status, 200);
      assert.equal(entry?.viaBatch, false);
    });
  });
});

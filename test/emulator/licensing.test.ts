import assert from 'node:assert/strict';
import { DEFAULT_USER_PROPERTIES } from '../../src/emulator/resource-shapes';
import { assertGraphError, call, groups, people, planId, sdkClient, sdkFailure, skuId, useEmulator } from './emulator-harness';

const add = (...partNumbers: string[]) => partNumbers.map((partNumber) => ({ skuId: skuId(partNumber), disabledPlans: [] }));

describe('Graph emulator: assignLicense and subscribedSkus', () => {
  const emulator = useEmulator();

  const assign = (userId: string, body: unknown) => call(emulator(), 'POST', `/v1.0/users/${userId}/assignLicense`, body);

  describe('success', () => {
    it('adds Phone System and a Calling Plan in one call, returns the user and updates consumedUnits', async () => {
      const before = emulator().sku('MCOPSTN1')?.consumedUnits ?? -1;
      const user = await sdkClient(emulator())
        .api(`/users/${people.aliceJohnson}/assignLicense`)
        .post({ addLicenses: add('MCOEV', 'MCOPSTN1'), removeLicenses: [] });
      assert.equal(user['@odata.context'], `${emulator().url}/v1.0/$metadata#users/$entity`);
      assert.deepEqual(Object.keys(user), ['@odata.context', ...DEFAULT_USER_PROPERTIES]);
      assert.deepEqual(emulator().user(people.aliceJohnson)?.skuPartNumbers, ['ENTERPRISEPACK', 'MCOEV', 'MCOPSTN1']);

      const skus = await sdkClient(emulator()).api('/subscribedSkus').get();
      const consumed = (partNumber: string) => skus.value.find((sku: { skuPartNumber: string }) => sku.skuPartNumber === partNumber).consumedUnits;
      assert.equal(consumed('MCOPSTN1'), before + 1);
      assert.equal(consumed('MCOEV'), 6);
      assert.deepEqual(emulator().writeLog.map(({ userId, addedSkuIds, removedSkuIds }) => ({ userId, addedSkuIds, removedSkuIds })), [
        { userId: people.aliceJohnson, addedSkuIds: [skuId('MCOEV'), skuId('MCOPSTN1')], removedSkuIds: [] },
      ]);
    });

    it('gives a user with no licence a base licence, Phone System and a Calling Plan in one call', async () => {
      const response = await assign(people.noahPatel, { addLicenses: add('ENTERPRISEPACK', 'MCOEV', 'MCOPSTN1'), removeLicenses: [] });
      assert.equal(response.status, 200, JSON.stringify(response.body));
      assert.deepEqual(emulator().user(people.noahPatel)?.skuPartNumbers, ['ENTERPRISEPACK', 'MCOEV', 'MCOPSTN1']);
    });

    it('lets an E5 user take a Calling Plan alone (E5 carries Phone System)', async () => {
      const response = await assign(people.meganBowen, { addLicenses: add('MCOPSTN1'), removeLicenses: [] });
      assert.equal(response.status, 200, JSON.stringify(response.body));
    });

    it('swaps E1 for E3 when both travel in the same call', async () => {
      const response = await assign(people.emmaWilson, { addLicenses: add('ENTERPRISEPACK'), removeLicenses: [skuId('STANDARDPACK')] });
      assert.equal(response.status, 200, JSON.stringify(response.body));
      assert.deepEqual(emulator().user(people.emmaWilson)?.skuPartNumbers, ['ENTERPRISEPACK']);
      assert.equal(emulator().sku('STANDARDPACK')?.consumedUnits, 2);
    });

    it('frees a seat on removal, so a full SKU can be assigned again', async () => {
      assert.equal(emulator().sku('MCOPSTN2')?.consumedUnits, emulator().sku('MCOPSTN2')?.prepaidUnits.enabled);
      assert.equal((await assign(people.liamOConnor, { addLicenses: [], removeLicenses: [skuId('MCOPSTN2')] })).status, 200);
      assert.equal(emulator().sku('MCOPSTN2')?.consumedUnits, 0);
      const response = await assign(people.aliceJohnson, { addLicenses: add('MCOEV', 'MCOPSTN2'), removeLicenses: [] });
      assert.equal(response.status, 200, JSON.stringify(response.body));
      assert.equal(emulator().sku('MCOPSTN2')?.consumedUnits, 1);
    });

    it('adds a direct assignment beside a group one without taking a seat, and removes it again', async () => {
      const consumed = emulator().sku('MCOEV')?.consumedUnits;
      assert.equal((await assign(people.isaiahLanger, { addLicenses: add('MCOEV'), removeLicenses: [] })).status, 200);
      assert.equal(emulator().sku('MCOEV')?.consumedUnits, consumed);
      assert.deepEqual(
        emulator().user(people.isaiahLanger)?.licenseAssignmentStates.filter((state) => state.skuId === skuId('MCOEV')).map((state) => state.assignedByGroup),
        [null, groups.salesCalling],
      );
      assert.equal((await assign(people.isaiahLanger, { addLicenses: [], removeLicenses: [skuId('MCOEV')] })).status, 200);
      assert.deepEqual(emulator().user(people.isaiahLanger)?.skuPartNumbers, ['ENTERPRISEPACK', 'MCOEV']);
    });

    it('keeps disabledPlans on the assignment', async () => {
      const disabled = [planId('SHAREPOINTWAC')];
      assert.equal((await assign(people.noahPatel, { addLicenses: [{ skuId: skuId('ENTERPRISEPACK'), disabledPlans: disabled }], removeLicenses: [] })).status, 200);
      assert.deepEqual(emulator().user(people.noahPatel)?.assignedLicenses, [{ skuId: skuId('ENTERPRISEPACK'), disabledPlans: disabled }]);
    });
  });

  describe('failures (status, code and message as Graph answers them; nothing written)', () => {
    const unknownSku = '11111111-2222-3333-4444-555555555555';
    const cases: { name: string; user: string; body: unknown; status: number; code: string; message: () => string }[] = [
      {
        name: 'unknown skuId',
        user: people.aliceJohnson,
        body: { addLicenses: [{ skuId: unknownSku, disabledPlans: [] }], removeLicenses: [] },
        status: 400,
        code: 'Request_BadRequest',
        message: () => `License ${unknownSku} does not correspond to a valid company License.`,
      },
      {
        name: 'no free seat (MCOPSTN2 fully consumed)',
        user: people.aliceJohnson,
        body: { addLicenses: add('MCOEV', 'MCOPSTN2'), removeLicenses: [] },
        status: 400,
        code: 'Request_BadRequest',
        message: () => `Subscription with SKU ${skuId('MCOPSTN2')} does not have any available licenses.`,
      },
      {
        name: 'no usage location',
        user: people.sofiaRossi,
        body: { addLicenses: add('ENTERPRISEPACK'), removeLicenses: [] },
        status: 400,
        code: 'Request_BadRequest',
        message: () => 'License assignment cannot be done for user with invalid usage location.',
      },
      {
        name: 'two Calling Plans (mutually exclusive)',
        user: people.graceKim,
        body: { addLicenses: add('MCOPSTN5'), removeLicenses: [] },
        status: 400,
        code: 'Request_BadRequest',
        message: () => `License assignment failed because service plans ${planId('MCOPSTN1')}, ${planId('MCOPSTN5')} are mutually exclusive.`,
      },
      {
        name: 'E3 on top of E1 (Exchange plans mutually exclusive)',
        user: people.emmaWilson,
        body: { addLicenses: add('ENTERPRISEPACK'), removeLicenses: [] },
        status: 400,
        code: 'Request_BadRequest',
        message: () => `License assignment failed because service plans ${planId('EXCHANGE_S_STANDARD')}, ${planId('EXCHANGE_S_ENTERPRISE')} are mutually exclusive.`,
      },
      {
        name: 'Calling Plan without Phone System (dependency)',
        user: people.aliceJohnson,
        body: { addLicenses: add('MCOPSTN1'), removeLicenses: [] },
        status: 400,
        code: 'Request_BadRequest',
        message: () => `License assignment failed because service plan ${planId('MCOPSTN1')} depends on the service plan(s) ${planId('MCOEV')}`,
      },
      {
        name: 'Phone System without a base licence (dependency)',
        user: people.noahPatel,
        body: { addLicenses: add('MCOEV'), removeLicenses: [] },
        status: 400,
        code: 'Request_BadRequest',
        message: () => `License assignment failed because service plan ${planId('MCOEV')} depends on the service plan(s) ${planId('MCOSTANDARD')}`,
      },
      {
        name: 'Phone System on an E3 whose Skype plan is disabled (dependency)',
        user: people.lucasSchmidt,
        body: { addLicenses: add('MCOEV'), removeLicenses: [] },
        status: 400,
        code: 'Request_BadRequest',
        message: () => `License assignment failed because service plan ${planId('MCOEV')} depends on the service plan(s) ${planId('MCOSTANDARD')}`,
      },
      {
        name: 'removing the base licence a Calling Plan relies on (dependency)',
        user: people.liamOConnor,
        body: { addLicenses: [], removeLicenses: [skuId('ENTERPRISEPACK')] },
        status: 400,
        code: 'Request_BadRequest',
        message: () => `License assignment failed because service plan ${planId('MCOEV')} depends on the service plan(s) ${planId('MCOSTANDARD')}`,
      },
      {
        name: 'removing a licence inherited from a group',
        user: people.isaiahLanger,
        body: { addLicenses: [], removeLicenses: [skuId('MCOEV')] },
        status: 400,
        code: 'Request_BadRequest',
        message: () => 'User license is inherited from a group membership and it cannot be removed directly from the user.',
      },
      {
        name: 'removing a licence the user does not have',
        user: people.aliceJohnson,
        body: { addLicenses: [], removeLicenses: [skuId('MCOPSTN1')] },
        status: 400,
        code: 'Request_BadRequest',
        message: () => 'User does not have a corresponding license.',
      },
      {
        name: 'unknown user',
        user: 'ghost@example.com',
        body: { addLicenses: add('MCOEV'), removeLicenses: [] },
        status: 404,
        code: 'Request_ResourceNotFound',
        message: () => "Resource 'ghost@example.com' does not exist or one of its queried reference-property objects are not present.",
      },
      {
        name: 'removeLicenses missing',
        user: people.aliceJohnson,
        body: { addLicenses: add('MCOEV') },
        status: 400,
        code: 'Request_BadRequest',
        message: () => "One or more parameters of the operation 'assignLicense' are missing from the request payload. The missing parameters are: removeLicenses.",
      },
      {
        name: 'skuId that is not a GUID',
        user: people.aliceJohnson,
        body: { addLicenses: [{ skuId: 'MCOEV', disabledPlans: [] }], removeLicenses: [] },
        status: 400,
        code: 'Request_BadRequest',
        message: () => "Invalid value specified for property 'skuId' of resource 'AssignedLicense'.",
      },
      {
        name: 'malformed JSON',
        user: people.aliceJohnson,
        body: '{"addLicenses": [',
        status: 400,
        code: 'BadRequest',
        message: () => 'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.',
      },
    ];

    for (const { name, user, body, status, code, message } of cases) {
      it(name, async () => {
        const before = emulator().snapshot();
        const response = await assign(user, body);
        assertGraphError(response, status, code, message());
        assert.deepEqual(emulator().snapshot(), before);
        assert.deepEqual(emulator().writeLog, []);
      });
    }

    it('reaches the bot through the SDK as a GraphError with statusCode, code and message', async () => {
      const failure = await sdkFailure(
        sdkClient(emulator()).api(`/users/${people.sofiaRossi}/assignLicense`).post({ addLicenses: add('ENTERPRISEPACK'), removeLicenses: [] }),
      );
      assert.equal(failure.statusCode, 400);
      assert.equal(failure.code, 'Request_BadRequest');
      assert.equal(failure.message, 'License assignment cannot be done for user with invalid usage location.');
    });
  });

  describe('GET /subscribedSkus', () => {
    it("answers Graph's subscribedSku shape with consumedUnits derived from the users", async () => {
      const response = await call(emulator(), 'GET', '/v1.0/subscribedSkus');
      assert.equal(response.body['@odata.context'], `${emulator().url}/v1.0/$metadata#subscribedSkus`);
      const e5 = response.body.value.find((sku: { skuPartNumber: string }) => sku.skuPartNumber === 'ENTERPRISEPREMIUM');
      assert.deepEqual(Object.keys(e5), [
        'accountName',
        'accountId',
        'appliesTo',
        'capabilityStatus',
        'consumedUnits',
        'id',
        'skuId',
        'skuPartNumber',
        'subscriptionIds',
        'prepaidUnits',
        'servicePlans',
      ]);
      assert.equal(e5.id, `${emulator().tenantId}_${e5.skuId}`);
      assert.equal(e5.accountId, emulator().tenantId);
      const holders = emulator().snapshot().users.filter((user) => user.assignedLicenses.some((licence) => licence.skuId === e5.skuId));
      assert.equal(e5.consumedUnits, holders.length);
    });

    it('serves one SKU by its id and honours $select', async () => {
      const id = `${emulator().tenantId}_${skuId('MCOEV')}`;
      const response = await call(emulator(), 'GET', `/v1.0/subscribedSkus/${id}?$select=skuPartNumber,consumedUnits`);
      assert.deepEqual(response.body, {
        '@odata.context': `${emulator().url}/v1.0/$metadata#subscribedSkus(skuPartNumber,consumedUnits)/$entity`,
        skuPartNumber: 'MCOEV',
        consumedUnits: 5,
      });
    });
  });
});

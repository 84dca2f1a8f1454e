import assert from 'node:assert/strict';
import { FaultInjector } from '../../src/emulator/faults';
import { assertGraphError, call, people, sdkClient, sdkFailure, skuId, useEmulator } from './emulator-harness';

/** A write that always succeeds and changes nothing: re-adding a licence the user holds. */
const noOpWrite = { addLicenses: [{ skuId: skuId('ENTERPRISEPREMIUM'), disabledPlans: [] }], removeLicenses: [] };

describe('Graph emulator: faults, latency and logs', () => {
  const emulator = useEmulator();

  const read = () => call(emulator(), 'GET', `/v1.0/users/${people.alexWilber}?$select=id`);
  const write = () => call(emulator(), 'POST', `/v1.0/users/${people.meganBowen}/assignLicense`, noOpWrite);

  describe('scripted failures', () => {
    it('answers 429 with Retry-After and Graph’s throttling error, then recovers', async () => {
      emulator().failNext(1, { status: 429, retryAfterSeconds: 7 });
      const throttled = await read();
      assertGraphError(throttled, 429, 'Request_ThrottledTemporarily', 'Your request is throttled temporarily. Please try after 7 seconds.');
      assert.equal(throttled.headers.get('retry-after'), '7');
      assert.equal((await read()).status, 200);
    });

    it('can leave Retry-After out', async () => {
      emulator().failNext(1, { status: 429, omitRetryAfter: true });
      const throttled = await read();
      assert.equal(throttled.status, 429);
      assert.equal(throttled.headers.get('retry-after'), null);
    });

    const serverErrors = [
      { status: 503 as const, code: 'serviceNotAvailable' },
      { status: 500 as const, code: 'Service_InternalServerError' },
    ];
    for (const { status, code } of serverErrors) {
      it(`limited to writes, answers ${status} ${code} to the write and lets reads through`, async () => {
        emulator().failNext(1, { status, writesOnly: true });
        assert.equal((await read()).status, 200);
        assertGraphError(await write(), status, code, /./);
        assert.equal((await write()).status, 200);
      });
    }

    it('is retried by the Graph SDK, which honours Retry-After', async () => {
      emulator().failNext(1, { status: 429, retryAfterSeconds: 1 });
      const user = await sdkClient(emulator(), { retries: 2 }).api(`/users/${people.alexWilber}`).select('id').get();
      assert.equal(user.id, people.alexWilber);
      assert.deepEqual(emulator().requestLog.map((entry) => entry.status), [429, 200]);
    });

    it('reaches the bot through the SDK with the Retry-After header when retries are off', async () => {
      emulator().failNext(1, { status: 429, retryAfterSeconds: 9 });
      const failure = await sdkFailure(sdkClient(emulator()).api(`/users/${people.alexWilber}`).get());
      assert.equal(failure.statusCode, 429);
      assert.equal(failure.code, 'Request_ThrottledTemporarily');
      assert.equal(failure.headers?.get('retry-after'), '9');
    });
  });

  describe('random failures', () => {
    it('fails every request at rate 1 and none at rate 0', async () => {
      emulator().setFaults({ throttleRate: 1 });
      assert.equal((await read()).status, 429);
      emulator().setFaults({ throttleRate: 0, serverErrorRate: 0 });
      assert.equal((await read()).status, 200);
    });

    it('repeats the same sequence for the same seed', () => {
      const draw = () => {
        const injector = new FaultInjector({ throttleRate: 0.3, serverErrorRate: 0.3, seed: 42 }, undefined);
        return Array.from({ length: 40 }, () => injector.decide(false)?.status ?? 200);
      };
      const first = draw();
      assert.deepEqual(draw(), first);
      assert.ok(first.includes(429) && first.includes(503) && first.includes(200), first.join(','));
    });

    it('spares reads when limited to writes', async () => {
      emulator().setFaults({ serverErrorRate: 1, writesOnly: true });
      assert.equal((await read()).status, 200);
      assert.equal((await write()).status, 503);
    });
  });

  describe('write token bucket', () => {
    it('refuses writes beyond capacity with 429 and a Retry-After for the next token; reads pass', async () => {
      emulator().setWriteBucket({ capacity: 2, refillPerSecond: 0.5 });
      assert.equal((await write()).status, 200);
      assert.equal((await write()).status, 200);
      const refused = await write();
      assertGraphError(refused, 429, 'Request_ThrottledTemporarily', /throttled/);
      assert.equal(refused.headers.get('retry-after'), '2');
      assert.equal((await read()).status, 200);
      assert.equal(emulator().writeLog.length, 2);
    });

    it('refills over time', () => {
      let now = 0;
      const injector = new FaultInjector(undefined, { capacity: 1, refillPerSecond: 20 }, () => now);
      assert.equal(injector.decide(true), undefined);
      assert.equal(injector.decide(true)?.status, 429);
      now += 50;
      assert.equal(injector.decide(true), undefined);
    });
  });

  describe('latency', () => {
    it('delays every HTTP request by at least the configured time', async () => {
      emulator().setLatency(120);
      await read();
      emulator().setLatency(0);
      await read();
      const [slow, fast] = emulator().requestLog;
      assert.ok((slow?.durationMs ?? 0) >= 115, `took ${slow?.durationMs} ms`);
      assert.ok((fast?.durationMs ?? Infinity) < (slow?.durationMs ?? 0));
    });
  });

  describe('logs', () => {
    it('records each request and each successful write, and resetLogs empties both', async () => {
      await read();
      await write();
      await call(emulator(), 'POST', `/v1.0/users/${people.sofiaRossi}/assignLicense`, noOpWrite);
      assert.deepEqual(
        emulator().requestLog.map(({ method, path, status, write: isWrite }) => ({ method, path, status, write: isWrite })),
        [
          { method: 'GET', path: `/v1.0/users/${people.alexWilber}`, status: 200, write: false },
          { method: 'POST', path: `/v1.0/users/${people.meganBowen}/assignLicense`, status: 200, write: true },
          { method: 'POST', path: `/v1.0/users/${people.sofiaRossi}/assignLicense`, status: 400, write: true },
        ],
      );
      assert.deepEqual(
        emulator().writeLog.map(({ userId, addedSkuIds, removedSkuIds }) => ({ userId, addedSkuIds, removedSkuIds })),
        [{ userId: people.meganBowen, addedSkuIds: [skuId('ENTERPRISEPREMIUM')], removedSkuIds: [] }],
      );
      emulator().resetLogs();
      assert.deepEqual([emulator().requestLog, emulator().writeLog], [[], []]);
    });
  });
});

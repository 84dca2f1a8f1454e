import assert from 'node:assert/strict';
import { AdaptiveGate, unknownRetryDelayMs } from '../../src/services/bulk/adaptive-gate';
import { DelayedQueue } from '../../src/services/bulk/delayed-queue';

const limits = { initial: 4, min: 2, max: 6 };
const clean = { requests: 20, throttled: 0, retryAfterSeconds: undefined, unknown: 0 };

describe('adaptive concurrency for Graph batches', () => {
  let now = 0;
  const clock = () => now;
  beforeEach(() => {
    now = 1_000_000;
  });

  it('admits calls up to its limit', () => {
    const gate = new AdaptiveGate(limits, clock);
    for (let i = 0; i < 4; i++) {
      assert.ok(gate.canStart());
      gate.begin();
    }
    assert.equal(gate.canStart(), false);
    gate.end(clean);
    assert.ok(gate.canStart());
  });

  it('grows by one after a round of clean calls, up to its maximum', () => {
    const gate = new AdaptiveGate(limits, clock);
    for (let i = 0; i < 40; i++) {
      gate.begin();
      gate.end(clean);
    }
    assert.equal(gate.limit, limits.max);
  });

  it('a few throttled requests halve the limit without pausing everything', () => {
    const gate = new AdaptiveGate({ initial: 6, min: 2, max: 12 }, clock);
    gate.begin();
    gate.end({ requests: 20, throttled: 2, retryAfterSeconds: 5, unknown: 0 });
    assert.equal(gate.limit, 3);
    assert.equal(gate.pauseRemainingMs(), 0);
    assert.equal(gate.throttledCalls, 1);
  });

  it('a mostly throttled call pauses every call for its Retry-After and restarts from the floor', () => {
    const gate = new AdaptiveGate(limits, clock);
    gate.begin();
    gate.end({ requests: 20, throttled: 15, retryAfterSeconds: 3, unknown: 0 });
    assert.equal(gate.limit, limits.min);
    assert.equal(gate.canStart(), false);
    assert.equal(gate.pauseRemainingMs(), 3000);
    now += 2999;
    assert.equal(gate.canStart(), false);
    now += 1;
    assert.ok(gate.canStart());
  });

  it('without Retry-After, backs off exponentially; Retry-After is capped', () => {
    const gate = new AdaptiveGate(limits, clock);
    assert.deepEqual([0, 1, 2, 3].map((attempt) => gate.retryDelayMs(undefined, attempt)), [1000, 2000, 4000, 8000]);
    assert.equal(gate.retryDelayMs(3600), 120_000);
    assert.deepEqual([1, 2, 6].map(unknownRetryDelayMs), [500, 1000, 8000]);
  });

  it('mostly unknown answers (5xx, timeouts) pause briefly; a few do not change the limit', () => {
    const gate = new AdaptiveGate(limits, clock);
    gate.begin();
    gate.end({ requests: 20, throttled: 0, retryAfterSeconds: undefined, unknown: 1 });
    assert.equal(gate.limit, 4);
    gate.begin();
    gate.end({ requests: 20, throttled: 0, retryAfterSeconds: undefined, unknown: 20 });
    assert.equal(gate.limit, 2);
    assert.ok(gate.pauseRemainingMs() > 0);
  });
});

describe('delayed queue', () => {
  it('hands out ready items in order and keeps waiting ones until their time', () => {
    let now = 0;
    const queue = new DelayedQueue<string>(() => now);
    queue.push('a');
    queue.push('b', 500);
    queue.push('c');
    assert.equal(queue.readyCount(), 2);
    assert.deepEqual(queue.takeReady(5), ['a', 'c']);
    assert.equal(queue.nextReadyInMs(), 500);
    now = 500;
    assert.deepEqual(queue.takeReady(5), ['b']);
    assert.equal(queue.size, 0);
  });
});

/**
 * Reads many users through BulkDirectory with the adaptive gate: batches of 20 (10 with a group check);
 * throttled requests wait their Retry-After and unknown answers a short backoff before they are read
 * again; anything else is answered as is.
 */
import type { DirectoryError } from '../../ports';
import { AdaptiveGate, unknownRetryDelayMs, type CallOutcome } from './adaptive-gate';
import { MAX_THROTTLED_ATTEMPTS, MAX_UNKNOWN_ATTEMPTS } from './bulk-limits';
import type { BulkDirectory, UserReadResult } from './bulk-ports';
import { DelayedQueue } from './delayed-queue';
import { waitForAny } from './wait-for-any';

export async function readManyUsers(
  bulk: BulkDirectory,
  keys: readonly string[],
  groupId: string | undefined,
  gate: AdaptiveGate = new AdaptiveGate(),
  now: () => number = Date.now,
): Promise<Map<string, UserReadResult>> {
  const results = new Map<string, UserReadResult>();
  const attempts = new Map<string, { throttled: number; unknown: number }>();
  const queue = new DelayedQueue<string>(now);
  keys.forEach((key) => queue.push(key));
  const inFlight = new Set<Promise<void>>();
  const size = bulk.usersPerRead(groupId !== undefined);

  const readOnce = async (batch: string[]) => {
    gate.begin();
    const errors: DirectoryError[] = [];
    try {
      const answers = await bulk.readUsers(batch, groupId);
      for (const key of batch) {
        const answer = answers.get(key);
        const count = attempts.get(key) ?? { throttled: 0, unknown: 0 };
        attempts.set(key, count);
        if (answer?.kind === 'error') errors.push(answer.error);
        if (answer?.kind === 'error' && answer.error.reason === 'GRAPH_THROTTLED' && ++count.throttled < MAX_THROTTLED_ATTEMPTS) {
          queue.push(key, gate.retryDelayMs(answer.error.retryAfterSeconds, count.throttled));
        } else if ((!answer || (answer.kind === 'error' && answer.error.outcomeUnknown)) && ++count.unknown < MAX_UNKNOWN_ATTEMPTS) {
          queue.push(key, unknownRetryDelayMs(count.unknown));
        } else if (answer) results.set(key, answer);
      }
    } finally {
      gate.end(callOutcome(errors, batch.length));
    }
  };

  while (queue.size > 0 || inFlight.size > 0) {
    while (queue.readyCount() > 0 && gate.canStart()) {
      const task = readOnce(queue.takeReady(size)).finally(() => inFlight.delete(task));
      inFlight.add(task);
    }
    await waitForAny(inFlight, Math.max(1, Math.min(gate.pauseRemainingMs() || 1000, queue.nextReadyInMs() ?? 1000)));
  }
  return results;
}

/** How a call went, for the gate. */
export function callOutcome(errors: readonly DirectoryError[], requests: number): CallOutcome {
  const throttled = errors.filter((error) => error.reason === 'GRAPH_THROTTLED');
  const waits = throttled.flatMap((error) => (error.retryAfterSeconds === undefined ? [] : [error.retryAfterSeconds]));
  return {
    requests,
    throttled: throttled.length,
    retryAfterSeconds: waits.length > 0 ? Math.max(...waits) : undefined,
    unknown: errors.filter((error) => error.outcomeUnknown).length,
  };
}

/**
 * Reads many users through BulkDirectory with the adaptive gate: batches of 20 (10 with a group
 * check), throttled and unknown answers retried (honouring Retry-After), anything else answered as is.
 */
import type { DirectoryError } from '../../ports';
import { AdaptiveGate, type CallOutcome } from './adaptive-gate';
import { MAX_THROTTLED_ATTEMPTS, MAX_UNKNOWN_ATTEMPTS } from './bulk-limits';
import type { BulkDirectory, UserReadResult } from './bulk-ports';
import { waitForAny } from './wait-for-any';

export async function readManyUsers(
  bulk: BulkDirectory,
  keys: readonly string[],
  groupId: string | undefined,
  gate: AdaptiveGate = new AdaptiveGate(),
): Promise<Map<string, UserReadResult>> {
  const results = new Map<string, UserReadResult>();
  const attempts = new Map<string, { throttled: number; unknown: number }>();
  const queue = [...keys];
  const inFlight = new Set<Promise<void>>();
  const size = bulk.usersPerRead(groupId !== undefined);

  const readOnce = async (batch: string[]) => {
    gate.begin();
    const answers = await bulk.readUsers(batch, groupId);
    const errors: DirectoryError[] = [];
    for (const key of batch) {
      const answer = answers.get(key);
      if (answer?.kind === 'error') errors.push(answer.error);
      const count = attempts.get(key) ?? { throttled: 0, unknown: 0 };
      attempts.set(key, count);
      if (answer?.kind === 'error' && answer.error.reason === 'GRAPH_THROTTLED' && ++count.throttled < MAX_THROTTLED_ATTEMPTS) queue.push(key);
      else if (answer?.kind === 'error' && answer.error.outcomeUnknown && ++count.unknown < MAX_UNKNOWN_ATTEMPTS) queue.push(key);
      else if (answer) results.set(key, answer);
      else queue.push(key);
    }
    gate.end(callOutcome(errors));
  };

  while (queue.length > 0 || inFlight.size > 0) {
    while (queue.length > 0 && gate.canStart()) {
      const task = readOnce(queue.splice(0, size)).finally(() => inFlight.delete(task));
      inFlight.add(task);
    }
    await waitForAny(inFlight, gate.pauseRemainingMs() || 1000);
  }
  return results;
}

/** How a call went, for the gate: any 429 throttles (the longest Retry-After wins), any unknown troubles. */
export function callOutcome(errors: readonly DirectoryError[]): CallOutcome {
  const throttled = errors.filter((error) => error.reason === 'GRAPH_THROTTLED');
  if (throttled.length > 0) {
    const waits = throttled.flatMap((error) => (error.retryAfterSeconds === undefined ? [] : [error.retryAfterSeconds]));
    return { kind: 'throttled', retryAfterSeconds: waits.length > 0 ? Math.max(...waits) : undefined };
  }
  return errors.some((error) => error.outcomeUnknown) ? { kind: 'troubled' } : { kind: 'clean' };
}

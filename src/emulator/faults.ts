/**
 * Injected failures: scripted ones (the next N requests), random ones (a rate of 429s and of 5xx), and
 * a token bucket for writes that answers 429 with Retry-After when empty, as Graph's per-app write
 * limit does (3,000 writes per 150 s is capacity 3000, refill 20 per second).
 *
 * Connection faults are failures without an HTTP answer, for top-level requests only (not $batch members):
 * a reset before the request is processed, a hang until the client gives up (neither applies anything), and
 * a write that is applied but whose answer is lost — the case a client can only settle by reading again.
 */
import { GraphError, graphErrors } from './graph-error';

export interface FaultOptions {
  /** Probability (0..1) that a request is answered 429. */
  readonly throttleRate?: number;
  /** Retry-After on injected 429s, in seconds (default 1). */
  readonly retryAfterSeconds?: number;
  /** Answer injected 429s without a Retry-After header. */
  readonly omitRetryAfter?: boolean;
  /** Probability (0..1) that a request is answered with a server error. */
  readonly serverErrorRate?: number;
  /** Which server error (default 503). */
  readonly serverErrorStatus?: 500 | 503;
  /** Probability (0..1) that the connection is reset before the request is processed. */
  readonly resetRate?: number;
  /** Probability (0..1) that the request is never answered (the client's timeout ends it). */
  readonly hangRate?: number;
  /**
   * Probability (0..1) that a write is applied and then its connection closed without an answer. Also applies to a
   * $batch whose members wrote something (drawn after the batch ran).
   */
  readonly dropResponseAfterWriteRate?: number;
  /** Only writes (assignLicense) are affected. */
  readonly writesOnly?: boolean;
  /** Makes the random draws repeatable. */
  readonly seed?: number;
}

export interface WriteBucketOptions {
  readonly capacity: number;
  readonly refillPerSecond: number;
}

export type ConnectionFault = 'reset' | 'hang' | 'dropResponseAfterWrite';

export interface HttpFailure {
  readonly status: 403 | 429 | 500 | 503;
  readonly retryAfterSeconds?: number;
  readonly omitRetryAfter?: boolean;
  readonly writesOnly?: boolean;
}

/** dropResponseAfterWrite only ever matches writes. */
export interface ConnectionFailure {
  readonly connection: ConnectionFault;
  readonly writesOnly?: boolean;
}

export type ScriptedFailure = HttpFailure | ConnectionFailure;

function isConnectionFailure(failure: ScriptedFailure): failure is ConnectionFailure {
  return 'connection' in failure;
}

function matches(failure: ScriptedFailure, isWrite: boolean): boolean {
  const writesOnly = failure.writesOnly || (isConnectionFailure(failure) && failure.connection === 'dropResponseAfterWrite');
  return isWrite || !writesOnly;
}

/** mulberry32: a tiny seedable PRNG, enough for repeatable fault sequences. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

function failureFor(failure: HttpFailure): GraphError {
  if (failure.status === 429) return graphErrors.throttled(failure.omitRetryAfter ? undefined : (failure.retryAfterSeconds ?? 1));
  if (failure.status === 403) return graphErrors.forbidden();
  return failure.status === 500 ? graphErrors.internalServerError() : graphErrors.serviceUnavailable();
}

export class FaultInjector {
  private options: FaultOptions = {};
  private random: () => number = Math.random;
  private scripted: { failure: ScriptedFailure; remaining: number }[] = [];
  private bucket: { options: WriteBucketOptions; tokens: number; at: number } | undefined;

  constructor(
    options: FaultOptions | undefined,
    bucket: WriteBucketOptions | undefined,
    private readonly clock: () => number = Date.now,
  ) {
    this.setFaults(options);
    this.setWriteBucket(bucket);
  }

  /** Replaces the fault configuration; pending scripted failures are dropped too. */
  setFaults(options: FaultOptions | undefined): void {
    this.scripted = [];
    this.options = options ?? {};
    this.random = options?.seed === undefined ? Math.random : seededRandom(options.seed);
  }

  setWriteBucket(options: WriteBucketOptions | undefined): void {
    if (options !== undefined && !(options.capacity >= 1 && options.refillPerSecond > 0)) {
      throw new RangeError('writeBucket needs capacity >= 1 and refillPerSecond > 0');
    }
    this.bucket = options === undefined ? undefined : { options, tokens: options.capacity, at: this.clock() };
  }

  /** The next `count` matching requests fail as described, before any other fault is considered. */
  failNext(count: number, failure: ScriptedFailure): void {
    if (count > 0) this.scripted.push({ failure, remaining: count });
  }

  /**
   * The connection fault for a top-level HTTP request, if any; asked before decide(). A scripted HTTP failure
   * that comes first in line is left for decide().
   */
  connectionFault(isWrite: boolean): ConnectionFault | undefined {
    const scripted = this.scripted.find((entry) => matches(entry.failure, isWrite));
    if (scripted) {
      if (!isConnectionFailure(scripted.failure)) return undefined;
      this.consume(scripted);
      return scripted.failure.connection;
    }
    if (this.options.writesOnly && !isWrite) return undefined;
    if (this.draw(this.options.resetRate)) return 'reset';
    if (this.draw(this.options.hangRate)) return 'hang';
    if (isWrite && this.draw(this.options.dropResponseAfterWriteRate)) return 'dropResponseAfterWrite';
    return undefined;
  }

  /** Whether to lose the answer of a request that was not a write itself but made writes (a $batch with writes). */
  dropAnswerAfterBatchWrites(): boolean {
    return this.draw(this.options.dropResponseAfterWriteRate);
  }

  /** The failure to answer instead of the real response, if any. */
  decide(isWrite: boolean): GraphError | undefined {
    const scripted = this.scripted.find((entry) => !isConnectionFailure(entry.failure) && matches(entry.failure, isWrite));
    if (scripted && !isConnectionFailure(scripted.failure)) {
      this.consume(scripted);
      return failureFor(scripted.failure);
    }
    if (isWrite) {
      const refused = this.takeWriteToken();
      if (refused) return refused;
    }
    if (this.options.writesOnly && !isWrite) return undefined;
    if (this.random() < (this.options.throttleRate ?? 0)) {
      return graphErrors.throttled(this.options.omitRetryAfter ? undefined : (this.options.retryAfterSeconds ?? 1));
    }
    if (this.random() < (this.options.serverErrorRate ?? 0)) {
      return this.options.serverErrorStatus === 500 ? graphErrors.internalServerError() : graphErrors.serviceUnavailable();
    }
    return undefined;
  }

  private consume(entry: { failure: ScriptedFailure; remaining: number }): void {
    entry.remaining -= 1;
    if (entry.remaining <= 0) this.scripted.splice(this.scripted.indexOf(entry), 1);
  }

  /** Draws only when a rate is set, so that seeded sequences of the other faults stay as they were. */
  private draw(rate: number | undefined): boolean {
    return rate !== undefined && rate > 0 && this.random() < rate;
  }

  private takeWriteToken(): GraphError | undefined {
    if (!this.bucket) return undefined;
    const now = this.clock();
    const { capacity, refillPerSecond } = this.bucket.options;
    this.bucket.tokens = Math.min(capacity, this.bucket.tokens + ((now - this.bucket.at) / 1000) * refillPerSecond);
    this.bucket.at = now;
    if (this.bucket.tokens >= 1) {
      this.bucket.tokens -= 1;
      return undefined;
    }
    return graphErrors.throttled(Math.max(1, Math.ceil((1 - this.bucket.tokens) / refillPerSecond)));
  }
}

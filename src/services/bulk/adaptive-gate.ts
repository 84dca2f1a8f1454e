/**
 * How many $batch calls may be in flight, adapting to Graph's answers (additive increase, multiplicative
 * decrease). Retry-After is honoured per request: a throttled request is not sent again before it
 * (retryDelayMs). When most of a call is throttled — the whole app is over a limit, as with Graph's
 * write limits — every new call waits too (the gate pauses) and the limit restarts from its floor. A call
 * with a few throttled requests only halves the limit; a round of clean calls raises it by one.
 */
import { CONCURRENCY, MAX_RETRY_AFTER_SECONDS } from './bulk-limits';

export interface GateLimits {
  readonly initial: number;
  readonly min: number;
  readonly max: number;
}

export interface CallOutcome {
  /** Requests in the call. */
  readonly requests: number;
  /** Requests answered 429. */
  readonly throttled: number;
  /** The longest Retry-After among them, when Graph gave one. */
  readonly retryAfterSeconds: number | undefined;
  /** Requests whose outcome is unknown (5xx, timeouts, no answer). */
  readonly unknown: number;
}

/** At least this share of a call throttled (or unknown) means the service wants everything to slow down. */
export const WIDESPREAD_SHARE = 0.5;

export class AdaptiveGate {
  private current: number;
  private running = 0;
  private pausedUntil = 0;
  private cleanSinceChange = 0;
  private backoffLevel = 0;
  private throttles = 0;

  constructor(
    private readonly limits: GateLimits = CONCURRENCY,
    private readonly now: () => number = Date.now,
  ) {
    this.current = limits.initial;
  }

  get limit(): number {
    return this.current;
  }

  get inFlight(): number {
    return this.running;
  }

  /** Calls that had at least one 429. */
  get throttledCalls(): number {
    return this.throttles;
  }

  canStart(): boolean {
    return this.running < this.current && this.now() >= this.pausedUntil;
  }

  /** Milliseconds until a paused gate opens again (0 when it is not paused). */
  pauseRemainingMs(): number {
    return Math.max(0, this.pausedUntil - this.now());
  }

  begin(): void {
    this.running++;
  }

  end(outcome: CallOutcome): void {
    this.running = Math.max(0, this.running - 1);
    const share = (count: number) => (outcome.requests > 0 ? count / outcome.requests : 0);
    if (outcome.throttled > 0) {
      this.throttles++;
      if (share(outcome.throttled) < WIDESPREAD_SHARE) {
        this.decrease();
        return;
      }
      // The service is over a limit for everything: restart from the floor once the pause is over.
      this.current = this.limits.min;
      this.cleanSinceChange = 0;
      this.pauseFor(this.retryDelayMs(outcome.retryAfterSeconds));
      return;
    }
    if (share(outcome.unknown) >= WIDESPREAD_SHARE) {
      this.decrease();
      this.pauseFor(Math.min(2 ** this.backoffLevel++, 8) * 250);
      return;
    }
    if (outcome.unknown > 0) return;
    this.backoffLevel = 0;
    if (++this.cleanSinceChange >= this.current) {
      this.current = Math.min(this.limits.max, this.current + 1);
      this.cleanSinceChange = 0;
    }
  }

  /** How long a throttled request waits before it is sent again: its Retry-After, or an exponential backoff. */
  retryDelayMs(retryAfterSeconds: number | undefined, attempt = this.backoffLevel): number {
    const seconds = retryAfterSeconds ?? 2 ** Math.min(attempt, 5);
    return Math.min(Math.max(seconds, 0), MAX_RETRY_AFTER_SECONDS) * 1000;
  }

  private decrease(): void {
    this.current = Math.max(this.limits.min, Math.floor(this.current / 2));
    this.cleanSinceChange = 0;
  }

  private pauseFor(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.now() + ms);
  }
}

/** A short, growing wait before a user whose write outcome is unknown is read again. */
export function unknownRetryDelayMs(attempt: number): number {
  return Math.min(2 ** attempt * 250, 8000);
}

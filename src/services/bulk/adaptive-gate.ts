/**
 * How many $batch calls may be in flight, adapting to Graph's answers (additive increase, multiplicative
 * decrease): a throttled call halves the limit and pauses every new call until its Retry-After has
 * passed (or an exponential backoff when Graph gave none); a round of clean calls raises the limit by one.
 */
import { CONCURRENCY, MAX_RETRY_AFTER_SECONDS } from './bulk-limits';

export interface GateLimits {
  readonly initial: number;
  readonly min: number;
  readonly max: number;
}

export type CallOutcome =
  | { readonly kind: 'clean' }
  /** At least one request in the call was answered 429. */
  | { readonly kind: 'throttled'; readonly retryAfterSeconds: number | undefined }
  /** Server errors or timeouts: back off a little without a Retry-After to honour. */
  | { readonly kind: 'troubled' };

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

  /** 429 answers seen (calls, not requests). */
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
    switch (outcome.kind) {
      case 'clean':
        this.backoffLevel = 0;
        if (++this.cleanSinceChange >= this.current) {
          this.current = Math.min(this.limits.max, this.current + 1);
          this.cleanSinceChange = 0;
        }
        return;
      case 'throttled': {
        this.throttles++;
        this.decrease();
        const seconds = outcome.retryAfterSeconds ?? this.backoffSeconds();
        this.pauseFor(Math.min(Math.max(seconds, 0), MAX_RETRY_AFTER_SECONDS) * 1000);
        return;
      }
      case 'troubled':
        this.decrease();
        this.pauseFor(Math.min(this.backoffSeconds(), 8) * 250);
        return;
    }
  }

  private decrease(): void {
    this.current = Math.max(this.limits.min, Math.floor(this.current / 2));
    this.cleanSinceChange = 0;
  }

  private backoffSeconds(): number {
    return 2 ** Math.min(this.backoffLevel++, 5);
  }

  private pauseFor(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.now() + ms);
  }
}

/**
 * A deadline for every Graph HTTP request. The SDK sets none, so a Graph call that never answers would hold a
 * conversation turn or an assignment forever. Placed after the SDK's RetryHandler, each attempt gets its own
 * deadline; the signal stays armed while the SDK reads the body, so a response that stalls midway is cut too.
 * The abort reaches the gateway as an error without an HTTP status: GRAPH_UNAVAILABLE, outcome unknown for writes.
 */
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';

export const DEFAULT_GRAPH_TIMEOUT_MS = 30_000;

export class TimeoutHandler implements Middleware {
  private next: Middleware | undefined;

  constructor(private readonly timeoutMs: number = DEFAULT_GRAPH_TIMEOUT_MS) {}

  async execute(context: Context): Promise<void> {
    const deadline = AbortSignal.timeout(this.timeoutMs);
    const callerSignal = context.options?.signal ?? undefined;
    context.options = { ...context.options, signal: callerSignal ? AbortSignal.any([callerSignal, deadline]) : deadline };
    if (!this.next) throw new Error('TimeoutHandler must not be the last middleware');
    await this.next.execute(context);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

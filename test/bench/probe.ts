/**
 * Preloaded (`node -r dist/test/bench/probe.js …`) into a process under benchmark: answers the benchmark over
 * the IPC channel with the process's own CPU time, memory, event-loop delay and garbage-collection pauses, so
 * that the load generator's work is not counted. It changes nothing else in the process and does not keep it alive.
 */
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';

export interface ProbeStats {
  /** process.cpuUsage() of the probed process, in microseconds. */
  readonly cpu: { readonly user: number; readonly system: number };
  readonly memory: NodeJS.MemoryUsage;
  /** Whether --expose-gc made a full collection possible before the memory was read. */
  readonly collected: boolean;
  /** Event-loop delay since the previous reading (ms): how long ready work waited for the thread. */
  readonly loopDelay: { readonly p99: number; readonly max: number };
  /** Garbage-collection pauses since the previous reading. */
  readonly gc: { readonly count: number; readonly totalMs: number; readonly maxMs: number };
}

export type ProbeRequest = { readonly type: 'stats'; readonly gc?: boolean };

if (process.send) {
  process.channel?.unref();
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  let pauses = { count: 0, totalMs: 0, maxMs: 0 };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      pauses.count++;
      pauses.totalMs += entry.duration;
      pauses.maxMs = Math.max(pauses.maxMs, entry.duration);
    }
  }).observe({ entryTypes: ['gc'] });
  process.on('message', (message: ProbeRequest) => {
    if (message?.type !== 'stats') return;
    const gc = (globalThis as { gc?: () => void }).gc;
    const collected = message.gc === true && gc !== undefined;
    const loopDelay = { p99: delay.percentile(99) / 1e6, max: delay.max / 1e6 };
    const gcPauses = pauses;
    delay.reset();
    pauses = { count: 0, totalMs: 0, maxMs: 0 };
    if (collected) gc();
    const stats: ProbeStats = { cpu: process.cpuUsage(), memory: process.memoryUsage(), collected, loopDelay, gc: gcPauses };
    process.send?.(stats);
  });
}

/**
 * Preloaded (`node -r dist/test/bench/probe.js …`) into a process under benchmark: answers the benchmark over
 * the IPC channel with the process's own CPU time and memory, so that the load generator's work is not counted.
 * It adds nothing else to the process and does not keep it alive.
 */
export interface ProbeStats {
  /** process.cpuUsage() of the probed process, in microseconds. */
  readonly cpu: { readonly user: number; readonly system: number };
  readonly memory: NodeJS.MemoryUsage;
  /** Whether --expose-gc made a full collection possible before the memory was read. */
  readonly collected: boolean;
}

export type ProbeRequest = { readonly type: 'stats'; readonly gc?: boolean };

if (process.send) {
  process.channel?.unref();
  process.on('message', (message: ProbeRequest) => {
    if (message?.type !== 'stats') return;
    const gc = (globalThis as { gc?: () => void }).gc;
    const collected = message.gc === true && gc !== undefined;
    if (collected) gc();
    const stats: ProbeStats = { cpu: process.cpuUsage(), memory: process.memoryUsage(), collected };
    process.send?.(stats);
  });
}

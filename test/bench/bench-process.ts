/**
 * A process under benchmark (License Desk's `dist/src/index.js`, or the bare echo bot) started with the probe
 * preloaded, on a port chosen beforehand, ready when GET /healthz answers 200. Its CPU time and memory are read
 * from inside it (probe.ts), apart from the load generator's.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import type { ProbeStats } from './probe';

export const LICENSE_DESK_ENTRY = path.resolve(__dirname, '../../src/index.js');
export const ECHO_BOT_ENTRY = path.resolve(__dirname, 'echo-bot.js');
export const DIALOG_BOT_ENTRY = path.resolve(__dirname, 'dialog-bot.js');
const PROBE = path.resolve(__dirname, 'probe.js');

export interface StartedProcess {
  readonly url: string;
  readonly pid: number;
  /** Milliseconds from spawn to the first 200 from /healthz. */
  readonly readyMs: number;
}

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export class BenchProcess {
  private child?: ChildProcess;
  output = '';

  constructor(
    private readonly entry: string,
    private readonly environment: Record<string, string>,
    private readonly nodeFlags: readonly string[] = [],
  ) {}

  async start(timeoutMs = 30000): Promise<StartedProcess> {
    const port = await freePort();
    const started = performance.now();
    const child = spawn(process.execPath, [...this.nodeFlags, '-r', PROBE, this.entry], {
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...this.environment, PORT: String(port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    this.child = child;
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString('utf8')));
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString('utf8')));
    const url = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${path.basename(this.entry)} exited with ${child.exitCode}:\n${this.output}`);
      if (await healthy(url)) break;
      if (Date.now() > deadline) throw new Error(`${path.basename(this.entry)} was not ready in time:\n${this.output}`);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    return { url, pid: child.pid ?? 0, readyMs: performance.now() - started };
  }

  /** CPU time and memory of the process, read inside it; gc: a full collection first (needs --expose-gc). */
  async stats(gc = false): Promise<ProbeStats> {
    const child = this.child;
    if (!child?.connected) throw new Error('the probed process is not running');
    return new Promise<ProbeStats>((resolve) => {
      child.once('message', (message) => resolve(message as ProbeStats));
      child.send({ type: 'stats', gc });
    });
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  }
}

function healthy(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const request = http.get(`${url}/healthz`, { agent: false }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode === 200));
    });
    request.on('error', () => resolve(false));
  });
}

/** CPU milliseconds between two probe readings. */
export function cpuMsBetween(before: ProbeStats, after: ProbeStats): number {
  return (after.cpu.user - before.cpu.user + after.cpu.system - before.cpu.system) / 1000;
}

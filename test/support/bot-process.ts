/**
 * License Desk as a separate operating-system process (`node dist/src/index.js`), for tests that
 * restart or kill the bot for real. The port is read from the bot's own start-up log line.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export const BOT_ENTRY = path.resolve(__dirname, '../../src/index.js');

export interface BotProcessOptions {
  /** Node arguments before the entry point, such as `-r <preload>`. */
  readonly nodeArgs?: readonly string[];
  /** Opens an IPC channel to the process (for a preloaded probe that answers messages). */
  readonly ipc?: boolean;
}

export class BotProcess {
  private child?: ChildProcess;
  url = '';
  output = '';

  constructor(
    private readonly environment: Record<string, string>,
    private readonly options: BotProcessOptions = {},
  ) {}

  /** The running process, for tests that talk to it over IPC. */
  get process(): ChildProcess | undefined {
    return this.child;
  }

  async start(timeoutMs = 20000): Promise<void> {
    this.output = '';
    const child = spawn(process.execPath, [...(this.options.nodeArgs ?? []), BOT_ENTRY], {
      env: { PATH: process.env.PATH ?? '', ...this.environment, LOG_LEVEL: 'info' },
      stdio: this.options.ipc ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`bot did not start in time:\n${this.output}`)), timeoutMs);
      const onData = (chunk: Buffer) => {
        this.output += chunk.toString('utf8');
        const match = this.output.match(/"messagingEndpoint":"http:\/\/localhost:(\d+)\/api\/messages"/);
        if (match) {
          clearTimeout(timer);
          resolve(`http://127.0.0.1:${match[1]}`);
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`bot exited with ${code} before it was ready:\n${this.output}`));
      });
    });
  }

  /** Stops the process with a signal and waits until it is gone. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill(signal);
    });
  }
}

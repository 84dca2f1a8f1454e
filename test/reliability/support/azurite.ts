/**
 * Azurite (the Azure Storage emulator) for one test run: the blob service only, on a free loopback port, with a
 * temporary --location and an account whose key is random for this run (AZURITE_ACCOUNTS), so no key is written
 * anywhere. Stopped and its files removed by stop().
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface Azurite {
  /** For AZURE_STORAGE_CONNECTION_STRING; holds the run's account key. */
  readonly connectionString: string;
  stop(): Promise<void>;
}

const ACCOUNT = 'licensedesktest';

export async function startAzurite(timeoutMs = 20_000): Promise<Azurite> {
  const location = fs.mkdtempSync(path.join(os.tmpdir(), 'license-desk-azurite-'));
  const port = await freePort();
  const key = randomBytes(32).toString('base64');
  const child = spawn(
    process.execPath,
    [require.resolve('azurite/dist/src/blob/main.js'), '--silent', '--disableTelemetry', '--skipApiVersionCheck', '--location', location, '--blobHost', '127.0.0.1', '--blobPort', String(port)],
    { env: { PATH: process.env.PATH ?? '', AZURITE_ACCOUNTS: `${ACCOUNT}:${key}` }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Azurite did not start:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (/successfully listens/i.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Azurite exited with ${code}:\n${output}`));
    });
  });
  return {
    connectionString: `DefaultEndpointsProtocol=http;AccountName=${ACCOUNT};AccountKey=${key};BlobEndpoint=http://127.0.0.1:${port}/${ACCOUNT};`,
    stop: async () => {
      await stopChild(child);
      fs.rmSync(location, { recursive: true, force: true });
    },
  };
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

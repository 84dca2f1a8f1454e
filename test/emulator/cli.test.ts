import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { DEMO_TENANT_FILE } from '../../src/emulator/demo-tenant';

const CLI = resolve(__dirname, '..', '..', 'src', 'emulator', 'cli.js');

describe('Graph emulator: command line', () => {
  it('prints its URL first, serves the tenant, and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, [CLI, '--tenant', DEMO_TENANT_FILE, '--port', '0', '--latency', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const [firstLine] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
      assert.match(firstLine, /^http:\/\/127\.0\.0\.1:\d+$/);
      const response = await fetch(`${firstLine}/v1.0/users/alexw@example.com?$select=displayName`);
      assert.equal(((await response.json()) as { displayName: string }).displayName, 'Alex Wilber');
    } finally {
      child.kill('SIGTERM');
    }
    const [code] = (await once(child, 'exit')) as [number | null];
    assert.equal(code, 0);
  });

  it('exits 1 with a message for an unknown option', async () => {
    const child = spawn(process.execPath, [CLI, '--colour', 'blue'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = (await once(child, 'exit')) as [number | null];
    assert.equal(code, 1);
    assert.match(stderr, /unknown option --colour/);
  });
});

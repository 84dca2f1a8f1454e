import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** A fresh directory per test, removed afterwards; call inside a describe(). */
export function useTempDir(): { readonly path: string } {
  const holder = { path: '' };
  beforeEach(() => {
    holder.path = fs.mkdtempSync(path.join(os.tmpdir(), 'license-desk-storage-'));
  });
  afterEach(() => {
    fs.rmSync(holder.path, { recursive: true, force: true });
  });
  return holder;
}

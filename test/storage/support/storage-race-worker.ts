/**
 * A second (and third) connection to the same SQLite file, on its own thread with its own WebAssembly instance,
 * standing in for another process. Shared access: several processes may use the file at once. The test thread tells it what to write; it answers with the outcome.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ConcurrencyConflict } from '../../../src/ports';
import { SqliteStorage } from '../../../src/storage/sqlite-storage';
import { updateDocument } from '../../../src/storage/storage-items';

export type RaceCommand =
  | { readonly kind: 'write'; readonly key: string; readonly eTag: string; readonly round: number }
  | { readonly kind: 'increment'; readonly key: string; readonly times: number }
  | { readonly kind: 'close' };

export type RaceAnswer =
  | { readonly kind: 'ready' }
  | { readonly kind: 'written' }
  | { readonly kind: 'conflict' }
  | { readonly kind: 'incremented' }
  | { readonly kind: 'error'; readonly message: string };

const { file, name } = workerData as { file: string; name: string };
const storage = SqliteStorage.open(file, { access: 'shared', busyTimeoutMs: 10_000 });
const port = parentPort;
if (!port) throw new Error('storage-race-worker must run as a worker thread.');

async function handle(command: RaceCommand): Promise<RaceAnswer> {
  switch (command.kind) {
    case 'write':
      await storage.write({ [command.key]: { round: command.round, writer: name, eTag: command.eTag } });
      return { kind: 'written' };
    case 'increment':
      for (let i = 0; i < command.times; i += 1) {
        await updateDocument<{ count: number }>(storage, command.key, (current) => ({ count: (current?.count ?? 0) + 1 }), {
          attempts: 1_000,
        });
      }
      return { kind: 'incremented' };
    case 'close':
      await storage.close();
      port?.close();
      return { kind: 'ready' };
  }
}

port.on('message', (command: RaceCommand) => {
  handle(command).then(
    (answer) => command.kind !== 'close' && port.postMessage(answer),
    (error: unknown) =>
      port.postMessage(
        error instanceof ConcurrencyConflict
          ? { kind: 'conflict' }
          : { kind: 'error', message: error instanceof Error ? error.message : String(error) },
      ),
  );
});
port.postMessage({ kind: 'ready' } satisfies RaceAnswer);

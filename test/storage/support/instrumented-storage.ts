/**
 * A botbuilder Storage that passes everything to another one, and on the way counts what is written and can stop
 * before a chosen operation: paused until released (to interleave another writer), or failed (a crash).
 */
import type { Storage, StoreItems } from 'botbuilder';
import { canCreateIfAbsent } from '../../../src/storage/create-if-absent';

export type StorageOperation = 'read' | 'write' | 'delete';

export interface WrittenItem {
  readonly key: string;
  /** The item as JSON, without its eTag. */
  readonly bytes: number;
  readonly value: Record<string, unknown>;
}

export interface Pause {
  /** Resolves when the operation is reached (and held). */
  readonly reached: Promise<void>;
  release(): void;
}

interface Trap {
  readonly operation: StorageOperation;
  readonly key: string | RegExp;
  remaining: number;
  readonly spring: () => Promise<void>;
}

/** A simulated crash: the operation it stopped never happened. */
export class Crash extends Error {
  constructor(operation: StorageOperation, key: string) {
    super(`crash before ${operation} ${key}`);
  }
}

export class InstrumentedStorage implements Storage {
  readonly written: WrittenItem[] = [];
  /** Present when the inner storage has it, so that stores take the same path as over the inner one. */
  readonly createIfAbsent?: (items: StoreItems) => Promise<void>;
  private traps: Trap[] = [];

  constructor(readonly inner: Storage) {
    if (canCreateIfAbsent(inner)) {
      this.createIfAbsent = async (items) => {
        await this.before('write', Object.keys(items));
        this.count(items);
        await inner.createIfAbsent(items);
      };
    }
  }

  async read(keys: string[]): Promise<StoreItems> {
    await this.before('read', keys);
    return this.inner.read(keys);
  }

  async write(changes: StoreItems): Promise<void> {
    await this.before('write', Object.keys(changes));
    this.count(changes);
    await this.inner.write(changes);
  }

  async delete(keys: string[]): Promise<void> {
    await this.before('delete', keys);
    await this.inner.delete(keys);
  }

  /** Holds the occurrence-th matching operation from now until released. */
  pauseBefore(operation: StorageOperation, key: string | RegExp, occurrence = 1): Pause {
    let reached: () => void = () => undefined;
    let release: () => void = () => undefined;
    const reachedPromise = new Promise<void>((resolve) => (reached = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    this.traps.push({
      operation,
      key,
      remaining: occurrence,
      spring: () => {
        reached();
        return released;
      },
    });
    return { reached: reachedPromise, release };
  }

  /** Fails the occurrence-th matching operation from now with Crash, without performing it. */
  failBefore(operation: StorageOperation, key: string | RegExp, occurrence = 1): void {
    this.traps.push({ operation, key, remaining: occurrence, spring: () => Promise.reject(new Crash(operation, String(key))) });
  }

  /** Items written since the mark (an index into `written`). */
  writtenSince(mark: number): WrittenItem[] {
    return this.written.slice(mark);
  }

  private async before(operation: StorageOperation, keys: readonly string[]): Promise<void> {
    for (const trap of [...this.traps]) {
      if (trap.operation !== operation || !keys.some((key) => matches(trap.key, key))) continue;
      trap.remaining -= 1;
      if (trap.remaining > 0) continue;
      this.traps = this.traps.filter((other) => other !== trap);
      await trap.spring();
    }
  }

  private count(items: StoreItems): void {
    for (const [key, item] of Object.entries(items)) {
      const { eTag: _eTag, ...value } = item as Record<string, unknown>;
      this.written.push({ key, bytes: Buffer.byteLength(JSON.stringify(value)), value });
    }
  }
}

function matches(pattern: string | RegExp, key: string): boolean {
  return typeof pattern === 'string' ? pattern === key : pattern.test(key);
}

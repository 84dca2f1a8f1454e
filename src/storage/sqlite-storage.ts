/**
 * botbuilder Storage on the embedded SQLite file: the default durable state of License Desk.
 *
 * eTag rules are MemoryStorage's (botbuilder-core/lib/memoryStorage.js): an item without eTag, with an empty eTag
 * or with '*' is stored unconditionally; an item with any other eTag is stored when the key is missing or when the
 * stored eTag is equal, and otherwise the write fails with ConcurrencyConflict. Every stored version gets a new
 * eTag, returned by read() as item.eTag. Unlike MemoryStorage, a write of several keys is all-or-nothing, and the
 * eTag comparison runs inside the same transaction as the update, so two connections on one file (two processes)
 * never both succeed with the same eTag.
 *
 * Meant for one bot process; several instances should use the Azure Blob store.
 */
import { randomUUID } from 'node:crypto';
import type { Storage, StoreItem, StoreItems } from 'botbuilder';
import { ConcurrencyConflict } from '../ports';
import type { CreateIfAbsentStorage } from './create-if-absent';
import { SqliteConnection, type SqliteConnectionOptions } from './sqlite-connection';

const READ_CHUNK = 500;

export class SqliteStorage implements Storage, CreateIfAbsentStorage {
  private constructor(readonly connection: SqliteConnection) {
    connection.exec(
      `CREATE TABLE IF NOT EXISTS items (
         key TEXT PRIMARY KEY,
         etag TEXT NOT NULL,
         value TEXT NOT NULL,
         updated_at TEXT NOT NULL
       )`,
    );
  }

  /** Opens the database file (creating its directory, the file and the table as needed). Call close() when done. */
  static open(filePath: string, options: SqliteConnectionOptions = {}): SqliteStorage {
    return new SqliteStorage(SqliteConnection.open(filePath, options));
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (!keys) throw new ReferenceError('Keys are required when reading.');
    const found: StoreItems = {};
    const uniqueKeys = [...new Set(keys)];
    for (let start = 0; start < uniqueKeys.length; start += READ_CHUNK) {
      const chunk = uniqueKeys.slice(start, start + READ_CHUNK);
      const rows = this.connection.all(
        `SELECT key, etag, value FROM items WHERE key IN (${chunk.map(() => '?').join(', ')})`,
        chunk,
      );
      for (const row of rows) {
        found[String(row['key'])] = { ...(JSON.parse(String(row['value'])) as StoreItem), eTag: String(row['etag']) };
      }
    }
    return found;
  }

  async write(changes: StoreItems): Promise<void> {
    if (!changes) throw new ReferenceError('Changes are required when writing.');
    const entries = Object.entries(changes).map(([key, item]) => [key, splitItem(key, item)] as const);
    const updatedAt = new Date().toISOString();
    this.connection.transaction(() => {
      for (const [key, { eTag, json }] of entries) {
        if (isConditional(eTag)) {
          const updated = this.connection.run(
            'UPDATE items SET etag = ?, value = ?, updated_at = ? WHERE key = ? AND etag = ?',
            [randomUUID(), json, updatedAt, key, typeof eTag === 'string' ? eTag : JSON.stringify(eTag)],
          );
          if (updated.changes === 1) continue;
          if (this.connection.get('SELECT 1 AS found FROM items WHERE key = ?', key)) throw new ConcurrencyConflict(key);
        }
        this.connection.run(
          `INSERT INTO items (key, etag, value, updated_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (key) DO UPDATE SET etag = excluded.etag, value = excluded.value, updated_at = excluded.updated_at`,
          [key, randomUUID(), json, updatedAt],
        );
      }
    });
  }

  async createIfAbsent(items: StoreItems): Promise<void> {
    const entries = Object.entries(items).map(([key, item]) => [key, splitItem(key, item)] as const);
    const updatedAt = new Date().toISOString();
    this.connection.transaction(() => {
      for (const [key, { json }] of entries) {
        const inserted = this.connection.run(
          'INSERT INTO items (key, etag, value, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (key) DO NOTHING',
          [key, randomUUID(), json, updatedAt],
        );
        if (inserted.changes !== 1) throw new ConcurrencyConflict(key);
      }
    });
  }

  /** Deleting a missing key is not an error. */
  async delete(keys: string[]): Promise<void> {
    if (!keys) throw new ReferenceError('Keys are required when deleting.');
    this.connection.transaction(() => {
      for (const key of keys) this.connection.run('DELETE FROM items WHERE key = ?', key);
    });
  }

  /** Every stored key that starts with prefix, sorted. */
  async keys(prefix: string): Promise<string[]> {
    // instr() = 1 means "starts with" without LIKE/GLOB wildcards to escape.
    const rows = this.connection.all('SELECT key FROM items WHERE instr(key, ?) = 1 ORDER BY key', prefix);
    return rows.map((row) => String(row['key']));
  }

  async close(): Promise<void> {
    this.connection.close();
  }
}

function isConditional(eTag: unknown): boolean {
  return eTag !== undefined && eTag !== null && eTag !== '' && eTag !== '*';
}

/** Separates the eTag (kept in its own column) from the value; only JSON objects are items. */
function splitItem(key: string, item: unknown): { eTag: unknown; json: string } {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) {
    throw new TypeError(`Storage: the item for "${key}" must be an object.`);
  }
  const { eTag, ...value } = item as StoreItem;
  return { eTag, json: JSON.stringify(value) };
}

/**
 * The audit trail: an append-only table in the embedded SQLite database. This class offers no update or delete,
 * and triggers refuse UPDATE and DELETE on the table for anyone else using the file. Details are stored as JSON
 * after credentials are stripped (strip-secrets.ts).
 */
import type { AuditLog, AuditRecord } from '../ports';
import type { SqliteConnection } from './sqlite-connection';
import { withoutSecrets } from './strip-secrets';

export class SqliteAuditLog implements AuditLog {
  private constructor(private readonly connection: SqliteConnection) {
    connection.exec(
      `CREATE TABLE IF NOT EXISTS audit (
         seq INTEGER PRIMARY KEY AUTOINCREMENT,
         at TEXT NOT NULL,
         at_ms INTEGER NOT NULL,
         request_id TEXT,
         event TEXT NOT NULL,
         actor_id TEXT,
         target_id TEXT,
         details TEXT NOT NULL
       );
       CREATE INDEX IF NOT EXISTS audit_by_time ON audit (at_ms, seq);
       CREATE INDEX IF NOT EXISTS audit_by_target ON audit (target_id, at_ms, seq);
       CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit
         BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END;
       CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit
         BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END;`,
    );
  }

  /** Creates the table in the connection's database when missing. The connection's owner closes it. */
  static attach(connection: SqliteConnection): SqliteAuditLog {
    return new SqliteAuditLog(connection);
  }

  async append(record: AuditRecord): Promise<void> {
    this.connection.run(
      `INSERT INTO audit (at, at_ms, request_id, event, actor_id, target_id, details)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
      [
        record.at,
        toEpochMs(record.at, 'at'),
        record.requestId,
        record.event,
        record.actorId,
        record.targetId,
        JSON.stringify(withoutSecrets(record.details)),
      ],
    );
  }

  /** Oldest first, newest last; `since` is inclusive. */
  async list(filter: { readonly targetId?: string; readonly since?: string } = {}): Promise<AuditRecord[]> {
    const conditions: string[] = [];
    const values: (string | number)[] = [];
    if (filter.targetId !== undefined) {
      conditions.push('target_id = ?');
      values.push(filter.targetId);
    }
    if (filter.since !== undefined) {
      conditions.push('at_ms >= ?');
      values.push(toEpochMs(filter.since, 'since'));
    }
    const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
    const rows = this.connection.all(
      `SELECT at, request_id, event, actor_id, target_id, details FROM audit ${where} ORDER BY at_ms, seq`,
      values,
    );
    return rows.map((row) => ({
      at: String(row['at']),
      requestId: nullableText(row['request_id']),
      event: String(row['event']),
      actorId: nullableText(row['actor_id']),
      targetId: nullableText(row['target_id']),
      details: JSON.parse(String(row['details'])) as Record<string, unknown>,
    }));
  }
}

function toEpochMs(timestamp: string, name: string): number {
  const ms = Date.parse(timestamp);
  if (Number.isNaN(ms)) throw new RangeError(`Audit ${name} must be an ISO 8601 timestamp, got "${timestamp}".`);
  return ms;
}

function nullableText(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

/**
 * The audit trail on Azure Blob Storage: one blob per record under `audit/`, written with If-None-Match: * so a
 * record is never overwritten (this class has no update or delete either). The name sorts by time —
 * `audit/<epoch ms, 15 digits>-<writer>-<sequence>.json` — and carries the target user and event as blob
 * metadata, so listing by target or time reads only the records it returns. Details are stored after credentials
 * are stripped (strip-secrets.ts). For tamper-proof retention, add a time-based immutability policy to the
 * container's audit blobs in Azure.
 */
import { randomUUID } from 'node:crypto';
import type { ContainerClient } from '@azure/storage-blob';
import type { AuditLog, AuditRecord } from '../ports';
import { withoutSecrets } from './strip-secrets';

export const AUDIT_PREFIX = 'audit/';
const DOWNLOAD_CONCURRENCY = 16;

interface StoredAuditRecord {
  readonly at: string;
  readonly requestId: string | null;
  readonly event: string;
  readonly actorId: string | null;
  readonly targetId: string | null;
  readonly details: Record<string, unknown>;
}

export class BlobAuditLog implements AuditLog {
  /** Tells this writer's records apart from other instances' records of the same millisecond. */
  private readonly writer = randomUUID().replace(/-/g, '').slice(0, 12);
  private sequence = 0;

  constructor(private readonly container: ContainerClient) {}

  async append(record: AuditRecord): Promise<void> {
    const atMs = toEpochMs(record.at, 'at');
    const stored: StoredAuditRecord = {
      at: record.at,
      requestId: record.requestId,
      event: record.event,
      actorId: record.actorId,
      targetId: record.targetId,
      details: withoutSecrets(record.details),
    };
    const body = JSON.stringify(stored);
    this.sequence += 1;
    const name = `${AUDIT_PREFIX}${String(atMs).padStart(15, '0')}-${this.writer}-${String(this.sequence).padStart(10, '0')}.json`;
    await this.container.getBlockBlobClient(name).upload(body, Buffer.byteLength(body), {
      conditions: { ifNoneMatch: '*' },
      blobHTTPHeaders: { blobContentType: 'application/json' },
      metadata: { event: encodeURIComponent(record.event), target: encodeURIComponent(record.targetId ?? '') },
    });
  }

  /** Oldest first, newest last; `since` is inclusive. */
  async list(filter: { readonly targetId?: string; readonly since?: string } = {}): Promise<AuditRecord[]> {
    const sinceMs = filter.since === undefined ? undefined : toEpochMs(filter.since, 'since');
    const names: string[] = [];
    for await (const blob of this.container.listBlobsFlat({ prefix: AUDIT_PREFIX, includeMetadata: true })) {
      if (sinceMs !== undefined && epochOf(blob.name) < sinceMs) continue;
      if (filter.targetId !== undefined && decodeURIComponent(blob.metadata?.['target'] ?? '') !== filter.targetId) continue;
      names.push(blob.name);
    }
    names.sort();
    const records: AuditRecord[] = new Array(names.length);
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < names.length) {
        const index = next++;
        records[index] = await this.download(names[index] as string);
      }
    };
    await Promise.all(Array.from({ length: Math.min(DOWNLOAD_CONCURRENCY, names.length) }, worker));
    return records;
  }

  private async download(name: string): Promise<AuditRecord> {
    const buffer = await this.container.getBlockBlobClient(name).downloadToBuffer();
    const stored = JSON.parse(buffer.toString('utf8')) as StoredAuditRecord;
    return {
      at: stored.at,
      requestId: stored.requestId,
      event: stored.event,
      actorId: stored.actorId,
      targetId: stored.targetId,
      details: stored.details,
    };
  }
}

function epochOf(name: string): number {
  return Number(name.slice(AUDIT_PREFIX.length, AUDIT_PREFIX.length + 15));
}

function toEpochMs(timestamp: string, name: string): number {
  const ms = Date.parse(timestamp);
  if (Number.isNaN(ms)) throw new RangeError(`Audit ${name} must be an ISO 8601 timestamp, got "${timestamp}".`);
  return ms;
}

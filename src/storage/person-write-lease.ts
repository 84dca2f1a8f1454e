/**
 * One Graph write per person at a time across every instance sharing the state: a lease document per person
 * (`person-writes/<id>`), taken with an eTag-checked write, held for the write and released after it. A holder that
 * died leaves the lease behind; after leaseMs anyone may take it (as with request claims, the lease must outlast a
 * write). Within one process the workflow also queues writes per person (key-lock.ts), so the document is only
 * contended between instances. Waiting for a lease polls; a writer that waits then re-reads the person, so a change
 * made meanwhile is found made.
 */
import { randomUUID } from 'node:crypto';
import type { Storage } from 'botbuilder';
import type { Clock } from '../ports';
import { updateDocument } from './storage-items';

interface LeaseDocument {
  readonly token: string;
  /** ms since the epoch; 0 when released. */
  readonly at: number;
}

const POLL_MS = 50;

export class PersonWriteLeases {
  constructor(
    private readonly storage: Storage,
    private readonly leaseMs: number,
    private readonly clock: Clock,
  ) {}

  async withLease<T>(personId: string, work: () => Promise<T>): Promise<T> {
    const key = `person-writes/${encodeURIComponent(personId)}`;
    const token = randomUUID();
    for (;;) {
      const now = this.clock.now().getTime();
      const held = await updateDocument<LeaseDocument>(this.storage, key, (current) =>
        current && current.token !== token && current.at > 0 && now - current.at < this.leaseMs ? undefined : { token, at: now },
      );
      if (held?.token === token) break;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    try {
      return await work();
    } finally {
      await updateDocument<LeaseDocument>(this.storage, key, (current) => (current?.token === token ? { token: '', at: 0 } : undefined)).catch(() => undefined);
    }
  }
}

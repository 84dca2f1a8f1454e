/**
 * What the lifecycle unit tests share: the start of their clock, a stored request (pending unless changed), and a
 * messenger and an audit log that record what they are given.
 */
import type { LicenseRequest, Person } from '../../src/domain/request';
import { translator } from '../../src/i18n';
import type { AuditLog, AuditRecord } from '../../src/ports';
import type { PersonMessenger } from '../../src/services/lifecycle/person-messenger';

export const T0 = new Date('2026-03-02T09:00:00Z');

/** Rita asks for Alice's calling plan; Megan, her manager, is the approver. */
export function lifecycleRequest(changes: Partial<LicenseRequest> = {}): LicenseRequest {
  return {
    id: 'r1',
    tenantId: 't',
    createdAt: T0.toISOString(),
    updatedAt: T0.toISOString(),
    requester: { id: 'rita', displayName: 'Rita Requester' },
    target: { id: 'alice', displayName: 'Alice Anders', userPrincipalName: 'alice@x' },
    action: 'assign',
    requested: ['MCOPSTN1'],
    add: ['MCOPSTN1'],
    remove: [],
    notes: [],
    seats: [],
    approvers: [{ id: 'megan', displayName: 'Megan Manager' }],
    approverSource: 'manager',
    state: 'pending',
    ...changes,
  };
}

export interface ToldMessage {
  readonly person: string;
  readonly text: string;
  /** Whose chat carried it, when the person had none of their own. */
  readonly via?: string;
}

/** A messenger that writes every message in English and keeps it. */
export function recordingMessenger(): { messenger: PersonMessenger; told: ToldMessage[] } {
  const told: ToldMessage[] = [];
  const messenger: PersonMessenger = {
    tell: async (_tenant, person: Person, compose, via?: Person) =>
      void told.push({ person: person.id, text: compose(translator('en')), ...(via ? { via: via.id } : {}) }),
  };
  return { messenger, told };
}

export function recordingAudit(): { audit: AuditLog; records: AuditRecord[] } {
  const records: AuditRecord[] = [];
  return { audit: { append: async (record) => void records.push(record), list: async () => records }, records };
}

/**
 * The narrow interfaces the services depend on. Implementations: src/graph (Directory),
 * src/storage (stores). Unit tests may fake them; integration tests use the real ones.
 */
import type { LicenseRequest, Person } from './domain/request';
import type { FactsAfterChange } from './domain/facts-after-change';

export interface DirectoryUser {
  readonly id: string;
  readonly displayName: string;
  readonly userPrincipalName: string;
  readonly mail: string | null;
  readonly givenName: string | null;
  readonly surname: string | null;
  readonly usageLocation: string | null;
  readonly preferredLanguage: string | null;
}

export interface DirectoryLicense {
  readonly skuId: string;
  readonly disabledPlans: readonly string[];
}

export interface DirectoryLicenseState {
  readonly skuId: string;
  /** null when assigned directly. */
  readonly assignedByGroup: string | null;
  readonly state: string | null;
  readonly error: string | null;
}

export interface DirectoryUserLicenses {
  readonly user: DirectoryUser;
  readonly assignedLicenses: readonly DirectoryLicense[];
  readonly licenseAssignmentStates: readonly DirectoryLicenseState[];
}

export interface DirectorySku {
  readonly skuId: string;
  readonly skuPartNumber: string;
  readonly capabilityStatus: string;
  readonly consumedUnits: number;
  readonly prepaidUnits: { readonly enabled: number; readonly suspended: number; readonly warning: number };
  /** The service plans the SKU carries: ids for Graph's disabledPlans, names for the rules. */
  readonly servicePlans: readonly { readonly servicePlanId: string; readonly servicePlanName: string }[];
}

export interface LicenseAssignment {
  readonly addLicenses: readonly { readonly skuId: string; readonly disabledPlans: readonly string[] }[];
  readonly removeLicenses: readonly string[];
}

/** What the bot asks of the tenant directory (Microsoft Graph). */
export interface Directory {
  /**
   * People whose display name, given name, surname, UPN or mail starts with the text, each with the licences they
   * hold, read in the same call (a request about one person then needs no second read).
   */
  searchUsers(text: string): Promise<DirectoryUserLicenses[]>;
  /**
   * People whose display name, given name or surname starts with any of the prefixes (one Graph call), with their
   * licences: the second look when a name as written found nobody (accents, a missing space, a slip).
   */
  searchUsersByPrefixes?(prefixes: readonly string[]): Promise<DirectoryUserLicenses[]>;
  /** A user by object id or UPN; undefined when Graph says 404. */
  getUser(idOrUpn: string): Promise<DirectoryUser | undefined>;
  /** A user (object id or UPN) with the licences they hold; Graph's 404 comes as a DirectoryError. */
  getUserLicenses(userIdOrUpn: string): Promise<DirectoryUserLicenses>;
  /** The user's manager; undefined when none is set. */
  getManager(userId: string): Promise<DirectoryUser | undefined>;
  listSubscribedSkus(): Promise<DirectorySku[]>;
  /** Which of the groups (ids) the user is a member of, transitively. */
  memberGroups(userId: string, groupIds: readonly string[]): Promise<string[]>;
  listGroupMembers(groupId: string): Promise<DirectoryUser[]>;
  getGroupName(groupId: string): Promise<string | undefined>;
  assignLicense(userId: string, change: LicenseAssignment): Promise<void>;
}

/**
 * A Graph failure, already classified. `reason` is a stable code with a localized explanation
 * ("reasons:GRAPH_…"); status/code/message are Graph's own, kept for the audit trail only.
 */
export class DirectoryError extends Error {
  constructor(
    readonly reason: string,
    readonly status: number | undefined,
    readonly graphCode: string | undefined,
    readonly graphMessage: string | undefined,
    /** Retry-After in seconds when Graph throttled the call. */
    readonly retryAfterSeconds?: number,
  ) {
    super(`Graph ${status ?? 'network'} ${graphCode ?? ''}: ${reason}`);
    this.name = 'DirectoryError';
  }

  /** True when Graph may or may not have applied a write (timeouts, 5xx, connection loss). */
  get outcomeUnknown(): boolean {
    return this.reason === 'GRAPH_UNAVAILABLE';
  }
}

/** A stored value with the eTag that must accompany its next write. */
export interface Versioned<T> {
  readonly value: T;
  readonly eTag: string;
}

/** Thrown when a write carries an eTag that is no longer current: someone else wrote first. */
export class ConcurrencyConflict extends Error {
  constructor(key: string) {
    super(`The stored item ${key} changed since it was read.`);
    this.name = 'ConcurrencyConflict';
  }
}

export interface RequestStore {
  /** Stores a new request; fails if the id exists. */
  create(request: LicenseRequest): Promise<Versioned<LicenseRequest>>;
  get(id: string): Promise<Versioned<LicenseRequest> | undefined>;
  /** Replaces the request if eTag is still current; throws ConcurrencyConflict otherwise. */
  replace(request: LicenseRequest, eTag: string): Promise<Versioned<LicenseRequest>>;
  /** Requests in any of the states, oldest first. */
  listByState(states: readonly LicenseRequest['state'][]): Promise<LicenseRequest[]>;
}

/** Where a person can be reached proactively (a botbuilder ConversationReference, kept opaque here). */
export interface StoredConversation {
  /** Entra object id of the person. */
  readonly userId: string;
  readonly tenantId: string;
  /** Teams MRI (29:…), used in refresh.userIds. */
  readonly channelUserId: string;
  readonly locale: string | null;
  readonly serviceUrl: string;
  /** The bot's account in this tenant's conversations (the recipient of their activities). */
  readonly bot?: { readonly id: string; readonly name?: string };
  /** The personal conversation, when one is known. */
  readonly reference: Readonly<Record<string, unknown>> | null;
  readonly updatedAt: string;
}

export interface ConversationDirectory {
  remember(conversation: StoredConversation): Promise<void>;
  find(tenantId: string, userId: string): Promise<StoredConversation | undefined>;
}

/** Where an approval card was posted, so that it can be updated for everyone. */
export interface PostedCard {
  readonly requestId: string;
  readonly approverId: string;
  readonly conversationReference: Readonly<Record<string, unknown>>;
  readonly activityId: string;
}

export interface PostedCardStore {
  add(card: PostedCard): Promise<void>;
  list(requestId: string): Promise<PostedCard[]>;
}

export interface AuditRecord {
  readonly at: string;
  readonly requestId: string | null;
  /** requested, approved, rejected, assigned, failed, cancelled, refused-click, refused-request … */
  readonly event: string;
  readonly actorId: string | null;
  readonly targetId: string | null;
  readonly details: Readonly<Record<string, unknown>>;
}

export interface AuditLog {
  append(record: AuditRecord): Promise<void>;
  /** Newest last; filtered by target user and/or time. */
  list(filter?: { readonly targetId?: string; readonly since?: string }): Promise<AuditRecord[]>;
}

export interface Clock {
  now(): Date;
}

export interface ApprovalDelivery {
  readonly reached: number;
  readonly waiting?: readonly Person[];
}

/** Tells people about a request: cards to approvers, card updates, the requester's outcome. */
export interface RequestNotifier {
  /**
   * Posts the approval card to every approver. `waiting`: the approvers it could not reach (no chat with the bot yet);
   * they get the card when they first open License Desk.
   */
  approvalRequested(request: LicenseRequest): Promise<ApprovalDelivery>;
  /**
   * Updates every posted card to the request's state; on a final state, tells the requester. `after`: what the user
   * holds and the seats once the request's own change is in, when the writer knows them (no Graph read needed then).
   */
  requestChanged(request: LicenseRequest, after?: FactsAfterChange): Promise<void>;
}

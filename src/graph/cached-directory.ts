/**
 * The Directory with Graph's slow-changing answers remembered briefly, so that a busy bot does not ask Graph the
 * same thing for every message: the tenant's subscribedSkus (for a short time, and forgotten after every licence
 * write this process makes, so that seat counts it shows reflect its own writes), group memberships per user, the
 * members of a group and group names. Concurrent callers of the same question share one Graph call.
 *
 * Never remembered: users, managers, searches and above all a user's licences, which decide what a write sends.
 * Stale seats cannot over-assign: the write re-reads the user, and Graph itself refuses a licence with no seat left.
 */
import type { Directory, DirectorySku, DirectoryUser, DirectoryUserLicenses, LicenseAssignment } from '../ports';
import { ExpiringCache } from './expiring-cache';

export interface DirectoryCacheOptions {
  /** How long subscribedSkus is reused (default 30 s). */
  readonly skusTtlMs?: number;
  /** How long a user's group memberships and a group's members are reused (default 30 s). */
  readonly membershipTtlMs?: number;
  /** How long a group's display name is reused (default 5 min; it is only shown to people). */
  readonly groupNameTtlMs?: number;
  /** Most users (and groups) remembered at once; the oldest are forgotten first (default 10,000). */
  readonly maxEntries?: number;
  readonly now?: () => number;
}

export const DEFAULT_SKUS_TTL_MS = 30_000;
export const DEFAULT_MEMBERSHIP_TTL_MS = 30_000;
export const DEFAULT_GROUP_NAME_TTL_MS = 300_000;
const DEFAULT_MAX_ENTRIES = 10_000;

export class CachedDirectory implements Directory {
  private readonly skus: ExpiringCache<'skus', DirectorySku[]>;
  private readonly memberships: ExpiringCache<string, string[]>;
  private readonly members: ExpiringCache<string, DirectoryUser[]>;
  private readonly groupNames: ExpiringCache<string, string | undefined>;

  constructor(
    private readonly inner: Directory,
    options: DirectoryCacheOptions = {},
  ) {
    const now = options.now ?? Date.now;
    const maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES;
    this.skus = new ExpiringCache(options.skusTtlMs ?? DEFAULT_SKUS_TTL_MS, 1, now);
    this.memberships = new ExpiringCache(options.membershipTtlMs ?? DEFAULT_MEMBERSHIP_TTL_MS, maxEntries, now);
    this.members = new ExpiringCache(options.membershipTtlMs ?? DEFAULT_MEMBERSHIP_TTL_MS, maxEntries, now);
    this.groupNames = new ExpiringCache(options.groupNameTtlMs ?? DEFAULT_GROUP_NAME_TTL_MS, maxEntries, now);
  }

  searchUsers(text: string): Promise<DirectoryUserLicenses[]> {
    return this.inner.searchUsers(text);
  }

  searchUsersByPrefixes(prefixes: readonly string[]): Promise<DirectoryUserLicenses[]> {
    return this.inner.searchUsersByPrefixes ? this.inner.searchUsersByPrefixes(prefixes) : Promise.resolve([]);
  }

  getUser(idOrUpn: string): Promise<DirectoryUser | undefined> {
    return this.inner.getUser(idOrUpn);
  }

  /** Always asked of Graph: licences decide what a write sends. */
  getUserLicenses(userIdOrUpn: string): Promise<DirectoryUserLicenses> {
    return this.inner.getUserLicenses(userIdOrUpn);
  }

  getManager(userId: string): Promise<DirectoryUser | undefined> {
    return this.inner.getManager(userId);
  }

  async listSubscribedSkus(): Promise<DirectorySku[]> {
    return [...(await this.skus.get('skus', () => this.inner.listSubscribedSkus()))];
  }

  async memberGroups(userId: string, groupIds: readonly string[]): Promise<string[]> {
    if (groupIds.length === 0) return [];
    const key = `${userId.toLowerCase()}|${[...groupIds].map((id) => id.toLowerCase()).sort().join(',')}`;
    return [...(await this.memberships.get(key, () => this.inner.memberGroups(userId, groupIds)))];
  }

  async listGroupMembers(groupId: string): Promise<DirectoryUser[]> {
    return [...(await this.members.get(groupId.toLowerCase(), () => this.inner.listGroupMembers(groupId)))];
  }

  getGroupName(groupId: string): Promise<string | undefined> {
    return this.groupNames.get(groupId.toLowerCase(), () => this.inner.getGroupName(groupId));
  }

  /** Seats change with every write, and a write whose outcome is unknown may have changed them too. */
  async assignLicense(userId: string, change: LicenseAssignment): Promise<void> {
    try {
      await this.inner.assignLicense(userId, change);
    } finally {
      this.skus.clear();
    }
  }
}

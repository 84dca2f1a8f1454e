/**
 * Who may run admin commands: members of ADMIN_GROUP_ID, asked of Graph (transitive membership through
 * checkMemberGroups) and remembered briefly so that a burst of commands costs one call.
 */
import { DirectoryError, type Clock, type Directory } from '../../ports';

export const ADMIN_CACHE_MS = 60_000;

export class AdminGate {
  private readonly cache = new Map<string, { admin: boolean; until: number }>();

  constructor(
    private readonly directory: Pick<Directory, 'memberGroups'>,
    private readonly adminGroupId: string | undefined,
    private readonly clock: Clock,
    private readonly ttlMs = ADMIN_CACHE_MS,
  ) {}

  get configured(): boolean {
    return this.adminGroupId !== undefined;
  }

  async isAdmin(userId: string): Promise<boolean> {
    const groupId = this.adminGroupId;
    if (!groupId) return false;
    const now = this.clock.now().getTime();
    const cached = this.cache.get(userId);
    if (cached && cached.until > now) return cached.admin;
    const admin = (await this.memberGroupsOf(userId, groupId)).some((id) => id.toLowerCase() === groupId.toLowerCase());
    this.cache.set(userId, { admin, until: now + this.ttlMs });
    return admin;
  }

  /** Someone the directory does not know (a guest from another tenant, a deleted account) is no admin. */
  private async memberGroupsOf(userId: string, groupId: string): Promise<string[]> {
    try {
      return await this.directory.memberGroups(userId, [groupId]);
    } catch (error) {
      if (error instanceof DirectoryError && error.reason === 'GRAPH_USER_NOT_FOUND') return [];
      throw error;
    }
  }
}

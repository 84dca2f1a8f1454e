/**
 * Directory over Microsoft Graph v1.0. Every call names the properties it needs in $select,
 * because Graph returns only default properties otherwise; skuIds always come from subscribedSkus.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import {
  DirectoryError,
  type Directory,
  type DirectorySku,
  type DirectoryUser,
  type DirectoryUserLicenses,
  type LicenseAssignment,
} from '../ports';
import { classifyGraphError } from './graph-errors';
import { noRetry } from './graph-client';
import { odataString, toDirectorySku, toDirectoryUser, toUserLicenses } from './graph-shapes';

const USER_FIELDS = 'id,displayName,userPrincipalName,mail,givenName,surname,usageLocation,preferredLanguage';
const LICENSE_FIELDS = `${USER_FIELDS},assignedLicenses,licenseAssignmentStates`;
const SKU_FIELDS = 'skuId,skuPartNumber,capabilityStatus,consumedUnits,prepaidUnits,servicePlans';
const SEARCH_LIMIT = 25;
const PREFIX_SEARCH_LIMIT = 100;
const MEMBERS_PAGE = 999;
const READ_ATTEMPTS_ON_CONNECTION_FAILURE = 3;
/**
 * Entra's limits: a displayName has at most 256 characters, a userPrincipalName 113 (an object id 36). Longer text
 * names nobody, and sent to Graph it would only make an oversized URL.
 */
const MAX_NAME_LENGTH = 256;

interface Page<T> {
  value?: T[];
  '@odata.nextLink'?: string;
}

export class GraphDirectory implements Directory {
  constructor(private readonly client: Client) {}

  async searchUsers(text: string): Promise<DirectoryUserLicenses[]> {
    const wanted = wellFormed(text.trim());
    if (wanted.length > MAX_NAME_LENGTH) return [];
    const value = odataString(wanted);
    const filter = ['displayName', 'givenName', 'surname', 'userPrincipalName', 'mail']
      .map((property) => `startswith(${property},${value})`)
      .join(' or ');
    // The SDK puts $filter in the URL as given: encode it so '&', '#' or '+' in a name stay in the value.
    const page = await this.call<Page<unknown>>(() =>
      this.client.api('/users').filter(encodeURIComponent(filter)).select(LICENSE_FIELDS).top(SEARCH_LIMIT).get(),
    );
    return (page.value ?? []).map(toUserLicenses);
  }

  async searchUsersByPrefixes(prefixes: readonly string[]): Promise<DirectoryUserLicenses[]> {
    const wanted = prefixes.map((prefix) => wellFormed(prefix.trim())).filter((prefix) => prefix !== '' && prefix.length <= MAX_NAME_LENGTH);
    if (wanted.length === 0) return [];
    const filter = wanted
      .flatMap((prefix) => ['displayName', 'givenName', 'surname'].map((property) => `startswith(${property},${odataString(prefix)})`))
      .join(' or ');
    // Short prefixes match more people than a full name: a wider page, still one call, matched locally after.
    const page = await this.call<Page<unknown>>(() =>
      this.client.api('/users').filter(encodeURIComponent(filter)).select(LICENSE_FIELDS).top(PREFIX_SEARCH_LIMIT).get(),
    );
    return (page.value ?? []).map(toUserLicenses);
  }

  async getUser(idOrUpn: string): Promise<DirectoryUser | undefined> {
    if (namesNobody(idOrUpn)) return undefined;
    return this.orUndefined(async () =>
      toDirectoryUser(await this.call(() => this.client.api(userPath(idOrUpn)).select(USER_FIELDS).get())),
    );
  }

  async getUserLicenses(userIdOrUpn: string): Promise<DirectoryUserLicenses> {
    // Asked of Graph, an empty id would be /users/ (the list of everyone): Graph's 404 instead, as for getUser.
    if (namesNobody(userIdOrUpn)) {
      throw new DirectoryError('GRAPH_USER_NOT_FOUND', 404, 'Request_ResourceNotFound', 'No user has this id or name.');
    }
    const raw = await this.call(() => this.client.api(userPath(userIdOrUpn)).select(LICENSE_FIELDS).get());
    return toUserLicenses(raw);
  }

  async getManager(userId: string): Promise<DirectoryUser | undefined> {
    return this.orUndefined(async () =>
      toDirectoryUser(
        await this.call(() => this.client.api(`${userPath(userId)}/manager`).select(USER_FIELDS).get()),
      ),
    );
  }

  async listSubscribedSkus(): Promise<DirectorySku[]> {
    const page = await this.call<Page<unknown>>(() => this.client.api('/subscribedSkus').select(SKU_FIELDS).get());
    return (page.value ?? []).map(toDirectorySku);
  }

  async memberGroups(userId: string, groupIds: readonly string[]): Promise<string[]> {
    if (groupIds.length === 0) return [];
    const result = await this.call<Page<string>>(() =>
      this.client.api(`${userPath(userId)}/checkMemberGroups`).post({ groupIds }),
    );
    return (result.value ?? []).filter((id): id is string => typeof id === 'string');
  }

  async listGroupMembers(groupId: string): Promise<DirectoryUser[]> {
    const members: DirectoryUser[] = [];
    let page = await this.call<Page<Record<string, unknown>>>(() =>
      this.client.api(`/groups/${encodeURIComponent(wellFormed(groupId))}/members`).select(USER_FIELDS).top(MEMBERS_PAGE).get(),
    );
    for (;;) {
      for (const member of page.value ?? []) {
        // Groups can hold devices, service principals and nested groups; approvers are people.
        const type = member['@odata.type'];
        if (type === undefined || type === '#microsoft.graph.user') members.push(toDirectoryUser(member));
      }
      const next = page['@odata.nextLink'];
      if (!next) return members;
      page = await this.call(() => this.client.api(relativeToVersion(next)).get());
    }
  }

  async getGroupName(groupId: string): Promise<string | undefined> {
    return this.orUndefined(async () => {
      const group = await this.call<{ displayName?: unknown }>(() =>
        this.client.api(`/groups/${encodeURIComponent(wellFormed(groupId))}`).select('id,displayName').get(),
      );
      return typeof group.displayName === 'string' ? group.displayName : undefined;
    });
  }

  async assignLicense(userId: string, change: LicenseAssignment): Promise<void> {
    // No SDK retry: a write whose outcome is unknown must be checked by re-reading the user first.
    await this.write(() =>
      this.client
        .api(`${userPath(userId)}/assignLicense`)
        .middlewareOptions(noRetry())
        .post({ addLicenses: change.addLicenses, removeLicenses: change.removeLicenses }),
    );
  }

  /**
   * A read. The SDK retries 429/503/504 itself but not a connection that failed (a reset keep-alive
   * socket, a refused connection): reads change nothing, so they are tried again a few times.
   */
  private async call<T>(request: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await request();
      } catch (error) {
        const classified = classifyGraphError(error);
        if (classified.status !== undefined || attempt >= READ_ATTEMPTS_ON_CONNECTION_FAILURE) throw classified;
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
      }
    }
  }

  /** A write: never repeated here, because its outcome may be unknown (the writer re-reads first). */
  private async write<T>(request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (error) {
      throw classifyGraphError(error);
    }
  }

  private async orUndefined<T>(request: () => Promise<T>): Promise<T | undefined> {
    try {
      return await request();
    } catch (error) {
      if (classifyGraphError(error).status === 404) return undefined;
      throw error;
    }
  }
}

/** Empty, or longer than any Entra id or name: nobody, and not worth (or safe) asking Graph. */
function namesNobody(idOrUpn: string): boolean {
  return idOrUpn.trim() === '' || idOrUpn.length > MAX_NAME_LENGTH;
}

function userPath(idOrUpn: string): string {
  return `/users/${encodeURIComponent(wellFormed(idOrUpn))}`;
}

/** Text that can be URL-encoded: a lone UTF-16 surrogate (possible in chat input) becomes U+FFFD instead of a URIError. */
function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/**
 * An @odata.nextLink as a path the SDK accepts: it only strips https:// origins itself, and an
 * emulator or proxy may page over http://.
 */
function relativeToVersion(nextLink: string): string {
  return nextLink.replace(/^https?:\/\/[^/]+\/v1\.0/i, '');
}

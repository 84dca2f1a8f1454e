/**
 * Finds the person a request is about: by Entra id (a mention), by e-mail / UPN, by name, or the
 * requester themself. An exact display-name match wins over prefix matches, so "Alex Wilber"
 * is not ambiguous with "Alex Wilberforce", while "Alex" alone still is.
 */
import type { Directory, DirectoryUser } from '../ports';

export type PersonLookup =
  | { kind: 'id'; value: string }
  | { kind: 'email'; value: string }
  | { kind: 'name'; value: string }
  | { kind: 'self' };

const MAX_CANDIDATES = 8;

export class PeopleFinder {
  constructor(private readonly directory: Directory) {}

  async find(lookup: PersonLookup, requesterId: string): Promise<DirectoryUser[]> {
    switch (lookup.kind) {
      case 'self':
        return present(await this.directory.getUser(requesterId));
      case 'id':
        return present(await this.directory.getUser(lookup.value));
      case 'email': {
        const direct = await this.directory.getUser(lookup.value);
        if (direct) return [direct];
        const wanted = lookup.value.toLowerCase();
        const matches = await this.directory.searchUsers(lookup.value);
        return matches.filter((user) => user.mail?.toLowerCase() === wanted || user.userPrincipalName.toLowerCase() === wanted);
      }
      case 'name':
        return this.byName(lookup.value);
    }
  }

  private async byName(name: string): Promise<DirectoryUser[]> {
    const wanted = name.trim().replace(/\s+/g, ' ');
    if (wanted === '') return [];
    const matches = await this.directory.searchUsers(wanted);
    const lower = wanted.toLowerCase();
    const exact = matches.filter((user) => user.displayName.toLowerCase() === lower);
    return (exact.length > 0 ? exact : matches).slice(0, MAX_CANDIDATES);
  }
}

function present(user: DirectoryUser | undefined): DirectoryUser[] {
  return user ? [user] : [];
}

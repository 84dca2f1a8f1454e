/**
 * Finds the person a request is about: by Entra id (a mention), by e-mail / UPN, by name, or the
 * requester themself. An exact display-name match wins over prefix matches, so "Alex Wilber"
 * is not ambiguous with "Alex Wilberforce", while "Alex" alone still is.
 *
 * Each person found comes with the licences they hold, read by the same Graph call that found them: a request about
 * one person checks its rules on them without reading the user a second time. They are as fresh as that call, so
 * callers use them in the turn that found the person only (dialogs/licences-read-this-turn.ts).
 */
import { DirectoryError, type Directory, type DirectoryUserLicenses } from '../ports';

export type PersonLookup =
  | { kind: 'id'; value: string }
  | { kind: 'email'; value: string }
  | { kind: 'name'; value: string }
  | { kind: 'self' };

/** A person the directory found, with the licences they held when it answered. */
export type FoundPerson = DirectoryUserLicenses;

const MAX_CANDIDATES = 8;

export class PeopleFinder {
  constructor(private readonly directory: Directory) {}

  async find(lookup: PersonLookup, requesterId: string): Promise<FoundPerson[]> {
    switch (lookup.kind) {
      case 'self':
        return this.byIdOrUpn(requesterId);
      case 'id':
        return this.byIdOrUpn(lookup.value);
      case 'email': {
        const direct = await this.byIdOrUpn(lookup.value);
        if (direct.length > 0) return direct;
        const wanted = lookup.value.toLowerCase();
        const matches = await this.directory.searchUsers(lookup.value);
        return matches.filter(({ user }) => user.mail?.toLowerCase() === wanted || user.userPrincipalName.toLowerCase() === wanted);
      }
      case 'name':
        return this.byName(lookup.value);
    }
  }

  private async byIdOrUpn(idOrUpn: string): Promise<FoundPerson[]> {
    try {
      return [await this.directory.getUserLicenses(idOrUpn)];
    } catch (error) {
      if (error instanceof DirectoryError && error.status === 404) return [];
      throw error;
    }
  }

  private async byName(name: string): Promise<FoundPerson[]> {
    const wanted = name.trim().replace(/\s+/g, ' ');
    if (wanted === '') return [];
    const matches = await this.directory.searchUsers(wanted);
    const lower = wanted.toLowerCase();
    const exact = matches.filter(({ user }) => user.displayName.toLowerCase() === lower);
    return (exact.length > 0 ? exact : matches).slice(0, MAX_CANDIDATES);
  }
}

/**
 * Finds the person a request is about: by Entra id (a mention), by e-mail / UPN, by name, or the
 * requester themself. An exact display-name match wins over prefix matches, so "Alex Wilber"
 * is not ambiguous with "Alex Wilberforce", while "Alex" alone still is.
 *
 * Each person found comes with the licences they hold, read by the same Graph call that found them: a request about
 * one person checks its rules on them without reading the user a second time. They are as fresh as that call, so
 * callers use them in the turn that found the person only (dialogs/licences-read-this-turn.ts).
 *
 * Names are taken as people write them (src/domain/person-names.ts): honorifics dropped, and when the name as
 * written finds nobody, one more call by the start of each word finds "Chloé Lefèvre" for "Chloe Lefevre",
 * "佐藤 花" for "佐藤花" or "花 佐藤", a unique first name, or, for a small slip, people to ask about ("Did you mean…?").
 */
import { DirectoryError, type Directory, type DirectoryUserLicenses } from '../ports';
import { sameFirstName, sameName, searchPrefixes, slipDistance, withoutHonorifics } from '../domain/person-names';

export type PersonLookup =
  | { kind: 'id'; value: string }
  | { kind: 'email'; value: string }
  | { kind: 'name'; value: string }
  | { kind: 'self' };

/** A person the directory found, with the licences they held when it answered. */
export type FoundPerson = DirectoryUserLicenses;

const MAX_CANDIDATES = 8;

/** Who a lookup found, and, when it found nobody, the people whose name is one small slip away (to ask about). */
export interface LookupResult {
  readonly people: FoundPerson[];
  readonly slips: FoundPerson[];
}

export class PeopleFinder {
  constructor(private readonly directory: Directory) {}

  /** The people found; a slip is never taken for the person (see lookUp for the ones to ask about). */
  async find(lookup: PersonLookup, requesterId: string): Promise<FoundPerson[]> {
    return (await this.lookUp(lookup, requesterId)).people;
  }

  async lookUp(lookup: PersonLookup, requesterId: string): Promise<LookupResult> {
    if (lookup.kind === 'name') return this.byName(lookup.value);
    return { people: await this.byReference(lookup, requesterId), slips: [] };
  }

  private async byReference(lookup: Exclude<PersonLookup, { kind: 'name' }>, requesterId: string): Promise<FoundPerson[]> {
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

  private async byName(name: string): Promise<LookupResult> {
    const wanted = withoutHonorifics(name);
    if (wanted === '') return { people: [], slips: [] };
    const matches = await this.directory.searchUsers(wanted);
    if (matches.length > 0) {
      const exact = matches.filter(({ user }) => sameName(wanted, user));
      return { people: (exact.length > 0 ? exact : matches).slice(0, MAX_CANDIDATES), slips: [] };
    }
    return this.asWritten(wanted);
  }

  /** The second and last call, only when the name as written found nobody: by the start of each word, matched here. */
  private async asWritten(wanted: string): Promise<LookupResult> {
    const prefixes = searchPrefixes(wanted);
    if (prefixes.length === 0 || !this.directory.searchUsersByPrefixes) return { people: [], slips: [] };
    const found = await this.directory.searchUsersByPrefixes(prefixes);
    const same = found.filter(({ user }) => sameName(wanted, user));
    if (same.length > 0) return { people: same.slice(0, MAX_CANDIDATES), slips: [] };
    const firstName = found.filter(({ user }) => sameFirstName(wanted, user));
    if (firstName.length > 0) return { people: firstName.slice(0, MAX_CANDIDATES), slips: [] };
    const distances = found.map((person) => ({ person, distance: slipDistance(wanted, person.user) }));
    const closest = Math.min(...distances.map(({ distance }) => distance ?? Infinity));
    const slips = distances.filter(({ distance }) => distance === closest).map(({ person }) => person);
    return { people: [], slips: slips.slice(0, MAX_CANDIDATES) };
  }
}

/** Finding the person a request is about, against an in-memory directory (a unit-test fake). */
import assert from 'node:assert/strict';
import type { Directory, DirectoryUser } from '../../src/ports';
import { PeopleFinder, type PersonLookup } from '../../src/services/people-finder';

const person = (id: string, displayName: string, upn: string, mail: string | null = upn): DirectoryUser => ({
  id,
  displayName,
  userPrincipalName: upn,
  mail,
  givenName: displayName.split(' ')[0] ?? null,
  surname: displayName.split(' ')[1] ?? null,
  usageLocation: 'US',
  preferredLanguage: null,
});

const people = [
  person('1', 'Alex Wilber', 'alexw@contoso.com'),
  person('2', 'Alex Wilberforce', 'alexwf@contoso.com'),
  person('3', 'Alex Chen', 'alexc@contoso.com'),
  person('4', 'Megan Bowen', 'megan@contoso.com', 'megan.bowen@contoso.com'),
  person('5', 'Requester Self', 'me@contoso.com'),
];

/** Prefix search over names, UPN and mail, as Graph's startswith filter does. */
const directory = {
  async searchUsers(text: string) {
    const lower = text.toLowerCase();
    return people.filter((p) => [p.displayName, p.givenName, p.surname, p.userPrincipalName, p.mail].some((v) => v?.toLowerCase().startsWith(lower)));
  },
  async getUser(idOrUpn: string) {
    return people.find((p) => p.id === idOrUpn || p.userPrincipalName === idOrUpn);
  },
} as unknown as Directory;

describe('PeopleFinder', () => {
  const finder = new PeopleFinder(directory);
  const table: { lookup: PersonLookup; ids: string[] }[] = [
    { lookup: { kind: 'name', value: 'Alex' }, ids: ['1', '2', '3'] },
    { lookup: { kind: 'name', value: 'alex wilber' }, ids: ['1'] },
    { lookup: { kind: 'name', value: 'Alex Wil' }, ids: ['1', '2'] },
    { lookup: { kind: 'name', value: 'Megan' }, ids: ['4'] },
    { lookup: { kind: 'name', value: 'Nobody' }, ids: [] },
    { lookup: { kind: 'name', value: '   ' }, ids: [] },
    { lookup: { kind: 'email', value: 'megan@contoso.com' }, ids: ['4'] },
    { lookup: { kind: 'email', value: 'megan.bowen@contoso.com' }, ids: ['4'] },
    { lookup: { kind: 'email', value: 'megan.b@contoso.com' }, ids: [] },
    { lookup: { kind: 'id', value: '3' }, ids: ['3'] },
    { lookup: { kind: 'id', value: 'missing' }, ids: [] },
    { lookup: { kind: 'self' }, ids: ['5'] },
  ];
  for (const row of table) {
    it(`${JSON.stringify(row.lookup)} → [${row.ids.join(', ')}]`, async () => {
      const found = await finder.find(row.lookup, '5');
      assert.deepEqual(found.map((p) => p.id).sort(), [...row.ids].sort());
    });
  }
});

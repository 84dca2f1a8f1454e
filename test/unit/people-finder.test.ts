/** Finding the person a request is about, against an in-memory directory (a unit-test fake). */
import assert from 'node:assert/strict';
import { DirectoryError, type Directory, type DirectoryUser, type DirectoryUserLicenses } from '../../src/ports';
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

/** What the directory says a person holds: here one licence each, so the test can see it travel with the person. */
const withLicences = (user: DirectoryUser): DirectoryUserLicenses => ({
  user,
  assignedLicenses: [{ skuId: `sku-of-${user.id}`, disabledPlans: [] }],
  licenseAssignmentStates: [],
});

/** Prefix search over names, UPN and mail, as Graph's startswith filter does; an unknown id is Graph's 404. */
const directory = {
  async searchUsers(text: string) {
    const lower = text.toLowerCase();
    return people
      .filter((p) => [p.displayName, p.givenName, p.surname, p.userPrincipalName, p.mail].some((v) => v?.toLowerCase().startsWith(lower)))
      .map(withLicences);
  },
  async getUserLicenses(idOrUpn: string) {
    const found = people.find((p) => p.id === idOrUpn || p.userPrincipalName === idOrUpn);
    if (!found) throw new DirectoryError('GRAPH_USER_NOT_FOUND', 404, 'Request_ResourceNotFound', 'not found');
    return withLicences(found);
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
      assert.deepEqual(found.map((p) => p.user.id).sort(), [...row.ids].sort());
      // Each person comes with the licences the same directory answer gave.
      for (const person of found) assert.deepEqual(person.assignedLicenses, [{ skuId: `sku-of-${person.user.id}`, disabledPlans: [] }]);
    });
  }

  it('a directory failure other than "not found" is not taken for nobody', async () => {
    const failing = { async getUserLicenses() { throw new DirectoryError('GRAPH_UNAVAILABLE', 503, 'serviceUnavailable', 'later'); } } as unknown as Directory;
    await assert.rejects(new PeopleFinder(failing).find({ kind: 'id', value: '3' }, '5'), (error: unknown) => error instanceof DirectoryError && error.status === 503);
  });
});

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

describe('PeopleFinder: names as written, at most one more call and only when the first found nobody', () => {
  const written = [
    person('10', 'Chloé Lefèvre', 'chloe@contoso.com'),
    person('11', 'Chloé Dubois', 'chloed@contoso.com'),
    { ...person('12', '佐藤 花', 'hana@contoso.com'), givenName: '花', surname: '佐藤' },
    person('13', 'Kenji Mori', 'kenji@contoso.com'),
    person('14', 'Kenji Sato', 'kenjis@contoso.com'),
  ];
  const calls: string[] = [];
  const startsWith = (p: DirectoryUser, prefix: string) => [p.displayName, p.givenName, p.surname].some((v) => v?.toLowerCase().startsWith(prefix.toLowerCase()));
  const fake = {
    async searchUsers(text: string) {
      calls.push(`search ${text}`);
      return written.filter((p) => startsWith(p, text) || p.userPrincipalName.startsWith(text)).map(withLicences);
    },
    async searchUsersByPrefixes(prefixes: readonly string[]) {
      calls.push(`prefixes ${prefixes.join(',')}`);
      return written.filter((p) => prefixes.some((prefix) => startsWith(p, prefix))).map(withLicences);
    },
  } as unknown as Directory;
  const finder = new PeopleFinder(fake);
  const table: { name: string; people: string[]; slips: string[]; calls: number }[] = [
    { name: 'Chloé Lefèvre', people: ['10'], slips: [], calls: 1 },
    { name: 'Mme Chloe Lefevre', people: ['10'], slips: [], calls: 2 },
    { name: '佐藤花さん', people: ['12'], slips: [], calls: 2 },
    { name: '花 佐藤', people: ['12'], slips: [], calls: 2 },
    { name: 'Chloe Duboi', people: [], slips: ['11'], calls: 2 },
    { name: 'Kenji', people: ['13', '14'], slips: [], calls: 1 },
    { name: 'Nobody Atall', people: [], slips: [], calls: 2 },
  ];
  for (const row of table) {
    it(`"${row.name}" → people [${row.people.join(', ')}], slips [${row.slips.join(', ')}] in ${row.calls} call(s)`, async () => {
      calls.length = 0;
      const result = await finder.lookUp({ kind: 'name', value: row.name }, '5');
      assert.deepEqual(result.people.map((p) => p.user.id).sort(), row.people);
      assert.deepEqual(result.slips.map((p) => p.user.id).sort(), row.slips);
      assert.equal(calls.length, row.calls, calls.join(' | '));
    });
  }
  it('a slip is never taken for the person by find()', async () => {
    assert.deepEqual(await finder.find({ kind: 'name', value: 'Chloe Duboi' }, '5'), []);
  });
});

/** The Graph cache: what it remembers, for how long, what it never remembers, and what a write makes it forget. */
import assert from 'node:assert/strict';
import { CachedDirectory } from '../../src/graph/cached-directory';
import { DirectoryError, type Directory, type DirectorySku, type DirectoryUser, type DirectoryUserLicenses } from '../../src/ports';

const user = (id: string): DirectoryUser => ({
  id,
  displayName: id,
  userPrincipalName: `${id}@contoso.example`,
  mail: null,
  givenName: null,
  surname: null,
  usageLocation: 'US',
  preferredLanguage: null,
});

const sku = (consumedUnits: number): DirectorySku => ({
  skuId: '6832c842-0a49-4fe1-b18e-228d4079a3e6',
  skuPartNumber: 'MCOEV',
  capabilityStatus: 'Enabled',
  consumedUnits,
  prepaidUnits: { enabled: 10, suspended: 0, warning: 0 },
  servicePlans: [{ servicePlanId: '4828c8ec-dc2e-4779-b502-87ac9ce28ab7', servicePlanName: 'MCOEV' }],
});

/** Counts every call that reaches "Graph"; the seats it reports are whatever `consumed` says at the time. */
class CountingDirectory implements Directory {
  calls: string[] = [];
  consumed = 1;
  failNext = false;
  /** When set, listSubscribedSkus waits for this promise before answering. */
  skusGate: Promise<void> | undefined;

  private count(name: string): void {
    this.calls.push(name);
    if (this.failNext) {
      this.failNext = false;
      throw new DirectoryError('GRAPH_UNAVAILABLE', 503, 'serviceUnavailable', 'try later');
    }
  }
  callsOf(name: string): number {
    return this.calls.filter((call) => call === name).length;
  }
  async searchUsers(text: string): Promise<DirectoryUserLicenses[]> {
    this.count('searchUsers');
    return [{ user: user(text), assignedLicenses: [], licenseAssignmentStates: [] }];
  }
  async getUser(id: string) {
    this.count('getUser');
    return user(id);
  }
  async getUserLicenses(id: string): Promise<DirectoryUserLicenses> {
    this.count('getUserLicenses');
    return { user: user(id), assignedLicenses: [], licenseAssignmentStates: [] };
  }
  async getManager(id: string) {
    this.count('getManager');
    return user(`manager-of-${id}`);
  }
  async listSubscribedSkus() {
    const consumed = this.consumed;
    if (this.skusGate) await this.skusGate;
    this.count('listSubscribedSkus');
    return [sku(consumed)];
  }
  async memberGroups(id: string, groupIds: readonly string[]) {
    this.count('memberGroups');
    return id === 'hybrid-user' ? [...groupIds] : [];
  }
  async listGroupMembers(groupId: string) {
    this.count('listGroupMembers');
    return [user(`member-of-${groupId}`)];
  }
  async getGroupName(groupId: string) {
    this.count('getGroupName');
    return `name of ${groupId}`;
  }
  async assignLicense() {
    this.count('assignLicense');
    this.consumed++;
  }
}

function setup(options: { maxEntries?: number } = {}) {
  const graph = new CountingDirectory();
  let now = 1_000_000;
  const cached = new CachedDirectory(graph, { skusTtlMs: 30_000, membershipTtlMs: 30_000, groupNameTtlMs: 300_000, now: () => now, ...options });
  return { graph, cached, advance: (ms: number) => (now += ms) };
}

const change = { addLicenses: [{ skuId: '6832c842-0a49-4fe1-b18e-228d4079a3e6', disabledPlans: [] }], removeLicenses: [] };

describe('CachedDirectory', () => {
  it('reuses subscribedSkus within the TTL and asks Graph again after it', async () => {
    const { graph, cached, advance } = setup();
    await cached.listSubscribedSkus();
    advance(29_999);
    await cached.listSubscribedSkus();
    assert.equal(graph.callsOf('listSubscribedSkus'), 1);
    advance(1);
    await cached.listSubscribedSkus();
    assert.equal(graph.callsOf('listSubscribedSkus'), 2);
  });

  it('lets concurrent callers share one Graph call', async () => {
    const { graph, cached } = setup();
    const answers = await Promise.all(Array.from({ length: 50 }, () => cached.listSubscribedSkus()));
    assert.equal(graph.callsOf('listSubscribedSkus'), 1);
    assert.ok(answers.every((answer) => answer[0]?.consumedUnits === 1));
  });

  it('forgets the seats after every licence write, successful or not', async () => {
    const { graph, cached } = setup();
    assert.equal((await cached.listSubscribedSkus())[0]?.consumedUnits, 1);
    await cached.assignLicense('someone', change);
    assert.equal((await cached.listSubscribedSkus())[0]?.consumedUnits, 2);
    graph.failNext = true;
    await assert.rejects(cached.assignLicense('someone', change), DirectoryError);
    await cached.listSubscribedSkus();
    assert.equal(graph.callsOf('listSubscribedSkus'), 3);
  });

  it('never keeps seats that were read while a write was under way', async () => {
    const { graph, cached } = setup();
    let release!: () => void;
    graph.skusGate = new Promise<void>((resolve) => (release = resolve));
    const before = cached.listSubscribedSkus();
    await cached.assignLicense('someone', change);
    graph.skusGate = undefined;
    release();
    assert.equal((await before)[0]?.consumedUnits, 1);
    assert.equal((await cached.listSubscribedSkus())[0]?.consumedUnits, 2);
  });

  it('does not remember a failed call', async () => {
    const { graph, cached } = setup();
    graph.failNext = true;
    await assert.rejects(cached.memberGroups('hybrid-user', ['g1']), DirectoryError);
    assert.deepEqual(await cached.memberGroups('hybrid-user', ['g1']), ['g1']);
    assert.equal(graph.callsOf('memberGroups'), 2);
  });

  it('remembers memberships per user and set of groups, whatever their order or case', async () => {
    const { graph, cached, advance } = setup();
    assert.deepEqual(await cached.memberGroups('hybrid-user', ['g1', 'g2']), ['g1', 'g2']);
    assert.deepEqual(await cached.memberGroups('HYBRID-USER', ['G2', 'g1']), ['g1', 'g2']);
    assert.deepEqual(await cached.memberGroups('other-user', ['g1', 'g2']), []);
    assert.deepEqual(await cached.memberGroups('hybrid-user', ['g1']), ['g1']);
    assert.equal(graph.callsOf('memberGroups'), 3);
    advance(30_000);
    await cached.memberGroups('hybrid-user', ['g1', 'g2']);
    assert.equal(graph.callsOf('memberGroups'), 4);
    assert.deepEqual(await cached.memberGroups('anyone', []), []);
    assert.equal(graph.callsOf('memberGroups'), 4);
  });

  it('remembers group members and group names', async () => {
    const { graph, cached, advance } = setup();
    await cached.listGroupMembers('approvers');
    await cached.listGroupMembers('approvers');
    await cached.getGroupName('licensing');
    advance(60_000);
    await cached.getGroupName('licensing');
    await cached.listGroupMembers('approvers');
    assert.equal(graph.callsOf('listGroupMembers'), 2);
    assert.equal(graph.callsOf('getGroupName'), 1);
  });

  const alwaysAsked: { method: string; call: (directory: Directory) => Promise<unknown> }[] = [
    { method: 'getUserLicenses', call: (directory) => directory.getUserLicenses('alice') },
    { method: 'getUser', call: (directory) => directory.getUser('alice') },
    { method: 'searchUsers', call: (directory) => directory.searchUsers('alice') },
    { method: 'getManager', call: (directory) => directory.getManager('alice') },
  ];
  for (const { method, call } of alwaysAsked) {
    it(`always asks Graph for ${method}`, async () => {
      const { graph, cached } = setup();
      await call(cached);
      await call(cached);
      assert.equal(graph.callsOf(method), 2);
    });
  }

  it('hands out copies, so that one caller cannot change what the next one reads', async () => {
    const { cached } = setup();
    (await cached.listSubscribedSkus()).pop();
    (await cached.memberGroups('hybrid-user', ['g1'])).pop();
    assert.equal((await cached.listSubscribedSkus()).length, 1);
    assert.deepEqual(await cached.memberGroups('hybrid-user', ['g1']), ['g1']);
  });

  it('forgets the oldest users beyond its size limit', async () => {
    const { graph, cached } = setup({ maxEntries: 2 });
    await cached.memberGroups('u1', ['g']);
    await cached.memberGroups('u2', ['g']);
    await cached.memberGroups('u3', ['g']);
    await cached.memberGroups('u3', ['g']);
    await cached.memberGroups('u2', ['g']);
    assert.equal(graph.callsOf('memberGroups'), 3);
    await cached.memberGroups('u1', ['g']);
    assert.equal(graph.callsOf('memberGroups'), 4);
  });
});

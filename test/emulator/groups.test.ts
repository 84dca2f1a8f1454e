import assert from 'node:assert/strict';
import { assertGraphError, call, groups, people, sdkClient, useEmulator } from './emulator-harness';

describe('Graph emulator: groups and memberships', () => {
  const emulator = useEmulator();

  describe('POST /users/{id}/checkMemberGroups', () => {
    const unknownGroup = '99999999-0000-0000-0000-000000000000';
    const cases: { user: string; name: string; expected: string[] }[] = [
      { user: people.adeleVance, name: 'an admin and approver', expected: [groups.admins, groups.approvers] },
      { user: people.danielBrooks, name: 'a hybrid (on-premises PSTN) user', expected: [groups.onPremPstn] },
      { user: people.pattiFernandez, name: 'someone in none of them', expected: [] },
    ];
    for (const { user, name, expected } of cases) {
      it(`answers the asked groups ${name} belongs to, through the SDK`, async () => {
        const result = await sdkClient(emulator())
          .api(`/users/${user}/checkMemberGroups`)
          .post({ groupIds: [groups.admins, groups.approvers, groups.onPremPstn, unknownGroup] });
        assert.deepEqual(result.value, expected);
        assert.equal(result['@odata.context'], `${emulator().url}/v1.0/$metadata#Collection(Edm.String)`);
      });
    }

    it('refuses more than 20 group ids and a missing groupIds', async () => {
      const many = Array.from({ length: 21 }, (_, index) => `00000000-0000-0000-0000-${String(index).padStart(12, '0')}`);
      assertGraphError(await call(emulator(), 'POST', `/v1.0/users/${people.adeleVance}/checkMemberGroups`, { groupIds: many }), 400, 'Request_BadRequest', /at most 20/);
      assertGraphError(
        await call(emulator(), 'POST', `/v1.0/users/${people.adeleVance}/checkMemberGroups`, {}),
        400,
        'Request_BadRequest',
        "One or more parameters of the operation 'checkMemberGroups' are missing from the request payload. The missing parameters are: groupIds.",
      );
    });

    it('is a read: it does not count as a write', async () => {
      await call(emulator(), 'POST', `/v1.0/users/${people.adeleVance}/checkMemberGroups`, { groupIds: [groups.admins] });
      assert.equal(emulator().requestLog[0]?.write, false);
    });
  });

  describe('GET /groups/{id}', () => {
    it('returns the group with its default properties', async () => {
      const group = await sdkClient(emulator()).api(`/groups/${groups.onPremPstn}`).get();
      assert.equal(group.displayName, 'On-premises PSTN users');
      assert.equal(group.securityEnabled, true);
      assert.equal(group['@odata.context'], `${emulator().url}/v1.0/$metadata#groups/$entity`);
      assert.equal(group.assignedLicenses, undefined);
    });

    it('honours $select, group-based licences included', async () => {
      const group = await sdkClient(emulator()).api(`/groups/${groups.salesCalling}`).select('id,displayName,assignedLicenses').get();
      assert.deepEqual(Object.keys(group), ['@odata.context', 'id', 'displayName', 'assignedLicenses']);
      assert.equal(group.assignedLicenses.length, 1);
    });

    it('answers 404 for an unknown group', async () => {
      const response = await call(emulator(), 'GET', '/v1.0/groups/99999999-0000-0000-0000-000000000000');
      assertGraphError(response, 404, 'Request_ResourceNotFound', /^Resource '99999999-0000-0000-0000-000000000000' does not exist/);
    });
  });

  describe('GET /groups/{id}/members', () => {
    it('pages the members as users with $select and $top', async () => {
      const client = sdkClient(emulator());
      let page = await client.api(`/groups/${groups.allCompany}/members`).select('id,displayName').top(5).get();
      const members: Record<string, unknown>[] = [...page.value];
      while (page['@odata.nextLink']) {
        page = await client.api((page['@odata.nextLink'] as string).replace(/^https?:\/\/[^/]+\/v1\.0/, '')).get();
        members.push(...page.value);
      }
      assert.equal(members.length, emulator().snapshot().users.length);
      assert.ok(members.every((member) => member['@odata.type'] === '#microsoft.graph.user'));
      assert.deepEqual(Object.keys(members[0] ?? {}), ['@odata.type', 'id', 'displayName']);
    });

    it('lists the approvers', async () => {
      const page = await sdkClient(emulator()).api(`/groups/${groups.approvers}/members`).select('displayName').get();
      assert.deepEqual(page.value.map((member: { displayName: string }) => member.displayName), ['Adele Vance', 'Megan Bowen']);
    });
  });
});

/**
 * The Playground configs (no browser): the repo's .m365agentsplayground.yml is the generated one,
 * every Playground person is a demo-tenant user with the same ids and addresses, and each
 * person's config keeps the Playground's own rules (five other users, unique ids).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DEMO_TENANT_FILE } from '../../src/emulator/demo-tenant';
import { PLAYGROUND_PEOPLE, PLAYGROUND_TENANT_ID, REQUESTER, playgroundConfig, playgroundConfigYaml } from '../../src/tools/playground';

const REPO_CONFIG = path.resolve(__dirname, '../../../.m365agentsplayground.yml');

interface TenantUser {
  id: string;
  displayName: string;
  userPrincipalName: string;
  mail: string | null;
}

describe('Agents Playground configs', () => {
  it('the repo\'s .m365agentsplayground.yml is the requester\'s generated config', () => {
    assert.equal(
      fs.readFileSync(REPO_CONFIG, 'utf8'),
      playgroundConfigYaml(playgroundConfig(REQUESTER)),
      'regenerate it: npm run build && node dist/src/tools/playground.js --print-config > .m365agentsplayground.yml',
    );
  });

  const tenantUsers = (JSON.parse(fs.readFileSync(DEMO_TENANT_FILE, 'utf8')) as { users: TenantUser[] }).users;
  for (const person of PLAYGROUND_PEOPLE) {
    it(`${person.name} is the same person in the Playground and in the demo tenant`, () => {
      const user = tenantUsers.find((candidate) => candidate.id === person.aadObjectId);
      assert.ok(user, `no demo-tenant user with id ${person.aadObjectId}`);
      assert.deepEqual(
        { name: user.displayName, upn: user.userPrincipalName, mail: user.mail },
        { name: person.name, upn: person.userPrincipleName, mail: person.email },
      );
    });

    it(`${person.name}'s Playground has them as current user, five others and distinct conversation ids`, () => {
      const config = playgroundConfig(person.name);
      assert.equal(config.tenantId, PLAYGROUND_TENANT_ID);
      assert.equal(config.currentUser, person);
      assert.equal(config.users.length, 5);
      assert.equal(new Set([config.currentUser.id, ...config.users.map((user) => user.id)]).size, 6);
      const conversationIds = [config.personalChat.id, config.groupChat.id, config.team.id, ...config.team.channels.map((c) => c.id)];
      assert.equal(new Set(conversationIds).size, conversationIds.length);
    });
  }

  it('each person has their own personal chat with the bot', () => {
    const chats = PLAYGROUND_PEOPLE.map((person) => playgroundConfig(person.name).personalChat.id);
    assert.equal(new Set(chats).size, PLAYGROUND_PEOPLE.length);
  });

  it('refuses someone who is not a Playground person', () => {
    assert.throws(() => playgroundConfig('Alice Johnson'), /not a Playground person/);
  });
});

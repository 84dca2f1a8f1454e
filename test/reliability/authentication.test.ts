/**
 * With MicrosoftAppId and a password set, only activities carrying a valid Bot Framework channel token are
 * processed. Token checks run for real (botframework-connector, through the real server) against a loopback
 * stand-in for login.botframework.com, so a correctly signed token is accepted — the control that shows the
 * refusals come from the token, not from a bot that refuses everything. Every refusal is a 401 that changes
 * nothing: no reply, no stored conversation, no state, no decision, no Graph write.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { SqliteStorage } from '../../src/storage/sqlite-storage';
import { BotFrameworkLogin, channelClaims, newSigningKey, signToken, TRUSTED_KEY_ID } from './support/bot-framework-login';
import { Rig } from './support/rig';
import { seedPendingRequest } from './support/seed';

const APP_ID = randomUUID();
/** A throwaway password for this run; it never leaves loopback (the bot never needs its own token here). */
const APP_PASSWORD = randomUUID();

describe('authentication: Bot Framework tokens are required when an app id is set (reliability)', function () {
  this.timeout(60_000);
  const trusted = newSigningKey(TRUSTED_KEY_ID);
  const impostor = newSigningKey(TRUSTED_KEY_ID); // same key id, a key nobody trusts
  const stranger = newSigningKey('unknown-key-id');
  const login = new BotFrameworkLogin(trusted);
  let rig: Rig;
  let requestId: string;

  before(async () => {
    await login.install();
    rig = await Rig.start({ environment: { MicrosoftAppId: APP_ID, MicrosoftAppPassword: APP_PASSWORD, MicrosoftAppType: 'MultiTenant' } });
    await rig.startInstance();
    requestId = await seedPendingRequest(rig);
  });
  after(async () => {
    await rig?.close();
    await login.uninstall();
  });

  const serviceUrl = () => rig.connector.url;
  const bearer = (token: string) => `Bearer ${token}`;
  const refusals: { title: string; authorization: () => string | undefined }[] = [
    { title: 'no Authorization header', authorization: () => undefined },
    { title: 'not a bearer token', authorization: () => `Basic ${Buffer.from(`${APP_ID}:${APP_PASSWORD}`).toString('base64')}` },
    { title: 'a bearer value that is not a JWT', authorization: () => bearer('not-a-token') },
    { title: 'a token signed by nobody (alg none)', authorization: () => bearer(signToken(channelClaims(APP_ID, serviceUrl()), undefined)) },
    { title: 'a forged token: the trusted key id, signed with another key', authorization: () => bearer(signToken(channelClaims(APP_ID, serviceUrl()), impostor)) },
    { title: 'a token signed by a key the metadata does not list', authorization: () => bearer(signToken(channelClaims(APP_ID, serviceUrl()), stranger)) },
    { title: 'a trusted signature over tampered claims', authorization: () => tampered(signToken(channelClaims(APP_ID, serviceUrl()), trusted)) },
    { title: 'a trusted token for another bot (audience)', authorization: () => bearer(signToken(channelClaims(randomUUID(), serviceUrl()), trusted)) },
    { title: 'a trusted token from another issuer', authorization: () => bearer(signToken(channelClaims(APP_ID, serviceUrl(), { iss: 'https://sts.example.com/' }), trusted)) },
    { title: 'a trusted token that expired an hour ago', authorization: () => bearer(signToken(channelClaims(APP_ID, serviceUrl(), { exp: Math.floor(Date.now() / 1000) - 3600 }), trusted)) },
    { title: 'a trusted token for another service URL', authorization: () => bearer(signToken(channelClaims(APP_ID, 'https://smba.trafficmanager.net/evil/'), trusted)) },
  ];

  for (const refusal of refusals) {
    it(`401 and nothing changes: ${refusal.title}`, async () => {
      const authorization = refusal.authorization();
      const capturedBefore = rig.connector.activities.length;
      const megan = rig.user('Megan Manager');
      const rita = rig.user('Rita Requester');
      const message = await rita.say('give Alice Anders a calling plan', { to: rig.url, ...(authorization ? { authorization } : {}) });
      const approval = await megan.execute('approve', { requestId }, { to: rig.url, ...(authorization ? { authorization } : {}) });
      assert.equal(message, 401);
      assert.equal(approval.status, 401);
      await rig.idle();

      assert.equal(rig.connector.activities.length, capturedBefore, 'no reply');
      assert.equal(rig.connector.conversationsCreated.length, 0, 'nobody contacted');
      assert.equal((await rig.request(requestId))?.state, 'pending', 'no decision');
      assert.equal(rig.emulator.writeLog.length, 0, 'no Graph write');
      assert.equal(rig.emulator.requestLog.length, 0, 'not even a Graph read');
      const state = await rig.state();
      const keys = await (state.storage as SqliteStorage).keys('');
      assert.deepEqual(keys, ['requests-index', `requests/${requestId}`], 'nothing stored but the seeded request (no conversation, no dialog state)');
      assert.deepEqual(await state.audit.list(), [], 'nothing audited');
    });
  }

  it('control: a correctly signed channel token is accepted (the card refresh answers with the card)', async () => {
    const authorization = bearer(signToken(channelClaims(APP_ID, serviceUrl()), trusted));
    const answer = await rig.user('Megan Manager').execute('refresh', { requestId }, { to: rig.url, authorization });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.equal(answer.body?.type, 'application/vnd.microsoft.card.adaptive');
    assert.equal((await rig.request(requestId))?.state, 'pending');
  });

  it('logs carry neither tokens nor the app password', () => {
    const logs = rig.logLines.join('\n');
    assert.doesNotMatch(logs, /eyJ[\w-]+\.eyJ/, 'no JWT');
    assert.ok(!logs.includes(APP_PASSWORD), 'no app password');
    assert.doesNotMatch(logs, /Bearer /i, 'no Authorization header');
  });
});

/** The token with its lifetime stretched after signing: acceptable claims, but the signature no longer matches. */
function tampered(token: string): string {
  const [head, body, signature] = token.split('.');
  const claims = JSON.parse(Buffer.from(body ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
  claims['exp'] = Number(claims['exp']) + 3600;
  return `Bearer ${head}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
}

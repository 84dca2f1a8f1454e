/**
 * Attack: unsigned traffic where it matters. With real Graph credentials (a client secret, a certificate or a managed
 * identity) and MicrosoftAppId forgotten, the bot must not start (an unsigned invoke carrying a manager's object id
 * would write licences); the explicit opt-in ALLOW_ANONYMOUS_LOCAL=true listens on loopback only and says so loudly.
 * With an app id: when the signing keys cannot be fetched the caller gets 503 with no internal text, a request
 * without a bearer token is refused before its body is read, and the body size limit applies before the token check.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import { ConfigError, loadConfig } from '../../src/config';
import { BotFrameworkLogin, channelClaims, newSigningKey, signToken, TRUSTED_KEY_ID } from './support/bot-framework-login';
import { Rig } from './support/rig';
import { post } from './support/teams-client';

const ENTRY = path.resolve(__dirname, '../../src/index.js');
const GRAPH_CREDENTIALS: Record<string, string>[] = [
  { AZURE_TENANT_ID: randomUUID(), AZURE_CLIENT_ID: randomUUID(), AZURE_CLIENT_SECRET: 'not-a-real-secret' },
  { AZURE_TENANT_ID: randomUUID(), AZURE_CLIENT_ID: randomUUID(), AZURE_CLIENT_CERTIFICATE_PATH: '/nonexistent/cert.pem' },
  { HOME_TENANT_ID: randomUUID(), IDENTITY_ENDPOINT: 'http://169.254.169.254/msi/token' },
];

describe('authentication cannot be silently off (reliability)', function () {
  this.timeout(60_000);

  for (const credentials of GRAPH_CREDENTIALS) {
    const kind = Object.keys(credentials).find((name) => name !== 'AZURE_TENANT_ID' && name !== 'HOME_TENANT_ID' && name !== 'AZURE_CLIENT_ID');
    it(`Graph credentials (${kind}) without MicrosoftAppId: the process refuses to start and says what to set`, () => {
      const started = spawnSync(process.execPath, [ENTRY], {
        env: { PATH: process.env.PATH ?? '', PORT: '0', DATA_DIR: path.join('/tmp', `ld-${randomUUID()}`), ...credentials },
        encoding: 'utf8',
        timeout: 30_000,
      });
      assert.equal(started.status, 1, `exit code (stdout: ${started.stdout.slice(0, 300)})`);
      assert.match(started.stderr, /set MicrosoftAppId and MicrosoftAppPassword/);
      assert.match(started.stderr, /ALLOW_ANONYMOUS_LOCAL=true/);
      assert.doesNotMatch(started.stdout, /License Desk is running/);
    });
  }

  it('the opt-in ALLOW_ANONYMOUS_LOCAL=true binds to loopback, and refuses any other address', () => {
    const optIn = loadConfig({ ...GRAPH_CREDENTIALS[0], ALLOW_ANONYMOUS_LOCAL: 'true' });
    assert.equal(optIn.host, '127.0.0.1');
    assert.equal(optIn.anonymous, true);
    for (const host of ['0.0.0.0', '::', '192.168.1.10']) {
      assert.throws(() => loadConfig({ ...GRAPH_CREDENTIALS[0], ALLOW_ANONYMOUS_LOCAL: 'true', HOST: host }), (error: unknown) => error instanceof ConfigError && /loopback/.test(error.message));
    }
  });

  it('the opt-in is logged as a warning when the bot starts', async () => {
    const rig = await Rig.start({ memoryBackedDataDir: true });
    try {
      // Credentials pointed at the emulator: nothing fetches a token until Graph is called, and nothing is called here.
      Object.assign(rig.environment, { AZURE_TENANT_ID: rig.tenant.tenantId, AZURE_CLIENT_ID: randomUUID(), AZURE_CLIENT_SECRET: 'x', ALLOW_ANONYMOUS_LOCAL: 'true' });
      const instance = await rig.startInstance();
      assert.match(instance.url, /^http:\/\/127\.0\.0\.1:/);
      const warning = rig.logLines.find((line) => /ALLOW_ANONYMOUS_LOCAL/.test(line));
      assert.ok(warning && /"level":"warn"/.test(warning), `a warning: ${warning}`);
    } finally {
      await rig.close();
    }
  });

  describe('with an app id', () => {
    const appId = randomUUID();
    let rig: Rig;
    before(async () => {
      rig = await Rig.start({ memoryBackedDataDir: true, environment: { MicrosoftAppId: appId, MicrosoftAppPassword: randomUUID(), MicrosoftAppType: 'MultiTenant' } });
      await rig.startInstance();
    });
    after(async () => {
      await rig?.close();
    });

    it('signing keys that cannot be fetched: 503, no internal error text, nothing done', async () => {
      BotFrameworkLogin.installUnreachable();
      const login = new BotFrameworkLogin(newSigningKey(TRUSTED_KEY_ID));
      try {
        const token = signToken(channelClaims(appId, rig.connector.url), newSigningKey(TRUSTED_KEY_ID));
        const activity = rig.user('Rita Requester').activity({ type: 'message', text: 'give Alice Anders a calling plan' });
        const answer = await post({ to: rig.url, authorization: `Bearer ${token}` }, activity);
        assert.equal(answer.status, 503);
        assert.doesNotMatch(answer.text, /ECONNREFUSED|ENOTFOUND|getaddrinfo|127\.0\.0\.1|Error|openid/i, `no internal text: ${answer.text}`);
        assert.equal(rig.connector.activities.length, 0, 'no reply');
        assert.equal(rig.emulator.requestLog.length, 0, 'no Graph call');
      } finally {
        await login.uninstall();
      }
    });

    it('no bearer token: 401 before the body is read', async () => {
      const answer = await rawPost(rig.url, 'x'.repeat(64), {});
      assert.equal(answer.status, 401);
      assert.equal(answer.text, '', 'no detail');
    });

    it('the body size limit applies before the token is checked: 413 for 5 MiB with any bearer', async () => {
      const answer = await rawPost(rig.url, JSON.stringify({ type: 'message', text: 'x'.repeat(5 * 1024 * 1024) }), { authorization: 'Bearer not-checked-yet' });
      assert.equal(answer.status, 413);
    });
  });
});

function rawPost(base: string, body: string, headers: Record<string, string>): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers }, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
    });
    // The server may answer and close before the whole body is sent.
    request.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? resolve({ status: -1, text: String(error) }) : reject(error)));
    request.end(body);
  });
}

/** The environment contract: modes, defaults, and refusals with the variable named. */
import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from '../../src/config';

describe('config from the environment', () => {
  const modes: { title: string; env: Record<string, string>; kind: string; baseUrl?: string }[] = [
    { title: 'nothing set: demo mode', env: {}, kind: 'demo' },
    { title: 'GRAPH_BASE_URL alone: no token', env: { GRAPH_BASE_URL: 'http://127.0.0.1:9999', HOME_TENANT_ID: 't' }, kind: 'anonymous', baseUrl: 'http://127.0.0.1:9999' },
    {
      title: 'client secret: real Graph',
      env: { MicrosoftAppId: 'app', MicrosoftAppPassword: 'pw', AZURE_TENANT_ID: 't', AZURE_CLIENT_ID: 'c', AZURE_CLIENT_SECRET: 's' },
      kind: 'credential',
      baseUrl: 'https://graph.microsoft.com',
    },
    {
      title: 'credential with GRAPH_BASE_URL: tokens to that endpoint',
      env: { MicrosoftAppId: 'app', MicrosoftAppPassword: 'pw', AZURE_TENANT_ID: 't', AZURE_CLIENT_ID: 'c', AZURE_CLIENT_SECRET: 's', GRAPH_BASE_URL: 'https://graph.example' },
      kind: 'credential',
      baseUrl: 'https://graph.example',
    },
    { title: 'managed identity in Azure', env: { MicrosoftAppId: 'app', MicrosoftAppPassword: 'pw', HOME_TENANT_ID: 't', IDENTITY_ENDPOINT: 'http://169.254.169.254/msi' }, kind: 'credential', baseUrl: 'https://graph.microsoft.com' },
    { title: 'empty values count as unset', env: { GRAPH_BASE_URL: '  ', AZURE_CLIENT_ID: '' }, kind: 'demo' },
  ];
  for (const mode of modes) {
    it(mode.title, () => {
      const config = loadConfig(mode.env);
      assert.equal(config.graph.kind, mode.kind);
      if (mode.baseUrl) assert.equal('baseUrl' in config.graph ? config.graph.baseUrl : undefined, mode.baseUrl);
    });
  }

  it('defaults: port 3978, ./data, info logs', () => {
    const config = loadConfig({});
    assert.equal(config.port, 3978);
    assert.equal(config.dataDir, './data');
    assert.equal(config.logLevel, 'info');
    assert.equal(config.bot.appId, undefined);
  });

  const refusals: { title: string; env: Record<string, string>; names: RegExp }[] = [
    { title: 'a port that is not a number', env: { PORT: 'eighty' }, names: /PORT/ },
    { title: 'a group id that is not a GUID', env: { ADMIN_GROUP_ID: 'admins' }, names: /ADMIN_GROUP_ID/ },
    { title: 'a Graph URL that is not http(s)', env: { GRAPH_BASE_URL: 'graph.microsoft.com' }, names: /GRAPH_BASE_URL/ },
    { title: 'a secret and a certificate', env: { AZURE_TENANT_ID: 't', AZURE_CLIENT_ID: 'c', AZURE_CLIENT_SECRET: 's', AZURE_CLIENT_CERTIFICATE_PATH: '/c.pem' }, names: /not both/ },
    { title: 'a secret without tenant and client', env: { AZURE_CLIENT_SECRET: 's' }, names: /AZURE_TENANT_ID/ },
    { title: 'an app id without a password', env: { MicrosoftAppId: 'id' }, names: /MicrosoftAppPassword/ },
    { title: 'Graph credentials without an app id (unsigned traffic would write licences)', env: { AZURE_TENANT_ID: 't', AZURE_CLIENT_ID: 'c', AZURE_CLIENT_SECRET: 's' }, names: /MicrosoftAppId/ },
    { title: 'a managed identity without an app id', env: { HOME_TENANT_ID: 't', IDENTITY_ENDPOINT: 'http://169.254.169.254/msi' }, names: /MicrosoftAppId/ },
    { title: 'the anonymous opt-in on a non-loopback host', env: { AZURE_TENANT_ID: 't', AZURE_CLIENT_ID: 'c', AZURE_CLIENT_SECRET: 's', ALLOW_ANONYMOUS_LOCAL: 'true', HOST: '0.0.0.0' }, names: /HOST/ },
    { title: 'a Graph endpoint without the tenant it belongs to', env: { GRAPH_BASE_URL: 'http://127.0.0.1:9999' }, names: /HOME_TENANT_ID/ },
    { title: 'a managed identity without a tenant', env: { MicrosoftAppId: 'app', MicrosoftAppPassword: 'pw', IDENTITY_ENDPOINT: 'http://169.254.169.254/msi' }, names: /HOME_TENANT_ID/ },
  ];
  for (const refusal of refusals) {
    it(`refuses ${refusal.title}, naming the variable`, () => {
      assert.throws(
        () => loadConfig({ ...refusal.env }),
        (error: unknown) => error instanceof ConfigError && refusal.names.test(error.message),
      );
    });
  }

  it('anonymous mode listens on loopback unless HOST says otherwise; the opt-in is anonymous on loopback', () => {
    assert.equal(loadConfig({}).host, '127.0.0.1');
    assert.equal(loadConfig({ MicrosoftAppId: 'app', MicrosoftAppPassword: 'pw' }).host, undefined);
    const optIn = loadConfig({ AZURE_TENANT_ID: 't', AZURE_CLIENT_ID: 'c', AZURE_CLIENT_SECRET: 's', ALLOW_ANONYMOUS_LOCAL: 'true' });
    assert.equal(optIn.anonymous, true);
    assert.equal(optIn.host, '127.0.0.1');
    assert.equal(optIn.homeTenantId, 't');
  });

  it('the home tenant: HOME_TENANT_ID, else AZURE_TENANT_ID; unset in demo mode (the demo tenant file names it)', () => {
    assert.equal(loadConfig({ HOME_TENANT_ID: 'h', MicrosoftAppId: 'app', MicrosoftAppPassword: 'pw', AZURE_TENANT_ID: 't', AZURE_CLIENT_ID: 'c', AZURE_CLIENT_SECRET: 's' }).homeTenantId, 'h');
    assert.equal(loadConfig({}).homeTenantId, undefined);
  });

  it('never echoes a secret value in its error', () => {
    const secret = 'very-secret-value-123';
    assert.throws(
      () => loadConfig({ AZURE_CLIENT_SECRET: secret, AZURE_CLIENT_CERTIFICATE_PATH: '/c.pem', AZURE_TENANT_ID: 't', AZURE_CLIENT_ID: 'c' }),
      (error: unknown) => error instanceof ConfigError && !error.message.includes(secret),
    );
  });
});

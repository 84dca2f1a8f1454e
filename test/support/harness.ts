/**
 * Starts the real pieces for an integration test: the Graph tenant emulator over HTTP, the
 * capturing Bot Connector, and License Desk itself (restify, CloudAdapter, SQLite state) on
 * loopback ports, with a fresh data directory.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startLicenseDesk, type RunningLicenseDesk } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { startGraphEmulator, type GraphEmulator } from '../../src/emulator/graph-emulator';
import { loadTenantFile, type TenantFile } from '../../src/emulator/tenant-file';
import { CapturingConnector } from './capturing-connector';
import { TeamsUser } from './teams-user';
import type { CapturedActivity } from './capturing-connector';

export const FABRIKAM_TENANT_FILE = path.resolve(__dirname, '../../../test/fixtures/fabrikam-tenant.json');

export interface Harness {
  readonly tenant: TenantFile;
  readonly emulator: GraphEmulator;
  readonly connector: CapturingConnector;
  readonly dataDir: string;
  app: RunningLicenseDesk;
  environment: Record<string, string>;
  /** A Teams user of the tenant, by display name. */
  user(displayName: string, locale?: string): TeamsUser;
  userId(displayName: string): string;
  groupId(displayName: string): string;
  skuId(partNumber: string): string;
  close(): Promise<void>;
}

export interface HarnessOptions {
  readonly tenantFile?: string;
  readonly environment?: Record<string, string>;
}

/**
 * Mocha hooks for the usual case: a fresh harness before each test, handed to `use`, and closed after it.
 * `let h: Harness; harnessPerTest((started) => (h = started));` Options given as a function are read before each
 * test (a suite that changes its tenant between tests).
 */
export function harnessPerTest(use: (harness: Harness) => void, options: HarnessOptions | (() => HarnessOptions) = {}): void {
  let current: Harness | undefined;
  beforeEach(async () => {
    current = await startHarness(typeof options === 'function' ? options() : options);
    use(current);
  });
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const tenant = loadTenantFile(options.tenantFile ?? FABRIKAM_TENANT_FILE);
  const emulator = await startGraphEmulator({ tenant, port: 0, host: '127.0.0.1' });
  const connector = new CapturingConnector();
  await connector.start();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'license-desk-it-'));
  const groupId = (name: string) => {
    const group = tenant.groups.find((candidate) => candidate.displayName === name);
    if (!group) throw new Error(`No group ${name} in the test tenant`);
    return group.id;
  };
  const environment: Record<string, string> = {
    PORT: '0',
    HOST: '127.0.0.1',
    GRAPH_BASE_URL: emulator.url,
    // The emulator's tenant is the one the bot serves (activities from any other are turned away).
    HOME_TENANT_ID: tenant.tenantId,
    DATA_DIR: dataDir,
    // The fixture's and the demo tenant's group names for the fallback approvers and hybrid-PSTN users.
    LICENSE_APPROVER_GROUP_ID: tenant.groups.find((g) => g.displayName === 'License approvers')?.id ?? '',
    ONPREM_PSTN_GROUP_ID: tenant.groups.find((g) => ['Hybrid PSTN', 'On-premises PSTN users'].includes(g.displayName))?.id ?? '',
    ADMIN_GROUP_ID: tenant.groups.find((g) => g.displayName === 'License Desk admins')?.id ?? '',
    LOG_LEVEL: 'error',
    ...options.environment,
  };
  const start = () => startLicenseDesk(loadConfig(environment), { log: createLogger('error') });
  const harness: Harness = {
    tenant,
    emulator,
    connector,
    dataDir,
    environment,
    app: await start(),
    user(displayName, locale) {
      const person = tenant.users.find((candidate) => candidate.displayName === displayName);
      if (!person) throw new Error(`No user ${displayName} in the test tenant`);
      return new TeamsUser({ aadObjectId: person.id, name: person.displayName, tenantId: tenant.tenantId, locale }, () => harness.app.url, connector);
    },
    userId(displayName) {
      const person = tenant.users.find((candidate) => candidate.displayName === displayName);
      if (!person) throw new Error(`No user ${displayName} in the test tenant`);
      return person.id;
    },
    groupId,
    skuId(partNumber) {
      const sku = tenant.subscribedSkus.find((candidate) => candidate.skuPartNumber === partNumber);
      if (!sku) throw new Error(`No SKU ${partNumber} in the test tenant`);
      return sku.skuId;
    },
    async close() {
      await harness.app.close();
      await connector.stop();
      await emulator.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return harness;
}

/** The text of a captured message and of any card it carries, for assertions on what people read. */
export function readableText(activity: { text?: string; attachments?: { content: any }[] }): string {
  return [activity.text ?? '', ...(activity.attachments ?? []).map((a) => JSON.stringify(a.content))].join('\n');
}

/**
 * One conversational turn: the bot answers a message within the HTTP request (CloudAdapter ends
 * the response after the turn), so what it said is everything captured since the message was sent.
 */
export async function turn(h: Harness, user: TeamsUser, text: string): Promise<{ texts: string; replies: CapturedActivity[] }> {
  const before = h.connector.inConversation(user.personalConversationId).length;
  const status = await user.say(text);
  if (status !== 200) throw new Error(`The bot answered ${status} to "${text}"`);
  const replies = h.connector.inConversation(user.personalConversationId).slice(before);
  return { replies, texts: replies.map((reply) => readableText(reply.activity)).join('\n') };
}

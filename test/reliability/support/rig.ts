/**
 * The test rig of the reliability suite: the Graph emulator and the capturing Bot Connector on loopback, and
 * License Desk started through its real composition root (startLicenseDesk) — one instance or several sharing
 * one state (embedded SQLite in a temp directory, or Azurite). Every instance's log lines are kept, so tests can
 * show what was (not) logged. A separate reader on the same state lets tests see requests and the audit trail.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startLicenseDesk, type RunningLicenseDesk } from '../../../src/app';
import { loadConfig } from '../../../src/config';
import { startGraphEmulator, type GraphEmulator } from '../../../src/emulator/graph-emulator';
import { loadTenantFile, type TenantFile } from '../../../src/emulator/tenant-file';
import { createLogger } from '../../../src/logger';
import type { LicenseRequest } from '../../../src/domain/request';
import type { Clock } from '../../../src/ports';
import { openState } from '../../../src/storage/open-state-for-config';
import type { StateStores } from '../../../src/storage/open-state';
import { CapturingConnector } from '../../support/capturing-connector';
import { FABRIKAM_TENANT_FILE } from '../../support/harness';
import { TeamsClient } from './teams-client';

export const ALL_STATES: LicenseRequest['state'][] = ['pending', 'approved', 'assigning', 'completed', 'failed', 'rejected', 'cancelled'];

export interface RigOptions {
  /** Default: the Fabrikam fixture. */
  readonly tenant?: TenantFile;
  readonly environment?: Record<string, string>;
  /** Graph emulator latency per HTTP request. */
  readonly latencyMs?: number;
  /**
   * Keep the embedded store in memory-backed /dev/shm where there is one: for tests about input and races, not about
   * the disk, so that fsync does not dominate their time. Durability tests keep the default temp directory.
   */
  readonly memoryBackedDataDir?: boolean;
}

const MEMORY_BACKED_DIR = '/dev/shm';

export class Rig {
  readonly instances: RunningLicenseDesk[] = [];
  readonly logLines: string[] = [];
  private reader?: StateStores;

  private constructor(
    readonly tenant: TenantFile,
    readonly emulator: GraphEmulator,
    readonly connector: CapturingConnector,
    readonly environment: Record<string, string>,
    private readonly dataDir: string,
  ) {}

  static async start(options: RigOptions = {}): Promise<Rig> {
    const tenant = options.tenant ?? loadTenantFile(FABRIKAM_TENANT_FILE);
    const emulator = await startGraphEmulator({ tenant, port: 0, host: '127.0.0.1', latencyMs: options.latencyMs ?? 0 });
    const connector = new CapturingConnector();
    await connector.start();
    const parent = options.memoryBackedDataDir && fs.existsSync(MEMORY_BACKED_DIR) ? MEMORY_BACKED_DIR : os.tmpdir();
    const dataDir = fs.mkdtempSync(path.join(parent, 'license-desk-reliability-'));
    const groupId = (...names: string[]) => tenant.groups.find((group) => names.includes(group.displayName))?.id ?? '';
    const environment: Record<string, string> = {
      PORT: '0',
      HOST: '127.0.0.1',
      GRAPH_BASE_URL: emulator.url,
      HOME_TENANT_ID: tenant.tenantId,
      DATA_DIR: dataDir,
      LICENSE_APPROVER_GROUP_ID: groupId('License approvers'),
      ONPREM_PSTN_GROUP_ID: groupId('Hybrid PSTN', 'On-premises PSTN users'),
      ADMIN_GROUP_ID: groupId('License Desk admins'),
      LOG_LEVEL: 'debug',
      ...options.environment,
    };
    return new Rig(tenant, emulator, connector, environment, dataDir);
  }

  /** Starts one more License Desk on the shared state and Graph. */
  async startInstance(options: { readonly clock?: Clock } = {}): Promise<RunningLicenseDesk> {
    const log = createLogger('debug', (line) => this.logLines.push(line));
    const instance = await startLicenseDesk(loadConfig(this.environment), { log, ...options });
    this.instances.push(instance);
    return instance;
  }

  async stopInstances(): Promise<void> {
    for (const instance of this.instances.splice(0)) await instance.close();
  }

  /** The state as a second client sees it (another connection to the SQLite file, or another blob client). */
  async state(): Promise<StateStores> {
    this.reader ??= await openState(loadConfig(this.environment));
    return this.reader;
  }

  async request(id: string): Promise<LicenseRequest | undefined> {
    return (await (await this.state()).requests.get(id))?.value;
  }

  /** Waits until every instance has finished its background work. */
  async idle(): Promise<void> {
    await Promise.all(this.instances.map((instance) => instance.workflow.idle()));
  }

  user(displayName: string, overrides: { tenantId?: string } = {}): TeamsClient {
    const person = this.tenant.users.find((candidate) => candidate.displayName === displayName);
    if (!person) throw new Error(`No user ${displayName} in the test tenant`);
    return new TeamsClient(
      { aadObjectId: person.id, name: person.displayName, tenantId: overrides.tenantId ?? this.tenant.tenantId },
      this.connector,
    );
  }

  userId(displayName: string): string {
    const person = this.tenant.users.find((candidate) => candidate.displayName === displayName);
    if (!person) throw new Error(`No user ${displayName} in the test tenant`);
    return person.id;
  }

  skuId(partNumber: string): string {
    const sku = this.tenant.subscribedSkus.find((candidate) => candidate.skuPartNumber === partNumber);
    if (!sku) throw new Error(`No SKU ${partNumber} in the test tenant`);
    return sku.skuId;
  }

  /** The first instance's URL (most tests run one). */
  get url(): string {
    const first = this.instances[0];
    if (!first) throw new Error('No License Desk instance is running');
    return first.url;
  }

  async close(): Promise<void> {
    await this.stopInstances();
    await this.reader?.close();
    await this.connector.stop();
    await this.emulator.close();
    fs.rmSync(this.dataDir, { recursive: true, force: true });
  }
}

/** Polls until check returns a value (not undefined); fails with what after timeoutMs. */
export async function eventually<T>(check: () => Promise<T | undefined>, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A seeded PRNG (mulberry32), so that a failing random schedule can be replayed with the printed seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

/** RELIABILITY_SEED replays a run; otherwise a fresh seed, printed by the caller. */
export function runSeed(): number {
  const fromEnvironment = Number(process.env.RELIABILITY_SEED);
  return Number.isInteger(fromEnvironment) ? fromEnvironment : Math.floor(Math.random() * 2 ** 31);
}

/** Shared by the emulator tests: the demo tenant, an emulator per suite, the real Graph SDK and fetch. */
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { Client, RetryHandlerOptions } from '@microsoft/microsoft-graph-client';
import { DEMO_TENANT_FILE } from '../../src/emulator/demo-tenant';
import { startGraphEmulator, type GraphEmulator, type GraphEmulatorOptions } from '../../src/emulator/graph-emulator';
import { loadTenantFile, type TenantFile } from '../../src/emulator/tenant-file';

export const demoTenant: TenantFile = loadTenantFile(DEMO_TENANT_FILE);

/** The second fixture tenant, built only from today's SKUs (see test/fixtures/today-tenant.md). */
export const TODAY_TENANT_FILE = resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'today-tenant.json');

/** Demo people by their role in the tests (see src/emulator/DEMO-TENANT.md). */
export const people = {
  alexWilber: '00000000-0000-0000-0000-0000000000020',
  meganBowen: '00000000-0000-0000-0000-0000000000021',
  adeleVance: '00000000-0000-0000-0000-0000000000022',
  isaiahLanger: '00000000-0000-0000-0000-0000000000023',
  pattiFernandez: '00000000-0000-0000-0000-0000000000024',
  aliceJohnson: '00000000-0000-0000-0000-000000000101',
  danielBrooks: '00000000-0000-0000-0000-000000000108',
  sofiaRossi: '00000000-0000-0000-0000-000000000109',
  noahPatel: '00000000-0000-0000-0000-000000000110',
  graceKim: '00000000-0000-0000-0000-000000000111',
  liamOConnor: '00000000-0000-0000-0000-000000000112',
  lucasSchmidt: '00000000-0000-0000-0000-000000000116',
  emmaWilson: '00000000-0000-0000-0000-000000000117',
  umaReddy: '00000000-0000-0000-0000-000000000130',
  kenjiMori: '00000000-0000-0000-0000-000000000131',
  nadiaHaddad: '00000000-0000-0000-0000-000000000132',
  omarFarouk: '00000000-0000-0000-0000-000000000133',
  raviKumar: '00000000-0000-0000-0000-000000000134',
  saraLindqvist: '00000000-0000-0000-0000-000000000135',
  tomBecker: '00000000-0000-0000-0000-000000000136',
  yaraCosta: '00000000-0000-0000-0000-000000000137',
} as const;

export const groups = {
  admins: '00000000-0000-0000-0000-000000000901',
  approvers: '00000000-0000-0000-0000-000000000902',
  onPremPstn: '00000000-0000-0000-0000-000000000903',
  salesCalling: '00000000-0000-0000-0000-000000000904',
  allCompany: '00000000-0000-0000-0000-000000000905',
} as const;

export function skuId(partNumber: string, tenant: TenantFile = demoTenant): string {
  const sku = tenant.subscribedSkus.find((candidate) => candidate.skuPartNumber === partNumber);
  assert.ok(sku, `tenant ${tenant.tenantId} has ${partNumber}`);
  return sku.skuId;
}

export function planId(planName: string, tenant: TenantFile = demoTenant): string {
  for (const sku of tenant.subscribedSkus) {
    const plan = sku.servicePlans.find((candidate) => candidate.servicePlanName === planName);
    if (plan) return plan.servicePlanId;
  }
  assert.fail(`no service plan ${planName}`);
}

/** Starts one emulator for the suite and puts its tenant (the demo tenant unless given) back before every test. */
export function useEmulator(options: Partial<GraphEmulatorOptions> = {}): () => GraphEmulator {
  let emulator: GraphEmulator | undefined;
  before(async () => {
    emulator = await startGraphEmulator({ tenant: demoTenant, ...options });
  });
  beforeEach(() => {
    emulator?.resetTenant();
    emulator?.resetLogs();
    emulator?.setFaults(undefined);
    emulator?.setWriteBucket(undefined);
    emulator?.setLatency(0);
  });
  after(async () => {
    await emulator?.close();
  });
  return () => {
    assert.ok(emulator, 'emulator started');
    return emulator;
  };
}

/** The real Graph SDK pointed at the emulator, as the bot builds it; retries off unless asked for. */
export function sdkClient(emulator: GraphEmulator, options: { retries?: number; token?: string } = {}): Client {
  const client = Client.init({
    baseUrl: `${emulator.url}/`,
    authProvider: (done) => done(null, options.token ?? 'dummy-token'),
  });
  const retries = options.retries ?? 0;
  const original = client.api.bind(client);
  client.api = (path: string) => original(path).middlewareOptions([new RetryHandlerOptions(1, retries)]);
  return client;
}

export interface RawResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly body: any;
}

/** Plain HTTP, where exact shapes and headers matter. */
export async function call(emulator: GraphEmulator, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<RawResponse> {
  const response = await fetch(`${emulator.url}${path}`, {
    method,
    headers: body === undefined ? headers : { 'Content-Type': 'application/json', ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text.length > 0 ? JSON.parse(text) : undefined };
}

/** Asserts Graph's error shape: status, code, message and innerError ids. */
export function assertGraphError(response: RawResponse, status: number, code: string, message: string | RegExp): void {
  assert.equal(response.status, status, JSON.stringify(response.body));
  const error = response.body?.error;
  assert.equal(error?.code, code);
  if (typeof message === 'string') assert.equal(error?.message, message);
  else assert.match(error?.message ?? '', message);
  assert.match(error?.innerError?.date ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
  assert.equal(typeof error?.innerError?.['request-id'], 'string');
  assert.equal(typeof error?.innerError?.['client-request-id'], 'string');
}

/** What the SDK throws, reduced to what the bot's error mapping reads. */
export async function sdkFailure(request: Promise<unknown>): Promise<{ statusCode: number; code: string | null; message: string; headers?: Headers }> {
  try {
    await request;
  } catch (error) {
    return error as { statusCode: number; code: string | null; message: string; headers?: Headers };
  }
  assert.fail('expected the Graph SDK to throw');
}

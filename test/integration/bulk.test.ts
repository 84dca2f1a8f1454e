/**
 * Bulk jobs over HTTP against the Graph emulator: an admin sends a list of 1,000 generated users as a
 * file in the personal chat, checks the preview, sends it for ONE approval, and the manager approves.
 * With 10% of Graph's answers injected as 429 or 503, every line ends accounted for (assigned, skipped
 * or failed with a reason) and the emulator matches the report exactly; a job stopped halfway by closing
 * the app resumes after a restart without writing any user twice.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { startLicenseDesk } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { EMBEDDED_STATE_FILE } from '../../src/storage/open-state';
import { SqliteStorage } from '../../src/storage/sqlite-storage';
import { readDocument } from '../../src/storage/storage-items';
import { FILE_CONSENT_CARD } from '../../src/bot/admin/file-exports';
import { FILE_DOWNLOAD_INFO } from '../../src/bot/admin/list-input';
import { generateTenant, writeTenantFile, type GeneratedTenant } from '../bench/bulk-tenant';
import { adaptiveCardOf } from '../support/cards';
import type { CapturedActivity } from '../support/capturing-connector';
import { startHarness, type Harness } from '../support/harness';
import { TeamsUser } from '../support/teams-user';

const USERS = 1000;
const PARTS = ['ENTERPRISEPACK', 'MCOEV', 'MCOPSTN1'];

/** Every 10th user already has E3, every 25th all three licences, every 50th (+7) no usage location. */
function profile(index: number) {
  if (index % 50 === 7) return { usageLocation: null };
  if (index % 25 === 0) return { holds: PARTS };
  if (index % 10 === 0) return { holds: ['ENTERPRISEPACK'] };
  return {};
}

/** Serves the list file the way Teams hands a bot a personal-chat attachment (a short-lived download URL). */
async function serveFile(content: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
    response.end(content);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/download/list.txt?tempauth=x`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function cardText(entry: CapturedActivity): string {
  return JSON.stringify(adaptiveCardOf(entry) ?? {});
}

/** Lines of a CSV without quoted commas (the report's UPNs and codes have none). */
function parseReport(csv: string): Record<string, string>[] {
  const [header, ...rows] = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
  const columns = (header ?? '').split(',');
  return rows.map((row) => {
    const cells: string[] = [];
    let cell = '';
    let quoted = false;
    for (let i = 0; i < row.length; i++) {
      const char = row[i] as string;
      if (quoted && char === '"' && row[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = !quoted;
      else if (char === ',' && !quoted) {
        cells.push(cell);
        cell = '';
      } else cell += char;
    }
    cells.push(cell);
    return Object.fromEntries(columns.map((name, index) => [name, cells[index] ?? '']));
  });
}

describe('bulk jobs against the Graph emulator (integration over HTTP)', function () {
  this.timeout(60000);
  let generated: GeneratedTenant;
  let tenantFile: string;
  let h: Harness;
  let fileServer: { url: string; close(): Promise<void> };
  let admin: TeamsUser;
  let manager: TeamsUser;

  before(() => {
    generated = generateTenant({ users: USERS, profile });
    tenantFile = writeTenantFile(generated.tenant);
  });
  after(() => fs.rmSync(path.dirname(tenantFile), { recursive: true, force: true }));

  beforeEach(async () => {
    h = await startHarness({ tenantFile, environment: { ADMIN_GROUP_ID: generated.adminGroupId, LICENSE_APPROVER_GROUP_ID: '', ONPREM_PSTN_GROUP_ID: '' } });
    const person = (who: { id: string; name: string }) => new TeamsUser({ aadObjectId: who.id, name: who.name, tenantId: generated.tenant.tenantId }, () => h.app.url, h.connector);
    admin = person(generated.admin);
    manager = person(generated.manager);
  });
  afterEach(async () => {
    await fileServer?.close();
    await h.close();
  });

  const inChat = (user: TeamsUser) => (entry: CapturedActivity) => entry.conversationId === user.personalConversationId;

  /** Sends the list as a file, waits for the preview, submits it, and returns the job id and approval card. */
  async function submitList(lines: string[]): Promise<string> {
    fileServer = await serveFile(lines.join('\r\n'));
    const attachment = { contentType: FILE_DOWNLOAD_INFO, name: 'users.txt', contentUrl: 'https://contoso.sharepoint.com/users.txt', content: { downloadUrl: fileServer.url, uniqueId: 'abc', fileType: 'txt' } };
    assert.equal(await admin.say('bulk assign E3, Phone System, calling plan', { attachments: [attachment] }), 200);
    const preview = await h.connector.waitFor((e) => inChat(admin)(e) && /Check before sending/.test(cardText(e)), 'the preview card', 30000);
    const submit = /bulk submit ([0-9a-f-]{36})/.exec(cardText(preview));
    assert.ok(submit, 'the preview has a Send for approval button');
    const jobId = submit[1] as string;
    await admin.say(`bulk submit ${jobId}`);
    await h.connector.waitFor((e) => h.connector.conversationsCreated.some((c) => c.conversationId === e.conversationId && c.parameters.members?.[0]?.aadObjectId === generated.manager.id) && /Approval needed/.test(cardText(e)), 'the approval card to the manager');
    return jobId;
  }

  async function waitForReport(): Promise<CapturedActivity> {
    return h.connector.waitFor((e) => inChat(admin)(e) && /Bulk job finished/.test(String(e.activity.text)), 'the end of the job', 50000);
  }

  /** The report CSV offered to the admin, read from the export the consent card points to. */
  async function reportRows(): Promise<Record<string, string>[]> {
    const consent = h.connector.activities.find((e) => e.activity.attachments?.some((a) => a.contentType === FILE_CONSENT_CARD && /bulk/.test(String((a as { name?: string }).name))));
    assert.ok(consent, 'the CSV report is offered with a file consent card');
    const exportId = consent.activity.attachments?.find((a) => a.contentType === FILE_CONSENT_CARD)?.content.acceptContext.exportId;
    const storage = SqliteStorage.open(path.join(h.dataDir, EMBEDDED_STATE_FILE));
    try {
      const stored = await readDocument<{ csv: string }>(storage, `csv-exports/${exportId}`);
      assert.ok(stored, 'the export is stored');
      return parseReport(stored.value.csv);
    } finally {
      await storage.close();
    }
  }

  function writesByUser(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const write of h.emulator.writeLog) counts.set(write.userId, (counts.get(write.userId) ?? 0) + 1);
    return counts;
  }

  it('assigns 1,000 users through 10% injected 429/503 answers, and the emulator matches the report exactly', async () => {
    const unknown = ['nobody1@bulk.example', 'nobody2@bulk.example'];
    const lines = [...generated.users.map((user) => user.upn), ...unknown, generated.users[4]!.upn.toUpperCase(), 'not an address'];
    const jobId = await submitList(lines);

    // Between approval and the run the directory changes: three users lose their usage location, two are deleted.
    const changedLocation = [generated.users[1]!, generated.users[2]!, generated.users[3]!].map((user) => user.id);
    const deleted = [generated.users[10]!, generated.users[11]!].map((user) => user.id);
    const tenant = structuredClone(generated.tenant);
    tenant.users = tenant.users.filter((user) => !deleted.includes(user.id)).map((user) => (changedLocation.includes(user.id) ? { ...user, usageLocation: null } : user));
    h.emulator.resetTenant(tenant);
    h.emulator.setFaults({ throttleRate: 0.05, serverErrorRate: 0.05, seed: 7 });

    await manager.say(`bulk approve ${jobId}`);
    const report = await waitForReport();
    assert.match(String(report.activity.text), /failed/);
    h.emulator.setFaults(undefined);

    const rows = await reportRows();
    assert.equal(rows.length, lines.length, 'every line of the list is in the report');
    const statuses = new Map<string, number>();
    for (const row of rows) statuses.set(row.result as string, (statuses.get(row.result as string) ?? 0) + 1);
    const writes = writesByUser();
    assert.ok([...writes.values()].every((count) => count === 1), 'no user was written twice');

    const injected = h.emulator.requestLog.filter((entry) => entry.status === 429 || entry.status === 503).length;
    assert.ok(injected > 50, `faults were injected (${injected})`);

    const initial = new Map(generated.users.map((user) => [user.upn.toLowerCase(), user]));
    for (const row of rows) {
      const result = row.result;
      assert.ok(['done', 'skipped', 'failed', 'excluded'].includes(result as string), `line ${row.line}: ${result}`);
      if (result === 'failed' || result === 'excluded') assert.notEqual(row.reason, '', `line ${row.line} has a reason`);
      const user = initial.get((row.userPrincipalName as string).toLowerCase());
      const emulated = row.userId ? h.emulator.user(row.userId) : undefined;
      if (result === 'done') {
        assert.equal(writes.get(row.userId as string), 1, `${row.userPrincipalName} written once`);
        assert.deepEqual([...emulated!.skuPartNumbers].sort(), [...PARTS].sort(), `${row.userPrincipalName} holds the three licences`);
      } else if (row.userId) {
        assert.equal(writes.get(row.userId), undefined, `${row.userPrincipalName} (${result}) was not written`);
        if (emulated && user && result === 'skipped') assert.deepEqual([...emulated.skuPartNumbers].sort(), [...PARTS].sort());
        if (emulated && user && result !== 'skipped') assert.deepEqual([...emulated.skuPartNumbers].sort(), [...user.holds].sort(), `${row.userPrincipalName} unchanged`);
      }
    }
    const done = rows.filter((row) => row.result === 'done').length;
    assert.equal(h.emulator.writeLog.length, done, 'one write per assigned user, none for anyone else');
    const expectSkipped = generated.users.filter((user) => user.holds.length === 3).length;
    assert.equal(statuses.get('skipped'), expectSkipped);
    const failed = rows.filter((row) => row.result === 'failed');
    assert.deepEqual(failed.map((row) => row.reasonCode).sort(), ['GRAPH_USER_NOT_FOUND', 'GRAPH_USER_NOT_FOUND', 'USAGE_LOCATION_MISSING', 'USAGE_LOCATION_MISSING', 'USAGE_LOCATION_MISSING']);
    const excluded = rows.filter((row) => row.result === 'excluded').map((row) => row.reasonCode);
    assert.equal(excluded.filter((code) => code === 'BULK_UNKNOWN_USER').length, 2);
    assert.equal(excluded.filter((code) => code === 'BULK_DUPLICATE').length, 1);
    assert.equal(excluded.filter((code) => code === 'BULK_MALFORMED_LINE').length, 1);
    assert.equal(excluded.filter((code) => code === 'USAGE_LOCATION_MISSING').length, generated.users.filter((user) => user.usageLocation === null).length);
    assert.equal(done + failed.length + (statuses.get('skipped') ?? 0) + excluded.length, lines.length);

    // The final report card lists the failures in plain language, updated in place of the progress card.
    const finalCard = h.connector.activities.filter((e) => inChat(admin)(e) && /Finished, with 5 failures/.test(cardText(e)));
    assert.ok(finalCard.length > 0, 'the report card');
    assert.match(cardText(finalCard[0]!), /usage location/i);
  });

  it('resumes a job stopped halfway (app closed) without writing any user twice', async () => {
    const jobId = await submitList(generated.users.map((user) => user.upn));
    h.emulator.setLatency(15);
    await manager.say(`bulk approve ${jobId}`);
    const toChange = generated.users.filter((user) => user.usageLocation !== null && user.holds.length < 3).length;
    const deadline = Date.now() + 30000;
    while (h.emulator.writeLog.length < toChange / 3 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    await h.app.close();
    const writtenBeforeStop = h.emulator.writeLog.length;
    assert.ok(writtenBeforeStop > 0 && writtenBeforeStop < toChange, `stopped halfway (${writtenBeforeStop} of ${toChange})`);

    h.app = await startLicenseDesk(loadConfig(h.environment), { log: createLogger('error') });
    await waitForReport();
    const writes = writesByUser();
    assert.equal(writes.size, toChange, 'every user to change was written');
    assert.ok([...writes.values()].every((count) => count === 1), 'no user was written twice across the restart');
    const rows = await reportRows();
    assert.equal(rows.filter((row) => row.result === 'done').length, toChange);
  });
});

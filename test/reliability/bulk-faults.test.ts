/**
 * A 1,000-user bulk job while about a fifth of Graph's answers fail: 429 (with Retry-After, then without), 503,
 * connection resets, $batch calls that never answer (cut by the Graph timeout), and batches whose writes were
 * applied but whose answer was lost. Every line of the list must end accounted for — done, skipped, failed with a
 * reason, or excluded with a reason — no user may be written twice, and a user reported failed must not have been
 * changed.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { FILE_DOWNLOAD_INFO } from '../../src/bot/admin/list-input';
import { readDocument } from '../../src/storage/storage-items';
import { generateTenant, type GeneratedTenant } from '../bench/bulk-tenant';
import { adaptiveCardOf } from '../support/cards';
import type { CapturedActivity } from '../support/capturing-connector';
import { Rig, runSeed } from './support/rig';
import type { TeamsClient } from './support/teams-client';

const USERS = 1000;
const PARTS = ['ENTERPRISEPACK', 'MCOEV', 'MCOPSTN1'];
/** 429 and 503 hit each request ($batch members included); resets, hangs and lost answers hit whole HTTP calls. */
const ANSWER_FAULT_RATE = 0.05;
const CONNECTION_FAULT_RATE = 0.05;

describe('a 1,000-user bulk job while Graph fails often: 429 ± Retry-After, 503, resets, timeouts, lost answers (reliability)', function () {
  this.timeout(240_000);
  const seed = runSeed();
  let generated: GeneratedTenant;
  let rig: Rig;
  let files: http.Server;
  let fileUrl = '';

  before(async () => {
    // Every 25th user holds everything already (skipped), every 50th (+7) has no usage location (excluded).
    generated = generateTenant({
      users: USERS,
      profile: (index) => (index % 50 === 7 ? { usageLocation: null } : index % 25 === 0 ? { holds: PARTS } : {}),
    });
    const list = generated.users.map((user) => user.upn).join('\r\n');
    files = http.createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(list);
    });
    await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
    fileUrl = `http://127.0.0.1:${(files.address() as AddressInfo).port}/download/users.txt`;
    rig = await Rig.start({
      tenant: generated.tenant,
      environment: { ADMIN_GROUP_ID: generated.adminGroupId, LICENSE_APPROVER_GROUP_ID: '', ONPREM_PSTN_GROUP_ID: '', GRAPH_TIMEOUT_MS: '1000', LOG_LEVEL: 'info' },
    });
    await rig.startInstance();
  });
  after(async () => {
    await rig?.close();
    await new Promise<void>((resolve) => (files ? files.close(() => resolve()) : resolve()));
  });

  it('every line ends accounted for, nobody is written twice, and "failed" means unchanged', async () => {
    const admin = clientFor(generated.admin);
    const manager = clientFor(generated.manager);
    const to = { to: rig.url };
    const inChat = (user: TeamsClient) => (entry: CapturedActivity) => entry.conversationId === user.personalConversationId;
    const cardText = (entry: CapturedActivity) => JSON.stringify(adaptiveCardOf(entry) ?? {});

    const attachment = { contentType: FILE_DOWNLOAD_INFO, name: 'users.txt', content: { downloadUrl: fileUrl, uniqueId: 'list', fileType: 'txt' } };
    assert.equal(await admin.say('bulk assign E3, Phone System, calling plan', to, { attachments: [attachment] }), 200);
    const preview = await rig.connector.waitFor((entry) => inChat(admin)(entry) && /Check before sending/.test(cardText(entry)), 'the preview', 60_000);
    const jobId = /bulk submit ([0-9a-f-]{36})/.exec(cardText(preview))?.[1];
    assert.ok(jobId, 'the preview offers Send for approval');
    assert.equal(await admin.say(`bulk submit ${jobId}`, to), 200);
    await rig.connector.waitFor((entry) => /Approval needed/.test(cardText(entry)), 'the approval card to the manager');

    const faults = (withRetryAfter: boolean) => ({
      seed,
      throttleRate: ANSWER_FAULT_RATE,
      retryAfterSeconds: 1,
      omitRetryAfter: !withRetryAfter,
      serverErrorRate: ANSWER_FAULT_RATE,
      resetRate: CONNECTION_FAULT_RATE,
      hangRate: CONNECTION_FAULT_RATE,
      dropResponseAfterWriteRate: CONNECTION_FAULT_RATE,
    });
    rig.emulator.resetLogs();
    rig.emulator.setFaults(faults(true));
    // Halfway through, Graph stops sending Retry-After with its 429s.
    const switchover = setInterval(() => {
      if (rig.emulator.writeLog.length >= USERS / 3) {
        rig.emulator.setFaults(faults(false));
        clearInterval(switchover);
      }
    }, 50);
    try {
      assert.equal(await manager.say(`bulk approve ${jobId}`, to), 200);
      await rig.connector
        .waitFor((entry) => inChat(admin)(entry) && /Bulk job finished/.test(String(entry.activity.text)), 'the end of the job', 120_000)
        .catch((error: unknown) => {
          const problems = rig.logLines.filter((line) => /"level":"(error|warn)"/.test(line)).slice(-5);
          throw new Error(`${String(error).slice(0, 300)}\nseed ${seed}; ${rig.emulator.writeLog.length} writes; last warnings:\n${problems.join('\n')}`);
        });
    } finally {
      clearInterval(switchover);
      rig.emulator.setFaults(undefined);
    }
    await rig.idle();

    const log = rig.emulator.requestLog;
    const injected = (kind: string) => log.filter((entry) => (entry.connection ?? String(entry.status)) === kind).length;
    const summary = ['429', '503', 'reset', 'hang', 'dropResponseAfterWrite'].map((kind) => `${kind} ${injected(kind)}`).join(', ');
    const faulted = log.filter((entry) => entry.connection || entry.status === 429 || entry.status === 503).length;
    console.log(`      seed ${seed}; ${log.length} Graph requests (batch members included), ${Math.round((100 * faulted) / log.length)}% faulted: ${summary}`);
    for (const kind of ['429', '503', 'reset', 'hang']) assert.ok(injected(kind) > 0, `some ${kind} were injected (${summary})`);

    const rows = await reportRows();
    assert.equal(rows.length, USERS, 'every line of the list is in the report');
    const writes = new Map<string, number>();
    for (const write of rig.emulator.writeLog) writes.set(write.userId, (writes.get(write.userId) ?? 0) + 1);
    const twice = [...writes].filter(([, count]) => count > 1);
    assert.deepEqual(twice, [], 'no user written twice');

    const counts = new Map<string, number>();
    const initial = new Map(generated.users.map((user) => [user.id, user]));
    for (const row of rows) {
      counts.set(row.result as string, (counts.get(row.result as string) ?? 0) + 1);
      assert.ok(['done', 'skipped', 'failed', 'excluded'].includes(row.result as string), `line ${row.line}: ${row.result}`);
      const emulated = row.userId ? rig.emulator.user(row.userId) : undefined;
      const before = row.userId ? initial.get(row.userId) : undefined;
      if (row.result === 'done' || row.result === 'skipped') {
        assert.deepEqual([...(emulated?.skuPartNumbers ?? [])].sort(), [...PARTS].sort(), `${row.userPrincipalName} (${row.result}) holds the licences`);
      } else {
        assert.notEqual(row.reason, '', `line ${row.line} (${row.result}) says why`);
        if (emulated && before) assert.deepEqual([...emulated.skuPartNumbers].sort(), [...before.holds].sort(), `${row.userPrincipalName} (${row.result}: ${row.reasonCode}) is unchanged`);
      }
    }
    console.log(`      results: ${[...counts].map(([result, count]) => `${result} ${count}`).join(', ')}`);
    assert.equal(counts.get('skipped'), generated.users.filter((user) => user.holds.length === PARTS.length).length);
    assert.equal(counts.get('excluded'), generated.users.filter((user) => user.usageLocation === null).length);
  });

  function clientFor(who: { id: string }): TeamsClient {
    return rig.user(rig.tenant.users.find((user) => user.id === who.id)!.displayName);
  }

  /** The CSV report the admin is offered (stored for the file consent card), as rows. */
  async function reportRows(): Promise<Record<string, string>[]> {
    const consent = rig.connector.activities.find((entry) => entry.activity.attachments?.some((a) => a.contentType === 'application/vnd.microsoft.teams.card.file.consent' && /bulk/.test(String((a as { name?: string }).name))));
    assert.ok(consent, 'the CSV report is offered');
    const exportId = consent.activity.attachments?.find((a) => a.contentType === 'application/vnd.microsoft.teams.card.file.consent')?.content.acceptContext.exportId;
    const stored = await readDocument<{ csv: string }>((await rig.state()).storage, `csv-exports/${exportId}`);
    assert.ok(stored, 'the report is stored');
    return parseCsv(stored.value.csv);
  }
});

/** Rows of a CSV with a header line (quoted cells may hold commas and doubled quotes). */
function parseCsv(csv: string): Record<string, string>[] {
  const [header, ...lines] = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
  const columns = (header ?? '').split(',');
  return lines.map((line) => {
    const cells: string[] = [];
    let cell = '';
    let quoted = false;
    for (let index = 0; index < line.length; index++) {
      const char = line[index] as string;
      if (quoted && char === '"' && line[index + 1] === '"') {
        cell += '"';
        index++;
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

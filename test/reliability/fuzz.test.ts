/**
 * 10,000 generated activities (fast-check) against the running server over HTTP: random and adversarial
 * utterances (any Unicode, lone surrogates, huge texts, injection strings, command look-alikes), @mentions with
 * broken entities, card action payloads of any shape, odd locales, group chats, other tenants, senders without an
 * identity, and — from an admin — bulk lists uploaded as files (too large, binary, UTF-16, Latin-1, injection
 * lines, too many users). Eight at a time. Every activity must get an answer that is not a server error, every
 * message a reply and every card action an answer with text; no promise may be left rejected, no turn may fail,
 * and nothing may be written to Graph.
 *
 * Cases come from a seeded generator: the seed is printed, RELIABILITY_SEED=<seed> replays the same cases.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { loadTenantFile, type TenantFile } from '../../src/emulator/tenant-file';
import { FABRIKAM_TENANT_FILE } from '../support/harness';
import { BOT_ACCOUNT } from '../support/teams-user';
import { Rig, runSeed } from './support/rig';
import { seedPendingRequest } from './support/seed';
import { post } from './support/teams-client';

const CASES = 10_000;
const CONCURRENCY = 8;

/** Strings chosen to break parsers, queries, templates, markup and logs. */
const ADVERSARIAL = [
  '',
  ' ',
  '\u0000',
  '\u202e give Alice a calling plan',
  "give ' or 1 eq 1 or ' a calling plan",
  "give Alice') or startswith(displayName,'' a calling plan",
  'give %27%20or%201%20eq%201 a calling plan',
  "give Alice'; DROP TABLE items;-- a calling plan",
  'give <script>alert(1)</script> phone system',
  'give ${requestId} a calling plan',
  'give {{t "replies:help"}} a calling plan',
  '${$root.requestId}',
  '<at>License Desk</at>',
  '<at></at><at>',
  'give <at>Alice Anders</at> <at>Alice Anders</at> a calling plan',
  '../../../../etc/passwd',
  'give Alice\r\nX-Injected: 1 a calling plan',
  'Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl',
  'my password is hunter2, give Alice a calling plan',
  'give Alice Anders a calling plan',
  'remove everything from everyone',
  'assign calling plan to alice.anders@fabrikam.example --no-approval',
  'assign E5 to * --no-approval',
  'bulk assign calling plan',
  'bulk approve 00000000-0000-4000-8000-000000000000',
  'bulk submit ../../x --no-approval',
  'status 00000000',
  'cancel ffffffff',
  'audit',
  'audit 1970-01-01',
  'audit <script>',
  'seats',
  'pending',
  'help',
  'Send for approval',
  'Cancel',
  'None of these',
  '给爱丽丝一个通话计划',
  'アリスに通話プランを付与して',
  "donne un forfait d'appels à Alice",
  '🎧📞'.repeat(50),
  'a'.repeat(100_000),
  '给'.repeat(60_000),
  '<at>x</at>'.repeat(5_000),
  JSON.stringify({ action: { verb: 'approve' } }),
];

const WORDS = ['give', 'assign', 'remove', 'bulk', 'audit', 'status', 'cancel', 'seats', 'pending', 'help', '/help', 'approve', 'reject'];
const PRODUCTS = ['a calling plan', 'phone system', 'E5', 'audio conferencing', 'pay per minute', 'credits', 'unicorn', ''];
const LOCALES = ['en-US', 'fr-FR', 'ja-JP', 'zh-CN', 'zh-TW', 'de-DE', 'xx-YY', '', '../../etc', 'en-US'.repeat(200), '*', 'i-klingon'];

type FuzzCase =
  | { readonly kind: 'message'; readonly sender: number; readonly text: string | undefined; readonly entities: unknown[]; readonly groupChat: boolean; readonly locale: string | undefined; readonly extra: Record<string, unknown> }
  | { readonly kind: 'invoke'; readonly sender: number; readonly value: unknown; readonly groupChat: boolean; readonly locale: string | undefined }
  | { readonly kind: 'upload'; readonly file: number; readonly name: string; readonly fileType: string; readonly command: string };

interface Sender {
  readonly aadObjectId: string | undefined;
  readonly name: string;
  readonly tenantId: string;
}

describe('fuzz: 10,000 random and adversarial activities over HTTP (reliability)', function () {
  this.timeout(300_000);
  const seed = runSeed();
  let rig: Rig;
  let files: FileServer;
  let realRequestId: string;
  const rejections: unknown[] = [];
  let errorLines: string[] | undefined;
  const onRejection = (reason: unknown) => rejections.push(reason);

  before(async () => {
    process.on('unhandledRejection', onRejection);
    files = await FileServer.start();
    rig = await Rig.start({ tenant: withAdmin(loadTenantFile(FABRIKAM_TENANT_FILE)), memoryBackedDataDir: true });
    await rig.startInstance();
    realRequestId = await seedPendingRequest(rig, { approver: { id: randomUUID(), displayName: 'Absent Approver' } });
  });
  after(async () => {
    process.off('unhandledRejection', onRejection);
    await rig?.close();
    await files?.stop();
  });

  it(`${CASES} cases, ${CONCURRENCY} at a time: never a server error, always an answer, nothing written`, async () => {
    const senders = sendersOf(rig.tenant);
    const cases = fc.sample(fuzzCase(senders.length, files.count, () => realRequestId), { numRuns: CASES, seed });
    const problems = new Map<string, { count: number; example: string }>();
    const problem = (kind: string, fuzz: FuzzCase, detail: string) => {
      const entry = problems.get(kind) ?? { count: 0, example: `${detail} ← ${describeCase(fuzz)}` };
      entry.count++;
      problems.set(kind, entry);
    };
    const counts = { message: 0, invoke: 0, upload: 0 };
    const slowest: { ms: number; fuzz: FuzzCase }[] = [];

    let next = 0;
    const worker = async () => {
      while (next < cases.length) {
        const fuzz = cases[next++] as FuzzCase;
        counts[fuzz.kind]++;
        const started = Date.now();
        try {
          await runCase(fuzz, senders, problem);
        } catch (error) {
          problem('request failed', fuzz, String(error));
        }
        slowest.push({ ms: Date.now() - started, fuzz });
        slowest.sort((a, b) => b.ms - a.ms).splice(3);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    await rig.idle();

    errorLines = rig.logLines.filter((line) => /"level":"error"/.test(line));
    if (process.env.PRINT_ERROR_LINES) for (const line of errorLines) console.log(line.slice(0, 3000));
    console.log(`      seed ${seed}; ${counts.message} messages, ${counts.invoke} card actions, ${counts.upload} bulk uploads; ${rig.emulator.requestLog.length} Graph reads`);
    console.log(`      slowest: ${slowest.map(({ ms, fuzz }) => `${ms} ms ${describeCase(fuzz).slice(0, 120)}`).join(' | ')}`);
    const report = [...problems].map(([kind, { count, example }]) => `${kind} ×${count}: ${example.slice(0, 400)}`);
    assert.deepEqual(report, [], `problems (replay with RELIABILITY_SEED=${seed}):\n${report.join('\n')}`);
    assert.deepEqual(rejections.map(String), [], 'no unhandled rejection');
    assert.equal(rig.emulator.writeLog.length, 0, 'nothing written to Graph');
    assert.equal(rig.emulator.requestLog.filter((entry) => entry.write).length, 0, 'no write even attempted');
    assert.equal((await rig.request(realRequestId))?.state, 'pending', 'the real request is still undecided');
  });

  it('no turn failed on any of them (the generic error reply is for faults, not for input)', () => {
    assert.ok(errorLines !== undefined, 'the cases ran');
    assert.deepEqual(distinctErrors(errorLines), [], `${errorLines.length} error log lines (replay with RELIABILITY_SEED=${seed})`);
  });

  async function runCase(fuzz: FuzzCase, senders: readonly Sender[], problem: (kind: string, fuzz: FuzzCase, detail: string) => void): Promise<void> {
    const activityId = randomUUID();
    const activity = activityFor(fuzz, activityId, senders);
    const response = await post({ to: rig.url }, activity);
    const text = response.text;
    if (response.status >= 500) return problem(`HTTP ${response.status}`, fuzz, text.slice(0, 200));
    if (fuzz.kind === 'invoke') {
      const body = parse(text) as { type?: string; value?: unknown } | undefined;
      const answer = body?.type === 'application/vnd.microsoft.card.adaptive' ? 'card' : typeof body?.value === 'string' ? body.value : (body?.value as { message?: unknown } | undefined)?.message;
      if (typeof answer !== 'string' || answer.trim().length === 0) problem(`invoke answered ${response.status} without text`, fuzz, text.slice(0, 200));
      return;
    }
    if (response.status !== 200) return problem(`message answered ${response.status}`, fuzz, text.slice(0, 200));
    const replies = rig.connector.activities.filter((entry) => entry.activity['replyToId'] === activityId);
    const said = replies.some((reply) => String(reply.activity.text ?? '').trim() !== '' || (reply.activity.attachments?.length ?? 0) > 0);
    if (!said) problem('message without a reply', fuzz, `${replies.length} empty replies`);
  }

  function activityFor(fuzz: FuzzCase, id: string, senders: readonly Sender[]): Record<string, unknown> {
    const sender = fuzz.kind === 'upload' ? senders[0]! : senders[fuzz.sender % senders.length]!;
    const mri = `29:${sender.aadObjectId ?? 'anonymous'}`;
    const groupChat = fuzz.kind !== 'upload' && fuzz.groupChat;
    const conversation = groupChat
      ? { id: `19:fuzz-${fuzz.sender % 3}@thread.v2`, conversationType: 'groupChat', isGroup: true, tenantId: sender.tenantId }
      : { id: `a:personal-${mri}`, conversationType: 'personal', tenantId: sender.tenantId };
    const locale = fuzz.kind === 'upload' ? 'en-US' : fuzz.locale;
    const base = {
      id,
      timestamp: new Date().toISOString(),
      channelId: 'msteams',
      serviceUrl: rig.connector.url,
      from: { id: mri, name: sender.name, ...(sender.aadObjectId ? { aadObjectId: sender.aadObjectId } : {}) },
      recipient: BOT_ACCOUNT,
      conversation,
      channelData: { tenant: { id: sender.tenantId } },
      ...(locale === undefined ? {} : { locale }),
    };
    switch (fuzz.kind) {
      case 'message':
        return { ...base, type: 'message', ...(fuzz.text === undefined ? {} : { text: fuzz.text }), textFormat: 'plain', entities: fuzz.entities, ...fuzz.extra };
      case 'invoke':
        return { ...base, type: 'invoke', name: 'adaptiveCard/action', value: fuzz.value };
      case 'upload':
        return {
          ...base,
          type: 'message',
          text: fuzz.command,
          textFormat: 'plain',
          attachments: [{ contentType: 'application/vnd.microsoft.teams.file.download.info', name: fuzz.name, content: { downloadUrl: files.url(fuzz.file), uniqueId: randomUUID(), fileType: fuzz.fileType } }],
        };
    }
  }
});

/** Tenant users, strangers with fresh ids, the same ids from another tenant, and a sender without an Entra id. */
function sendersOf(tenant: TenantFile): Sender[] {
  const admin = tenant.users.find((user) => user.displayName === 'Greta Approver')!;
  const people = tenant.users.map((user) => ({ aadObjectId: user.id, name: user.displayName, tenantId: tenant.tenantId }));
  const otherTenant = randomUUID();
  return [
    { aadObjectId: admin.id, name: admin.displayName, tenantId: tenant.tenantId },
    ...people,
    ...[0, 1, 2].map((n) => ({ aadObjectId: randomUUID(), name: `Stranger ${n}`, tenantId: tenant.tenantId })),
    ...people.slice(0, 3).map((person) => ({ ...person, tenantId: otherTenant })),
    { aadObjectId: undefined, name: 'No Identity', tenantId: tenant.tenantId },
  ];
}

function fuzzCase(senders: number, files: number, realRequestId: () => string): fc.Arbitrary<FuzzCase> {
  const loneSurrogates = fc.string({ unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code)), maxLength: 20 });
  const name = fc.oneof(fc.constantFrom('Alice', 'Alice Anders', 'alice.anders@fabrikam.example', 'Megan', 'me', 'myself', 'Zebedee', "O'Brien"), fc.string({ maxLength: 30 }));
  const commandLike = fc
    .tuple(fc.constantFrom(...WORDS), name, fc.constantFrom(...PRODUCTS), fc.constantFrom('', ' --no-approval', '\nalice.anders@fabrikam.example\nnobody@nowhere'))
    .map(([word, who, product, tail]) => `${word} ${who} ${product}${tail}`);
  const text = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...ADVERSARIAL) },
    { weight: 4, arbitrary: commandLike },
    { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 200 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 100 }) },
    { weight: 1, arbitrary: loneSurrogates },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
  const mentionId = fc.oneof(fc.constant(BOT_ACCOUNT.id), fc.uuid().map((id) => `29:${id}`), fc.uuid(), fc.string({ maxLength: 20 }));
  const mention = fc.oneof(
    fc.record({
      type: fc.constant('mention'),
      text: fc.oneof(name.map((who) => `<at>${who}</at>`), fc.string({ maxLength: 20 })),
      mentioned: fc.oneof(fc.record({ id: mentionId, name: fc.oneof(name, fc.constant(undefined)), aadObjectId: fc.oneof(fc.uuid(), fc.constant(undefined)) }, { requiredKeys: [] }), fc.anything()),
    }, { requiredKeys: ['type'] }),
    fc.anything(),
  );
  const locale = fc.oneof(fc.constantFrom(...LOCALES), fc.constant(undefined));
  const requestId = fc.oneof(fc.uuid(), fc.constant('real'), fc.string({ maxLength: 40 }), fc.integer(), fc.anything());
  const cardValue = fc.oneof(
    { weight: 1, arbitrary: fc.anything() },
    {
      weight: 4,
      arbitrary: fc.record(
        {
          action: fc.oneof(
            fc.record(
              {
                type: fc.oneof(fc.constant('Action.Execute'), fc.constant('Action.Submit'), fc.string({ maxLength: 20 })),
                verb: fc.oneof(fc.constantFrom('approve', 'reject', 'refresh'), fc.string({ maxLength: 20 }), fc.anything()),
                data: fc.oneof(
                  fc.record({ requestId, comment: fc.oneof(fc.string({ maxLength: 600 }), fc.constant('x'.repeat(20_000)), fc.anything()), userId: fc.uuid(), add: fc.array(fc.string()) }, { requiredKeys: [] }),
                  fc.anything(),
                ),
                id: fc.string({ maxLength: 20 }),
              },
              { requiredKeys: [] },
            ),
            fc.anything(),
          ),
          trigger: fc.oneof(fc.constantFrom('manual', 'automatic'), fc.anything()),
        },
        { requiredKeys: [] },
      ),
    },
  );
  const resolveReal = (value: unknown): unknown => {
    const data = (value as { action?: { data?: { requestId?: unknown } } } | undefined)?.action?.data;
    if (data && typeof data === 'object' && data.requestId === 'real') return { ...(value as object), action: { ...(value as { action: object }).action, data: { ...data, requestId: realRequestId() } } };
    return value;
  };
  const extra = fc.oneof(
    { weight: 6, arbitrary: fc.constant({}) },
    { weight: 1, arbitrary: fc.record({ value: fc.anything() }) },
    { weight: 1, arbitrary: fc.record({ attachments: fc.array(fc.record({ contentType: fc.string({ maxLength: 40 }), content: fc.anything() }), { maxLength: 2 }) }) },
  );
  return fc.oneof(
    { weight: 60, arbitrary: fc.record({ kind: fc.constant('message' as const), sender: fc.nat(senders - 1), text, entities: fc.array(mention, { maxLength: 3 }), groupChat: fc.boolean(), locale, extra }) },
    {
      weight: 39,
      arbitrary: fc
        .record({ kind: fc.constant('invoke' as const), sender: fc.nat(senders - 1), value: cardValue, groupChat: fc.boolean(), locale })
        .map((fuzz) => ({ ...fuzz, value: resolveReal(fuzz.value) })),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('upload' as const),
        file: fc.nat(files - 1),
        name: fc.constantFrom('users.csv', 'users.txt', 'users.xlsx', '../../users.csv', 'users.csv.exe', ''),
        fileType: fc.constantFrom('csv', 'txt', 'xlsx', 'exe', ''),
        command: fc.constantFrom('bulk assign calling plan', 'bulk remove phone system', 'bulk assign unicorn', 'bulk assign'),
      }),
    },
  );
}

/** Files a bulk upload may point at, served on loopback. */
class FileServer {
  private static readonly bodies: readonly Buffer[] = [
    Buffer.from('alice.anders@fabrikam.example\r\nrita@fabrikam.example\r\n'),
    Buffer.alloc(2 * 1024 * 1024, 'nobody@fabrikam.example\n'),
    Buffer.from(Array.from({ length: 4096 }, (_, index) => (index * 7919) % 256)),
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('alice.anders@fabrikam.example\r\nnora@fabrikam.example\r\n', 'utf16le')]),
    Buffer.from('j\xe9r\xf4me@fabrikam.example\n', 'latin1'),
    Buffer.from(['=cmd|" /C calc"!A0', "'; DROP TABLE items;--", '<script>alert(1)</script>', "alice.anders@fabrikam.example' or 1 eq 1", '${requestId}', '@SUM(1+1)'].join('\n')),
    Buffer.from(Array.from({ length: 10_001 }, (_, index) => `user${index}@fabrikam.example`).join('\n')),
    Buffer.alloc(0),
    Buffer.from('upn,licence\nalice.anders@fabrikam.example,E5\n"unterminated,quote\n'),
  ];
  private constructor(private readonly server: http.Server, private readonly base: string) {}

  static async start(): Promise<FileServer> {
    const server = http.createServer((req, res) => {
      const body = FileServer.bodies[Number((req.url ?? '').split('/').pop())];
      res.statusCode = body === undefined ? 404 : 200;
      res.setHeader('content-type', 'application/octet-stream');
      res.end(body ?? '');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return new FileServer(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  }

  /** One more than the files: the last index answers 404. */
  get count(): number {
    return FileServer.bodies.length + 1;
  }

  url(index: number): string {
    return `${this.base}/files/${index}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** Fabrikam with a "License Desk admins" group holding Greta Approver, so that admin commands and uploads are reachable. */
function withAdmin(tenant: TenantFile): TenantFile {
  const copy = structuredClone(tenant);
  const greta = copy.users.find((user) => user.displayName === 'Greta Approver')!;
  copy.groups.push({ id: randomUUID(), displayName: 'License Desk admins', description: null, securityEnabled: true, members: [greta.id], assignedLicenses: [] });
  return copy;
}

/** Error log lines grouped by message and first frame of our code, with counts. */
function distinctErrors(lines: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const line of lines) {
    const entry = parse(line) as { msg?: string; error?: string; stack?: string } | undefined;
    const frame = entry?.stack?.split('\n').find((candidate) => /dist\/(src|dialogs|cards)\//.test(candidate))?.trim() ?? '';
    const key = `${entry?.msg}: ${entry?.error} ${frame}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, count]) => `${count} × ${key}`);
}

function describeCase(fuzz: FuzzCase): string {
  const text = JSON.stringify(fuzz);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Admin commands in a team channel over HTTP: the bot @mentioned in a channel thread, the sender checked
 * against the admin group in Graph; every command, the polite refusal for everyone else (nothing
 * happens), and assign/remove going through the approver like any request.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FILE_CONSENT_CARD } from '../../src/bot/admin/file-exports';
import { loadTenantFile, parseTenant } from '../../src/emulator/tenant-file';
import { adaptiveCardOf, executeActions } from '../support/cards';
import type { CapturedActivity } from '../support/capturing-connector';
import { FABRIKAM_TENANT_FILE, startHarness, type Harness } from '../support/harness';
import { mentionOf, TeamsChannelUser } from '../support/teams-channel-user';
import { CapturingConnector } from '../support/capturing-connector';

const ADA = { id: 'a0a0a0a0-0000-4000-8000-00000000ada0', name: 'Ada Admin', upn: 'ada@fabrikam.example' };
const ADMIN_GROUP = 'a0a0a0a0-0000-4000-8000-0000000000a1';
const MEGAN = '8ffee583-4c7d-4c1b-83c7-47424d72facf';

/** Fabrikam plus an admin (Ada, managed by Megan) in a "License Desk admins" group. */
function writeAdminTenant(): string {
  const tenant = structuredClone(loadTenantFile(FABRIKAM_TENANT_FILE));
  const e3 = tenant.subscribedSkus.find((sku) => sku.skuPartNumber === 'ENTERPRISEPACK')!.skuId;
  tenant.users.push({ ...structuredClone(tenant.users[0]!), id: ADA.id, displayName: ADA.name, givenName: 'Ada', surname: 'Admin', userPrincipalName: ADA.upn, mail: ADA.upn, manager: MEGAN, assignedLicenses: [{ skuId: e3, disabledPlans: [] }], licenseAssignmentStates: [] });
  tenant.groups.push({ id: ADMIN_GROUP, displayName: 'License Desk admins', description: null, securityEnabled: true, members: [ADA.id], assignedLicenses: [] });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'license-desk-admin-tenant-'));
  const file = path.join(dir, 'tenant.json');
  fs.writeFileSync(file, JSON.stringify(parseTenant(tenant)));
  return file;
}

describe('admin commands in a team channel (integration over HTTP)', function () {
  this.timeout(60000);
  let tenantFile: string;
  let h: Harness;
  let ada: TeamsChannelUser;
  let oscar: TeamsChannelUser;

  before(() => {
    tenantFile = writeAdminTenant();
  });
  after(() => fs.rmSync(path.dirname(tenantFile), { recursive: true, force: true }));

  beforeEach(async () => {
    h = await startHarness({ tenantFile, environment: { ADMIN_GROUP_ID: ADMIN_GROUP } });
    const inChannel = (id: string, name: string) => new TeamsChannelUser({ aadObjectId: id, name, tenantId: h.tenant.tenantId }, () => h.app.url, h.connector);
    ada = inChannel(ADA.id, ADA.name);
    oscar = inChannel(h.userId('Oscar Other'), 'Oscar Other');
    // Ada has the personal app too: the request notifier reaches approvers only through a known 1:1 chat
    // (see the report: a channel-only requester leaves it without a bot account to create one).
    await ada.personal.say('hello');
    await h.connector.waitFor((e) => e.conversationId === ada.personal.personalConversationId, 'the greeting');
  });
  afterEach(async () => {
    await h.app.workflow.idle();
    await h.close();
  });

  /** The next message the bot posts into the user's channel thread after `seen` of them. */
  async function nextIn(user: TeamsChannelUser, seen: number, what: string, predicate: (e: CapturedActivity) => boolean = () => true): Promise<CapturedActivity> {
    return h.connector.waitFor((e) => e.conversationId === user.conversationId && user.replies().indexOf(e) >= seen && predicate(e), what);
  }

  async function ask(user: TeamsChannelUser, text: string, predicate?: (e: CapturedActivity) => boolean, mentions: Parameters<TeamsChannelUser['mention']>[1] = []): Promise<CapturedActivity> {
    const seen = user.replies().length;
    assert.equal(await user.mention(text, mentions), 200);
    return nextIn(user, seen, `the answer to "${text}"`, predicate);
  }

  const textOf = (entry: CapturedActivity) => String(entry.activity.text ?? '');
  const approvalCardsFor = (approverId: string) =>
    h.connector.activities.filter((e) => e.method === 'POST' && adaptiveCardOf(e) && h.connector.conversationsCreated.some((c) => c.conversationId === e.conversationId && c.parameters.members?.[0]?.aadObjectId === approverId));

  it('help lists every command with an example', async () => {
    const reply = textOf(await ask(ada, 'help'));
    for (const command of ['seats', 'pending', 'status', 'cancel', 'audit', 'assign', 'remove', 'bulk assign', 'bulk remove']) assert.match(reply, new RegExp(`\`${command}`), command);
  });

  it('refuses everyone outside the admin group politely, and nothing happens', async () => {
    for (const command of ['seats', 'pending', 'audit', 'assign calling plan to alice.anders@fabrikam.example', 'bulk assign calling plan\nalice.anders@fabrikam.example']) {
      const reply = textOf(await ask(oscar, command));
      assert.match(reply, /for License Desk admins/, command);
      assert.match(reply, /Nothing was changed/, command);
    }
    await h.app.workflow.idle();
    assert.equal(h.connector.conversationsCreated.length, 0, 'no approver and no personal chat was contacted');
    assert.equal(h.emulator.writeLog.length, 0);
    assert.equal(h.connector.activities.filter((e) => adaptiveCardOf(e)).length, 0, 'no card was shown');
  });

  it('seats: a 1.5 card with a table of free seats and seats in use out of those purchased, and warnings', async () => {
    const entry = await ask(ada, 'seats', (e) => adaptiveCardOf(e) !== undefined);
    const card = adaptiveCardOf(entry);
    assert.equal(card.version, '1.5');
    const table = card.body.find((element: { type: string }) => element.type === 'Table');
    assert.ok(table, 'a Table element');
    const rows = table.rows.slice(1).map((row: any) => row.cells.map((cell: any) => cell.items.map((item: any) => item.text).join(' ')));
    const e3 = rows.find((cells: string[]) => /ENTERPRISEPACK/.test(String(cells[0])));
    const used = h.emulator.sku('ENTERPRISEPACK')!.consumedUnits;
    assert.deepEqual(e3.slice(1, 3), [String(50 - used), `${used} / 50`]);
    const international = rows.find((cells: string[]) => /MCOPSTN2/.test(String(cells[0])));
    assert.match(international[0], /None free/);
    assert.equal(rows.length, h.emulator.skus().length);
  });

  it('assign and remove go to the approver; pending and status show them; the approver decides', async () => {
    const alice = h.user('Alice Anders');
    h.connector.members.set(alice.mri, { id: alice.mri, name: 'Alice Anders', aadObjectId: alice.identity.aadObjectId });
    const reply = textOf(
      await ask(ada, `assign calling plan to ${mentionOf({ name: 'Alice Anders', mri: alice.mri }).text}, alice.brown@fabrikam.example`, undefined, [mentionOf({ name: 'Alice Anders', mri: alice.mri })]),
    );
    assert.match(reply, /Alice Anders\*\*: Phone System, Domestic Calling Plan sent to Megan Manager for approval \(request [0-9a-f]{8}\)/);
    assert.match(reply, /Alice Brown\*\*: .*sent to Megan Manager/);
    const removal = textOf(await ask(ada, 'remove MCOPSTN2 from dan@fabrikam.example'));
    assert.match(removal, /Dan Dialer\*\*: .*sent to Megan Manager/);
    assert.equal(h.emulator.writeLog.length, 0, 'nothing written before approval');

    const pending = textOf(await ask(ada, 'pending'));
    assert.match(pending, /Open requests and bulk jobs \(3\)/);
    assert.match(pending, /for Alice Anders, asked by Ada Admin .* waiting for Megan Manager/);
    assert.match(pending, /remove .* from Dan Dialer/);

    const shortId = /request ([0-9a-f]{8})/.exec(reply)![1]!;
    const status = textOf(await ask(ada, `status ${shortId}`));
    assert.match(status, new RegExp(`Request ${shortId}\\*\\*: waiting for approval`));
    assert.match(status, /Alice Anders \(alice\.anders@fabrikam\.example\)/);
    const fullId = /Id: ([0-9a-f-]{36})/.exec(status)![1]!;
    assert.match(textOf(await ask(ada, `status ${fullId}`)), /waiting for approval/);

    const cards = await h.connector.waitFor(() => approvalCardsFor(MEGAN).length === 3, 'three approval cards for Megan');
    assert.ok(cards);
    const megan = h.user('Megan Manager');
    for (const entry of approvalCardsFor(MEGAN)) {
      const approve = executeActions(adaptiveCardOf(entry)).find((action) => action.verb === 'approve')!;
      const answer = await megan.execute('approve', approve.data);
      assert.equal(answer.body.type, 'application/vnd.microsoft.card.adaptive');
    }
    await h.app.workflow.idle();
    assert.equal(h.emulator.writeLog.length, 3, 'one Graph write per approved request');
    assert.ok(h.emulator.user('alice.anders@fabrikam.example')!.skuPartNumbers.includes('MCOPSTN1'));
    assert.ok(!h.emulator.user('dan@fabrikam.example')!.skuPartNumbers.includes('MCOPSTN2'));
    assert.match(textOf(await ask(ada, 'pending')), /Nothing is waiting/);
  });

  it('cancel: the requester or an admin cancels, the approver card updates; others are refused', async () => {
    const first = textOf(await ask(ada, 'assign audio conferencing to alice.anders@fabrikam.example'));
    const id = /request ([0-9a-f]{8})/.exec(first)![1]!;
    await h.connector.waitFor(() => approvalCardsFor(MEGAN).length === 1, 'the approval card');
    assert.match(textOf(await ask(oscar, `cancel ${id}`)), /Only the person who asked, or a License Desk admin/);
    assert.match(textOf(await ask(ada, `cancel ${id}`)), new RegExp(`Cancelled request ${id}`));
    const card = approvalCardsFor(MEGAN)[0]!;
    await h.connector.waitFor((e) => e.method === 'PUT' && e.activityId === card.activityId && /Cancelled/i.test(JSON.stringify(adaptiveCardOf(e))), 'the approver card shows the cancellation');
    assert.match(textOf(await ask(ada, `cancel ${id}`)), /already cancelled/);
    assert.match(textOf(await ask(ada, `status ${id}`)), /cancelled/);
    assert.equal(h.emulator.writeLog.length, 0);
  });

  it('--no-approval is refused unless configuration allows it', async () => {
    const reply = textOf(await ask(ada, 'assign calling plan to alice.anders@fabrikam.example --no-approval'));
    assert.match(reply, /--no-approval isn't allowed here/);
    assert.equal(approvalCardsFor(MEGAN).length, 0);
    assert.equal(h.emulator.writeLog.length, 0);
  });

  it('audit: the latest records in the channel, the CSV offered in the personal chat', async () => {
    await ask(ada, 'assign audio conferencing to alice.anders@fabrikam.example');
    const everything = textOf(await ask(ada, 'audit'));
    assert.match(everything, /requested · Alice Anders \(alice\.anders@fabrikam\.example\) · by Ada Admin/);
    assert.match(everything, /CSV file I've sent you in our personal chat/);
    const consent = await h.connector.waitFor(
      (e) => e.conversationId === CapturingConnector.personalConversationId(ada.mri) && e.activity.attachments?.some((a) => a.contentType === FILE_CONSENT_CARD) === true,
      'the file consent card in the personal chat',
    );
    const attachment = consent.activity.attachments!.find((a) => a.contentType === FILE_CONSENT_CARD)!;
    assert.match(String((attachment as { name?: string }).name), /\.csv$/);
    assert.ok(attachment.content.sizeInBytes > 0);
    assert.match(textOf(await ask(ada, 'audit alice.anders@fabrikam.example')), /Audit, Alice Anders/);
    assert.match(textOf(await ask(ada, 'audit 1d')), /Audit, since/);
    assert.match(textOf(await ask(ada, 'audit 2000-01-01')), /latest 1 of 1 records/);
  });

  it('bulk in a channel: a pasted list, the preview, one approval by the manager, the report', async () => {
    const missing = textOf(await ask(ada, 'bulk assign audio conferencing'));
    assert.match(missing, /In a channel, Teams gives me attached files only as links/);

    const seen = ada.replies().length;
    await ada.mention('bulk assign audio conferencing\nalice.anders@fabrikam.example\nalice.brown@fabrikam.example\nnobody@fabrikam.example\nnot-an-address\numa@fabrikam.example');
    const preview = await nextIn(ada, seen, 'the preview card', (e) => /Check before sending/.test(JSON.stringify(adaptiveCardOf(e) ?? {})));
    const card = JSON.stringify(adaptiveCardOf(preview));
    assert.match(card, /licences for 2 people/);
    assert.match(card, /Nobody in your organization has this address/);
    assert.match(card, /Not an email address/);
    assert.match(card, /usage location/i);
    const jobId = /bulk submit ([0-9a-f-]{36})/.exec(card)![1]!;

    assert.match(textOf(await (async () => {
      const before = ada.replies().length;
      await oscar.click(`bulk submit ${jobId}`);
      return h.connector.waitFor((e) => e.conversationId === oscar.conversationId && /for License Desk admins/.test(textOf(e)), `oscar's refusal after ${before}`);
    })()), /Nothing was changed/);

    const submitted = ada.replies().length;
    await ada.click(`bulk submit ${jobId}`, preview.activityId);
    assert.match(textOf(await nextIn(ada, submitted, 'sent for approval', (e) => /waiting for one approval/.test(textOf(e)))), /Megan Manager/);
    await h.connector.waitFor((e) => e.method === 'PUT' && e.activityId === preview.activityId, 'the preview loses its buttons');
    const approval = await h.connector.waitFor(() => approvalCardsFor(MEGAN).some((e) => /Approval needed/.test(JSON.stringify(adaptiveCardOf(e)))), 'the approval card');
    assert.ok(approval);

    assert.match(textOf(await ask(ada, 'pending')), /bulk: Audio Conferencing for 2 people/);
    const megan = h.user('Megan Manager');
    await megan.say(`bulk approve ${jobId}`);
    const done = await h.connector.waitFor((e) => e.conversationId === ada.conversationId && /Bulk job finished: 2 assigned/.test(textOf(e)), 'the end of the job');
    assert.ok(done);
    assert.equal(h.emulator.writeLog.length, 2);
    assert.deepEqual(h.emulator.writeLog.map((write) => write.userPrincipalName).sort(), ['alice.anders@fabrikam.example', 'alice.brown@fabrikam.example']);
    const report = h.connector.activities.filter((e) => e.conversationId === ada.conversationId && /Finished/.test(JSON.stringify(adaptiveCardOf(e) ?? {})));
    assert.ok(report.length > 0, 'the report card in the thread');
    await megan.say(`bulk approve ${jobId}`);
    await h.connector.waitFor((e) => e.conversationId === megan.personalConversationId && /already been decided/.test(textOf(e)), 'a second approval changes nothing');
    assert.equal(h.emulator.writeLog.length, 2);
  });
});

/**
 * How often a request reads the person it is about, over HTTP against the Graph emulator: the call that finds the
 * person also brings their licences, so a request message reads the user once; the licences are trusted for that
 * turn only, so the confirmation reads the user again and notices a licence given in between.
 */
import assert from 'node:assert/strict';
import { harnessPerTest, type Harness } from '../support/harness';
import { choiceButtons } from '../support/cards';
import type { CapturedActivity } from '../support/capturing-connector';
import type { TeamsUser } from '../support/teams-user';

/** GETs of users (a search, or one user by id or UPN), not of their managers or groups. */
const USER_READ = /^\/v1\.0\/users(\/[^/]+)?$/;

describe('reading the person a request is about (integration over HTTP)', function () {
  this.timeout(60000);
  let h: Harness;

  harnessPerTest((started) => (h = started));

  const userReads = () => h.emulator.requestLog.filter((entry) => entry.method === 'GET' && USER_READ.test(entry.path));

  async function reply(user: TeamsUser, text: string, what: string, predicate: (e: CapturedActivity) => boolean, extra?: Record<string, unknown>) {
    const seen = h.connector.inConversation(user.personalConversationId).length;
    assert.equal(await user.say(text, extra), 200);
    return h.connector.waitFor(
      (e) => e.conversationId === user.personalConversationId && h.connector.inConversation(user.personalConversationId).indexOf(e) >= seen && predicate(e),
      what,
    );
  }
  const isSummary = (e: CapturedActivity) => /Licences to assign/.test(String(e.activity.text));

  it('a request naming one person reads the user once, licences included, and the summary shows what that read said', async () => {
    const rita = h.user('Rita Requester');
    h.emulator.resetLogs();
    const summary = await reply(rita, 'give Alice Anders a calling plan', 'the summary', isSummary);
    const reads = userReads();
    assert.equal(reads.length, 1, reads.map((r) => `${r.path}?${r.query}`).join('\n'));
    const query = decodeURIComponent(reads[0]?.query ?? '');
    assert.ok(query.includes('$filter=startswith(displayName') && query.includes('assignedLicenses'), query);
    // Alice holds Office 365 E3 but no Phone System: the summary adds Phone System for the calling plan.
    assert.match(String(summary.activity.text), /Phone System/);
  });

  it('an @mention reads the user once by id, licences included', async () => {
    const rita = h.user('Rita Requester');
    const alice = h.user('Alice Anders');
    h.emulator.resetLogs();
    await reply(rita, '<at>License Desk</at> give <at>Alice Anders</at> a calling plan', 'the summary', isSummary, {
      entities: [
        { type: 'mention', text: '<at>License Desk</at>', mentioned: { id: '28:license-desk-bot', name: 'License Desk' } },
        { type: 'mention', text: '<at>Alice Anders</at>', mentioned: { id: alice.mri, name: 'Alice Anders', aadObjectId: alice.identity.aadObjectId } },
      ],
    });
    const reads = userReads();
    assert.deepEqual(reads.map((r) => r.path), [`/v1.0/users/${alice.identity.aadObjectId}`]);
    assert.ok(decodeURIComponent(reads[0]?.query ?? '').includes('assignedLicenses'));
  });

  it('the confirmation reads the user again: a licence given after the summary stops the request', async () => {
    const rita = h.user('Rita Requester');
    const aliceId = h.userId('Alice Anders');
    await reply(rita, 'give Alice Anders a calling plan', 'the summary', isSummary);
    // Someone gives Alice Phone System in the Microsoft 365 admin center while Rita reads the summary.
    const given = await fetch(`${h.emulator.url}/v1.0/users/${aliceId}/assignLicense`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ addLicenses: [{ skuId: h.skuId('MCOEV'), disabledPlans: [] }], removeLicenses: [] }),
    });
    assert.equal(given.status, 200);
    h.emulator.resetLogs();
    const answer = await reply(rita, 'Send for approval', 'the changed-meanwhile message', (e) => /changed while you were confirming/.test(String(e.activity.text)));
    assert.ok(answer);
    assert.ok(userReads().some((r) => r.path === `/v1.0/users/${aliceId}`), 'Alice was read again');
    assert.equal(h.connector.conversationsCreated.length, 0, 'no approver was asked');
  });

  it('a choice among several people reads the chosen one in the turn of the choice', async () => {
    const rita = h.user('Rita Requester');
    const aliceId = h.userId('Alice Anders');
    const choice = await reply(rita, 'give Alice a calling plan', 'the choice of people', (e) => choiceButtons(e).length > 0);
    const button = choiceButtons(choice).find((value) => value.startsWith('Alice Anders'));
    assert.ok(button);
    h.emulator.resetLogs();
    await reply(rita, button, 'the summary', isSummary);
    assert.deepEqual(userReads().map((r) => r.path), [`/v1.0/users/${aliceId}`]);
  });
});

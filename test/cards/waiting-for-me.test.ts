/**
 * "waiting for me" without HTTP: what an approver gets for requests and bulk jobs, in the five languages, and
 * that each card sent validates with the Adaptive Cards library and carries the buttons for that approver.
 */
import assert from 'node:assert/strict';
import type { TurnContext } from 'botbuilder';
import { listWaitingForMe } from '../../src/bot/admin/waiting-for-me';
import type { CommandScope } from '../../src/bot/admin/command-scope';
import { translator } from '../../src/i18n';
import type { BulkJob } from '../../src/services/bulk/bulk-job';
import type { LicenseRequest } from '../../src/domain/request';
import { installDom, parseCard } from './adaptive-cards-host';
import { REQUEST_ID, requestIn } from './request-fixtures';

const LOCALES = ['en', 'fr', 'ja', 'zh-CN', 'zh-TW'] as const;
const TENANT = 'b1e0c3f4-0000-4000-8000-000000000001';
const JOB_ID = '0f0e0d0c-1111-4222-8333-444455556666';

const job: BulkJob = {
  id: JOB_ID,
  tenantId: TENANT,
  createdAt: '2025-01-10T08:00:00.000Z',
  updatedAt: '2025-01-10T08:00:00.000Z',
  requester: { id: 'ada', displayName: 'Ada Admin' },
  action: 'assign',
  requested: ['MCOEV', 'MCOPSTN1'],
  parts: ['MCOEV', 'MCOPSTN1'],
  source: { kind: 'file', name: 'users.txt' },
  state: 'pending',
  chunkCount: 1,
  counts: { lines: 12, excluded: 0, toChange: 12, skipped: 0, done: 0, failed: 0, cancelled: 0 },
  seats: [{ partNumber: 'MCOPSTN1', needed: 12, free: 40, enabled: 50 }],
  problems: [],
  approvers: [{ id: 'approver-id', displayName: 'Mona Manager' }],
  noApproval: false,
  conversation: { reference: {}, locale: 'en' },
  approvalCards: [],
};

function scopeFor(actorId: string, locale: string, personal = true) {
  const sent: { text?: string; attachments?: { content: object }[] }[] = [];
  const context = {
    activity: { from: { id: `29:${actorId}` }, conversation: { id: 'c' }, serviceUrl: 'http://x', channelId: 'msteams', recipient: { id: 'bot' } },
    sendActivity: async (activity: { text?: string; attachments?: { content: object }[] }) => {
      sent.push(activity);
      return { id: `activity-${sent.length}` };
    },
  } as unknown as TurnContext;
  const scope: CommandScope = {
    context,
    t: translator(locale),
    locale,
    personal,
    actor: { id: actorId, tenantId: TENANT, displayName: actorId },
    isAdmin: async () => false,
  };
  return { scope, sent };
}

function deps(requests: LicenseRequest[], jobs: BulkJob[]) {
  return {
    requests: { listByState: async () => requests } as never,
    bulk: { listOpen: async () => jobs },
    clock: { now: () => new Date('2025-01-10T12:00:00.000Z') },
  };
}

describe('"waiting for me": the approver\'s list', () => {
  let removeDom: () => void = () => undefined;
  before(() => {
    removeDom = installDom();
  });
  after(() => removeDom());

  for (const locale of LOCALES) {
    it(`lists a request and a bulk job with their cards, which validate (${locale})`, async () => {
      const { scope, sent } = scopeFor('approver-id', locale);
      await listWaitingForMe(scope, deps([requestIn('pending')], [job]));
      const t = translator(locale);
      assert.equal(sent[0]?.text, t('lifecycle:waitingForMe.heading', { count: 2 }));
      const cards = sent.flatMap((activity) => activity.attachments ?? []).map((attachment) => attachment.content);
      assert.equal(cards.length, 2, 'one card for each');
      assert.match(String(sent[1]?.text), new RegExp(JOB_ID.slice(0, 8)), 'the oldest first: the bulk job');
      assert.match(String(sent[2]?.text), new RegExp(REQUEST_ID.slice(0, 8)));
      for (const card of cards) {
        const { parseEvents, validationEvents } = parseCard(card);
        assert.deepEqual([...parseEvents, ...validationEvents], []);
      }
      assert.match(JSON.stringify(cards[1]), /"verb":"approve"/, 'the approval card has its buttons');
      assert.match(JSON.stringify(cards[0]), /bulk approve/, 'the bulk card has its buttons');
    });
  }

  it('lists nothing for someone who is not an approver, nor for the requester', async () => {
    for (const who of ['someone-else', 'requester-id', 'ada']) {
      const { scope, sent } = scopeFor(who, 'en');
      await listWaitingForMe(scope, deps([requestIn('pending')], [job]));
      assert.deepEqual(sent.map((activity) => activity.text), [translator('en')('lifecycle:waitingForMe.none')], who);
    }
  });

  it('lists nothing decided, and nothing from another tenant', async () => {
    const { scope, sent } = scopeFor('approver-id', 'en');
    await listWaitingForMe(scope, deps([requestIn('completed'), requestIn('pending', { tenantId: 'other' })], [{ ...job, state: 'approved' }, { ...job, tenantId: 'other' }]));
    assert.deepEqual(sent.map((activity) => activity.text), [translator('en')('lifecycle:waitingForMe.none')]);
  });

  it('in a channel, points to the personal chat and shows no card', async () => {
    const { scope, sent } = scopeFor('approver-id', 'en', false);
    await listWaitingForMe(scope, deps([requestIn('pending')], [job]));
    assert.deepEqual(sent.map((activity) => activity.text), [translator('en')('lifecycle:waitingForMe.personalOnly')]);
  });
});

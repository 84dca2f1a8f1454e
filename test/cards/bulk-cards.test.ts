import assert from 'node:assert/strict';
import { bulkJobCard } from '../../cards/bulk-job-card';
import { bulkProgressCard, type BulkProgressCardView } from '../../cards/bulk-progress-card';
import type { AdaptiveCardJson } from '../../cards/fill-template';
import type { BulkJob, BulkUserEntry } from '../../src/services/bulk/bulk-job';
import { MAX_FAILURES_ON_CARD } from '../../src/services/bulk/bulk-limits';
import { AC, installDom, parseCard } from './adaptive-cards-host';

const LOCALES = ['en', 'fr', 'ja', 'zh-CN', 'zh-TW'] as const;
const PARSED_BY_PARENT = ['AdaptiveCard', 'Column', 'TextRun', 'TableRow', 'TableCell'];
const JOB_ID = '0f0e0d0c-1111-4222-8333-444455556666';

const job = (overrides: Partial<BulkJob> = {}): BulkJob => ({
  id: JOB_ID,
  tenantId: 't',
  createdAt: '2025-06-01T10:00:00.000Z',
  updatedAt: '2025-06-01T10:00:00.000Z',
  requester: { id: 'ada', displayName: 'Ada Admin' },
  action: 'assign',
  requested: ['ENTERPRISEPACK', 'MCOEV', 'MCOPSTN1'],
  parts: ['ENTERPRISEPACK', 'MCOEV', 'MCOPSTN1'],
  source: { kind: 'file', name: 'users.txt' },
  state: 'preview',
  chunkCount: 1,
  counts: { lines: 1004, excluded: 4, toChange: 960, skipped: 40, done: 0, failed: 0, cancelled: 0 },
  seats: [
    { partNumber: 'ENTERPRISEPACK', needed: 860, free: 900, enabled: 1000 },
    { partNumber: 'MCOPSTN1', needed: 960, free: 990, enabled: 1000 },
  ],
  problems: [
    { line: 1001, upn: 'nobody@contoso.com', reasonCode: 'BULK_UNKNOWN_USER' },
    { line: 1003, upn: 'not an address', reasonCode: 'BULK_MALFORMED_LINE' },
    { line: 7, upn: 'uma@contoso.com', reasonCode: 'USAGE_LOCATION_MISSING', params: {} },
  ],
  approvers: [{ id: 'mona', displayName: 'Mona Manager' }],
  noApproval: false,
  conversation: { reference: {}, locale: 'en' },
  approvalCards: [],
  ...overrides,
});

const failure = (index: number): BulkUserEntry => ({ line: index, upn: `user${index}@contoso.com`, displayName: `User ${index}`, userId: `u${index}`, status: 'failed', reasonCode: 'GRAPH_NO_LICENSES' });

interface Case {
  readonly name: string;
  readonly card: (locale: string) => AdaptiveCardJson;
  readonly buttons: readonly string[];
}

const cases: Case[] = [
  { name: 'preview, ready', card: (locale) => bulkJobCard({ job: job(), locale, audience: 'preview', withActions: true }), buttons: [`bulk submit ${JOB_ID}`, `cancel ${JOB_ID}`] },
  { name: 'preview, run without approval', card: (locale) => bulkJobCard({ job: job(), locale, audience: 'preview', withActions: true, skipApproval: true }), buttons: [`bulk submit ${JOB_ID} --no-approval`, `cancel ${JOB_ID}`] },
  {
    name: 'preview, short of seats',
    card: (locale) => bulkJobCard({ job: job({ seats: [{ partNumber: 'MCOPSTN1', needed: 960, free: 10, enabled: 20 }] }), locale, audience: 'preview', withActions: true }),
    buttons: [`cancel ${JOB_ID}`],
  },
  { name: 'approval, pending', card: (locale) => bulkJobCard({ job: job({ state: 'pending' }), locale, audience: 'approval', withActions: true }), buttons: [`bulk approve ${JOB_ID}`, `bulk reject ${JOB_ID}`] },
  {
    name: 'approval, approved',
    card: (locale) => bulkJobCard({ job: job({ state: 'running', decision: { id: 'mona', displayName: 'Mona Manager', at: '2025-06-01T11:00:00Z' } }), locale, audience: 'approval', withActions: false }),
    buttons: [],
  },
  {
    name: 'progress, running',
    card: (locale) => bulkProgressCard(progressView(locale, { final: false })),
    buttons: [],
  },
  {
    name: 'report, with failures',
    card: (locale) => bulkProgressCard({ ...progressView(locale, { final: true }), failures: Array.from({ length: MAX_FAILURES_ON_CARD + 5 }, (_, i) => failure(i + 1)), csvOffered: true }),
    buttons: [],
  },
];

function progressView(locale: string, { final }: { final: boolean }): BulkProgressCardView {
  return {
    job: job({ state: final ? 'completed' : 'running' }),
    locale,
    progress: { done: 500, skipped: 40, failed: final ? 105 : 3, cancelled: 0, remaining: final ? 0 : 417, elapsedMs: 125_000, etaMs: final ? 0 : 90_000, final },
  };
}

function objectsIn(value: unknown): Record<string, unknown>[] {
  if (Array.isArray(value)) return value.flatMap(objectsIn);
  if (typeof value !== 'object' || value === null) return [];
  return [value as Record<string, unknown>, ...Object.values(value).flatMap(objectsIn)];
}

/** Card elements and actions, without the payloads actions carry in `data`. */
function elementsIn(value: unknown): Record<string, unknown>[] {
  if (Array.isArray(value)) return value.flatMap(elementsIn);
  if (typeof value !== 'object' || value === null) return [];
  const children = Object.entries(value).filter(([key]) => key !== 'data').map(([, child]) => child);
  return [value as Record<string, unknown>, ...children.flatMap(elementsIn)];
}

describe('bulk job cards', () => {
  let removeDom: () => void = () => undefined;
  before(() => {
    removeDom = installDom();
  });
  after(() => removeDom());

  for (const cardCase of cases) {
    for (const locale of LOCALES) {
      describe(`${cardCase.name} (${locale})`, () => {
        const json = cardCase.card(locale);

        it('binds everything and validates with the official Adaptive Cards library', () => {
          assert.doesNotMatch(JSON.stringify(json), /\$\{/);
          assert.doesNotMatch(JSON.stringify(json), /"(admin|reasons):[\w.]+"/, 'no untranslated key');
          const { parseEvents, validationEvents } = parseCard(json);
          assert.deepEqual(parseEvents, []);
          assert.deepEqual(validationEvents, []);
        });

        it('uses known element and action types of version 1.5 at most', () => {
          assert.equal(json.version, '1.5');
          for (const object of elementsIn(json)) {
            const type = object['type'];
            if (typeof type !== 'string' || PARSED_BY_PARENT.includes(type)) continue;
            const registration = AC.GlobalRegistry.elements.findByName(type) ?? AC.GlobalRegistry.actions.findByName(type);
            assert.ok(registration, `unknown type ${type}`);
            assert.ok(registration.schemaVersion.compareTo(AC.Versions.v1_5) <= 0, `${type} is newer than 1.5`);
          }
        });

        it('carries only the job id in its buttons (messageBack)', () => {
          const buttons = objectsIn(json)
            .filter((object) => object['type'] === 'Action.Submit')
            .map((object) => (object['data'] as { msteams: { type: string; text: string } }).msteams);
          assert.ok(buttons.every((button) => button.type === 'messageBack'));
          assert.deepEqual(buttons.map((button) => button.text), cardCase.buttons);
          const { card } = parseCard(json);
          assert.equal(card.render()?.querySelectorAll('button').length, cardCase.buttons.length);
        });
      });
    }
  }

  it('the preview shows counts, seats and the first problems in plain English', () => {
    const text = JSON.stringify(bulkJobCard({ job: job(), locale: 'en', audience: 'preview', withActions: true }));
    for (const expected of ['Check before sending: licences for 960 people', 'users.txt', '1,004', 'Nobody in your organization has this address', 'Not an email address', 'usage location', 'Left after', 'Bulk job 0f0e0d0c']) {
      assert.ok(text.includes(expected), expected);
    }
  });

  it('the report lists at most the card limit of failures and points to the CSV for the rest', () => {
    const json = bulkProgressCard({ ...progressView('en', { final: true }), failures: Array.from({ length: MAX_FAILURES_ON_CARD + 5 }, (_, i) => failure(i + 1)), csvOffered: true });
    const table = objectsIn(json).find((object) => object['type'] === 'Table') as { rows: unknown[] };
    assert.equal(table.rows.length, MAX_FAILURES_ON_CARD + 1);
    const text = JSON.stringify(json);
    assert.match(text, /and 5 more: every failure is in the CSV report/);
    assert.match(text, /no free licences are left/);
    assert.match(text, /Finished, with 105 failures/);
  });

  it('the running card shows progress, elapsed time and an estimate', () => {
    const text = JSON.stringify(bulkProgressCard(progressView('en', { final: false })));
    assert.match(text, /In progress: 543 of 960/);
    assert.match(text, /Estimated time left/);
    assert.match(text, /2 min 5 sec/);
  });
});

/**
 * Admin outputs name products for people: the audit CSV and the bulk report keep part numbers for machines and
 * add product names beside them; the bulk engine's own reasons name products instead of part numbers.
 */
import assert from 'node:assert/strict';
import { explainBulkReason } from '../../src/bot/admin/admin-format';
import { auditCsv } from '../../src/bot/admin/audit-command';
import { auditPartNumbers } from '../../src/bot/admin/audit-products';
import { bulkReportCsv } from '../../src/bot/admin/bulk-report-csv';
import { readCsvRecords } from '../../src/catalog/csv-records';
import { translator } from '../../src/i18n';
import type { BulkJob, BulkUserEntry } from '../../src/services/bulk/bulk-job';

const en = translator('en');

function rows(csv: string): string[][] {
  return readCsvRecords(csv).map((record) => [...record.cells]);
}

describe('audit and bulk outputs name products', () => {
  const details: readonly (readonly [string, Record<string, unknown>, readonly string[]])[] = [
    ['add and remove', { add: ['MCOEV', 'MCOPSTN1'], remove: ['MCOPSTN2'] }, ['MCOEV', 'MCOPSTN1', 'MCOPSTN2']],
    ['a bulk job', { bulkJobId: 'j', action: 'assign', requested: ['SPE_E5'] }, ['SPE_E5']],
    ['lifecycle licences as objects', { licences: [{ partNumber: 'MCOPSTN1', state: 'Active' }, { state: null }] }, ['MCOPSTN1']],
    ['licence end', { licences: ['MCOMEETADV'], add: ['MCOMEETADV'] }, ['MCOMEETADV']],
    ['approver ids are not products', { added: ['adele'], approvers: ['omar'] }, []],
    ['nothing', {}, []],
  ];
  for (const [title, record, expected] of details) {
    it(`audit details: ${title}`, () => {
      assert.deepEqual(auditPartNumbers(record), expected);
    });
  }

  it('the audit CSV keeps details and adds a products column', () => {
    const csv = auditCsv(
      [{ at: '2026-12-04T10:00:00.000Z', event: 'assigned', requestId: 'r1', actorId: null, targetId: null, details: { add: ['MCOEV', 'AAD_PREMIUM'] } }],
      new Map(),
      en,
    );
    const [header, line] = rows(csv);
    assert.deepEqual(header, ['at', 'event', 'requestId', 'actorId', 'actor', 'targetId', 'target', 'details', 'products']);
    assert.equal(line?.[7], '{"add":["MCOEV","AAD_PREMIUM"]}');
    assert.equal(line?.[8], 'Phone System, Microsoft Entra ID P1');
  });

  it('the bulk report keeps part numbers and adds their names in the reader\'s language', () => {
    const entries: BulkUserEntry[] = [
      { line: 1, upn: 'uma@contoso.com', status: 'done', add: ['MCOEV', 'MCOPSTN1'], remove: [] },
      { line: 2, upn: 'bob@contoso.com', status: 'skipped', reasonCode: 'NOT_ASSIGNED', params: { partNumber: 'MCOEV' } },
    ];
    const [header, done, skipped] = rows(bulkReportCsv({} as BulkJob, entries, 'fr'));
    assert.deepEqual(header?.slice(-4), ['added', 'removed', 'addedProducts', 'removedProducts']);
    assert.deepEqual(done?.slice(-4), ['MCOEV MCOPSTN1', '', translator('fr')('products:MCOEV') + translator('fr')('replies:listSeparator') + translator('fr')('products:MCOPSTN1'), '']);
    assert.deepEqual(skipped?.slice(-4), ['', '', '', '']);
  });

  it('the bulk engine\'s own reasons name products, not part numbers', () => {
    const text = explainBulkReason(en, 'BULK_PLAN_CHANGED', { partNumber: 'MCOEV, MCOPSTN1' });
    assert.ok(text.includes('(Phone System, Domestic Calling Plan)'), text);
  });
});

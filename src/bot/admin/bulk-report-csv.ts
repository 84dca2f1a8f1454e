/** The bulk job's report as CSV: every line of the list with what happened to it and why. */
import { translator } from '../../i18n';
import type { BulkJob, BulkUserEntry } from '../../services/bulk/bulk-job';
import { shortId } from '../../services/bulk/bulk-job';
import { productList } from '../explain';
import { explainBulkReason } from './admin-format';
import { toCsv } from './csv';

/** added and removed keep part numbers for machines; the product columns name them for people. */
export const BULK_REPORT_COLUMNS = ['line', 'userPrincipalName', 'displayName', 'userId', 'result', 'reasonCode', 'reason', 'added', 'removed', 'addedProducts', 'removedProducts'];

export function bulkReportCsv(job: BulkJob, entries: readonly BulkUserEntry[], locale: string | null): string {
  const t = translator(locale);
  return toCsv(
    BULK_REPORT_COLUMNS,
    entries.map((entry) => [
      entry.line,
      entry.upn,
      entry.displayName ?? '',
      entry.userId ?? '',
      entry.status,
      entry.reasonCode ?? '',
      entry.reasonCode ? explainBulkReason(t, entry.reasonCode, entry.params) : '',
      entry.status === 'done' ? (entry.add ?? []).join(' ') : '',
      entry.status === 'done' ? (entry.remove ?? []).join(' ') : '',
      entry.status === 'done' ? productList(t, entry.add ?? []) : '',
      entry.status === 'done' ? productList(t, entry.remove ?? []) : '',
    ]),
  );
}

export function bulkReportFileName(job: BulkJob): string {
  return `license-desk-bulk-${shortId(job.id)}.csv`;
}

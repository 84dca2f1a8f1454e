/**
 * `audit [<user> | <since>]`: the latest audit records in the chat and every matching record as CSV,
 * offered in the admin's personal chat (Teams lets bots send files only there). <since> is a date
 * (2025-05-01), or an age such as 7d or 12h; anything else names a user (UPN, name or @mention).
 */
import { TurnContext } from 'botbuilder';
import { hasKey, type Translate } from '../../i18n';
import type { AuditLog, AuditRecord, Clock, Directory } from '../../ports';
import type { PeopleFinder } from '../../services/people-finder';
import { formatDate, formatNumber } from './admin-format';
import { auditProductNames } from './audit-products';
import { reply, type CommandScope } from './command-scope';
import { toCsv } from './csv';
import type { FileExports } from './file-exports';
import { resolveReferences } from './user-references';

export interface AuditDependencies {
  readonly audit: AuditLog;
  readonly directory: Pick<Directory, 'getUser'>;
  readonly people: PeopleFinder;
  readonly exports: FileExports;
  readonly clock: Clock;
}

export const AUDIT_LINES_IN_CHAT = 15;
/** details keeps part numbers for machines; products names them for people (last, so earlier columns keep their place). */
export const AUDIT_CSV_COLUMNS = ['at', 'event', 'requestId', 'actorId', 'actor', 'targetId', 'target', 'details', 'products'];

export type AuditFilter = { readonly kind: 'all' } | { readonly kind: 'since'; readonly since: string } | { readonly kind: 'user'; readonly text: string };

export function readAuditArgument(argument: string, now: Date): AuditFilter {
  const text = argument.trim();
  if (text === '') return { kind: 'all' };
  const age = /^(\d{1,4})\s*([dh])$/i.exec(text);
  if (age) {
    const hours = Number(age[1]) * (age[2]?.toLowerCase() === 'd' ? 24 : 1);
    return { kind: 'since', since: new Date(now.getTime() - hours * 3600_000).toISOString() };
  }
  if (/^\d{4}-\d{2}-\d{2}/.test(text) && !Number.isNaN(Date.parse(text))) return { kind: 'since', since: new Date(Date.parse(text)).toISOString() };
  return { kind: 'user', text };
}

export async function showAudit(scope: CommandScope, deps: AuditDependencies, argument: string): Promise<void> {
  const { t } = scope;
  const filter = readAuditArgument(argument, deps.clock.now());
  let query: { targetId?: string; since?: string } = {};
  let subject = t('admin:audit.everything');
  if (filter.kind === 'since') {
    query = { since: filter.since };
    subject = t('admin:audit.since', { date: formatDate(t, filter.since) });
  } else if (filter.kind === 'user') {
    const [found, ...others] = await resolveReferences(scope.context, deps.people, filter.text);
    if (!found || found.kind !== 'found' || others.length > 0) return reply(scope, t('admin:audit.whichUser', { text: filter.text }));
    query = { targetId: found.user.id };
    subject = t('admin:audit.forUser', { name: found.user.displayName, upn: found.user.userPrincipalName });
  }
  const records = await deps.audit.list(query);
  if (records.length === 0) return reply(scope, t('admin:audit.none', { subject }));
  const latest = records.slice(-AUDIT_LINES_IN_CHAT).reverse();
  const names = await nameIds(deps, latest);
  const lines = latest.map((record) => `- ${t('admin:audit.line', {
    at: formatDate(t, record.at),
    event: eventName(scope, record.event),
    actor: record.actorId ? names.get(record.actorId) ?? record.actorId : t('admin:audit.system'),
    target: record.targetId ? names.get(record.targetId) ?? record.targetId : '—',
    id: record.requestId ? record.requestId.slice(0, 8) : '—',
  })}`);

  let offered = false;
  try {
    await deps.exports.offer({
      tenantId: scope.actor.tenantId,
      owner: { id: scope.actor.id, displayName: scope.actor.displayName },
      fileName: `license-desk-audit-${deps.clock.now().toISOString().slice(0, 10)}.csv`,
      csv: auditCsv(records, names, t),
      description: t('admin:export.auditDescription', { count: records.length }),
      via: { ...TurnContext.getConversationReference(scope.context.activity) },
    });
    offered = true;
  } catch {
    offered = false;
  }
  const csvNote = offered ? t(scope.personal ? 'admin:audit.csvHere' : 'admin:audit.csvPersonal', { count: formatNumber(t, records.length) }) : t('admin:audit.csvFailed');
  await reply(scope, [t('admin:audit.heading', { subject, shown: latest.length, total: formatNumber(t, records.length) }), ...lines, '', csvNote].join('\n'));
}

export function auditCsv(records: readonly AuditRecord[], names: ReadonlyMap<string, string>, t: Translate): string {
  return toCsv(
    AUDIT_CSV_COLUMNS,
    records.map((record) => [
      record.at,
      record.event,
      record.requestId ?? '',
      record.actorId ?? '',
      record.actorId ? names.get(record.actorId) ?? '' : '',
      record.targetId ?? '',
      record.targetId ? names.get(record.targetId) ?? '' : '',
      JSON.stringify(record.details),
      auditProductNames(t, record.details),
    ]),
  );
}

function eventName(scope: CommandScope, event: string): string {
  const key = `admin:audit.event.${event}`;
  return hasKey(key) ? scope.t(key) : event;
}

/** Display names of the people in the lines shown (one lookup each; the CSV keeps every id). */
async function nameIds(deps: AuditDependencies, records: readonly AuditRecord[]): Promise<Map<string, string>> {
  const ids = [...new Set(records.flatMap((record) => [record.actorId, record.targetId]).filter((id): id is string => !!id))];
  const names = new Map<string, string>();
  for (const id of ids) {
    const user = await deps.directory.getUser(id).catch(() => undefined);
    if (user) names.set(id, `${user.displayName} (${user.userPrincipalName})`);
  }
  return names;
}

/** The requester's view of what the rules decided: the summary to confirm, or the refusal. */
import type { Decision, LicenseAction } from '../src/domain/decision';
import type { Translate } from '../src/i18n';
import type { DirectoryUser } from '../src/ports';
import { addedProducts, explainNotes, joinProducts, removedProducts } from '../src/bot/explain';
import { durationDays, endOf, formatEndDate } from '../src/services/lifecycle/licence-end-format';

/** `timeBound`: how long an assignment is kept, and now (to say about when it would end if approved today). */
export function summarizeDecision(
  t: Translate,
  target: DirectoryUser,
  action: LicenseAction,
  decision: Decision,
  timeBound?: { readonly seconds: number; readonly now: Date },
): string {
  const lines = [t(action === 'assign' ? 'replies:request.summaryAssign' : 'replies:request.summaryRemove', { name: target.displayName, upn: target.userPrincipalName })];
  const adding = addedProducts(t, decision);
  const removing = removedProducts(t, decision);
  if (adding.length > 0) lines.push(t('replies:request.willAdd', { products: joinProducts(t, adding) }));
  if (removing.length > 0) lines.push(t('replies:request.willRemove', { products: joinProducts(t, removing) }));
  if (timeBound && action === 'assign') {
    lines.push(t('replies:request.timeBound', { days: durationDays(timeBound.seconds), date: formatEndDate(t, endOf(timeBound.now, timeBound.seconds)) }));
  }
  lines.push(...explainNotes(t, decision.notes, ['change', 'noop', 'advice']).map((line) => `- ${line}`));
  return lines.join('\n\n');
}

export function describeRequestRefusal(t: Translate, target: DirectoryUser, decision: Decision): string {
  const reasons = explainNotes(t, decision.notes, ['refusal']).map((line) => `- ${line}`);
  return [t('replies:request.refused', { name: target.displayName }), ...reasons, t('replies:request.nothingSent')].join('\n\n');
}

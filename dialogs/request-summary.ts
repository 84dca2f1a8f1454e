/** The requester's view of what the rules decided: the summary to confirm, or the refusal. */
import type { Decision, LicenseAction } from '../src/domain/decision';
import type { Translate } from '../src/i18n';
import type { DirectoryUser } from '../src/ports';
import { explainNotes, productList } from '../src/bot/explain';

export function summarizeDecision(t: Translate, target: DirectoryUser, action: LicenseAction, decision: Decision): string {
  const lines = [t(action === 'assign' ? 'replies:request.summaryAssign' : 'replies:request.summaryRemove', { name: target.displayName, upn: target.userPrincipalName })];
  if (decision.add.length > 0) lines.push(t('replies:request.willAdd', { products: productList(t, decision.add) }));
  if (decision.remove.length > 0) lines.push(t('replies:request.willRemove', { products: productList(t, decision.remove) }));
  lines.push(...explainNotes(t, decision.notes, ['change', 'noop', 'advice']).map((line) => `- ${line}`));
  return lines.join('\n\n');
}

export function describeRequestRefusal(t: Translate, target: DirectoryUser, decision: Decision): string {
  const reasons = explainNotes(t, decision.notes, ['refusal']).map((line) => `- ${line}`);
  return [t('replies:request.refused', { name: target.displayName }), ...reasons, t('replies:request.nothingSent')].join('\n\n');
}

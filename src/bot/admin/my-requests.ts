/**
 * `my requests` in the personal chat: the sender's own licence requests, newest first (at most 10), with the
 * products, the user they are for, the state and the age, and how to withdraw one still waiting (`cancel <id>`).
 */
import type { LicenseRequest, RequestState } from '../../domain/request';
import type { Clock, RequestStore } from '../../ports';
import { shortId } from '../../services/bulk/bulk-job';
import { productList } from '../explain';
import { formatAge } from './admin-format';
import { reply, type CommandScope } from './command-scope';

export interface MyRequestsDependencies {
  readonly requests: RequestStore;
  readonly clock: Clock;
}

const EVERY_STATE: readonly RequestState[] = ['pending', 'approved', 'assigning', 'completed', 'failed', 'rejected', 'cancelled', 'expired'];
export const MY_REQUESTS_LIMIT = 10;

export async function listMyRequests(scope: CommandScope, deps: MyRequestsDependencies): Promise<void> {
  const { t, actor } = scope;
  const mine = (await deps.requests.listByState(EVERY_STATE))
    .filter((request) => request.tenantId === actor.tenantId && request.requester.id === actor.id)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  if (mine.length === 0) return reply(scope, t('lifecycle:myRequests.none'));
  const now = deps.clock.now();
  const shown = mine.slice(0, MY_REQUESTS_LIMIT);
  const lines = [
    t('lifecycle:myRequests.heading', { count: mine.length, shown: shown.length }),
    ...shown.map((request) => `- ${requestLine(scope, request, now)}`),
  ];
  const pending = shown.find((request) => request.state === 'pending');
  if (pending) lines.push('', t('lifecycle:myRequests.cancelHint', { id: shortId(pending.id) }));
  await reply(scope, lines.join('\n'));
}

function requestLine(scope: CommandScope, request: LicenseRequest, now: Date): string {
  const { t } = scope;
  return t(request.action === 'assign' ? 'lifecycle:myRequests.lineAssign' : 'lifecycle:myRequests.lineRemove', {
    id: shortId(request.id),
    products: productList(t, request.action === 'assign' ? request.requested : request.remove),
    name: request.target.displayName,
    state: t(`admin:state.${request.state}`),
    age: formatAge(t, request.createdAt, now),
  });
}

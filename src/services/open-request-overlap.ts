/**
 * One open request per person and licence: a new request that touches (adds or removes) a licence an open request
 * for the same person already touches would be a second approval of the same change, or of two changes that undo
 * each other. It is refused with a pointer to the open one.
 */
import type { LicenseRequest } from '../domain/request';

export const OPEN_STATES: readonly LicenseRequest['state'][] = ['pending', 'approved', 'assigning'];

export function overlappingOpenRequest(
  open: readonly LicenseRequest[],
  change: { readonly tenantId: string; readonly targetId: string; readonly add: readonly string[]; readonly remove: readonly string[] },
): LicenseRequest | undefined {
  const touched = new Set([...change.add, ...change.remove]);
  return open.find(
    (request) =>
      OPEN_STATES.includes(request.state) &&
      request.tenantId === change.tenantId &&
      request.target.id === change.targetId &&
      [...request.add, ...request.remove].some((part) => touched.has(part)),
  );
}

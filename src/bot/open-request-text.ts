/** The refusal of a request that overlaps an open one: who, which licences, and the short id to follow or cancel it. */
import type { LicenseRequest } from '../domain/request';
import type { Translate } from '../i18n';
import { shortId } from '../services/bulk/bulk-job';
import { productList } from './explain';

export function overlapsOpenText(t: Translate, open: LicenseRequest): string {
  return t('replies:request.overlapsOpen', { name: open.target.displayName, products: productList(t, [...open.add, ...open.remove]), requestId: shortId(open.id) });
}

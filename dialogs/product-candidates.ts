/**
 * The answer to a product name written with a slip that is close to several products (or with a changed number):
 * "Did you mean Microsoft 365 E5 or Microsoft 365 E3?". Nothing is asked for on a guess; the person writes the
 * request again with the name they meant.
 */
import type { Translate } from '../src/i18n';
import { productName } from '../src/bot/explain';

export function didYouMean(t: Translate, candidates: readonly string[]): string {
  const names = candidates.map((partNumber) => productName(t, partNumber));
  const last = names[names.length - 1] ?? '';
  const products = names.length > 1 ? `${names.slice(0, -1).join(t('replies:listSeparator'))}${t('replies:product.or')}${last}` : last;
  return t('replies:product.didYouMean', { products });
}

/**
 * Turns a rule note's params into the values its explanation ("reasons:<CODE>") interpolates.
 * Notes carry part numbers, plan names and codes; people read product and country names, so the caller passes the
 * localizers (e.g. partNumber => t(`products:${partNumber}`)). The mapping:
 *   partNumber → {{product}}, groupName → {{group}}, in → {{in}}, every parameter that names a product
 *   (alternative, from, to, other, requiredBy, removedWith, coveredBy, e5, in, holding) → its product name,
 *   country → countryName(code) when given. A note with an alternative sets i18next's context "alternative",
 *   which selects "<CODE>_alternative" when that key exists.
 */
import type { RuleNote } from '../decision';

export interface ExplanationLocalizers {
  readonly productName: (partNumber: string) => string;
  readonly countryName?: (countryCode: string) => string;
}

const RENAMED: Readonly<Record<string, string>> = { partNumber: 'product', groupName: 'group' };
const PRODUCT_PARAMS = new Set(['partNumber', 'alternative', 'from', 'to', 'other', 'requiredBy', 'removedWith', 'coveredBy', 'e5', 'in', 'holding']);

export function explanationParams(
  params: RuleNote['params'],
  localizers: ExplanationLocalizers,
): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(params)) {
    let shown = value;
    if (typeof value === 'string' && PRODUCT_PARAMS.has(key)) shown = localizers.productName(value);
    else if (key === 'country' && typeof value === 'string' && localizers.countryName) shown = localizers.countryName(value);
    out[RENAMED[key] ?? key] = shown;
  }
  if (params.alternative !== undefined) out.context = 'alternative';
  return out;
}

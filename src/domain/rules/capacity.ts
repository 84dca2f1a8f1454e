/** Rules 8 and 9: Graph would refuse an assignment without a free seat or without a usage location. */
import type { RuleNote } from '../decision';
import type { Rule } from './draft';
import { usageLocationOf } from './facts';
import { refusal } from './notes';

export const usageLocationIsSet: Rule = (draft) => {
  if (draft.add.length === 0 || usageLocationOf(draft.user)) return {};
  return { notes: [refusal('USAGE_LOCATION_MISSING', { property: 'usageLocation' })] };
};

/** Every added SKU, bundled ones included, needs a free seat; removals only free seats. */
export const seatsAreFree: Rule = (draft) => {
  const notes: RuleNote[] = [];
  for (const partNumber of draft.add) {
    const stock = draft.tenant.skus.find((sku) => sku.partNumber.toUpperCase() === partNumber);
    if (stock === undefined) {
      notes.push(refusal('SKU_NOT_PURCHASED', { partNumber }));
    } else if (stock.enabled - stock.consumed <= 0) {
      notes.push(refusal('NO_FREE_SEATS', { partNumber, enabled: stock.enabled, consumed: stock.consumed }));
    }
  }
  return { notes };
};

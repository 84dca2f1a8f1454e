/** Rules 8 and 9: Graph would refuse an assignment without a free seat or without a usage location. */
import type { RuleNote } from '../decision';
import type { Rule } from './draft';
import { stockOf, usageLocationOf } from './holdings';
import { refusal } from './notes';

export const usageLocationIsSet: Rule = (draft) => {
  if ((draft.add.length === 0 && draft.enable.length === 0) || usageLocationOf(draft.user)) return {};
  return { notes: [refusal('USAGE_LOCATION_MISSING', {})] };
};

/** Every SKU added, bundled ones included, needs a free seat; plans turned on inside a held SKU and removals need none. */
export const seatsAreFree: Rule = (draft) => {
  const notes: RuleNote[] = [];
  for (const partNumber of draft.add) {
    const stock = stockOf(draft.tenant, partNumber);
    if (stock === undefined) {
      notes.push(refusal('SKU_NOT_PURCHASED', { partNumber }));
    } else if (stock.enabled - stock.consumed <= 0) {
      notes.push(refusal('NO_FREE_SEATS', { partNumber: stock.partNumber, enabled: stock.enabled, consumed: stock.consumed }));
    }
  }
  return { notes };
};

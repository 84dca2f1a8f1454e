/**
 * Rule 6: say plainly when an ask changes nothing for the person: the SKU is held, or every plan asked for is already
 * enabled, on its own SKU or inside a suite (Phone System in Microsoft 365 E5, in Office 365 E5, in a SKU the catalog
 * has never heard of: the plans decide).
 */
import type { RuleNote } from '../decision';
import { askPlans, isSkuAsk, type Rule } from './draft';
import { enabledPlansOf, skuPlans, upper } from './holdings';
import { noop } from './notes';

export const nothingToAddTwice: Rule = (draft) => {
  const notes: RuleNote[] = [];
  const withdraw: string[] = [];
  const askedSuites = draft.asks.filter(isSkuAsk);
  for (const ask of draft.asks) {
    const held = draft.holdings.find((holding) => upper(holding.partNumber) === upper(ask));
    if (isSkuAsk(ask)) {
      if (held) {
        notes.push(noop('ALREADY_ASSIGNED', { partNumber: ask }));
        withdraw.push(ask);
      }
      continue;
    }
    const wanted = askPlans(draft, ask);
    const covers = (plans: readonly string[]): boolean => wanted.every((plan) => plans.includes(plan));
    if (held && covers(enabledPlansOf(held))) {
      notes.push(noop('ALREADY_ASSIGNED', { partNumber: ask }));
    } else {
      const suite =
        draft.holdings.find((holding) => covers(enabledPlansOf(holding)))?.partNumber ??
        askedSuites.find((suiteAsk) => covers(skuPlans(draft.tenant, suiteAsk)));
      if (suite !== undefined) {
        notes.push(noop('ALREADY_COVERED_BY_E5', { partNumber: ask, coveredBy: suite }));
      } else if (covers(draft.holdings.flatMap(enabledPlansOf))) {
        notes.push(noop('ALREADY_ASSIGNED', { partNumber: ask }));
      } else {
        continue;
      }
    }
    withdraw.push(ask);
  }
  return { notes, withdraw };
};

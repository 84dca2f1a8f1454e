/**
 * Requests of change ("upgrade Kenji to the international calling plan", "change Alice's calling plan to
 * international", "remplace le forfait de Hugo par le forfait international"): an assign of the target. When two
 * products of one kind are named, the first is what the person holds and the last is what they should get; the
 * licensing rules already replace a held calling plan (or base licence) by the new one in the same change.
 */
import { findProduct } from './catalog';

/** The products to ask for: of each family only the last mentioned; products without a family all stay. */
export function changeTargets(products: readonly string[]): string[] {
  const familyOf = (key: string): string | undefined => findProduct(key)?.family;
  return products.filter((key, index) => {
    const family = familyOf(key);
    return family === undefined || !products.slice(index + 1).some((later) => familyOf(later) === family);
  });
}

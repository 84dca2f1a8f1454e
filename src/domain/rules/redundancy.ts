/** Rule 6: say plainly when a requested licence changes nothing for the user. */
import { findProduct } from '../catalog';
import type { RuleNote } from '../decision';
import type { Rule } from './draft';
import { heldLicense, heldPartNumbers } from './facts';
import { noop } from './notes';

/** A base licence among the candidates that already gives everything the product gives (an E5). */
function coveringBaseLicence(partNumber: string, candidates: readonly string[]): string | undefined {
  const product = findProduct(partNumber);
  if (!product || product.family === 'base' || product.provides.length === 0) return undefined;
  return candidates.find((candidate) => {
    const base = findProduct(candidate);
    return base?.family === 'base' && product.provides.every((capability) => base.provides.includes(capability));
  });
}

export const nothingToAddTwice: Rule = (draft) => {
  const candidates = [...heldPartNumbers(draft.user), ...draft.add];
  const notes: RuleNote[] = [];
  const withdraw: string[] = [];
  for (const partNumber of draft.add) {
    const coveredBy = coveringBaseLicence(partNumber, candidates);
    if (heldLicense(draft.user, partNumber)) {
      notes.push(noop('ALREADY_ASSIGNED', { partNumber }));
    } else if (coveredBy) {
      notes.push(noop('ALREADY_COVERED_BY_E5', { partNumber, coveredBy }));
    } else {
      continue;
    }
    withdraw.push(partNumber);
  }
  return { notes, withdraw };
};

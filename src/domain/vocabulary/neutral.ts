/**
 * Product names written the same way in every language. They name a product but say nothing
 * about the language of the sentence. Catalog part numbers are recognised as well (from the catalog).
 */
import type { ProductPhrases } from './types';

export const NEUTRAL_PRODUCTS: readonly ProductPhrases[] = [
  { partNumber: 'ENTERPRISEPREMIUM', phrases: ['e5', 'office 365 e5', 'o365 e5'] },
  { partNumber: 'ENTERPRISEPACK', phrases: ['e3', 'office 365 e3', 'o365 e3'] },
  { partNumber: 'STANDARDPACK', phrases: ['e1', 'office 365 e1', 'o365 e1'] },
  { partNumber: 'MCOSTANDARD', phrases: ['skype for business online plan 2', 'skype for business plan 2', 'sfb plan 2', 'sfbo plan 2'] },
];

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
  // Today's product names, which Microsoft does not translate. "E5"/"E3" alone keep their 2018 meaning above.
  { partNumber: 'SPE_E5', phrases: ['microsoft 365 e5', 'm365 e5', 'ms 365 e5'] },
  { partNumber: 'SPE_E3', phrases: ['microsoft 365 e3', 'm365 e3', 'ms 365 e3'] },
  { partNumber: 'TEAMS1', phrases: ['teams', 'microsoft teams', 'ms teams'] },
  { partNumber: 'Microsoft_Teams_Enterprise_New', phrases: ['teams enterprise', 'microsoft teams enterprise'] },
  { partNumber: 'MCOEV', phrases: ['teams phone standard', 'microsoft teams phone', 'microsoft teams phone standard'] },
];

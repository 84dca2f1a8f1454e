/**
 * The seeds' 13 SKUs with the service plans Microsoft's table gives them (trimmed to the plans that matter), as a
 * 2018 tenant's subscribedSkus would list them; the credits SKU keeps the seeds' part number, MCOPSTNPP. Plus the
 * suites of today the unit tables need. Shared by the rule tables and the explanation tests.
 */
import type { SkuStock } from '../../src/domain/decision';

export const SEED_SKU_PLANS: Readonly<Record<string, readonly string[]>> = {
  ENTERPRISEPREMIUM: ['EXCHANGE_S_ENTERPRISE', 'TEAMS1', 'MCOSTANDARD', 'MCOEV', 'MCOMEETADV'],
  ENTERPRISEPREMIUM_NOPSTNCONF: ['EXCHANGE_S_ENTERPRISE', 'TEAMS1', 'MCOSTANDARD', 'MCOEV'],
  ENTERPRISEPACK: ['EXCHANGE_S_ENTERPRISE', 'TEAMS1', 'MCOSTANDARD'],
  STANDARDPACK: ['EXCHANGE_S_STANDARD', 'TEAMS1', 'MCOSTANDARD'],
  MCOSTANDARD: ['MCOSTANDARD'],
  MCOEV: ['MCOEV'],
  MCOPSTN1: ['MCOPSTN1'],
  MCOPSTN5: ['MCOPSTN5'],
  MCOPSTN6: ['MCOPSTN6'],
  MCOPSTN2: ['MCOPSTN2', 'MCOSMS2'],
  MCOMEETADV: ['MCOMEETADV'],
  MCOMEETACPEA: ['MCOMEETACPEA'],
  MCOPSTNPP: ['MCOPSTNC'],
};

export const TODAY_SUITE_PLANS: Readonly<Record<string, readonly string[]>> = {
  SPE_E5: ['EXCHANGE_S_ENTERPRISE', 'TEAMS1', 'MCOSTANDARD', 'MCOEV', 'MCOMEETADV'],
  'Microsoft_365_E3_(no_Teams)': ['EXCHANGE_S_ENTERPRISE', 'MCOSTANDARD'],
  Microsoft_Teams_Enterprise_New: ['EXCHANGE_S_DESKLESS', 'TEAMS1', 'MCOIMP'],
};

/** Every SKU of the plan table with 10 seats, 1 used. */
export function stockOf(plans: Readonly<Record<string, readonly string[]>>): SkuStock[] {
  return Object.entries(plans).map(([partNumber, planNames]) => ({ partNumber, plans: planNames, enabled: 10, consumed: 1 }));
}

/**
 * The SKU catalog of the seeds (union of every revision; see shared/LICENSING.md).
 * Part numbers are spelled exactly as Graph's subscribedSkus.skuPartNumber; skuIds are never
 * kept here because they differ per tenant and always come from subscribedSkus.
 */

/** What a SKU gives a user, as far as the licensing rules care. */
export type Capability =
  | 'base'
  | 'phoneSystem'
  | 'audioConferencing'
  | 'domesticCalling'
  | 'internationalCalling'
  | 'communicationsCredits';

export type ProductFamily =
  | 'base'
  | 'phoneSystem'
  | 'callingPlan'
  | 'audioConferencing'
  | 'audioConferencingPayPerMinute'
  | 'communicationsCredits';

export interface Product {
  readonly partNumber: string;
  /** English product name as the seeds print it; localized names live in the i18n resources. */
  readonly productName: string;
  readonly family: ProductFamily;
  readonly provides: readonly Capability[];
  /** ISO 3166 usage locations where the product cannot be assigned. */
  readonly unavailableIn?: readonly string[];
}

export const CATALOG: readonly Product[] = [
  { partNumber: 'ENTERPRISEPREMIUM', productName: 'Enterprise E5 (with Phone System and Audio Conferencing)', family: 'base', provides: ['base', 'phoneSystem', 'audioConferencing'] },
  { partNumber: 'ENTERPRISEPREMIUM_NOPSTNCONF', productName: 'Enterprise E5 (without Audio Conferencing)', family: 'base', provides: ['base', 'phoneSystem'] },
  { partNumber: 'ENTERPRISEPACK', productName: 'Enterprise E3', family: 'base', provides: ['base'] },
  { partNumber: 'STANDARDPACK', productName: 'Enterprise E1', family: 'base', provides: ['base'] },
  { partNumber: 'MCOSTANDARD', productName: 'Skype for Business Online (Plan 2)', family: 'base', provides: ['base'] },
  { partNumber: 'MCOEV', productName: 'Phone System', family: 'phoneSystem', provides: ['phoneSystem'] },
  { partNumber: 'MCOPSTN1', productName: 'Domestic Calling Plan', family: 'callingPlan', provides: ['domesticCalling'] },
  { partNumber: 'MCOPSTN5', productName: 'Domestic Calling Plan (120 minutes)', family: 'callingPlan', provides: ['domesticCalling'], unavailableIn: ['US'] },
  { partNumber: 'MCOPSTN6', productName: 'Domestic Calling Plan (240 minutes)', family: 'callingPlan', provides: ['domesticCalling'], unavailableIn: ['US'] },
  { partNumber: 'MCOPSTN2', productName: 'Domestic & International Calling Plan', family: 'callingPlan', provides: ['domesticCalling', 'internationalCalling'] },
  { partNumber: 'MCOMEETADV', productName: 'Audio Conferencing', family: 'audioConferencing', provides: ['audioConferencing'] },
  { partNumber: 'MCOMEETACPEA', productName: 'Audio Conferencing Pay Per Minute', family: 'audioConferencingPayPerMinute', provides: ['audioConferencing'] },
  { partNumber: 'MCOPSTNPP', productName: 'Communications Credits', family: 'communicationsCredits', provides: ['communicationsCredits'] },
  // Today's asks (issue 14), so that the parser can name them.
  { partNumber: 'SPE_E5', productName: 'Microsoft 365 E5', family: 'base', provides: ['base', 'phoneSystem', 'audioConferencing'] },
  { partNumber: 'SPE_E3', productName: 'Microsoft 365 E3', family: 'base', provides: ['base'] },
  { partNumber: 'Microsoft_365_E5_(no_Teams)', productName: 'Microsoft 365 E5 (no Teams)', family: 'base', provides: ['phoneSystem', 'audioConferencing'] },
  { partNumber: 'Microsoft_365_E3_(no_Teams)', productName: 'Microsoft 365 E3 (no Teams)', family: 'base', provides: [] },
  { partNumber: 'Microsoft_Teams_Enterprise_New', productName: 'Microsoft Teams Enterprise', family: 'base', provides: ['base'] },
  { partNumber: 'TEAMS1', productName: 'Microsoft Teams', family: 'base', provides: ['base'] },
  { partNumber: 'MCOTEAMS_ESSENTIALS', productName: 'Teams Phone with Calling Plan', family: 'phoneSystem', provides: ['phoneSystem', 'domesticCalling'] },
  { partNumber: 'MCOPSTN_PAYG_1', productName: 'Calling Plan pay-as-you-go', family: 'callingPlan', provides: ['domesticCalling'] },
  { partNumber: 'MCOPSTNC', productName: 'Communications Credits', family: 'communicationsCredits', provides: ['communicationsCredits'] },
];

const byPartNumber = new Map(CATALOG.map((product) => [product.partNumber.toUpperCase(), product]));

export function findProduct(partNumber: string): Product | undefined {
  return byPartNumber.get(partNumber.toUpperCase());
}

export function isCatalogPartNumber(partNumber: string): boolean {
  return byPartNumber.has(partNumber.toUpperCase());
}

/** The SKU the seeds' example proposes when a user has no base licence. */
export const DEFAULT_BASE_LICENSE = 'ENTERPRISEPACK';
/** What "calling plan" alone means. */
export const DEFAULT_CALLING_PLAN = 'MCOPSTN1';

/**
 * What people can ask for, and what the rules know about Microsoft's service plans.
 *
 * A tenant's SKUs (skuIds, part numbers, the service plans each carries) always come from Graph's subscribedSkus;
 * nothing here names a skuId. What is fixed here is the meaning of service plan *names*, which Microsoft keeps stable
 * across SKUs ("MCOEV" is Phone System whether it arrives in Microsoft 365 E5, Office 365 E5 or the standalone SKU):
 * the rules reason on enabled plans, so a SKU never seen by name is understood from the plans it carries.
 *
 * An ask (what `request.requested` stores) is a key: either a capability ("MCOEV": Phone System, from any SKU that
 * carries an enabled MCOEV plan) or one SKU by its part number ("SPE_E5": that very SKU). The seeds' 13 part numbers
 * stay understood: their add-ons are capability asks, their suites SKU asks.
 */

/** Groups of service plan names that give the same thing, as far as Teams licensing cares. */
export type Capability =
  | 'teams'
  | 'skypeBase'
  | 'phoneSystem'
  | 'audioConferencing'
  | 'callingPlan'
  | 'internationalCalling'
  | 'communicationsCredits';

export const CAPABILITY_PLANS: Readonly<Record<Capability, readonly string[]>> = {
  teams: ['TEAMS1', 'TEAMS_GOV', 'TEAMS_AR_GCCHIGH', 'TEAMS_AR_DOD'],
  // The Skype for Business Online plans Phone System and the meeting add-ons ride on (Graph's dependency check).
  skypeBase: ['MCOSTANDARD', 'MCOSTANDARD_GOV', 'MCOSTANDARD_MIDMARKET', 'MCOIMP', 'MCOIMP_GOV', 'MCOLITE'],
  phoneSystem: ['MCOEV', 'MCOEV_GOV', 'MCOEVSMB'],
  audioConferencing: ['MCOMEETADV', 'MCOMEETADV_GOV', 'MCOMEETADV_AR_GCCHigh', 'MCOMEETBASIC', 'MCOMEETBASIC_GOV', 'MCOMEETACPEA', 'MCOACBYOT_GCCHigh'],
  // Every PSTN calling plan; Graph lets a user hold one at a time.
  callingPlan: ['MCOPSTN1', 'MCOPSTN1_GOV', 'MCOPSTN2', 'MCOPSTN3', 'MCOPSTN5', 'MCOPSTN6', 'MCOPSTN8', 'MCOPSTNEAU', 'MCOPSTN_PAYG_1'],
  internationalCalling: ['MCOPSTN2'],
  communicationsCredits: ['MCOPSTNC'],
};

const planCapabilities = new Map<string, Capability[]>();
for (const [capability, plans] of Object.entries(CAPABILITY_PLANS) as [Capability, readonly string[]][]) {
  for (const plan of plans) planCapabilities.set(plan.toUpperCase(), [...(planCapabilities.get(plan.toUpperCase()) ?? []), capability]);
}

export function planGives(planName: string, capability: Capability): boolean {
  return planCapabilities.get(planName.toUpperCase())?.includes(capability) ?? false;
}

export function isCallingPlanPlan(planName: string): boolean {
  return planGives(planName, 'callingPlan');
}

export type ProductFamily =
  | 'base'
  | 'teams'
  | 'phoneSystem'
  | 'callingPlan'
  | 'audioConferencing'
  | 'audioConferencingPayPerMinute'
  | 'communicationsCredits';

export interface Product {
  /** The ask's key: a service plan name for a capability ask, a skuPartNumber for a SKU ask. */
  readonly partNumber: string;
  /** English name, for code and logs; people read the localized names of src/i18n/locales/<locale>/products.json. */
  readonly productName: string;
  readonly family: ProductFamily;
  /** A capability ask: every one of these plans must end up enabled. Absent: a SKU ask for `partNumber` itself. */
  readonly plans?: readonly string[];
  /** ISO 3166 usage locations where the plan cannot be assigned. */
  readonly unavailableIn?: readonly string[];
}

export const CATALOG: readonly Product[] = [
  // SKU asks: suites, by part number (the seeds' and today's).
  { partNumber: 'ENTERPRISEPREMIUM', productName: 'Office 365 E5', family: 'base' },
  { partNumber: 'ENTERPRISEPREMIUM_NOPSTNCONF', productName: 'Office 365 E5 without Audio Conferencing', family: 'base' },
  { partNumber: 'ENTERPRISEPACK', productName: 'Office 365 E3', family: 'base' },
  { partNumber: 'STANDARDPACK', productName: 'Office 365 E1', family: 'base' },
  { partNumber: 'MCOSTANDARD', productName: 'Skype for Business Online (Plan 2)', family: 'base' },
  { partNumber: 'SPE_E5', productName: 'Microsoft 365 E5', family: 'base' },
  { partNumber: 'SPE_E3', productName: 'Microsoft 365 E3', family: 'base' },
  { partNumber: 'Microsoft_365_E5_(no_Teams)', productName: 'Microsoft 365 E5 (no Teams)', family: 'base' },
  { partNumber: 'Microsoft_365_E3_(no_Teams)', productName: 'Microsoft 365 E3 (no Teams)', family: 'base' },
  { partNumber: 'Microsoft_Teams_Enterprise_New', productName: 'Microsoft Teams Enterprise', family: 'teams' },
  // Capability asks: whichever SKU carries the plan, or the plan turned on inside one the person holds.
  { partNumber: 'TEAMS1', productName: 'Microsoft Teams', family: 'teams', plans: ['TEAMS1'] },
  { partNumber: 'MCOEV', productName: 'Phone System (Teams Phone Standard)', family: 'phoneSystem', plans: ['MCOEV'] },
  { partNumber: 'MCOTEAMS_ESSENTIALS', productName: 'Teams Phone with Calling Plan', family: 'callingPlan', plans: ['MCOEV', 'MCOPSTN1'] },
  { partNumber: 'MCOPSTN1', productName: 'Domestic Calling Plan', family: 'callingPlan', plans: ['MCOPSTN1'] },
  { partNumber: 'MCOPSTN5', productName: 'Domestic Calling Plan (120 minutes)', family: 'callingPlan', plans: ['MCOPSTN5'], unavailableIn: ['US'] },
  { partNumber: 'MCOPSTN6', productName: 'Domestic Calling Plan (240 minutes)', family: 'callingPlan', plans: ['MCOPSTN6'], unavailableIn: ['US'] },
  { partNumber: 'MCOPSTN2', productName: 'Domestic and International Calling Plan', family: 'callingPlan', plans: ['MCOPSTN2'] },
  { partNumber: 'MCOPSTN_PAYG_1', productName: 'Calling Plan pay-as-you-go', family: 'callingPlan', plans: ['MCOPSTN_PAYG_1'] },
  { partNumber: 'MCOPSTN3', productName: 'PSTN Usage Calling Plan', family: 'callingPlan', plans: ['MCOPSTN3'] },
  { partNumber: 'MCOMEETADV', productName: 'Audio Conferencing', family: 'audioConferencing', plans: ['MCOMEETADV'] },
  { partNumber: 'MCOMEETACPEA', productName: 'Audio Conferencing Pay Per Minute', family: 'audioConferencingPayPerMinute', plans: ['MCOMEETACPEA'] },
  { partNumber: 'MCOPSTNC', productName: 'Communications Credits', family: 'communicationsCredits', plans: ['MCOPSTNC'] },
];

/**
 * The seeds print MCOPSTNPP for Communications Credits; today's table shows that part number is the "PSTN Usage
 * Calling Plan" and Communications Credits are MCOPSTNC. An ask stored or typed with the seeds' spelling means credits.
 */
export const ASK_ALIASES: Readonly<Record<string, string>> = { MCOPSTNPP: 'MCOPSTNC', MCOPSTN_6: 'MCOPSTN6' };

const byKey = new Map(CATALOG.map((product) => [product.partNumber.toUpperCase(), product]));

/** The ask's canonical key (aliases resolved, Microsoft's spelling of known keys); unknown keys unchanged but trimmed. */
export function canonicalAsk(key: string): string {
  const upper = key.trim().toUpperCase();
  const aliased = ASK_ALIASES[upper] ?? upper;
  return byKey.get(aliased)?.partNumber ?? key.trim();
}

export function findProduct(key: string): Product | undefined {
  return byKey.get(canonicalAsk(key).toUpperCase());
}

export function isCatalogPartNumber(key: string): boolean {
  return findProduct(key) !== undefined;
}

/** The SKU the seeds' example proposes when a user has no base licence and the tenant owns it. */
export const DEFAULT_BASE_LICENSE = 'ENTERPRISEPACK';
/** What "calling plan" alone means. */
export const DEFAULT_CALLING_PLAN = 'MCOPSTN1';
/** Plans that must not be used in the given usage locations, whatever SKU carries them. */
export function planUnavailableIn(planName: string, country: string): boolean {
  return CATALOG.some((product) => product.plans?.length === 1 && product.plans[0] === planName.toUpperCase() && product.unavailableIn?.includes(country));
}

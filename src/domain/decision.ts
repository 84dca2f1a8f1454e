/**
 * The shapes the licensing rules read and produce. Pure data: no botbuilder, no Graph.
 * Reason codes are stable identifiers; each has a localized explanation, "reasons:<CODE>" in
 * src/i18n/locales/<locale>/reasons.json (tests check that every code has one).
 */

export type LicenseAction = 'assign' | 'remove';

/** A licence the user holds, as Graph reports it (assignedLicenses + licenseAssignmentStates). */
export interface HeldLicense {
  readonly partNumber: string;
  readonly assignedDirectly: boolean;
  /** Groups the licence is inherited from (licenseAssignmentStates[].assignedByGroup). */
  readonly inheritedFrom: readonly { readonly groupId: string; readonly groupName?: string }[];
  /** Service plan names switched off in this SKU for the user (Graph's disabledPlans, by name). */
  readonly disabledPlans?: readonly string[];
}

export interface UserFacts {
  readonly userId: string;
  readonly displayName: string;
  /** Two-letter country code, or null when Graph has none. */
  readonly usageLocation: string | null;
  readonly licenses: readonly HeldLicense[];
  /** Member of ONPREM_PSTN_GROUP_ID: hybrid user with on-premises PSTN connectivity. */
  readonly isHybridPstn: boolean;
}

/** One SKU the tenant subscribes to (from subscribedSkus). */
export interface SkuStock {
  readonly partNumber: string;
  /** prepaidUnits.enabled */
  readonly enabled: number;
  readonly consumed: number;
  /** The names of the service plans the SKU carries (subscribedSkus.servicePlans). */
  readonly plans?: readonly string[];
}

export interface TenantFacts {
  /** Every SKU the tenant has; one absent here is not purchased. */
  readonly skus: readonly SkuStock[];
}

/** Service plans turned on or off inside a SKU the user already holds directly: no seat is used or freed. */
export interface PlanChange {
  readonly partNumber: string;
  readonly enable: readonly string[];
  readonly disable: readonly string[];
}

export interface LicenseChangeRequest {
  readonly action: LicenseAction;
  /** Part numbers as the requester asked for them (catalog part numbers). */
  readonly requested: readonly string[];
}

export type ReasonCode =
  // refusals: nothing is sent for approval
  | 'HYBRID_PSTN_NO_CALLING_PLAN'
  | 'MULTIPLE_CALLING_PLANS'
  | 'NOT_AVAILABLE_IN_COUNTRY'
  | 'COMMUNICATIONS_CREDITS_NOT_SET_UP'
  | 'COMMUNICATIONS_CREDITS_NEED_CONFERENCING_OR_CALLING'
  | 'NO_FREE_SEATS'
  | 'SKU_NOT_PURCHASED'
  | 'USAGE_LOCATION_MISSING'
  | 'TEAMS_NEEDED'
  | 'GROUP_ASSIGNED_CANNOT_REMOVE'
  // no-ops: said plainly, nothing to do for that licence
  | 'ALREADY_ASSIGNED'
  | 'ALREADY_COVERED_BY_E5'
  | 'NOT_ASSIGNED'
  // changes the rules made to the request (shown on the summary and the card)
  | 'PHONE_SYSTEM_ADDED_FOR_CALLING_PLAN'
  | 'BASE_LICENSE_ADDED'
  | 'CALLING_PLAN_UPGRADE'
  | 'CALLING_PLAN_DOWNGRADE'
  | 'CALLING_PLAN_REMOVED_WITH_PHONE_SYSTEM'
  | 'PLAN_TURNED_ON'
  | 'PLAN_TURNED_OFF_IN_SUITE'
  | 'TEAMS_ADDED'
  // advice: never blocking
  | 'COMMUNICATIONS_CREDITS_RECOMMENDED_FOR_E5'
  | 'CALLING_PLAN_LATENCY'
  | 'NEXT_STEP_PHONE_NUMBERS'
  | 'NEXT_STEP_CONFERENCING_PROVIDER'
  | 'THIRD_PARTY_CONFERENCING_SWITCH';

export type NoteKind = 'refusal' | 'noop' | 'change' | 'advice';

export interface RuleNote {
  readonly code: ReasonCode;
  readonly kind: NoteKind;
  /** Values the explanation interpolates: part numbers, group names, counts, country codes. */
  readonly params: Readonly<Record<string, string | number>>;
}

export interface Decision {
  /**
   * proceed: there is something to add or remove and nothing refused.
   * refused: at least one refusal; nothing may be sent for approval.
   * noop: nothing to change (everything already as asked).
   */
  readonly outcome: 'proceed' | 'refused' | 'noop';
  /** Part numbers to add in the single assignLicense call (bundled ones included). */
  readonly add: readonly string[];
  /** Part numbers to remove in the same call. */
  readonly remove: readonly string[];
  /** Plans turned on or off inside SKUs the user holds, in the same call. */
  readonly planChanges: readonly PlanChange[];
  readonly notes: readonly RuleNote[];
  /**
   * When a base licence had to be proposed and the tenant owns several that fit (with free seats): all of them, the
   * proposed one first. The requester may pick another; the request is evaluated again with it.
   */
  readonly baseOptions?: readonly string[];
}

/**
 * Runtime lists of every code that has an explanation in the "reasons" namespace, so tests and
 * callers can enumerate them. The type checks below keep RULE_REASON_CODES in step with ReasonCode.
 */
import type { ReasonCode } from './decision';


export const RULE_REASON_CODES = [
  'HYBRID_PSTN_NO_CALLING_PLAN',
  'NOT_AVAILABLE_IN_COUNTRY',
  'COMMUNICATIONS_CREDITS_NOT_SET_UP',
  'COMMUNICATIONS_CREDITS_NEED_CONFERENCING_OR_CALLING',
  'NO_FREE_SEATS',
  'SKU_NOT_PURCHASED',
  'USAGE_LOCATION_MISSING',
  'GROUP_ASSIGNED_CANNOT_REMOVE',
  'ALREADY_ASSIGNED',
  'ALREADY_COVERED_BY_E5',
  'NOT_ASSIGNED',
  'PHONE_SYSTEM_ADDED_FOR_CALLING_PLAN',
  'BASE_LICENSE_ADDED',
  'CALLING_PLAN_UPGRADE',
  'CALLING_PLAN_DOWNGRADE',
  'CALLING_PLAN_REMOVED_WITH_PHONE_SYSTEM',
  'COMMUNICATIONS_CREDITS_RECOMMENDED_FOR_E5',
  'CALLING_PLAN_LATENCY',
  'NEXT_STEP_PHONE_NUMBERS',
  'NEXT_STEP_CONFERENCING_PROVIDER',
  'THIRD_PARTY_CONFERENCING_SWITCH',
  'MULTIPLE_CALLING_PLANS',
  'PLAN_TURNED_ON',
  'PLAN_TURNED_OFF_IN_SUITE',
  'TEAMS_ADDED',
  'TEAMS_NEEDED',
] as const satisfies readonly ReasonCode[];

// Compile-time proof that no ReasonCode is missing from the list above.
const everyReasonCodeListed: [Exclude<ReasonCode, (typeof RULE_REASON_CODES)[number]>] extends [never] ? true : false = true;
void everyReasonCodeListed;

/** Graph failures, classified by the Graph gateway (DirectoryError.reason). */
export const GRAPH_REASON_CODES = [
  'GRAPH_USAGE_LOCATION',
  'GRAPH_MUTUALLY_EXCLUSIVE',
  'GRAPH_DEPENDENCY',
  'GRAPH_NO_LICENSES',
  'GRAPH_GROUP_INHERITED',
  'GRAPH_USER_NOT_FOUND',
  'GRAPH_THROTTLED',
  'GRAPH_FORBIDDEN',
  'GRAPH_UNAVAILABLE',
  'GRAPH_UNKNOWN_SKU',
  'GRAPH_UNKNOWN',
] as const;
export type GraphReasonCode = (typeof GRAPH_REASON_CODES)[number];

/** Why an actor may not decide on a request, or why no approver could be found. */
export const APPROVAL_REASON_CODES = [
  'NOT_AN_APPROVER',
  'REQUESTER_CANNOT_APPROVE',
  'TARGET_CANNOT_APPROVE',
  'OTHER_TENANT',
  'ALREADY_DECIDED',
  'NO_APPROVER',
] as const;
export type ApprovalReasonCode = (typeof APPROVAL_REASON_CODES)[number];

/** Refusals of the request state machine that are not approval decisions. */
export const TRANSITION_REASON_CODES = ['INVALID_TRANSITION'] as const;
export type TransitionReasonCode = (typeof TRANSITION_REASON_CODES)[number];

/** Every key of the "reasons" namespace. */
export const REASON_CODES = [
  ...RULE_REASON_CODES,
  ...GRAPH_REASON_CODES,
  ...APPROVAL_REASON_CODES,
  ...TRANSITION_REASON_CODES,
] as const;

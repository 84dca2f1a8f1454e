/**
 * The rules on a tenant of today's SKUs: capabilities come from service plans, whatever the SKU is called. Each row is
 * a person, what is asked, and the change the rules decide (SKUs added and removed, plans turned on or off inside held
 * SKUs) with its notes. Plans are Microsoft's names; the SKUs' plan lists are trimmed to the plans that matter.
 */
import assert from 'node:assert/strict';
import type { Decision, HeldLicense, LicenseAction, PlanChange, TenantFacts, UserFacts } from '../../src/domain/decision';
import { evaluate } from '../../src/domain/rules';

const SUITE = ['EXCHANGE_S_ENTERPRISE', 'SHAREPOINTENTERPRISE', 'OFFICESUBSCRIPTION'];
const TODAY_SKUS: Readonly<Record<string, readonly string[]>> = {
  SPE_E5: [...SUITE, 'TEAMS1', 'MCOSTANDARD', 'MCOEV', 'MCOMEETADV'],
  SPE_E3: [...SUITE, 'TEAMS1', 'MCOSTANDARD'],
  'Microsoft_365_E5_(no_Teams)': [...SUITE, 'MCOSTANDARD', 'MCOEV', 'MCOMEETADV'],
  'Microsoft_365_E3_(no_Teams)': [...SUITE, 'MCOSTANDARD'],
  Microsoft_Teams_Enterprise_New: ['EXCHANGE_S_DESKLESS', 'TEAMS1', 'MCOIMP', 'SHAREPOINTWAC'],
  MCOEV: ['MCOEV'],
  MCOTEAMS_ESSENTIALS: ['MCOEV', 'MCOPSTN1'],
  MCOMEETADV: ['MCOMEETADV'],
  MCOPSTNC: ['MCOPSTNC'],
  'Microsoft_Teams_Calling_Plan_pay_as_you_go_(country_zone_1)': ['MCOPSTN_PAYG_1', 'MCOSMS_PAYG_1'],
  // A SKU the catalog has never heard of: understood from its plans.
  CONTOSO_VOICE_BUNDLE: ['TEAMS1', 'MCOSTANDARD', 'MCOEV'],
};

/** SKUs a row may add to the tenant. */
const OTHER_SKUS: Readonly<Record<string, readonly string[]>> = { MCOPSTN1: ['MCOPSTN1'], MCOPSTN2: ['MCOPSTN2', 'MCOSMS2'] };

type Seats = Readonly<Record<string, readonly [number, number] | null>>;

function tenant(seats: Seats = {}): TenantFacts {
  const names = [...new Set([...Object.keys(TODAY_SKUS), ...Object.keys(seats)])].filter((name) => seats[name] !== null);
  const plans = (partNumber: string): readonly string[] => TODAY_SKUS[partNumber] ?? OTHER_SKUS[partNumber] ?? [];
  return { skus: names.map((partNumber) => ({ partNumber, plans: plans(partNumber), enabled: seats[partNumber]?.[0] ?? 20, consumed: seats[partNumber]?.[1] ?? 5 })) };
}

type Holding = string | { readonly sku: string; readonly off?: readonly string[]; readonly group?: string };

function user(holds: readonly Holding[], extra: Partial<UserFacts> = {}): UserFacts {
  const licenses = holds.map((held): HeldLicense => {
    const spec = typeof held === 'string' ? { sku: held } : held;
    return {
      partNumber: spec.sku,
      assignedDirectly: spec.group === undefined,
      inheritedFrom: spec.group === undefined ? [] : [{ groupId: 'g1', groupName: spec.group }],
      ...(spec.off ? { disabledPlans: spec.off } : {}),
    };
  });
  return { userId: 'u1', displayName: 'Uma', usageLocation: 'GB', licenses, isHybridPstn: false, ...extra };
}

interface Case {
  readonly name: string;
  readonly action?: LicenseAction;
  readonly asks: readonly string[];
  readonly user: UserFacts;
  readonly tenant?: TenantFacts;
  readonly outcome: Decision['outcome'];
  readonly add?: readonly string[];
  readonly remove?: readonly string[];
  readonly planChanges?: readonly PlanChange[];
  readonly codes?: readonly string[];
}

const CASES: readonly Case[] = [
  // Capabilities inside today's suites
  { name: 'E5 user, calling plan: only the plan (E5 carries Phone System)', asks: ['MCOPSTN1'], user: user(['SPE_E5']), outcome: 'proceed', add: ['MCOTEAMS_ESSENTIALS'], codes: [] },
  { name: 'E5 user, phone system: already in Microsoft 365 E5', asks: ['MCOEV'], user: user(['SPE_E5']), outcome: 'noop', codes: ['ALREADY_COVERED_BY_E5'] },
  { name: 'E5 user, audio conferencing: already in E5', asks: ['MCOMEETADV'], user: user(['SPE_E5']), outcome: 'noop', codes: ['ALREADY_COVERED_BY_E5'] },
  { name: 'E3 user, phone system: the Teams Phone Standard add-on', asks: ['MCOEV'], user: user(['SPE_E3']), outcome: 'proceed', add: ['MCOEV'], codes: [] },
  {
    name: 'E3 user, calling plan, no standalone plan owned: Teams Phone with Calling Plan covers both',
    asks: ['MCOPSTN1'],
    user: user(['SPE_E3']),
    outcome: 'proceed',
    add: ['MCOTEAMS_ESSENTIALS'],
    codes: ['PHONE_SYSTEM_ADDED_FOR_CALLING_PLAN'],
  },
  { name: 'asking for Teams Phone with Calling Plan itself', asks: ['MCOTEAMS_ESSENTIALS'], user: user(['SPE_E3']), outcome: 'proceed', add: ['MCOTEAMS_ESSENTIALS'], codes: [] },
  {
    name: 'with standalone MCOEV and MCOPSTN1 owned, the add-ons are proposed (2018 path)',
    asks: ['MCOPSTN1'],
    user: user(['SPE_E3']),
    tenant: tenant({ MCOPSTN1: [10, 0] }),
    outcome: 'proceed',
    add: ['MCOEV', 'MCOPSTN1'],
    codes: ['PHONE_SYSTEM_ADDED_FOR_CALLING_PLAN'],
  },
  { name: 'a SKU never heard of that carries MCOEV gives Phone System', asks: ['MCOEV'], user: user(['CONTOSO_VOICE_BUNDLE']), outcome: 'noop', codes: ['ALREADY_COVERED_BY_E5'] },
  { name: 'pay-as-you-go calling plan for an E5 user', asks: ['MCOPSTN_PAYG_1'], user: user(['SPE_E5']), outcome: 'proceed', add: ['Microsoft_Teams_Calling_Plan_pay_as_you_go_(country_zone_1)'], codes: [] },
  // Plans switched off inside a held SKU: turned on, no seat
  {
    name: 'Phone System disabled inside E5: turned on there, no seat used',
    asks: ['MCOEV'],
    user: user([{ sku: 'SPE_E5', off: ['MCOEV'] }]),
    tenant: tenant({ MCOEV: [5, 5] }),
    outcome: 'proceed',
    planChanges: [{ partNumber: 'SPE_E5', enable: ['MCOEV'], disable: [] }],
    codes: ['PLAN_TURNED_ON'],
  },
  {
    name: 'Teams disabled inside E3: turned on for Phone System, with its Skype base plan',
    asks: ['MCOEV'],
    user: user([{ sku: 'SPE_E3', off: ['TEAMS1', 'MCOSTANDARD'] }]),
    outcome: 'proceed',
    add: ['MCOEV'],
    planChanges: [{ partNumber: 'SPE_E3', enable: ['TEAMS1', 'MCOSTANDARD'], disable: [] }],
    codes: ['PLAN_TURNED_ON'],
  },
  {
    name: 'a plan disabled in a group-assigned SKU cannot be turned on directly: the add-on instead',
    asks: ['MCOEV'],
    user: user([{ sku: 'SPE_E5', off: ['MCOEV'], group: 'All staff' }]),
    outcome: 'proceed',
    add: ['MCOEV'],
    codes: [],
  },
  // Suites without Teams
  {
    name: 'E5 (no Teams) + Teams Enterprise, calling plan: only the plan',
    asks: ['MCOPSTN1'],
    user: user(['Microsoft_365_E5_(no_Teams)', 'Microsoft_Teams_Enterprise_New']),
    outcome: 'proceed',
    add: ['MCOTEAMS_ESSENTIALS'],
    codes: [],
  },
  {
    name: 'E5 (no Teams) alone, calling plan: Teams Enterprise first, then the plan',
    asks: ['MCOPSTN1'],
    user: user(['Microsoft_365_E5_(no_Teams)']),
    outcome: 'proceed',
    add: ['Microsoft_Teams_Enterprise_New', 'MCOTEAMS_ESSENTIALS'],
    codes: ['TEAMS_ADDED'],
  },
  {
    name: 'E3 (no Teams) alone, phone system: Teams Enterprise + Teams Phone Standard',
    asks: ['MCOEV'],
    user: user(['Microsoft_365_E3_(no_Teams)']),
    outcome: 'proceed',
    add: ['Microsoft_Teams_Enterprise_New', 'MCOEV'],
    codes: ['TEAMS_ADDED'],
  },
  {
    name: 'no-Teams suite and no Teams licence owned: refused with the reason',
    asks: ['MCOEV'],
    user: user(['Microsoft_365_E3_(no_Teams)']),
    tenant: tenant({ Microsoft_Teams_Enterprise_New: null, CONTOSO_VOICE_BUNDLE: null }),
    outcome: 'refused',
    codes: ['TEAMS_NEEDED'],
  },
  {
    name: 'nobody is given a SKU the tenant has not bought: no MCOEV of any kind',
    asks: ['MCOEV'],
    user: user(['SPE_E3']),
    tenant: tenant({ MCOEV: null, MCOTEAMS_ESSENTIALS: null, CONTOSO_VOICE_BUNDLE: null }),
    outcome: 'refused',
    add: ['MCOEV'],
    codes: ['SKU_NOT_PURCHASED'],
  },
  {
    name: 'no licence at all: a base licence with Teams the tenant owns (cheapest first; the others offered)',
    asks: ['MCOEV'],
    user: user([]),
    outcome: 'proceed',
    add: ['SPE_E3', 'MCOEV'],
    codes: ['BASE_LICENSE_ADDED'],
  },
  // Calling plans exclude each other, inside bundles too
  {
    name: 'Teams Phone with Calling Plan held, international asked: the bundle keeps Phone System, its plan turned off',
    asks: ['MCOPSTN2'],
    user: user(['SPE_E3', 'MCOTEAMS_ESSENTIALS']),
    tenant: tenant({ MCOPSTN2: [5, 0] }),
    outcome: 'proceed',
    add: ['MCOPSTN2'],
    planChanges: [{ partNumber: 'MCOTEAMS_ESSENTIALS', enable: [], disable: ['MCOPSTN1'] }],
    codes: ['CALLING_PLAN_UPGRADE'],
  },
  { name: 'two calling plans at once are refused', asks: ['MCOPSTN1', 'MCOPSTN_PAYG_1'], user: user(['SPE_E5']), outcome: 'refused', codes: ['MULTIPLE_CALLING_PLANS'] },
  // Rules of the seeds on plans
  {
    name: 'hybrid user: no calling plan, whatever bundle carries it',
    asks: ['MCOTEAMS_ESSENTIALS'],
    user: user(['SPE_E3'], { isHybridPstn: true }),
    outcome: 'refused',
    codes: ['HYBRID_PSTN_NO_CALLING_PLAN'],
  },
  {
    name: 'hybrid user, phone system: the add-on, never the bundle with a calling plan',
    asks: ['MCOEV'],
    user: user(['SPE_E3'], { isHybridPstn: true }),
    tenant: tenant({ MCOEV: [5, 5], CONTOSO_VOICE_BUNDLE: null }),
    outcome: 'refused',
    add: ['MCOEV'],
    codes: ['NO_FREE_SEATS'],
  },
  { name: 'the 240-minute plan is not sold in the US', asks: ['MCOPSTN6'], user: user(['SPE_E5'], { usageLocation: 'US' }), outcome: 'refused', codes: ['NOT_AVAILABLE_IN_COUNTRY'] },
  { name: 'credits for an E5 user (Audio Conferencing inside E5)', asks: ['MCOPSTNC'], user: user(['SPE_E5']), outcome: 'proceed', add: ['MCOPSTNC'], codes: [] },
  { name: 'credits for an E3 user with nothing else: refused', asks: ['MCOPSTNC'], user: user(['SPE_E3']), outcome: 'refused', codes: ['COMMUNICATIONS_CREDITS_NEED_CONFERENCING_OR_CALLING'] },
  { name: "the seeds' MCOPSTNPP still means Communications Credits", asks: ['MCOPSTNPP'], user: user(['SPE_E5']), outcome: 'proceed', add: ['MCOPSTNC'], codes: [] },
  // Removal of what comes inside a suite
  {
    name: 'remove Phone System from an E5 user: turned off inside E5, E5 stays',
    action: 'remove',
    asks: ['MCOEV'],
    user: user(['SPE_E5']),
    outcome: 'proceed',
    planChanges: [{ partNumber: 'SPE_E5', enable: [], disable: ['MCOEV'] }],
    codes: ['PLAN_TURNED_OFF_IN_SUITE'],
  },
  {
    name: 'remove Phone System from an E5 user with a calling plan bundle: off inside E5, the emptied bundle removed',
    action: 'remove',
    asks: ['MCOEV'],
    user: user(['SPE_E5', 'MCOTEAMS_ESSENTIALS']),
    outcome: 'proceed',
    remove: ['MCOTEAMS_ESSENTIALS'],
    planChanges: [{ partNumber: 'SPE_E5', enable: [], disable: ['MCOEV'] }],
    codes: ['PLAN_TURNED_OFF_IN_SUITE', 'PLAN_TURNED_OFF_IN_SUITE', 'CALLING_PLAN_REMOVED_WITH_PHONE_SYSTEM'],
  },
  {
    name: 'remove the calling plan inside Teams Phone with Calling Plan: that plan off, Phone System stays',
    action: 'remove',
    asks: ['MCOPSTN1'],
    user: user(['SPE_E3', 'MCOTEAMS_ESSENTIALS']),
    outcome: 'proceed',
    planChanges: [{ partNumber: 'MCOTEAMS_ESSENTIALS', enable: [], disable: ['MCOPSTN1'] }],
    codes: ['PLAN_TURNED_OFF_IN_SUITE'],
  },
  {
    name: 'remove Phone System that comes from a group: refused',
    action: 'remove',
    asks: ['MCOEV'],
    user: user(['SPE_E3', { sku: 'MCOEV', group: 'Voice by group' }]),
    outcome: 'refused',
    codes: ['GROUP_ASSIGNED_CANNOT_REMOVE'],
  },
  { name: 'remove a plan already switched off: nothing to do', action: 'remove', asks: ['MCOEV'], user: user([{ sku: 'SPE_E5', off: ['MCOEV'] }]), outcome: 'noop', codes: ['NOT_ASSIGNED'] },
];

describe('rules on service plans (a tenant of today\'s SKUs)', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const decision = evaluate({ action: c.action ?? 'assign', requested: c.asks }, c.user, c.tenant ?? tenant());
      const context = JSON.stringify(decision);
      assert.equal(decision.outcome, c.outcome, context);
      if (c.add) assert.deepEqual(decision.add, c.add, context);
      assert.deepEqual(decision.remove, c.remove ?? [], context);
      assert.deepEqual(decision.planChanges, c.planChanges ?? [], context);
      if (c.codes) assert.deepEqual(decision.notes.map((note) => note.code), c.codes, context);
    });
  }

  it('offers the other base licences the tenant owns with free seats, the proposed one first', () => {
    const decision = evaluate({ action: 'assign', requested: ['MCOEV'] }, user([]), tenant());
    assert.deepEqual(decision.baseOptions, ['SPE_E3', 'SPE_E5']);
  });
});

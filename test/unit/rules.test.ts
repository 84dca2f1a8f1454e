import assert from 'node:assert/strict';
import { CATALOG, findProduct } from '../../src/domain/catalog';
import type {
  Decision,
  HeldLicense,
  LicenseAction,
  NoteKind,
  SkuStock,
  TenantFacts,
  UserFacts,
} from '../../src/domain/decision';
import { SEED_SKU_PLANS } from './seed-skus';
import { adviceAfterSuccess, communicationsCreditsSetUp, evaluate, freeSeats, seatCounts, type EvaluateOptions } from '../../src/domain/rules';

const direct = (partNumber: string): HeldLicense => ({ partNumber, assignedDirectly: true, inheritedFrom: [] });
const viaGroup = (partNumber: string): HeldLicense => ({
  partNumber,
  assignedDirectly: false,
  inheritedFrom: [{ groupId: 'group-voice', groupName: 'Voice users' }],
});
const viaUnnamedGroup = (partNumber: string): HeldLicense => ({
  partNumber,
  assignedDirectly: false,
  inheritedFrom: [{ groupId: 'group-voice' }],
});
const directAndGroup = (partNumber: string): HeldLicense => ({ ...viaGroup(partNumber), assignedDirectly: true });

interface UserSpec {
  readonly holds?: readonly (string | HeldLicense)[];
  readonly usageLocation?: string | null;
  readonly hybrid?: boolean;
}

function user(spec: UserSpec = {}): UserFacts {
  return {
    userId: 'user-alice',
    displayName: 'Alice',
    usageLocation: spec.usageLocation === undefined ? 'GB' : spec.usageLocation,
    licenses: (spec.holds ?? []).map((held) => (typeof held === 'string' ? direct(held) : held)),
    isHybridPstn: spec.hybrid ?? false,
  };
}

type StockOverride = Omit<SkuStock, 'partNumber' | 'plans'> & { readonly plans?: readonly string[] };

/** Every seed SKU with 10 seats, 1 used; overrides replace, drop (null) or add single SKUs. */
function tenant(overrides: Readonly<Record<string, StockOverride | null>> = {}): TenantFacts {
  const partNumbers = [...new Set([...Object.keys(SEED_SKU_PLANS), ...Object.keys(overrides)])];
  const skus = partNumbers
    .filter((partNumber) => overrides[partNumber] !== null)
    .map((partNumber) => ({ partNumber, plans: SEED_SKU_PLANS[partNumber] ?? [], enabled: 10, consumed: 1, ...(overrides[partNumber] ?? {}) }));
  return { skus };
}

const E3 = 'ENTERPRISEPACK';

interface ExpectedNote {
  readonly code: string;
  readonly kind: NoteKind;
  readonly params?: Readonly<Record<string, string | number>>;
}
const refusal = (code: string, params?: ExpectedNote['params']): ExpectedNote => ({ code, kind: 'refusal', ...(params ? { params } : {}) });
const noop = (code: string, params?: ExpectedNote['params']): ExpectedNote => ({ code, kind: 'noop', ...(params ? { params } : {}) });
const change = (code: string, params?: ExpectedNote['params']): ExpectedNote => ({ code, kind: 'change', ...(params ? { params } : {}) });

interface Case {
  readonly name: string;
  readonly action?: LicenseAction;
  readonly requested: readonly string[];
  readonly user?: UserSpec;
  readonly tenant?: TenantFacts;
  readonly options?: EvaluateOptions;
  readonly outcome: Decision['outcome'];
  readonly add?: readonly string[];
  readonly remove?: readonly string[];
  /** All notes, in order; params are compared when given. */
  readonly notes?: readonly ExpectedNote[];
}

function decide(c: Case): Decision {
  return evaluate({ action: c.action ?? 'assign', requested: c.requested }, user(c.user), c.tenant ?? tenant(), c.options);
}

function check(c: Case): void {
  const decision = decide(c);
  assert.equal(decision.outcome, c.outcome, JSON.stringify(decision.notes));
  assert.deepEqual(decision.add, c.add ?? [], 'add');
  assert.deepEqual(decision.remove, c.remove ?? [], 'remove');
  const expectedNotes = c.notes ?? [];
  assert.deepEqual(
    decision.notes.map((note) => `${note.kind}:${note.code}`),
    expectedNotes.map((note) => `${note.kind}:${note.code}`),
    'notes',
  );
  expectedNotes.forEach((expected, index) => {
    if (expected.params) assert.deepEqual(decision.notes[index]?.params, expected.params, `params of ${expected.code}`);
  });
}

function table(title: string, cases: readonly Case[]): void {
  describe(title, () => {
    for (const c of cases) it(c.name, () => check(c));
  });
}

describe('rules.evaluate', () => {
  table('rule 1: hybrid users get Phone System only', [
    { name: 'allows Phone System for a hybrid user', requested: ['MCOEV'], user: { holds: [E3], hybrid: true }, outcome: 'proceed', add: ['MCOEV'] },
    {
      name: 'refuses a Calling Plan and offers Phone System',
      requested: ['MCOPSTN1'],
      user: { holds: [E3], hybrid: true },
      outcome: 'refused',
      notes: [refusal('HYBRID_PSTN_NO_CALLING_PLAN', { partNumber: 'MCOPSTN1', alternative: 'MCOEV' })],
    },
    {
      name: 'refuses without an alternative when Phone System is held',
      requested: ['MCOPSTN2'],
      user: { holds: [E3, 'MCOEV'], hybrid: true },
      outcome: 'refused',
      notes: [refusal('HYBRID_PSTN_NO_CALLING_PLAN', { partNumber: 'MCOPSTN2' })],
    },
    {
      name: 'refuses without an alternative when E5 carries Phone System',
      requested: ['MCOPSTN1'],
      user: { holds: ['ENTERPRISEPREMIUM'], hybrid: true },
      outcome: 'refused',
      notes: [refusal('HYBRID_PSTN_NO_CALLING_PLAN', { partNumber: 'MCOPSTN1' })],
    },
    {
      name: 'refuses the plan but keeps Phone System asked in the same request',
      requested: ['MCOEV', 'MCOPSTN1'],
      user: { holds: [E3], hybrid: true },
      outcome: 'refused',
      add: ['MCOEV'],
      notes: [refusal('HYBRID_PSTN_NO_CALLING_PLAN', { partNumber: 'MCOPSTN1' })],
    },
  ]);

  table('rule 2: prerequisites are added', [
    {
      name: 'adds Phone System for a Calling Plan',
      requested: ['MCOPSTN1'],
      user: { holds: [E3] },
      outcome: 'proceed',
      add: ['MCOEV', 'MCOPSTN1'],
      notes: [change('PHONE_SYSTEM_ADDED_FOR_CALLING_PLAN', { partNumber: 'MCOEV', requiredBy: 'MCOPSTN1' })],
    },
    { name: 'no Phone System added when held directly', requested: ['MCOPSTN1'], user: { holds: [E3, 'MCOEV'] }, outcome: 'proceed', add: ['MCOPSTN1'] },
    { name: 'no Phone System added when held via a group', requested: ['MCOPSTN1'], user: { holds: [E3, viaGroup('MCOEV')] }, outcome: 'proceed', add: ['MCOPSTN1'] },
    { name: 'no Phone System added for E5', requested: ['MCOPSTN1'], user: { holds: ['ENTERPRISEPREMIUM'] }, outcome: 'proceed', add: ['MCOPSTN1'] },
    { name: 'no Phone System added for E5 without conferencing', requested: ['MCOPSTN2'], user: { holds: ['ENTERPRISEPREMIUM_NOPSTNCONF'] }, outcome: 'proceed', add: ['MCOPSTN2'] },
    { name: 'no Phone System added when requested too; Phone System goes first', requested: ['MCOPSTN1', 'MCOEV'], user: { holds: [E3] }, outcome: 'proceed', add: ['MCOEV', 'MCOPSTN1'] },
    {
      name: 'adds base licence and Phone System for a user with nothing',
      requested: ['MCOPSTN1'],
      outcome: 'proceed',
      add: [E3, 'MCOEV', 'MCOPSTN1'],
      notes: [
        change('PHONE_SYSTEM_ADDED_FOR_CALLING_PLAN', { partNumber: 'MCOEV', requiredBy: 'MCOPSTN1' }),
        change('BASE_LICENSE_ADDED', { partNumber: E3, requiredBy: 'MCOPSTN1' }),
      ],
    },
    {
      name: 'adds a base licence for Audio Conferencing',
      requested: ['MCOMEETADV'],
      outcome: 'proceed',
      add: [E3, 'MCOMEETADV'],
      notes: [change('BASE_LICENSE_ADDED', { partNumber: E3, requiredBy: 'MCOMEETADV' })],
    },
    {
      name: 'adds a base licence for pay-per-minute conferencing',
      requested: ['MCOMEETACPEA'],
      outcome: 'proceed',
      add: [E3, 'MCOMEETACPEA'],
      notes: [change('BASE_LICENSE_ADDED', { partNumber: E3, requiredBy: 'MCOMEETACPEA' })],
    },
    {
      name: 'adds a base licence for Phone System',
      requested: ['MCOEV'],
      outcome: 'proceed',
      add: [E3, 'MCOEV'],
      notes: [change('BASE_LICENSE_ADDED', { partNumber: E3, requiredBy: 'MCOEV' })],
    },
    { name: 'Skype for Business Plan 2 counts as a base licence', requested: ['MCOMEETADV'], user: { holds: ['MCOSTANDARD'] }, outcome: 'proceed', add: ['MCOMEETADV'] },
    { name: 'E1 counts as a base licence', requested: ['MCOEV'], user: { holds: ['STANDARDPACK'] }, outcome: 'proceed', add: ['MCOEV'] },
    { name: 'a base licence via a group counts', requested: ['MCOEV'], user: { holds: [viaGroup(E3)] }, outcome: 'proceed', add: ['MCOEV'] },
    { name: 'a base licence in the same request counts and goes first', requested: ['MCOEV', 'STANDARDPACK'], outcome: 'proceed', add: ['STANDARDPACK', 'MCOEV'] },
  ]);

  table('rule 3: availability by usage location', [
    {
      name: 'refuses MCOPSTN5 in the US and offers MCOPSTN1',
      requested: ['MCOPSTN5'],
      user: { holds: [E3, 'MCOEV'], usageLocation: 'US' },
      outcome: 'refused',
      notes: [refusal('NOT_AVAILABLE_IN_COUNTRY', { partNumber: 'MCOPSTN5', country: 'US', alternative: 'MCOPSTN1' })],
    },
    {
      name: 'refuses MCOPSTN6 in the US (lower-case location)',
      requested: ['MCOPSTN6'],
      user: { holds: [E3, 'MCOEV'], usageLocation: 'us' },
      outcome: 'refused',
      notes: [refusal('NOT_AVAILABLE_IN_COUNTRY', { partNumber: 'MCOPSTN6', country: 'US', alternative: 'MCOPSTN1' })],
    },
    { name: 'allows MCOPSTN5 outside the US', requested: ['MCOPSTN5'], user: { holds: [E3, 'MCOEV'], usageLocation: 'FR' }, outcome: 'proceed', add: ['MCOPSTN5'] },
    { name: 'allows MCOPSTN1 in the US', requested: ['MCOPSTN1'], user: { holds: [E3, 'MCOEV'], usageLocation: 'US' }, outcome: 'proceed', add: ['MCOPSTN1'] },
    {
      name: 'a refused plan brings no Phone System',
      requested: ['MCOPSTN5'],
      user: { holds: [E3], usageLocation: 'US' },
      outcome: 'refused',
      notes: [refusal('NOT_AVAILABLE_IN_COUNTRY')],
    },
  ]);

  table('rule 4: pay-per-minute conferencing needs Communications Credits', [
    {
      name: 'refuses when the tenant has no Communications Credits',
      requested: ['MCOMEETACPEA'],
      user: { holds: [E3] },
      tenant: tenant({ MCOPSTNPP: null }),
      outcome: 'refused',
      notes: [refusal('COMMUNICATIONS_CREDITS_NOT_SET_UP', { partNumber: 'MCOMEETACPEA' })],
    },
    {
      name: 'refuses when Communications Credits have no enabled units',
      requested: ['MCOMEETACPEA'],
      user: { holds: [E3] },
      tenant: tenant({ MCOPSTNPP: { enabled: 0, consumed: 0 } }),
      outcome: 'refused',
      notes: [refusal('COMMUNICATIONS_CREDITS_NOT_SET_UP')],
    },
    { name: 'allows when Communications Credits are set up', requested: ['MCOMEETACPEA'], user: { holds: [E3] }, outcome: 'proceed', add: ['MCOMEETACPEA'] },
    {
      name: 'the option can say credits are set up',
      requested: ['MCOMEETACPEA'],
      user: { holds: [E3] },
      tenant: tenant({ MCOPSTNPP: null }),
      options: { communicationsCreditsEnabled: true },
      outcome: 'proceed',
      add: ['MCOMEETACPEA'],
    },
    {
      name: 'the option can say credits are not set up',
      requested: ['MCOMEETACPEA'],
      user: { holds: [E3] },
      options: { communicationsCreditsEnabled: false },
      outcome: 'refused',
      notes: [refusal('COMMUNICATIONS_CREDITS_NOT_SET_UP')],
    },
  ]);

  table('rule 5: Communications Credits need conferencing or calling', [
    {
      name: 'refuses for a user with only a base licence',
      requested: ['MCOPSTNPP'],
      user: { holds: [E3] },
      outcome: 'refused',
      notes: [refusal('COMMUNICATIONS_CREDITS_NEED_CONFERENCING_OR_CALLING', { partNumber: 'MCOPSTNC' })],
    },
    {
      name: 'refuses for Phone System without a Calling Plan',
      requested: ['MCOPSTNPP'],
      user: { holds: [E3, 'MCOEV'] },
      outcome: 'refused',
      notes: [refusal('COMMUNICATIONS_CREDITS_NEED_CONFERENCING_OR_CALLING')],
    },
    {
      name: 'refuses for E5 without Audio Conferencing and no Calling Plan',
      requested: ['MCOPSTNPP'],
      user: { holds: ['ENTERPRISEPREMIUM_NOPSTNCONF'] },
      outcome: 'refused',
      notes: [refusal('COMMUNICATIONS_CREDITS_NEED_CONFERENCING_OR_CALLING')],
    },
    { name: 'allows with Audio Conferencing held', requested: ['MCOPSTNPP'], user: { holds: [E3, 'MCOMEETADV'] }, outcome: 'proceed', add: ['MCOPSTNPP'] },
    { name: 'allows with pay-per-minute conferencing held', requested: ['MCOPSTNPP'], user: { holds: [E3, 'MCOMEETACPEA'] }, outcome: 'proceed', add: ['MCOPSTNPP'] },
    { name: 'allows for E5 with Audio Conferencing', requested: ['MCOPSTNPP'], user: { holds: ['ENTERPRISEPREMIUM'] }, outcome: 'proceed', add: ['MCOPSTNPP'] },
    { name: 'allows with Phone System and a Calling Plan held', requested: ['MCOPSTNPP'], user: { holds: [E3, 'MCOEV', 'MCOPSTN1'] }, outcome: 'proceed', add: ['MCOPSTNPP'] },
    {
      name: 'allows with a Calling Plan in the same request (Phone System added)',
      requested: ['MCOPSTNPP', 'MCOPSTN1'],
      user: { holds: [E3] },
      outcome: 'proceed',
      add: ['MCOEV', 'MCOPSTNPP', 'MCOPSTN1'],
      notes: [change('PHONE_SYSTEM_ADDED_FOR_CALLING_PLAN')],
    },
    { name: 'allows with Audio Conferencing in the same request', requested: ['MCOMEETADV', 'MCOPSTNPP'], user: { holds: [E3] }, outcome: 'proceed', add: ['MCOMEETADV', 'MCOPSTNPP'] },
  ]);

  table('rule 6: redundant licences are no-ops', [
    {
      name: 'Phone System for an E5 user',
      requested: ['MCOEV'],
      user: { holds: ['ENTERPRISEPREMIUM'] },
      outcome: 'noop',
      notes: [noop('ALREADY_COVERED_BY_E5', { partNumber: 'MCOEV', coveredBy: 'ENTERPRISEPREMIUM' })],
    },
    {
      name: 'Phone System for an E5 (no conferencing) user',
      requested: ['MCOEV'],
      user: { holds: ['ENTERPRISEPREMIUM_NOPSTNCONF'] },
      outcome: 'noop',
      notes: [noop('ALREADY_COVERED_BY_E5', { partNumber: 'MCOEV', coveredBy: 'ENTERPRISEPREMIUM_NOPSTNCONF' })],
    },
    {
      name: 'Audio Conferencing for an E5 user',
      requested: ['MCOMEETADV'],
      user: { holds: ['ENTERPRISEPREMIUM'] },
      outcome: 'noop',
      notes: [noop('ALREADY_COVERED_BY_E5', { partNumber: 'MCOMEETADV', coveredBy: 'ENTERPRISEPREMIUM' })],
    },
    { name: 'Audio Conferencing for E5 without conferencing proceeds', requested: ['MCOMEETADV'], user: { holds: ['ENTERPRISEPREMIUM_NOPSTNCONF'] }, outcome: 'proceed', add: ['MCOMEETADV'] },
    {
      name: 'a licence already held directly',
      requested: ['MCOEV'],
      user: { holds: [E3, 'MCOEV'] },
      outcome: 'noop',
      notes: [noop('ALREADY_ASSIGNED', { partNumber: 'MCOEV' })],
    },
    {
      name: 'a licence already held through a group',
      requested: ['MCOPSTN1'],
      user: { holds: [E3, 'MCOEV', viaGroup('MCOPSTN1')] },
      outcome: 'noop',
      notes: [noop('ALREADY_ASSIGNED', { partNumber: 'MCOPSTN1' })],
    },
    {
      name: 'keeps the no-op note when something else proceeds',
      requested: ['MCOEV', 'MCOPSTN1'],
      user: { holds: [E3, 'MCOEV'] },
      outcome: 'proceed',
      add: ['MCOPSTN1'],
      notes: [noop('ALREADY_ASSIGNED', { partNumber: 'MCOEV' })],
    },
    {
      name: 'Phone System is redundant with an E5 in the same request',
      requested: ['ENTERPRISEPREMIUM', 'MCOEV'],
      outcome: 'proceed',
      add: ['ENTERPRISEPREMIUM'],
      notes: [noop('ALREADY_COVERED_BY_E5', { partNumber: 'MCOEV', coveredBy: 'ENTERPRISEPREMIUM' })],
    },
  ]);

  table('rule 7: one Calling Plan at a time', [
    {
      name: 'upgrade from Domestic to Domestic and International',
      requested: ['MCOPSTN2'],
      user: { holds: [E3, 'MCOEV', 'MCOPSTN1'] },
      outcome: 'proceed',
      add: ['MCOPSTN2'],
      remove: ['MCOPSTN1'],
      notes: [change('CALLING_PLAN_UPGRADE', { from: 'MCOPSTN1', to: 'MCOPSTN2' })],
    },
    {
      name: 'downgrade from Domestic and International to Domestic',
      requested: ['MCOPSTN1'],
      user: { holds: [E3, 'MCOEV', 'MCOPSTN2'] },
      outcome: 'proceed',
      add: ['MCOPSTN1'],
      remove: ['MCOPSTN2'],
      notes: [change('CALLING_PLAN_DOWNGRADE', { from: 'MCOPSTN2', to: 'MCOPSTN1' })],
    },
    {
      name: 'from 120 minutes to the full domestic plan is an upgrade',
      requested: ['MCOPSTN1'],
      user: { holds: [E3, 'MCOEV', 'MCOPSTN5'] },
      outcome: 'proceed',
      add: ['MCOPSTN1'],
      remove: ['MCOPSTN5'],
      notes: [change('CALLING_PLAN_UPGRADE', { from: 'MCOPSTN5', to: 'MCOPSTN1' })],
    },
    {
      name: 'a held plan from a group cannot be replaced',
      requested: ['MCOPSTN2'],
      user: { holds: [E3, 'MCOEV', viaGroup('MCOPSTN1')] },
      outcome: 'refused',
      add: ['MCOPSTN2'],
      notes: [refusal('GROUP_ASSIGNED_CANNOT_REMOVE', { partNumber: 'MCOPSTN1', groupName: 'Voice users' })],
    },
    {
      name: 'two Calling Plans at once are refused, with nothing derived from them',
      requested: ['MCOPSTN1', 'MCOPSTN2'],
      user: { holds: [E3] },
      outcome: 'refused',
      notes: [refusal('MULTIPLE_CALLING_PLANS', { partNumber: 'MCOPSTN1', other: 'MCOPSTN2' })],
    },
    {
      name: 'two Calling Plans are refused even when one is held',
      requested: ['MCOPSTN1', 'MCOPSTN2'],
      user: { holds: [E3, 'MCOEV', 'MCOPSTN1'] },
      outcome: 'refused',
      notes: [refusal('MULTIPLE_CALLING_PLANS')],
    },
  ]);

  table('rule 8: seats', [
    {
      name: 'no free seat on a bundled licence',
      requested: ['MCOPSTN1'],
      user: { holds: [E3] },
      tenant: tenant({ MCOEV: { enabled: 5, consumed: 5 } }),
      outcome: 'refused',
      add: ['MCOEV', 'MCOPSTN1'],
      notes: [change('PHONE_SYSTEM_ADDED_FOR_CALLING_PLAN'), refusal('NO_FREE_SEATS', { partNumber: 'MCOEV', enabled: 5, consumed: 5 })],
    },
    {
      name: 'more consumed than enabled',
      requested: ['MCOMEETADV'],
      user: { holds: [E3] },
      tenant: tenant({ MCOMEETADV: { enabled: 3, consumed: 4 } }),
      outcome: 'refused',
      add: ['MCOMEETADV'],
      notes: [refusal('NO_FREE_SEATS', { partNumber: 'MCOMEETADV', enabled: 3, consumed: 4 })],
    },
    { name: 'the last free seat is enough', requested: ['MCOMEETADV'], user: { holds: [E3] }, tenant: tenant({ MCOMEETADV: { enabled: 5, consumed: 4 } }), outcome: 'proceed', add: ['MCOMEETADV'] },
    {
      name: 'a SKU the tenant has not bought',
      requested: ['MCOPSTN2'],
      user: { holds: [E3, 'MCOEV'] },
      tenant: tenant({ MCOPSTN2: null }),
      outcome: 'refused',
      add: ['MCOPSTN2'],
      notes: [refusal('SKU_NOT_PURCHASED', { partNumber: 'MCOPSTN2' })],
    },
    {
      name: 'without E3, another base licence the tenant owns is proposed (the cheapest first)',
      requested: ['MCOMEETADV'],
      tenant: tenant({ [E3]: null }),
      outcome: 'proceed',
      add: ['STANDARDPACK', 'MCOMEETADV'],
      notes: [change('BASE_LICENSE_ADDED', { partNumber: 'STANDARDPACK', requiredBy: 'MCOMEETADV' })],
    },
    {
      name: 'E3 full: the cheapest other base licence with free seats is proposed, not the full E3',
      requested: ['MCOMEETADV'],
      tenant: tenant({ [E3]: { enabled: 5, consumed: 5 } }),
      outcome: 'proceed',
      add: ['STANDARDPACK', 'MCOMEETADV'],
      notes: [change('BASE_LICENSE_ADDED', { partNumber: 'STANDARDPACK', requiredBy: 'MCOMEETADV' })],
    },
    {
      name: 'a base licence when the tenant owns no suite with Teams is not purchased',
      requested: ['MCOMEETADV'],
      tenant: tenant({ [E3]: null, STANDARDPACK: null, ENTERPRISEPREMIUM: null, ENTERPRISEPREMIUM_NOPSTNCONF: null }),
      outcome: 'refused',
      add: [E3, 'MCOMEETADV'],
      notes: [change('BASE_LICENSE_ADDED'), refusal('SKU_NOT_PURCHASED', { partNumber: E3 })],
    },
    {
      name: 'a replaced plan needs no seat of its own',
      requested: ['MCOPSTN2'],
      user: { holds: [E3, 'MCOEV', 'MCOPSTN1'] },
      tenant: tenant({ MCOPSTN1: { enabled: 1, consumed: 1 } }),
      outcome: 'proceed',
      add: ['MCOPSTN2'],
      remove: ['MCOPSTN1'],
      notes: [change('CALLING_PLAN_UPGRADE')],
    },
    {
      name: 'removal needs no free seat',
      action: 'remove',
      requested: ['MCOPSTN1'],
      user: { holds: [E3, 'MCOEV', 'MCOPSTN1'] },
      tenant: tenant({ MCOPSTN1: { enabled: 1, consumed: 1 } }),
      outcome: 'proceed',
      remove: ['MCOPSTN1'],
    },
  ]);

  table('rule 9: usage location', [
    {
      name: 'refuses an assignment without usage location',
      requested: ['MCOEV'],
      user: { holds: [E3], usageLocation: null },
      outcome: 'refused',
      add: ['MCOEV'],
      notes: [refusal('USAGE_LOCATION_MISSING', {})],
    },
    { name: 'a blank usage location counts as missing', requested: ['MCOEV'], user: { holds: [E3], usageLocation: '  ' }, outcome: 'refused', add: ['MCOEV'], notes: [refusal('USAGE_LOCATION_MISSING')] },
    { name: 'an empty usage location counts as missing', requested: ['MCOEV'], user: { holds: [E3], usageLocation: '' }, outcome: 'refused', add: ['MCOEV'], notes: [refusal('USAGE_LOCATION_MISSING')] },
    {
      name: 'nothing to add needs no usage location',
      requested: ['MCOEV'],
      user: { holds: [E3, 'MCOEV'], usageLocation: null },
      outcome: 'noop',
      notes: [noop('ALREADY_ASSIGNED')],
    },
    { name: 'removal needs no usage location', action: 'remove', requested: ['MCOMEETADV'], user: { holds: [E3, 'MCOMEETADV'], usageLocation: null }, outcome: 'proceed', remove: ['MCOMEETADV'] },
  ]);

  table('rule 10: removals', [
    { name: 'removes a Calling Plan alone', action: 'remove', requested: ['MCOPSTN1'], user: { holds: [E3, 'MCOEV', 'MCOPSTN1'] }, outcome: 'proceed', remove: ['MCOPSTN1'] },
    {
      name: 'a licence not held is a no-op',
      action: 'remove',
      requested: ['MCOPSTN1'],
      user: { holds: [E3, 'MCOEV'] },
      outcome: 'noop',
      notes: [noop('NOT_ASSIGNED', { partNumber: 'MCOPSTN1' })],
    },
    {
      name: 'a licence from a group cannot be removed directly',
      action: 'remove',
      requested: ['MCOMEETADV'],
      user: { holds: [E3, viaGroup('MCOMEETADV')] },
      outcome: 'refused',
      notes: [refusal('GROUP_ASSIGNED_CANNOT_REMOVE', { partNumber: 'MCOMEETADV', groupName: 'Voice users' })],
    },
    {
      name: 'a group without a name is named by its id',
      action: 'remove',
      requested: ['MCOMEETADV'],
      user: { holds: [E3, viaUnnamedGroup('MCOMEETADV')] },
      outcome: 'refused',
      notes: [refusal('GROUP_ASSIGNED_CANNOT_REMOVE', { partNumber: 'MCOMEETADV', groupName: 'group-voice' })],
    },
    {
      name: 'a licence held directly and through a group stays, so it is refused',
      action: 'remove',
      requested: ['MCOMEETADV'],
      user: { holds: [E3, directAndGroup('MCOMEETADV')] },
      outcome: 'refused',
      notes: [refusal('GROUP_ASSIGNED_CANNOT_REMOVE')],
    },
    {
      name: 'removing Phone System pulls the Calling Plan',
      action: 'remove',
      requested: ['MCOEV'],
      user: { holds: [E3, 'MCOEV', 'MCOPSTN1'] },
      outcome: 'proceed',
      remove: ['MCOEV', 'MCOPSTN1'],
      notes: [change('CALLING_PLAN_REMOVED_WITH_PHONE_SYSTEM', { partNumber: 'MCOPSTN1', removedWith: 'MCOEV' })],
    },
    {
      name: 'removing Phone System keeps the Calling Plan for an E5 user',
      action: 'remove',
      requested: ['MCOEV'],
      user: { holds: ['ENTERPRISEPREMIUM', 'MCOEV', 'MCOPSTN1'] },
      outcome: 'proceed',
      remove: ['MCOEV'],
    },
    { name: 'removing Phone System and the plan together needs no note', action: 'remove', requested: ['MCOEV', 'MCOPSTN1'], user: { holds: [E3, 'MCOEV', 'MCOPSTN1'] }, outcome: 'proceed', remove: ['MCOEV', 'MCOPSTN1'] },
    {
      name: 'removing Phone System is refused when the plan comes from a group',
      action: 'remove',
      requested: ['MCOEV'],
      user: { holds: [E3, 'MCOEV', viaGroup('MCOPSTN2')] },
      outcome: 'refused',
      remove: ['MCOEV'],
      notes: [refusal('GROUP_ASSIGNED_CANNOT_REMOVE', { partNumber: 'MCOPSTN2', groupName: 'Voice users' })],
    },
    {
      name: 'removing E5 pulls a Calling Plan that relied on it',
      action: 'remove',
      requested: ['ENTERPRISEPREMIUM'],
      user: { holds: ['ENTERPRISEPREMIUM', 'MCOPSTN1'] },
      outcome: 'proceed',
      remove: ['ENTERPRISEPREMIUM', 'MCOPSTN1'],
      notes: [change('CALLING_PLAN_REMOVED_WITH_PHONE_SYSTEM', { partNumber: 'MCOPSTN1', removedWith: 'ENTERPRISEPREMIUM' })],
    },
    {
      name: 'a held and a missing licence: removes one, notes the other',
      action: 'remove',
      requested: ['MCOMEETADV', 'MCOPSTNPP'],
      user: { holds: [E3, 'MCOMEETADV'] },
      outcome: 'proceed',
      remove: ['MCOMEETADV'],
      notes: [noop('NOT_ASSIGNED', { partNumber: 'MCOPSTNC' })],
    },
  ]);

  table('mixed requests and normalization', [
    {
      name: 'collects every refusal, not just the first',
      requested: ['MCOPSTN1', 'MCOMEETACPEA'],
      user: { holds: [E3], hybrid: true, usageLocation: null },
      tenant: tenant({ MCOPSTNPP: null }),
      outcome: 'refused',
      notes: [refusal('HYBRID_PSTN_NO_CALLING_PLAN'), refusal('COMMUNICATIONS_CREDITS_NOT_SET_UP')],
    },
    {
      name: 'one refused licence refuses the whole request; the rest stays in add',
      requested: ['MCOMEETADV', 'MCOPSTN5'],
      user: { holds: [E3, 'MCOEV'], usageLocation: 'US' },
      outcome: 'refused',
      add: ['MCOMEETADV'],
      notes: [refusal('NOT_AVAILABLE_IN_COUNTRY')],
    },
    {
      name: 'a full voice setup from nothing',
      requested: ['MCOPSTN2', 'MCOMEETADV', 'MCOPSTNPP'],
      outcome: 'proceed',
      add: [E3, 'MCOEV', 'MCOPSTN2', 'MCOMEETADV', 'MCOPSTNPP'],
      notes: [change('PHONE_SYSTEM_ADDED_FOR_CALLING_PLAN'), change('BASE_LICENSE_ADDED', { partNumber: E3, requiredBy: 'MCOPSTN2' })],
    },
    { name: 'part numbers are trimmed, upper-cased and deduplicated', requested: [' mcoev', 'MCOEV', 'McoEv '], user: { holds: [E3] }, outcome: 'proceed', add: ['MCOEV'] },
    { name: 'an unknown part number is not purchased', requested: ['NOT_A_SKU'], user: { holds: [E3] }, outcome: 'refused', add: ['NOT_A_SKU'], notes: [refusal('SKU_NOT_PURCHASED', { partNumber: 'NOT_A_SKU' })] },
    { name: 'an empty request is a no-op', requested: [], user: { holds: [E3] }, outcome: 'noop' },
  ]);

  describe('invariants over every single-SKU request', () => {
    const profiles: Record<string, UserSpec> = {
      nothing: {},
      e3: { holds: [E3] },
      e3Voice: { holds: [E3, 'MCOEV', 'MCOPSTN1'] },
      e5: { holds: ['ENTERPRISEPREMIUM', 'MCOPSTN2'] },
      hybridUs: { holds: [E3, 'MCOEV'], hybrid: true, usageLocation: 'US' },
      groupVoice: { holds: [viaGroup(E3), viaGroup('MCOEV'), viaGroup('MCOPSTN1')] },
    };
    const familyOrder: Readonly<Record<string, number>> = { base: 0, phoneSystem: 1 };
    const order = (partNumber: string): number => familyOrder[findProduct(partNumber)?.family ?? ''] ?? 2;
    for (const [profileName, profile] of Object.entries(profiles)) {
      for (const action of ['assign', 'remove'] as const) {
        it(`${action} for ${profileName}: add and remove are disjoint, unique and in dependency order`, () => {
          for (const product of CATALOG) {
            const decision = evaluate({ action, requested: [product.partNumber] }, user(profile), tenant());
            const context = `${product.partNumber}: ${JSON.stringify(decision)}`;
            assert.equal(new Set(decision.add).size, decision.add.length, context);
            assert.equal(new Set(decision.remove).size, decision.remove.length, context);
            assert.ok(decision.add.every((partNumber) => !decision.remove.includes(partNumber)), context);
            assert.deepEqual(decision.add, [...decision.add].sort((a, b) => order(a) - order(b)), context);
            const refused = decision.notes.some((note) => note.kind === 'refusal');
            const empty = decision.add.length === 0 && decision.remove.length === 0 && decision.planChanges.length === 0;
            assert.equal(decision.outcome, refused ? 'refused' : empty ? 'noop' : 'proceed', context);
            if (action === 'remove') assert.deepEqual(decision.add, [], context);
          }
        });
      }
    }
  });
});

describe('rules.adviceAfterSuccess', () => {
  const cases: readonly { name: string; add: readonly string[]; user?: UserSpec; codes: readonly string[] }[] = [
    { name: 'Calling Plan: latency and phone numbers', add: ['MCOEV', 'MCOPSTN1'], user: { holds: [E3] }, codes: ['CALLING_PLAN_LATENCY', 'NEXT_STEP_PHONE_NUMBERS'] },
    { name: 'Communications Credits without a Calling Plan: no phone numbers', add: ['MCOPSTNPP'], user: { holds: [E3, 'MCOMEETADV'] }, codes: [] },
    { name: 'Communications Credits (MCOPSTNC) alone: no phone numbers', add: ['MCOPSTNC'], user: { holds: [E3, 'MCOMEETADV'] }, codes: [] },
    { name: 'Communications Credits beside a held Calling Plan: phone numbers', add: ['MCOPSTNPP'], user: { holds: [E3, 'MCOEV', 'MCOPSTN1'] }, codes: ['NEXT_STEP_PHONE_NUMBERS'] },
    { name: 'plan and credits: phone numbers once', add: ['MCOPSTN1', 'MCOPSTNPP'], user: { holds: [E3, 'MCOEV'] }, codes: ['CALLING_PLAN_LATENCY', 'NEXT_STEP_PHONE_NUMBERS'] },
    { name: 'Audio Conferencing: provider and third-party switch', add: ['MCOMEETADV'], user: { holds: [E3] }, codes: ['NEXT_STEP_CONFERENCING_PROVIDER', 'THIRD_PARTY_CONFERENCING_SWITCH'] },
    { name: 'pay-per-minute conferencing: provider and third-party switch', add: ['MCOMEETACPEA'], user: { holds: [E3] }, codes: ['NEXT_STEP_CONFERENCING_PROVIDER', 'THIRD_PARTY_CONFERENCING_SWITCH'] },
    { name: 'Phone System alone: nothing to say', add: ['MCOEV'], user: { holds: [E3] }, codes: [] },
    { name: 'nothing added: nothing to say', add: [], user: { holds: ['ENTERPRISEPREMIUM'] }, codes: [] },
    {
      name: 'E5 user without credits: recommend them',
      add: ['MCOPSTN1'],
      user: { holds: ['ENTERPRISEPREMIUM'] },
      codes: ['CALLING_PLAN_LATENCY', 'NEXT_STEP_PHONE_NUMBERS', 'COMMUNICATIONS_CREDITS_RECOMMENDED_FOR_E5'],
    },
    { name: 'E5 user with credits: no recommendation', add: ['MCOPSTN1'], user: { holds: ['ENTERPRISEPREMIUM', 'MCOPSTNPP'] }, codes: ['CALLING_PLAN_LATENCY', 'NEXT_STEP_PHONE_NUMBERS'] },
    {
      name: 'E5 added now: conferencing advice and the recommendation',
      add: ['ENTERPRISEPREMIUM'],
      codes: ['NEXT_STEP_CONFERENCING_PROVIDER', 'THIRD_PARTY_CONFERENCING_SWITCH', 'COMMUNICATIONS_CREDITS_RECOMMENDED_FOR_E5'],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const notes = adviceAfterSuccess(c.add, user(c.user), tenant());
      assert.deepEqual(notes.map((note) => note.code), c.codes);
      assert.ok(notes.every((note) => note.kind === 'advice'));
    });
  }

  it('names the plan and the 24-hour latency', () => {
    const [latency] = adviceAfterSuccess(['MCOPSTN2'], user({ holds: [E3, 'MCOEV'] }), tenant());
    assert.deepEqual(latency?.params, { partNumber: 'MCOPSTN2', hours: 24 });
  });

  it('names the E5 the recommendation is for', () => {
    const notes = adviceAfterSuccess(['MCOPSTN1'], user({ holds: ['ENTERPRISEPREMIUM_NOPSTNCONF'] }), tenant());
    const recommendation = notes.find((note) => note.code === 'COMMUNICATIONS_CREDITS_RECOMMENDED_FOR_E5');
    assert.deepEqual(recommendation?.params, { partNumber: 'MCOPSTNC', e5: 'ENTERPRISEPREMIUM_NOPSTNCONF' });
  });
});

describe('rules.freeSeats and communicationsCreditsSetUp', () => {
  it('free seats are enabled minus consumed, undefined when not bought', () => {
    const facts: TenantFacts = { skus: [{ partNumber: 'MCOEV', enabled: 7, consumed: 3 }, { partNumber: 'MCOPSTN1', enabled: 2, consumed: 5 }] };
    assert.equal(freeSeats(facts, 'MCOEV'), 4);
    assert.equal(freeSeats(facts, 'mcoev'), 4);
    assert.equal(freeSeats(facts, 'MCOPSTN1'), -3);
    assert.equal(freeSeats(facts, 'MCOPSTN2'), undefined);
  });

  it('seat counts list the bought SKUs among the given part numbers', () => {
    const facts: TenantFacts = { skus: [{ partNumber: 'MCOEV', enabled: 7, consumed: 3 }] };
    assert.deepEqual(seatCounts(facts, ['MCOEV', 'MCOPSTN1']), [{ partNumber: 'MCOEV', enabled: 7, consumed: 3 }]);
  });

  const credits: readonly [string, TenantFacts, boolean][] = [
    ['a SKU carrying the credits plan, with enabled units', { skus: [{ partNumber: 'MCOPSTNC', plans: ['MCOPSTNC'], enabled: 1, consumed: 1 }] }, true],
    ['the seeds\' MCOPSTNPP carrying the credits plan', { skus: [{ partNumber: 'MCOPSTNPP', plans: ['MCOPSTNC'], enabled: 1, consumed: 1 }] }, true],
    ['the credits plan without enabled units', { skus: [{ partNumber: 'MCOPSTNC', plans: ['MCOPSTNC'], enabled: 0, consumed: 0 }] }, false],
    ['today\'s MCOPSTNPP (the PSTN usage calling plan)', { skus: [{ partNumber: 'MCOPSTNPP', plans: ['MCOPSTN3'], enabled: 5, consumed: 0 }] }, false],
    ['no credits plan', { skus: [{ partNumber: 'MCOEV', plans: ['MCOEV'], enabled: 5, consumed: 0 }] }, false],
  ];
  for (const [name, facts, expected] of credits) {
    it(`credits set up: ${name} → ${expected}`, () => assert.equal(communicationsCreditsSetUp(facts), expected));
  }
});

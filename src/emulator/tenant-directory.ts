/**
 * The tenant held in memory: users, groups and subscriptions, with every licence view derived on read.
 * A user's licences are the direct assignments stored here plus whatever their groups assign, so
 * assignedLicenses, licenseAssignmentStates and consumedUnits always agree after a write.
 */
import type { AssignedLicense, LicenseAssignmentState, TenantFile, TenantGroup, TenantSku, TenantUser } from './tenant-file';
import type { EnabledPlan } from './service-plan-rules';

export type UserProfile = Omit<TenantUser, 'assignedLicenses' | 'licenseAssignmentStates' | 'manager'>;

export interface UserRecord {
  readonly profile: UserProfile;
  readonly managerId: string | undefined;
  /** Direct assignments only, in assignment order; group-based ones are derived from the groups. */
  direct: AssignedLicense[];
  licencesUpdatedAt: string;
}

export type GroupRecord = TenantGroup;

export interface UserLicences {
  readonly assignedLicenses: AssignedLicense[];
  readonly licenseAssignmentStates: (LicenseAssignmentState & { lastUpdatedDateTime: string })[];
}

const key = (id: string) => id.toLowerCase();

export class TenantDirectory {
  readonly tenantId: string;
  private readonly users: UserRecord[];
  private readonly usersByKey = new Map<string, UserRecord>();
  private readonly groups: GroupRecord[];
  /** user key → the groups listing them; groups do not change while the emulator runs. */
  private readonly memberships = new Map<string, GroupRecord[]>();
  private readonly skus: TenantSku[];
  /** Users whose service plans are still being provisioned (tests): their assignedPlans stay empty. */
  private readonly provisioningPending = new Set<string>();

  constructor(tenant: TenantFile, loadedAt = new Date()) {
    const copy = structuredClone(tenant);
    this.tenantId = copy.tenantId;
    this.skus = copy.subscribedSkus;
    this.groups = copy.groups;
    for (const group of this.groups) {
      for (const member of group.members) this.memberships.set(key(member), [...(this.memberships.get(key(member)) ?? []), group]);
    }
    this.users = copy.users.map((user) => this.toRecord(user, loadedAt.toISOString()));
    for (const user of this.users) {
      this.usersByKey.set(key(user.profile.id), user);
      this.usersByKey.set(key(user.profile.userPrincipalName), user);
    }
  }

  /** By object id or userPrincipalName, case-insensitively, as Graph resolves /users/{id | userPrincipalName}. */
  findUser(idOrUpn: string): UserRecord | undefined {
    return this.usersByKey.get(key(idOrUpn));
  }

  listUsers(): readonly UserRecord[] {
    return this.users;
  }

  findGroup(id: string): GroupRecord | undefined {
    return this.groups.find((group) => key(group.id) === key(id));
  }

  /** Direct memberships (the tenant file has no nested groups, so they are also the transitive ones). */
  groupsOf(userId: string): GroupRecord[] {
    return [...(this.memberships.get(key(userId)) ?? [])];
  }

  groupMembers(group: GroupRecord): UserRecord[] {
    return group.members.map((member) => this.findUser(member)).filter((user): user is UserRecord => user !== undefined);
  }

  listSkus(): readonly TenantSku[] {
    return this.skus;
  }

  findSku(skuId: string): TenantSku | undefined {
    return this.skus.find((sku) => key(sku.skuId) === key(skuId));
  }

  findSkuByPartNumber(partNumber: string): TenantSku | undefined {
    return this.skus.find((sku) => sku.skuPartNumber.toUpperCase() === partNumber.toUpperCase());
  }

  licencesOf(user: UserRecord): UserLicences {
    const states: UserLicences['licenseAssignmentStates'] = user.direct.map((licence) => ({
      skuId: licence.skuId,
      assignedByGroup: null,
      state: 'Active',
      error: 'None',
      disabledPlans: [...licence.disabledPlans],
      lastUpdatedDateTime: user.licencesUpdatedAt,
    }));
    for (const group of this.groupsOf(user.profile.id)) {
      for (const licence of group.assignedLicenses) {
        states.push({
          skuId: licence.skuId,
          assignedByGroup: group.id,
          state: 'Active',
          error: 'None',
          disabledPlans: [...licence.disabledPlans],
          lastUpdatedDateTime: user.licencesUpdatedAt,
        });
      }
    }
    return { assignedLicenses: mergeBySku(states), licenseAssignmentStates: states };
  }

  /** One assignedPlan per enabled service plan of the user's licences; none while provisioning is pending. */
  assignedPlansOf(user: UserRecord): { assignedDateTime: string; capabilityStatus: string; service: string; servicePlanId: string }[] {
    if (this.provisioningPending.has(key(user.profile.id))) return [];
    return this.enabledPlans(this.licencesOf(user).assignedLicenses).map((plan) => ({
      assignedDateTime: user.licencesUpdatedAt,
      capabilityStatus: 'Enabled',
      service: plan.servicePlanName,
      servicePlanId: plan.servicePlanId,
    }));
  }

  setProvisioningPending(user: UserRecord, pending: boolean): void {
    if (pending) this.provisioningPending.add(key(user.profile.id));
    else this.provisioningPending.delete(key(user.profile.id));
  }

  heldSkuIds(user: UserRecord): Set<string> {
    return new Set(this.licencesOf(user).assignedLicenses.map((licence) => key(licence.skuId)));
  }

  /** Plans a set of assignments switches on: every plan of each SKU except the disabled ones. */
  enabledPlans(licences: readonly AssignedLicense[]): EnabledPlan[] {
    return licences.flatMap((licence) => {
      const sku = this.findSku(licence.skuId);
      const disabled = new Set(licence.disabledPlans.map(key));
      return (sku?.servicePlans ?? []).filter((plan) => !disabled.has(key(plan.servicePlanId)));
    });
  }

  /** One unit per user holding the SKU, however many sources (direct, groups) assign it. */
  consumedUnits(skuId: string): number {
    return this.users.filter((user) => this.heldSkuIds(user).has(key(skuId))).length;
  }

  replaceDirectLicences(user: UserRecord, direct: AssignedLicense[], at: Date): void {
    user.direct = direct.map((licence) => ({ skuId: licence.skuId, disabledPlans: [...licence.disabledPlans] }));
    user.licencesUpdatedAt = at.toISOString();
  }

  /** The current state as a tenant file (direct and group states both listed, consumedUnits left out). */
  snapshot(): TenantFile {
    return structuredClone({
      tenantId: this.tenantId,
      subscribedSkus: this.skus,
      groups: this.groups,
      users: this.users.map((user) => {
        const licences = this.licencesOf(user);
        return {
          ...user.profile,
          assignedLicenses: licences.assignedLicenses,
          licenseAssignmentStates: licences.licenseAssignmentStates.map(({ lastUpdatedDateTime: _ignored, ...state }) => state),
          ...(user.managerId === undefined ? {} : { manager: user.managerId }),
        };
      }),
    });
  }

  private toRecord(user: TenantUser, loadedAt: string): UserRecord {
    const { assignedLicenses, licenseAssignmentStates, manager, ...profile } = user;
    const groupSkus = new Set(
      this.groupsOf(user.id).flatMap((group) => group.assignedLicenses.map((licence) => key(licence.skuId))),
    );
    const statedDirect = new Set(
      licenseAssignmentStates.filter((state) => state.assignedByGroup === null).map((state) => key(state.skuId)),
    );
    // A listed licence is direct when a state says so, or when no group of the user could have assigned it.
    const direct = assignedLicenses
      .filter((licence) => statedDirect.has(key(licence.skuId)) || !groupSkus.has(key(licence.skuId)))
      .map((licence) => ({ skuId: this.canonicalSkuId(licence.skuId), disabledPlans: licence.disabledPlans }));
    return { profile, managerId: manager, direct, licencesUpdatedAt: loadedAt };
  }

  private canonicalSkuId(skuId: string): string {
    return this.findSku(skuId)?.skuId ?? skuId;
  }
}

/** assignedLicenses has one entry per SKU; a plan stays disabled only if every source disables it. */
function mergeBySku(states: readonly AssignedLicense[]): AssignedLicense[] {
  const merged = new Map<string, AssignedLicense>();
  for (const state of states) {
    const existing = merged.get(key(state.skuId));
    if (existing === undefined) {
      merged.set(key(state.skuId), { skuId: state.skuId, disabledPlans: [...state.disabledPlans] });
    } else {
      const stillDisabled = new Set(state.disabledPlans.map(key));
      merged.set(key(state.skuId), { skuId: existing.skuId, disabledPlans: existing.disabledPlans.filter((plan) => stillDisabled.has(key(plan))) });
    }
  }
  return [...merged.values()];
}

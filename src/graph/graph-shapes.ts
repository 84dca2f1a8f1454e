/**
 * Graph JSON → the port's shapes. Graph may omit properties and sends null for unset ones;
 * anything unexpected is normalized here rather than trusted further in.
 */
import type { DirectorySku, DirectoryUser, DirectoryUserLicenses } from '../ports';

type Json = Record<string, unknown>;

const asRecord = (value: unknown): Json => (value && typeof value === 'object' ? (value as Json) : {});
const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const count = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** An OData string literal: quotes doubled, as Graph's $filter requires. */
export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

export function toDirectoryUser(raw: unknown): DirectoryUser {
  const user = asRecord(raw);
  const id = text(user.id);
  if (!id) throw new Error('Graph returned a user without an id');
  const upn = text(user.userPrincipalName) ?? id;
  return {
    id,
    displayName: text(user.displayName) ?? upn,
    userPrincipalName: upn,
    mail: text(user.mail),
    givenName: text(user.givenName),
    surname: text(user.surname),
    usageLocation: text(user.usageLocation),
    preferredLanguage: text(user.preferredLanguage),
  };
}

export function toUserLicenses(raw: unknown): DirectoryUserLicenses {
  const user = asRecord(raw);
  return {
    user: toDirectoryUser(user),
    assignedLicenses: list(user.assignedLicenses).map((entry) => {
      const license = asRecord(entry);
      return { skuId: String(license.skuId ?? '').toLowerCase(), disabledPlans: list(license.disabledPlans).map(String) };
    }),
    licenseAssignmentStates: list(user.licenseAssignmentStates).map((entry) => {
      const state = asRecord(entry);
      return {
        skuId: String(state.skuId ?? '').toLowerCase(),
        assignedByGroup: text(state.assignedByGroup),
        state: text(state.state),
        error: text(state.error),
      };
    }),
  };
}

export function toDirectorySku(raw: unknown): DirectorySku {
  const sku = asRecord(raw);
  const prepaid = asRecord(sku.prepaidUnits);
  return {
    skuId: String(sku.skuId ?? '').toLowerCase(),
    skuPartNumber: String(sku.skuPartNumber ?? ''),
    capabilityStatus: text(sku.capabilityStatus) ?? 'Enabled',
    consumedUnits: count(sku.consumedUnits),
    prepaidUnits: { enabled: count(prepaid.enabled), suspended: count(prepaid.suspended), warning: count(prepaid.warning) },
    servicePlans: list(sku.servicePlans).flatMap((entry) => {
      const plan = asRecord(entry);
      const id = text(plan.servicePlanId);
      const name = text(plan.servicePlanName);
      return id && name ? [{ servicePlanId: id.toLowerCase(), servicePlanName: name }] : [];
    }),
  };
}

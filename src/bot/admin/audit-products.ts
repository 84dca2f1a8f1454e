/**
 * The products an audit record is about, as people read them. Records keep part numbers in their details
 * (add, remove, requested, licences; the lifecycle's licences are objects with a partNumber), which stay in
 * the CSV's details column for machines; this gives the names beside them.
 */
import { productList } from '../explain';
import type { Translate } from '../../i18n';

const PRODUCT_DETAILS = ['add', 'remove', 'requested', 'licences'] as const;

export function auditPartNumbers(details: Readonly<Record<string, unknown>>): string[] {
  const found: string[] = [];
  for (const field of PRODUCT_DETAILS) {
    const value = details[field];
    if (!Array.isArray(value)) continue;
    for (const item of value) {
      const partNumber = typeof item === 'string' ? item : partNumberOf(item);
      if (partNumber && !found.includes(partNumber)) found.push(partNumber);
    }
  }
  return found;
}

export function auditProductNames(t: Translate, details: Readonly<Record<string, unknown>>): string {
  return productList(t, auditPartNumbers(details));
}

function partNumberOf(item: unknown): string | undefined {
  if (item === null || typeof item !== 'object') return undefined;
  const value = (item as Record<string, unknown>)['partNumber'];
  return typeof value === 'string' ? value : undefined;
}

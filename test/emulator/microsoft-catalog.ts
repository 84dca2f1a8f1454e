/**
 * Microsoft's table "Product names and service plan identifiers for licensing", read from the shared
 * copy beside the repository (../shared/catalog from the repository root) when it is there, so the
 * tenant files can be checked against Microsoft's public skuIds and service plan ids.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** From dist/test/emulator (compiled) or test/emulator (ts-node): the first existing copy. */
export const MICROSOFT_CATALOG_CSV = [
  resolve(__dirname, '..', '..', '..', '..', 'shared', 'catalog', 'product-names-and-service-plans.csv'),
  resolve(__dirname, '..', '..', '..', 'shared', 'catalog', 'product-names-and-service-plans.csv'),
].find((candidate) => existsSync(candidate));

export interface CatalogSku {
  readonly partNumber: string;
  readonly skuId: string;
  /** servicePlanName → servicePlanId, as Microsoft lists them for this SKU. */
  readonly plans: ReadonlyMap<string, string>;
}

export interface MicrosoftCatalog {
  /** String_Id → its SKUs (MCOPSTN5 has two GUIDs). */
  readonly byPartNumber: ReadonlyMap<string, readonly CatalogSku[]>;
  /** Service_Plan_Name → every id Microsoft gives it. */
  readonly planIds: ReadonlyMap<string, ReadonlySet<string>>;
}

/** RFC 4180, as the README describes the file: quotes only where needed, LF line ends. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else if (char !== '\r') field += char;
  }
  if (field.length > 0 || record.length > 0) records.push([...record, field]);
  return records;
}

export function loadMicrosoftCatalog(path: string): MicrosoftCatalog {
  const [header, ...rows] = parseCsv(readFileSync(path, 'utf8'));
  const column = (name: string) => {
    const index = header?.indexOf(name) ?? -1;
    if (index < 0) throw new Error(`${path}: no column ${name}`);
    return index;
  };
  const [partColumn, guidColumn, planNameColumn, planIdColumn] = ['String_Id', 'GUID', 'Service_Plan_Name', 'Service_Plan_Id'].map(column) as [number, number, number, number];
  const skus = new Map<string, { partNumber: string; skuId: string; plans: Map<string, string> }>();
  const planIds = new Map<string, Set<string>>();
  for (const row of rows) {
    const [partNumber, skuId, planName, planId] = [row[partColumn], row[guidColumn], row[planNameColumn], row[planIdColumn]];
    if (!partNumber || !skuId || !planName || !planId) continue;
    const sku = skus.get(skuId) ?? { partNumber, skuId, plans: new Map<string, string>() };
    sku.plans.set(planName, planId);
    skus.set(skuId, sku);
    planIds.set(planName, (planIds.get(planName) ?? new Set<string>()).add(planId));
  }
  const byPartNumber = new Map<string, CatalogSku[]>();
  for (const sku of skus.values()) byPartNumber.set(sku.partNumber, [...(byPartNumber.get(sku.partNumber) ?? []), sku]);
  return { byPartNumber, planIds };
}

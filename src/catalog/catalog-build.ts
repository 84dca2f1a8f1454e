/**
 * Microsoft's licensing CSV (one row per SKU × service plan) → the compact catalog the bot ships.
 * Pure: text in, data out, so the update script and the test that checks the shipped file agree.
 */
import type { CatalogData, PlanEntry, SkuEntry } from './catalog-data';
import { readCsvRecords } from './csv-records';

export const MICROSOFT_CSV_HEADER = [
  'Product_Display_Name',
  'String_Id',
  'GUID',
  'Service_Plan_Name',
  'Service_Plan_Id',
  'Service_Plans_Included_Friendly_Names',
] as const;

export class CatalogCsvError extends Error {
  override name = 'CatalogCsvError';
}

export interface BuildCounts {
  readonly rows: number;
  /** Rows that repeat a (GUID, Service_Plan_Id) pair already read; kept once. */
  readonly duplicateRows: number;
  readonly skus: number;
  readonly partNumbers: number;
  /** Part numbers that several SKUs (GUIDs) share, such as MCOPSTN5. */
  readonly sharedPartNumbers: readonly string[];
  readonly planNames: number;
}

export interface BuildResult {
  readonly data: CatalogData;
  readonly counts: BuildCounts;
}

interface SkuBeingBuilt {
  readonly partNumber: string;
  readonly skuId: string;
  readonly productName: string;
  readonly plans: Map<string, PlanEntry>;
}

export function buildCatalog(csvText: string): BuildResult {
  const [header, ...records] = readCsvRecords(csvText);
  checkHeader(header?.cells ?? []);

  const skus = new Map<string, SkuBeingBuilt>();
  const friendlyNames = new Map<string, Map<string, number>>();
  let duplicateRows = 0;
  for (const { line, cells } of records) {
    if (cells.length !== MICROSOFT_CSV_HEADER.length) {
      throw new CatalogCsvError(`line ${line}: ${cells.length} fields, expected ${MICROSOFT_CSV_HEADER.length}`);
    }
    const [productName, partNumber, guid, planName, planId, friendly] = cells.map((cell) => cell.trim()) as [string, string, string, string, string, string];
    if (!partNumber || !guid || !planName || !planId) throw new CatalogCsvError(`line ${line}: String_Id, GUID, Service_Plan_Name and Service_Plan_Id are required`);
    const skuId = guid.toLowerCase();
    const sku = skus.get(skuId) ?? { partNumber, skuId, productName, plans: new Map<string, PlanEntry>() };
    skus.set(skuId, sku);
    const planKey = planId.toLowerCase();
    if (sku.plans.has(planKey)) duplicateRows += 1;
    else sku.plans.set(planKey, [planName, planKey]);
    if (friendly) countFriendlyName(friendlyNames, planName, friendly);
  }

  const skuList = [...skus.values()].map(toEntry).sort(bySkuOrder);
  const partNumberUse = new Map<string, number>();
  for (const sku of skuList) partNumberUse.set(sku.partNumber.toLowerCase(), (partNumberUse.get(sku.partNumber.toLowerCase()) ?? 0) + 1);
  const sharedPartNumbers = [...new Set(skuList.filter((sku) => (partNumberUse.get(sku.partNumber.toLowerCase()) ?? 0) > 1).map((sku) => sku.partNumber))];
  const planNames = Object.fromEntries([...friendlyNames].sort(([a], [b]) => compareText(a, b)).map(([name, counts]) => [name, preferredFriendlyName(name, counts)]));

  return {
    data: { skus: skuList, planNames },
    counts: {
      rows: records.length,
      duplicateRows,
      skus: skuList.length,
      partNumbers: partNumberUse.size,
      sharedPartNumbers,
      planNames: Object.keys(planNames).length,
    },
  };
}

/** One SKU per line and one plan name per line: small diffs when Microsoft's table changes. */
export function serializeCatalog(data: CatalogData): string {
  const skuLines = data.skus.map((sku) => `    ${JSON.stringify(sku)}`);
  const planLines = Object.entries(data.planNames).map(([name, friendly]) => `    ${JSON.stringify(name)}: ${JSON.stringify(friendly)}`);
  return `{\n  "skus": [\n${skuLines.join(',\n')}\n  ],\n  "planNames": {\n${planLines.join(',\n')}\n  }\n}\n`;
}

function checkHeader(cells: readonly string[]): void {
  const found = cells.map((cell) => cell.trim());
  if (found.length !== MICROSOFT_CSV_HEADER.length || found.some((cell, index) => cell !== MICROSOFT_CSV_HEADER[index])) {
    throw new CatalogCsvError(
      `not Microsoft's licensing CSV: the header is "${found.join(',')}", expected "${MICROSOFT_CSV_HEADER.join(',')}"`,
    );
  }
}

function toEntry(sku: SkuBeingBuilt): SkuEntry {
  const servicePlans = [...sku.plans.values()].sort((a, b) => compareText(a[0], b[0]) || compareText(a[1], b[1]));
  return { partNumber: sku.partNumber, skuId: sku.skuId, productName: sku.productName, servicePlans };
}

function bySkuOrder(a: SkuEntry, b: SkuEntry): number {
  return compareText(a.partNumber.toLowerCase(), b.partNumber.toLowerCase()) || compareText(a.skuId, b.skuId);
}

/** Code-unit order, not the locale's: the generated file must not depend on the machine that made it. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function countFriendlyName(names: Map<string, Map<string, number>>, planName: string, friendly: string): void {
  const counts = names.get(planName) ?? new Map<string, number>();
  counts.set(friendly, (counts.get(friendly) ?? 0) + 1);
  names.set(planName, counts);
}

/**
 * The CSV gives a plan's friendly name once per SKU, and the spellings differ ("EXCHANGE FOUNDATION",
 * "Exchange Foundation", the plan name itself). Take a real name that is not all capitals when there is
 * one, so a person reads "Exchange Foundation", and among those the most frequent.
 */
function preferredFriendlyName(planName: string, counts: ReadonlyMap<string, number>): string {
  const candidates = [...counts].filter(([friendly]) => friendly !== planName);
  if (candidates.length === 0) return planName;
  const notShouted = (text: string): number => (text === text.toUpperCase() ? 0 : 1);
  candidates.sort(([a, countA], [b, countB]) => notShouted(b) - notShouted(a) || countB - countA || compareText(a, b));
  return candidates[0]![0];
}

/**
 * Lookups in Microsoft's licensing catalog (the shipped microsoft-licensing-catalog.json): a SKU's product
 * name, a service plan's friendly name, a SKU by its skuId. The file is read on the first lookup, not at
 * start-up, because an idle bot never needs it (test/integration/startup-footprint.test.ts).
 * Part numbers and plan names are matched case-insensitively: Graph and people do not always spell them
 * as Microsoft's table does.
 */
import fs from 'node:fs';
import { shippedCatalogFile, type CatalogData, type SkuEntry } from './catalog-data';

export interface CatalogServicePlan {
  readonly name: string;
  readonly id: string;
}

export interface CatalogSku {
  readonly partNumber: string;
  readonly skuId: string;
  readonly productName: string;
  readonly servicePlans: readonly CatalogServicePlan[];
}

interface CatalogIndex {
  readonly bySkuId: ReadonlyMap<string, CatalogSku>;
  readonly byPartNumber: ReadonlyMap<string, readonly CatalogSku[]>;
  readonly planNames: ReadonlyMap<string, string>;
  readonly planNamesFolded: ReadonlyMap<string, string>;
}

let index: CatalogIndex | undefined;

/** Microsoft's English product name for a part number (skuPartNumber); undefined when the table lacks it. */
export function microsoftProductName(partNumber: string): string | undefined {
  return skuByPartNumber(partNumber)?.productName;
}

/** Microsoft's friendly name for a service plan name (MCOEV → "Microsoft 365 Phone System"). */
export function microsoftPlanName(planName: string): string | undefined {
  const { planNames, planNamesFolded } = catalogIndex();
  return planNames.get(planName.trim()) ?? planNamesFolded.get(planName.trim().toLowerCase());
}

export function skuBySkuId(skuId: string): CatalogSku | undefined {
  return catalogIndex().bySkuId.get(skuId.trim().toLowerCase());
}

/** Every SKU with this part number (MCOPSTN5 has two), the preferred one first. */
export function skusByPartNumber(partNumber: string): readonly CatalogSku[] {
  return catalogIndex().byPartNumber.get(partNumber.trim().toLowerCase()) ?? [];
}

/**
 * The SKU a part number means. When several SKUs share it, the one that carries a service plan of the same
 * name (MCOPSTN5 → the SKU with the MCOPSTN5 plan, "Skype for Business PSTN Domestic Calling (120 Minutes)").
 */
export function skuByPartNumber(partNumber: string): CatalogSku | undefined {
  return skusByPartNumber(partNumber)[0];
}

/** Drops the loaded catalog, so the next lookup reads the file again (tests; a long-running update). */
export function forgetLicensingCatalog(): void {
  index = undefined;
}

export function isLicensingCatalogLoaded(): boolean {
  return index !== undefined;
}

function catalogIndex(): CatalogIndex {
  index ??= indexCatalog(JSON.parse(fs.readFileSync(shippedCatalogFile(), 'utf8')) as CatalogData);
  return index;
}

function indexCatalog(data: CatalogData): CatalogIndex {
  const skus = data.skus.map(toSku);
  const byPartNumber = new Map<string, CatalogSku[]>();
  for (const sku of skus) {
    const key = sku.partNumber.toLowerCase();
    byPartNumber.set(key, [...(byPartNumber.get(key) ?? []), sku]);
  }
  for (const [key, list] of byPartNumber) {
    if (list.length > 1) byPartNumber.set(key, [...list].sort((a, b) => carriesOwnPlan(b) - carriesOwnPlan(a)));
  }
  const planNames = new Map(Object.entries(data.planNames));
  const planNamesFolded = new Map<string, string>();
  // Exact spellings win; the folded map only answers a spelling the table does not have (DESKLESS/Deskless both exist).
  for (const [name, friendly] of planNames) if (!planNamesFolded.has(name.toLowerCase())) planNamesFolded.set(name.toLowerCase(), friendly);
  return { bySkuId: new Map(skus.map((sku) => [sku.skuId, sku])), byPartNumber, planNames, planNamesFolded };
}

function toSku(entry: SkuEntry): CatalogSku {
  return {
    partNumber: entry.partNumber,
    skuId: entry.skuId,
    productName: entry.productName,
    servicePlans: entry.servicePlans.map(([name, id]) => ({ name, id })),
  };
}

function carriesOwnPlan(sku: CatalogSku): number {
  return sku.servicePlans.some((plan) => plan.name.toLowerCase() === sku.partNumber.toLowerCase()) ? 1 : 0;
}

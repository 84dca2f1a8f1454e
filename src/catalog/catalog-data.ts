/**
 * The shape of the shipped catalog file (microsoft-licensing-catalog.json) and where it lives. The file is
 * generated from Microsoft's "Product names and service plan identifiers for licensing" CSV by
 * src/tools/catalog-update.ts; nothing edits it by hand.
 */
import fs from 'node:fs';
import path from 'node:path';

export const CATALOG_FILE_NAME = 'microsoft-licensing-catalog.json';

/** A service plan inside a SKU: [Service_Plan_Name, Service_Plan_Id]. */
export type PlanEntry = readonly [name: string, id: string];

export interface SkuEntry {
  /** Microsoft's String_Id, Graph's skuPartNumber. Not unique: MCOPSTN5 names two SKUs. */
  readonly partNumber: string;
  /** Microsoft's GUID, Graph's skuId: the same in every tenant. */
  readonly skuId: string;
  /** Microsoft's Product_Display_Name (English). */
  readonly productName: string;
  readonly servicePlans: readonly PlanEntry[];
}

export interface CatalogData {
  /** Sorted by part number (case-insensitively), then skuId. */
  readonly skus: readonly SkuEntry[];
  /** Service_Plan_Name → one friendly name (the CSV repeats it per SKU, not always the same way). */
  readonly planNames: Readonly<Record<string, string>>;
}

/** The source copy in src/catalog, which the update script writes (dist gets its copy at the next build). */
export function sourceCatalogFile(): string {
  return path.resolve(__dirname, '../../../src/catalog', CATALOG_FILE_NAME);
}

/** Compiled code runs from dist/src/catalog, where tsc copies the JSON; a test run straight from src finds it beside. */
export function shippedCatalogFile(): string {
  const candidates = [path.join(__dirname, CATALOG_FILE_NAME), sourceCatalogFile()];
  const found = candidates.find((file) => fs.existsSync(file));
  if (!found) throw new Error(`Licensing catalog not found (looked in ${candidates.join(', ')})`);
  return found;
}

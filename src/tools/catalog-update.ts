/**
 * `npm run catalog:update -- FILE`: regenerates src/catalog/microsoft-licensing-catalog.json from a copy of
 * Microsoft's "Product names and service plan identifiers for licensing" CSV, and prints what it read.
 * A relative FILE is read from the folder npm was started in (npm runs scripts from the project root).
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildCatalog, serializeCatalog, type BuildCounts } from '../catalog/catalog-build';
import { sourceCatalogFile } from '../catalog/catalog-data';

export function describeCounts(counts: BuildCounts): string {
  const lines = [
    `${counts.rows} rows read (${counts.duplicateRows} duplicate rows skipped)`,
    `${counts.skus} SKUs, ${counts.partNumbers} part numbers, ${counts.planNames} service plan names`,
  ];
  if (counts.sharedPartNumbers.length > 0) lines.push(`part numbers used by several SKUs: ${counts.sharedPartNumbers.join(', ')}`);
  return lines.join('\n');
}

export function updateCatalog(csvFile: string, outputFile: string = sourceCatalogFile()): BuildCounts {
  const { data, counts } = buildCatalog(fs.readFileSync(csvFile, 'utf8'));
  fs.writeFileSync(outputFile, serializeCatalog(data));
  return counts;
}

function main(argv: readonly string[]): number {
  const [file] = argv;
  if (!file) {
    console.error('usage: npm run catalog:update -- path/to/product-names-and-service-plans.csv');
    return 2;
  }
  const csvFile = path.resolve(process.env.INIT_CWD ?? process.cwd(), file);
  try {
    const counts = updateCatalog(csvFile);
    console.log(`${describeCounts(counts)}\nwritten to ${path.relative(process.cwd(), sourceCatalogFile())} (rebuild to ship it: npm run build)`);
    return 0;
  } catch (error) {
    console.error(`catalog:update: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));

/**
 * Builds the Teams app package: teamsAppManifest/manifest.json with its `${{NAME}}` placeholders
 * filled from the environment, validated offline against the official schemas bundled in
 * @microsoft/app-manifest, zipped with the icons and the localization files at the archive root.
 *
 *   npm run package            BOT_ID from MicrosoftAppId; TEAMS_APP_ID from TEAMS_APP_ID, else the bot id
 *   npm run package -- --demo  a fixed demo id when MicrosoftAppId is not set (sideloading tests, CI)
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppManifestUtils, type AppManifest } from '@microsoft/app-manifest';
import { createZip, type ZipEntry } from './zip';

/** A recognizable, valid GUID for demo packages; never a real registration. */
export const DEMO_BOT_ID = 'decade00-1ce0-4de5-8000-000000000001';
export const PACKAGE_FILE_NAME = 'license-desk-teams-app.zip';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PLACEHOLDER = /\$\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;

/** A problem the person running the script can fix; printed without a stack trace. */
export class PackagingError extends Error {
  override readonly name = 'PackagingError';
}

export interface PackageOptions {
  /** The repository root (holds teamsAppManifest/). */
  readonly rootDir: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Use DEMO_BOT_ID when MicrosoftAppId is not set. */
  readonly demo: boolean;
  /** Defaults to dist/license-desk-teams-app.zip under rootDir. */
  readonly outFile?: string;
}

export interface PackageResult {
  readonly outFile: string;
  /** Names inside the zip, in order. */
  readonly files: readonly string[];
  readonly botId: string;
  readonly appId: string;
}

export function placeholderValues(env: PackageOptions['env'], demo: boolean): Record<string, string> {
  const botId = env['MicrosoftAppId']?.trim() || (demo ? DEMO_BOT_ID : '');
  if (!botId) {
    throw new PackagingError(
      'MicrosoftAppId is not set. Set it to the Microsoft App ID (a GUID) of the bot\'s Azure Bot registration, ' +
        'or run "npm run package -- --demo" to build a demo package with a placeholder id.',
    );
  }
  if (!GUID.test(botId)) throw new PackagingError(`MicrosoftAppId must be a GUID; got "${botId}".`);
  const appId = env['TEAMS_APP_ID']?.trim() || botId;
  if (!GUID.test(appId)) throw new PackagingError(`TEAMS_APP_ID must be a GUID; got "${appId}".`);
  return { BOT_ID: botId, TEAMS_APP_ID: appId };
}

export function fillPlaceholders(text: string, values: Readonly<Record<string, string>>, source: string): string {
  const unknown = new Set<string>();
  const filled = text.replace(PLACEHOLDER, (match, name: string) => {
    const value = values[name];
    if (value === undefined) unknown.add(name);
    return value ?? match;
  });
  if (unknown.size > 0) {
    throw new PackagingError(`${source} uses placeholders nobody fills: ${[...unknown].join(', ')}.`);
  }
  return filled;
}

interface ManifestFiles {
  readonly icons?: { readonly color?: unknown; readonly outline?: unknown };
  readonly localizationInfo?: {
    readonly defaultLanguageFile?: unknown;
    readonly additionalLanguages?: readonly { readonly file?: unknown }[];
  };
}

/** Files the manifest points to; Teams reads them from the package root. */
function referencedFiles(manifest: ManifestFiles): { icons: string[]; localizations: string[] } {
  const asName = (value: unknown, what: string): string => {
    if (typeof value !== 'string' || !value || value !== path.basename(value)) {
      throw new PackagingError(`The manifest's ${what} must be a file name at the package root; got ${JSON.stringify(value)}.`);
    }
    return value;
  };
  const icons = [asName(manifest.icons?.color, 'color icon'), asName(manifest.icons?.outline, 'outline icon')];
  const info = manifest.localizationInfo;
  const localizations = [
    ...(info?.defaultLanguageFile === undefined ? [] : [info.defaultLanguageFile]),
    ...(info?.additionalLanguages ?? []).map((language) => language.file),
  ].map((file) => asName(file, 'localization file'));
  return { icons, localizations };
}

/**
 * The published Localization schemas (v1.17+) contain two patterns with a lone "]"
 * (`…\\b]\\.description$`), which ajv rejects because it compiles patterns with the "u" flag.
 * Escaping that bracket keeps the meaning and lets the bundled schema validate offline.
 */
function withUnicodeSafePatterns(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withUnicodeSafePatterns);
  if (typeof value !== 'object' || value === null) return value;
  const fix = (pattern: string): string => {
    const fixed = pattern.replace(/\\b\]/g, '\\b\\]');
    try {
      new RegExp(fixed, 'u');
    } catch {
      throw new PackagingError(`The bundled schema has a pattern ajv cannot compile: ${pattern}`);
    }
    return fixed;
  };
  return Object.fromEntries(
    Object.entries(value).map(([key, child]) => {
      if (key === 'patternProperties' && typeof child === 'object' && child !== null) {
        return [key, Object.fromEntries(Object.entries(child).map(([pattern, rule]) => [fix(pattern), withUnicodeSafePatterns(rule)]))];
      }
      if (key === 'pattern' && typeof child === 'string') return [key, fix(child)];
      return [key, withUnicodeSafePatterns(child)];
    }),
  );
}

/**
 * Validates a manifest or localization file against the schema its "$schema" names, offline:
 * @microsoft/app-manifest bundles the developer.microsoft.com schemas. Returns the failures.
 */
export async function schemaFailures(document: { readonly $schema: string }): Promise<string[]> {
  const schema = withUnicodeSafePatterns(await AppManifestUtils.fetchSchema(document.$schema));
  return AppManifestUtils.validateAgainstSchema(
    document as unknown as AppManifest,
    schema as Awaited<ReturnType<typeof AppManifestUtils.fetchSchema>>,
  );
}

async function validated(json: string, source: string): Promise<Record<string, unknown>> {
  let document: unknown;
  try {
    document = JSON.parse(json);
  } catch (error) {
    throw new PackagingError(`${source} is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof document !== 'object' || document === null || typeof (document as { $schema?: unknown }).$schema !== 'string') {
    throw new PackagingError(`${source} needs a "$schema" URL to be validated.`);
  }
  const failures = await schemaFailures(document as { $schema: string });
  if (failures.length > 0) {
    throw new PackagingError(`${source} does not match its schema:\n  ${failures.join('\n  ')}`);
  }
  return document as Record<string, unknown>;
}

export async function packageApp(options: PackageOptions): Promise<PackageResult> {
  const sourceDir = path.join(options.rootDir, 'teamsAppManifest');
  const read = (name: string): Buffer => {
    const file = path.join(sourceDir, name);
    if (!fs.existsSync(file)) throw new PackagingError(`${path.relative(options.rootDir, file)} is missing.`);
    return fs.readFileSync(file);
  };
  const values = placeholderValues(options.env, options.demo);

  const manifestJson = fillPlaceholders(read('manifest.json').toString('utf8'), values, 'manifest.json');
  const manifest = await validated(manifestJson, 'manifest.json');
  const { icons, localizations } = referencedFiles(manifest as ManifestFiles);

  const entries: ZipEntry[] = [{ name: 'manifest.json', data: Buffer.from(manifestJson, 'utf8') }];
  for (const icon of icons) entries.push({ name: icon, data: read(icon) });
  for (const name of localizations) {
    const json = fillPlaceholders(read(name).toString('utf8'), values, name);
    await validated(json, name);
    entries.push({ name, data: Buffer.from(json, 'utf8') });
  }

  const outFile = options.outFile ?? path.join(options.rootDir, 'dist', PACKAGE_FILE_NAME);
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, createZip(entries));
  return { outFile, files: entries.map((entry) => entry.name), botId: values['BOT_ID'] ?? '', appId: values['TEAMS_APP_ID'] ?? '' };
}

async function main(): Promise<void> {
  const demo = process.argv.slice(2).includes('--demo');
  try {
    const result = await packageApp({ rootDir: path.resolve(__dirname, '../../..'), env: process.env, demo });
    process.stdout.write(
      `Teams app package written to ${result.outFile}\n` +
        `  app id ${result.appId}, bot id ${result.botId}${demo && result.botId === DEMO_BOT_ID ? ' (demo)' : ''}\n` +
        `  ${result.files.join(', ')}\n`,
    );
  } catch (error) {
    if (!(error instanceof PackagingError)) throw error;
    process.stderr.write(`Cannot package the Teams app: ${error.message}\n`);
    process.exitCode = 1;
  }
}

if (require.main === module) void main();

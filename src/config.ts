/**
 * One typed configuration read from the environment (names in .env.example). Fails fast with a
 * sentence naming the variable; never echoes a secret.
 */
import { z } from 'zod';

const optionalText = z
  .string()
  .optional()
  .transform((value) => (value && value.trim() !== '' ? value.trim() : undefined));
/** A whole number of milliseconds; unset or empty gives the default. */
const milliseconds = (fallback: number, max: number) =>
  z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
    z.coerce.number().int().min(1).max(max).default(fallback),
  );
const optionalGuid = optionalText.refine(
  (value) => value === undefined || /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value),
  'must be a GUID (an Entra object id)',
);

const environmentSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: optionalText,
  MicrosoftAppId: optionalText,
  MicrosoftAppPassword: optionalText,
  MicrosoftAppTenantId: optionalText,
  MicrosoftAppType: optionalText,
  ALLOW_ANONYMOUS_LOCAL: z
    .string()
    .optional()
    .transform((value) => (value ?? '').trim().toLowerCase())
    .refine((value) => ['', 'true', 'false'].includes(value), 'must be true or false')
    .transform((value) => value === 'true'),
  HOME_TENANT_ID: optionalText,
  AZURE_TENANT_ID: optionalText,
  AZURE_CLIENT_ID: optionalText,
  AZURE_CLIENT_SECRET: optionalText,
  AZURE_CLIENT_CERTIFICATE_PATH: optionalText,
  GRAPH_BASE_URL: optionalText.refine((value) => value === undefined || /^https?:\/\//.test(value), 'must be an http(s) URL'),
  DEMO_TENANT_FILE: optionalText,
  DATA_DIR: optionalText,
  STATE_FILE_ACCESS: z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
    z.enum(['exclusive', 'shared']).default('exclusive'),
  ),
  AZURE_STORAGE_CONNECTION_STRING: optionalText,
  AZURE_STORAGE_CONTAINER: optionalText.refine(
    (value) => value === undefined || (/^[a-z0-9](?:[a-z0-9]|-(?!-)){1,61}[a-z0-9]$/.test(value)),
    'must be a blob container name: 3 to 63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit',
  ),
  GRAPH_TIMEOUT_MS: milliseconds(30_000, 600_000),
  ASSIGNMENT_LEASE_MS: milliseconds(120_000, 86_400_000),
  RECOVERY_INTERVAL_MS: milliseconds(60_000, 86_400_000),
  ADMIN_GROUP_ID: optionalGuid,
  LICENSE_APPROVER_GROUP_ID: optionalGuid,
  ONPREM_PSTN_GROUP_ID: optionalGuid,
  ADMIN_CAN_SKIP_APPROVAL: z
    .string()
    .optional()
    .transform((value) => (value ?? '').trim().toLowerCase())
    .refine((value) => ['', 'true', 'false', '1', '0', 'yes', 'no'].includes(value), 'must be true or false')
    .transform((value) => ['true', '1', 'yes'].includes(value)),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  FOLLOW_UP_FIRST_CHECK_SECONDS: milliseconds(300, 86_400),
  LIFECYCLE_TICK_SECONDS: milliseconds(30, 3_600),
  APPROVAL_REMINDER_HOURS: milliseconds(24, 8_760),
  APPROVAL_ESCALATION_HOURS: milliseconds(48, 8_760),
  APPROVAL_EXPIRY_DAYS: milliseconds(7, 365),
});

export type GraphMode =
  /** No credentials and no GRAPH_BASE_URL: the embedded emulator on the demo tenant. */
  | { kind: 'demo'; tenantFile: string | undefined }
  /** GRAPH_BASE_URL without credentials: an emulator or proxy, called without a token. */
  | { kind: 'anonymous'; baseUrl: string }
  /** Real Graph (or GRAPH_BASE_URL) with an @azure/identity credential. */
  | { kind: 'credential'; baseUrl: string };

export interface GroupSettings {
  adminGroupId: string | undefined;
  approverGroupId: string | undefined;
  onPremPstnGroupId: string | undefined;
}

/** Where state lives: the embedded SQLite file (one process), or Azure Blob Storage (any number of instances). */
export type StorageMode =
  /** access: 'exclusive' (one process keeps the file, fastest) or 'shared' (other processes may open it too). */
  | { kind: 'embedded'; dataDir: string; access: 'exclusive' | 'shared' }
  /** The connection string is a secret: never log it. */
  | { kind: 'blob'; connectionString: string; container: string };

export const DEFAULT_BLOB_CONTAINER = 'license-desk';

export interface AppConfig {
  port: number;
  host: string | undefined;
  bot: { appId: string | undefined; appPassword: string | undefined; appTenantId: string | undefined; appType: string | undefined };
  /**
   * The one tenant the bot serves (HOME_TENANT_ID, else AZURE_TENANT_ID). Undefined only in demo mode, where it is the
   * demo tenant file's own tenantId.
   */
  homeTenantId: string | undefined;
  /** No Bot Framework token is checked: the demo, an emulator, or the explicit ALLOW_ANONYMOUS_LOCAL opt-in. */
  anonymous: boolean;
  graph: GraphMode;
  dataDir: string;
  storage: StorageMode;
  /** Every Graph HTTP request (each retry on its own) is abandoned after this long. */
  graphTimeoutMs: number;
  /** Claims on Graph writes: the lease a stopped process's claim keeps, and how often recovery looks for them. */
  assignment: { leaseMs: number; recoveryIntervalMs: number };
  groups: GroupSettings;
  /** Admins may add --no-approval to assign/remove/bulk commands (default false: everything is approved). */
  adminCanSkipApproval: boolean;
  /** The request's life after submission: follow-up checks, approval reminders, escalation and expiry. */
  lifecycle: { firstCheckMs: number; tickIntervalMs: number; reminderMs: number; escalationMs: number; expiryMs: number };
  logLevel: 'debug' | 'info' | 'warn' | 'error';
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(environment: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = environmentSchema.safeParse(environment);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration — ${problems.join('; ')}`);
  }
  const env = parsed.data;
  // In Azure with no explicit credential, the platform's managed identity endpoint is the credential.
  const managedIdentity = Boolean(environment.IDENTITY_ENDPOINT || environment.MSI_ENDPOINT);
  const hasCredential = Boolean(env.AZURE_CLIENT_ID || env.AZURE_CLIENT_SECRET || env.AZURE_CLIENT_CERTIFICATE_PATH || managedIdentity);
  if (env.AZURE_CLIENT_SECRET && env.AZURE_CLIENT_CERTIFICATE_PATH) {
    throw new ConfigError('Set AZURE_CLIENT_SECRET or AZURE_CLIENT_CERTIFICATE_PATH, not both.');
  }
  if ((env.AZURE_CLIENT_SECRET || env.AZURE_CLIENT_CERTIFICATE_PATH) && !(env.AZURE_TENANT_ID && env.AZURE_CLIENT_ID)) {
    throw new ConfigError('A Graph client secret or certificate needs AZURE_TENANT_ID and AZURE_CLIENT_ID too.');
  }
  if (env.MicrosoftAppId && !env.MicrosoftAppPassword && env.MicrosoftAppType !== 'UserAssignedMSI') {
    throw new ConfigError('MicrosoftAppId is set without MicrosoftAppPassword.');
  }
  if (env.AZURE_STORAGE_CONTAINER && !env.AZURE_STORAGE_CONNECTION_STRING) {
    throw new ConfigError('AZURE_STORAGE_CONTAINER is set without AZURE_STORAGE_CONNECTION_STRING.');
  }
  // A live claim must outlast the holder's Graph write, or a second instance could write too.
  if (env.ASSIGNMENT_LEASE_MS < 2 * env.GRAPH_TIMEOUT_MS) {
    throw new ConfigError('ASSIGNMENT_LEASE_MS must be at least twice GRAPH_TIMEOUT_MS.');
  }
  const homeTenantId = env.HOME_TENANT_ID ?? env.AZURE_TENANT_ID;
  const graphKind = hasCredential ? 'credential' : env.GRAPH_BASE_URL ? 'anonymous' : 'demo';
  // Outside the demo, the tenant the bot serves cannot be read from a tenant file: it has to be named.
  if (!homeTenantId && graphKind !== 'demo') {
    throw new ConfigError('Set HOME_TENANT_ID (or AZURE_TENANT_ID) to the id of the tenant whose Graph the bot uses: it serves that tenant only.');
  }
  // Unsigned traffic is accepted only where no real directory is at stake, or where an operator asked for it.
  if (!env.MicrosoftAppId && graphKind === 'credential') {
    if (!env.ALLOW_ANONYMOUS_LOCAL) {
      throw new ConfigError(
        'Graph credentials are set but MicrosoftAppId is not: set MicrosoftAppId and MicrosoftAppPassword (the Azure Bot\'s identity) ' +
          'so that only Bot Framework-signed requests are served, or set ALLOW_ANONYMOUS_LOCAL=true to test locally on 127.0.0.1 without them.',
      );
    }
    if (env.HOST && !isLoopback(env.HOST)) {
      throw new ConfigError(`ALLOW_ANONYMOUS_LOCAL serves unsigned requests on the loopback interface only: HOST=${env.HOST} is not a loopback address.`);
    }
  }
  const graph: GraphMode = hasCredential
    ? { kind: 'credential', baseUrl: env.GRAPH_BASE_URL ?? 'https://graph.microsoft.com' }
    : env.GRAPH_BASE_URL
      ? { kind: 'anonymous', baseUrl: env.GRAPH_BASE_URL }
      : { kind: 'demo', tenantFile: env.DEMO_TENANT_FILE };
  const anonymous = !env.MicrosoftAppId;
  return {
    port: env.PORT,
    // Without an app id nothing proves who is calling: unless told otherwise, listen on loopback only.
    host: env.HOST ?? (anonymous ? '127.0.0.1' : undefined),
    homeTenantId,
    anonymous,
    bot: { appId: env.MicrosoftAppId, appPassword: env.MicrosoftAppPassword, appTenantId: env.MicrosoftAppTenantId, appType: env.MicrosoftAppType },
    graph,
    dataDir: env.DATA_DIR ?? './data',
    storage: env.AZURE_STORAGE_CONNECTION_STRING
      ? { kind: 'blob', connectionString: env.AZURE_STORAGE_CONNECTION_STRING, container: env.AZURE_STORAGE_CONTAINER ?? DEFAULT_BLOB_CONTAINER }
      : { kind: 'embedded', dataDir: env.DATA_DIR ?? './data', access: env.STATE_FILE_ACCESS },
    graphTimeoutMs: env.GRAPH_TIMEOUT_MS,
    assignment: { leaseMs: env.ASSIGNMENT_LEASE_MS, recoveryIntervalMs: env.RECOVERY_INTERVAL_MS },
    groups: { adminGroupId: env.ADMIN_GROUP_ID, approverGroupId: env.LICENSE_APPROVER_GROUP_ID, onPremPstnGroupId: env.ONPREM_PSTN_GROUP_ID },
    adminCanSkipApproval: env.ADMIN_CAN_SKIP_APPROVAL,
    lifecycle: {
      firstCheckMs: env.FOLLOW_UP_FIRST_CHECK_SECONDS * 1000,
      tickIntervalMs: env.LIFECYCLE_TICK_SECONDS * 1000,
      reminderMs: env.APPROVAL_REMINDER_HOURS * 3_600_000,
      escalationMs: env.APPROVAL_ESCALATION_HOURS * 3_600_000,
      expiryMs: env.APPROVAL_EXPIRY_DAYS * 86_400_000,
    },
    logLevel: env.LOG_LEVEL,
  };
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/**
 * One typed configuration read from the environment (names in .env.example). Fails fast with a
 * sentence naming the variable; never echoes a secret.
 */
import { z } from 'zod';

const optionalText = z
  .string()
  .optional()
  .transform((value) => (value && value.trim() !== '' ? value.trim() : undefined));
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
  AZURE_TENANT_ID: optionalText,
  AZURE_CLIENT_ID: optionalText,
  AZURE_CLIENT_SECRET: optionalText,
  AZURE_CLIENT_CERTIFICATE_PATH: optionalText,
  GRAPH_BASE_URL: optionalText.refine((value) => value === undefined || /^https?:\/\//.test(value), 'must be an http(s) URL'),
  DEMO_TENANT_FILE: optionalText,
  DATA_DIR: optionalText,
  ADMIN_GROUP_ID: optionalGuid,
  LICENSE_APPROVER_GROUP_ID: optionalGuid,
  ONPREM_PSTN_GROUP_ID: optionalGuid,
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
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

export interface AppConfig {
  port: number;
  host: string | undefined;
  bot: { appId: string | undefined; appPassword: string | undefined; appTenantId: string | undefined; appType: string | undefined };
  graph: GraphMode;
  dataDir: string;
  groups: GroupSettings;
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
  const graph: GraphMode = hasCredential
    ? { kind: 'credential', baseUrl: env.GRAPH_BASE_URL ?? 'https://graph.microsoft.com' }
    : env.GRAPH_BASE_URL
      ? { kind: 'anonymous', baseUrl: env.GRAPH_BASE_URL }
      : { kind: 'demo', tenantFile: env.DEMO_TENANT_FILE };
  return {
    port: env.PORT,
    host: env.HOST,
    bot: { appId: env.MicrosoftAppId, appPassword: env.MicrosoftAppPassword, appTenantId: env.MicrosoftAppTenantId, appType: env.MicrosoftAppType },
    graph,
    dataDir: env.DATA_DIR ?? './data',
    groups: { adminGroupId: env.ADMIN_GROUP_ID, approverGroupId: env.LICENSE_APPROVER_GROUP_ID, onPremPstnGroupId: env.ONPREM_PSTN_GROUP_ID },
    logLevel: env.LOG_LEVEL,
  };
}

/**
 * Where the demo tenant lives. The JSON stays in src/emulator, while this module also runs compiled
 * from dist/src/emulator, so both places are checked.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const FILE_NAME = 'demo-tenant.json';

function locateDemoTenant(): string {
  const candidates = [
    join(__dirname, FILE_NAME),
    resolve(__dirname, '..', '..', '..', 'src', 'emulator', FILE_NAME),
  ];
  return candidates.find((candidate) => existsSync(candidate)) ?? (candidates[0] as string);
}

export const DEMO_TENANT_FILE = locateDemoTenant();

/** Fixed group ids of the demo tenant, the defaults of the bot's demo configuration. */
export const DEMO_GROUP_IDS = {
  ADMIN_GROUP_ID: '00000000-0000-0000-0000-000000000901',
  LICENSE_APPROVER_GROUP_ID: '00000000-0000-0000-0000-000000000902',
  ONPREM_PSTN_GROUP_ID: '00000000-0000-0000-0000-000000000903',
} as const;

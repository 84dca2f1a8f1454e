/** Opens the state the configuration asks for: Azure Blob Storage when a connection string is set, else embedded. */
import type { AppConfig } from '../config';
import { openBlobState } from './blob-state';
import { openEmbeddedState, type StateStores } from './open-state';

export async function openState(config: Pick<AppConfig, 'storage'>): Promise<StateStores> {
  return config.storage.kind === 'blob'
    ? openBlobState(config.storage.connectionString, config.storage.container)
    : openEmbeddedState(config.storage.dataDir);
}

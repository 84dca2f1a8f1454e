/** Opens the state the configuration asks for: Azure Blob Storage when a connection string is set, else embedded. */
import type { AppConfig } from '../config';
import type * as BlobState from './blob-state';
import { openEmbeddedState, type StateStores } from './open-state';

export async function openState(config: Pick<AppConfig, 'storage'>): Promise<StateStores> {
  return config.storage.kind === 'blob'
    ? loadBlobState().openBlobState(config.storage.connectionString, config.storage.container)
    : openEmbeddedState(config.storage.dataDir, { access: config.storage.access });
}

/**
 * Required only when Blob state is configured: @azure/storage-blob and botbuilder-azure-blobs are some 135 modules
 * and 4 MB of heap that a process on the embedded store would otherwise carry for nothing.
 */
function loadBlobState(): typeof BlobState {
  return require('./blob-state') as typeof BlobState;
}

/**
 * CSV files for people, the way Teams lets a bot send a file: a file consent card in the person's
 * personal chat (Teams' bot file APIs work only there; in channels and group chats a bot needs Graph
 * access to SharePoint, which License Desk does not ask for). When they accept, Teams answers with an
 * upload URL in their OneDrive; the bot uploads the stored CSV there and shows it as a file card.
 * The card carries only an export id; the file and its owner come from storage.
 */
import { randomUUID } from 'node:crypto';
import type { Storage } from 'botbuilder';
import type { Activity, TurnContext } from 'botbuilder';
import type { Person } from '../../domain/request';
import { translator } from '../../i18n';
import type { Logger } from '../../logger';
import { readDocument } from '../../storage/storage-items';
import type { ProactiveSender } from '../proactive-sender';

export const FILE_CONSENT_CARD = 'application/vnd.microsoft.teams.card.file.consent';
export const FILE_INFO_CARD = 'application/vnd.microsoft.teams.card.file.info';
const exportKey = (id: string) => `csv-exports/${encodeURIComponent(id)}`;

interface StoredExport {
  readonly ownerId: string;
  readonly tenantId: string;
  readonly fileName: string;
  readonly csv: string;
  readonly createdAt: string;
}

/** The value of a fileConsent/invoke (botbuilder's FileConsentCardResponse). */
export interface FileConsentAnswer {
  readonly action?: string;
  readonly context?: unknown;
  readonly uploadInfo?: { readonly name?: string; readonly uploadUrl?: string; readonly contentUrl?: string; readonly uniqueId?: string; readonly fileType?: string };
}

export class FileExports {
  constructor(
    private readonly storage: Storage,
    private readonly sender: ProactiveSender,
    private readonly log: Logger,
  ) {}

  /** Offers the CSV in the person's personal chat; `via` is a conversation the bot knows in that tenant. */
  async offer(input: { tenantId: string; owner: Person; fileName: string; csv: string; description: string; via: Readonly<Record<string, unknown>> }): Promise<void> {
    const id = randomUUID();
    const stored: StoredExport = { ownerId: input.owner.id, tenantId: input.tenantId, fileName: input.fileName, csv: input.csv, createdAt: new Date().toISOString() };
    await this.storage.write({ [exportKey(id)]: stored });
    const card = consentCard(id, input.fileName, input.description, Buffer.byteLength(input.csv, 'utf8'));
    await this.sender.sendToPerson(input.tenantId, input.owner, { type: 'message', attachments: [card] }, input.via);
  }

  /** The person accepted or declined the file consent card. */
  async answer(context: TurnContext, answer: FileConsentAnswer): Promise<void> {
    const t = translator(context.activity.locale);
    const exportId = (answer.context as { exportId?: unknown } | undefined)?.exportId;
    const stored = typeof exportId === 'string' ? await readDocument<StoredExport>(this.storage, exportKey(exportId)) : undefined;
    if (!stored || stored.value.ownerId !== context.activity.from?.aadObjectId) {
      await context.sendActivity(t('admin:export.notFound'));
      return;
    }
    if (answer.action !== 'accept') {
      await this.storage.delete([exportKey(exportId as string)]);
      await context.sendActivity(t('admin:export.declined'));
      return;
    }
    const upload = answer.uploadInfo;
    if (!upload?.uploadUrl || !isAllowedUploadUrl(upload.uploadUrl)) {
      await context.sendActivity(t('admin:export.failed'));
      return;
    }
    const bytes = Buffer.from(stored.value.csv, 'utf8');
    try {
      const response = await fetch(upload.uploadUrl, {
        method: 'PUT',
        headers: { 'Content-Length': String(bytes.length), 'Content-Range': `bytes 0-${bytes.length - 1}/${bytes.length}` },
        body: bytes,
      });
      if (!response.ok) throw new Error(`upload answered ${response.status}`);
    } catch (error) {
      this.log.warn('csv upload failed', { error: String(error) });
      await context.sendActivity(t('admin:export.failed'));
      return;
    }
    await this.storage.delete([exportKey(exportId as string)]);
    const fileCard: Partial<Activity> = {
      type: 'message',
      text: t('admin:export.ready', { name: upload.name ?? stored.value.fileName }),
      attachments: [
        {
          contentType: FILE_INFO_CARD,
          contentUrl: upload.contentUrl,
          name: upload.name ?? stored.value.fileName,
          content: { uniqueId: upload.uniqueId, fileType: upload.fileType ?? 'csv' },
        },
      ],
    };
    await context.sendActivity(fileCard);
  }
}

export function consentCard(exportId: string, fileName: string, description: string, sizeInBytes: number) {
  return {
    contentType: FILE_CONSENT_CARD,
    name: fileName,
    content: { description, sizeInBytes, acceptContext: { exportId }, declineContext: { exportId } },
  };
}

/** OneDrive upload sessions are https; plain http only on loopback (tests, local tools). */
function isAllowedUploadUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || (parsed.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname));
  } catch {
    return false;
  }
}

/**
 * Where a bulk list comes from: a file attached in the personal chat (Teams hands the bot a
 * "file.download.info" attachment with a short-lived downloadUrl), or lines pasted under the command.
 * In channels and group chats Teams does not give bots the file, only a link they cannot open.
 */
import type { Activity } from 'botbuilder';
import { DOWNLOAD_TIMEOUT_MS, MAX_BULK_FILE_BYTES } from '../../services/bulk/bulk-limits';
import { decodeListFile, isListError, listFormatOf, parseUserList, type ListError, type ParsedList } from '../../services/bulk/bulk-list';

export const FILE_DOWNLOAD_INFO = 'application/vnd.microsoft.teams.file.download.info';

export type ListInput =
  | { readonly kind: 'list'; readonly list: ParsedList; readonly source: { readonly kind: 'file' | 'inline'; readonly name?: string } }
  | { readonly kind: 'listError'; readonly error: ListError; readonly name?: string }
  | { readonly kind: 'fileTooLarge'; readonly name: string }
  | { readonly kind: 'unsupportedFile'; readonly name: string }
  | { readonly kind: 'downloadFailed'; readonly name: string }
  | { readonly kind: 'missing' };

interface DownloadInfo {
  readonly name?: string;
  readonly content?: { readonly downloadUrl?: string; readonly fileType?: string };
}

export async function readListInput(activity: Activity, inline: string): Promise<ListInput> {
  const file = (activity.attachments ?? []).find((attachment) => attachment.contentType === FILE_DOWNLOAD_INFO) as DownloadInfo | undefined;
  if (file) return readFile(file);
  const text = plainLines(inline);
  if (text.trim() === '') return { kind: 'missing' };
  const parsed = parseUserList(text, 'inline');
  return isListError(parsed) ? { kind: 'listError', error: parsed } : { kind: 'list', list: parsed, source: { kind: 'inline' } };
}

async function readFile(file: DownloadInfo): Promise<ListInput> {
  const name = file.name ?? 'list';
  const format = listFormatOf(file.name, file.content?.fileType);
  if (!format) return { kind: 'unsupportedFile', name };
  const url = file.content?.downloadUrl;
  if (!url || !isAllowedDownloadUrl(url)) return { kind: 'downloadFailed', name };
  const bytes = await download(url);
  if (bytes === 'tooLarge') return { kind: 'fileTooLarge', name };
  if (!bytes) return { kind: 'downloadFailed', name };
  const parsed = parseUserList(decodeListFile(bytes), format);
  return isListError(parsed) ? { kind: 'listError', error: parsed, name } : { kind: 'list', list: parsed, source: { kind: 'file', name } };
}

/** The file's bytes, never more than MAX_BULK_FILE_BYTES read. */
async function download(url: string): Promise<Uint8Array | 'tooLarge' | undefined> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
    if (!response.ok || !response.body) return undefined;
    if (Number(response.headers.get('content-length') ?? 0) > MAX_BULK_FILE_BYTES) return 'tooLarge';
    const chunks: Uint8Array[] = [];
    let size = 0;
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > MAX_BULK_FILE_BYTES) {
        await reader.cancel();
        return 'tooLarge';
      }
      chunks.push(value);
    }
    return Buffer.concat(chunks);
  } catch {
    return undefined;
  }
}

/** Teams' download URLs are https; plain http only on loopback (the Agents Playground, tests). */
function isAllowedDownloadUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || (parsed.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname));
  } catch {
    return false;
  }
}

/** Pasted lines as plain text: Teams may carry line breaks as <br> or <p> and addresses as links. */
function plainLines(text: string): string {
  return text
    .replace(/<br\s*\/?>|<\/p>|<\/div>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&');
}

/**
 * CSV exports through Teams' file consent card: what is offered, and what happens when the person
 * accepts (the stored CSV is uploaded to the upload URL Teams gives, then shown as a file card),
 * declines, or is not the person it was offered to.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { MemoryStorage, type TurnContext } from 'botbuilder';
import { FILE_CONSENT_CARD, FILE_INFO_CARD, FileExports } from '../../src/bot/admin/file-exports';
import type { ProactiveSender } from '../../src/bot/proactive-sender';
import { toCsv } from '../../src/bot/admin/csv';
import { createLogger } from '../../src/logger';

const OWNER = { id: 'owner-id', displayName: 'Ada Admin' };

function fakeContext(userId: string): { context: TurnContext; sent: any[] } {
  const sent: any[] = [];
  const context = { activity: { from: { id: `29:${userId}`, aadObjectId: userId }, locale: 'en-US' }, sendActivity: async (activity: unknown) => void sent.push(activity) };
  return { context: context as unknown as TurnContext, sent };
}

describe('CSV exports (file consent)', () => {
  let upload: { server: http.Server; url: string; received: { headers: http.IncomingHttpHeaders; body: string }[] };
  let offered: any[];
  let exports: FileExports;

  beforeEach(async () => {
    const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];
    const server = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
        response.writeHead(201);
        response.end('{}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    upload = { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/upload-session`, received };
    offered = [];
    const sender = { sendToPerson: async (_tenant: string, _person: unknown, activity: unknown) => void offered.push(activity) } as unknown as ProactiveSender;
    exports = new FileExports(new MemoryStorage(), sender, createLogger('error', () => undefined));
  });
  afterEach(() => upload.server.close());

  const csv = toCsv(['at', 'event'], [['2025-06-01T10:00:00Z', 'approved'], ['=cmd', 'Zoë, "quoted"']]);

  async function offer(): Promise<string> {
    await exports.offer({ tenantId: 't', owner: OWNER, fileName: 'audit.csv', csv, description: 'Audit', via: {} });
    const card = offered[0].attachments[0];
    assert.equal(card.contentType, FILE_CONSENT_CARD);
    assert.equal(card.name, 'audit.csv');
    assert.equal(card.content.sizeInBytes, Buffer.byteLength(csv, 'utf8'));
    assert.deepEqual(Object.keys(card.content.acceptContext), ['exportId'], 'the card carries only an export id');
    return card.content.acceptContext.exportId;
  }

  const uploadInfo = () => ({ name: 'audit.csv', uploadUrl: upload.url, contentUrl: 'https://contoso-my.sharepoint.com/audit.csv', uniqueId: 'unique-1', fileType: 'csv' });

  it('accept: uploads exactly the stored CSV with a Content-Range, then shows the file card', async () => {
    const exportId = await offer();
    const { context, sent } = fakeContext(OWNER.id);
    await exports.answer(context, { action: 'accept', context: { exportId }, uploadInfo: uploadInfo() });
    assert.equal(upload.received.length, 1);
    assert.equal(upload.received[0]!.body, csv);
    const size = Buffer.byteLength(csv, 'utf8');
    assert.equal(upload.received[0]!.headers['content-range'], `bytes 0-${size - 1}/${size}`);
    const fileCard = sent[0].attachments[0];
    assert.equal(fileCard.contentType, FILE_INFO_CARD);
    assert.deepEqual(fileCard.content, { uniqueId: 'unique-1', fileType: 'csv' });
    await exports.answer(context, { action: 'accept', context: { exportId }, uploadInfo: uploadInfo() });
    assert.equal(upload.received.length, 1, 'an export is uploaded once');
  });

  it('someone else accepting the card gets nothing uploaded', async () => {
    const exportId = await offer();
    const { context, sent } = fakeContext('intruder');
    await exports.answer(context, { action: 'accept', context: { exportId }, uploadInfo: uploadInfo() });
    assert.equal(upload.received.length, 0);
    assert.match(String(sent[0]), /no longer available/);
  });

  it('decline: nothing is uploaded and the export is dropped', async () => {
    const exportId = await offer();
    const { context, sent } = fakeContext(OWNER.id);
    await exports.answer(context, { action: 'decline', context: { exportId } });
    assert.match(String(sent[0]), /won't save/);
    await exports.answer(context, { action: 'accept', context: { exportId }, uploadInfo: uploadInfo() });
    assert.equal(upload.received.length, 0);
  });

  it('an upload URL that is neither https nor loopback is refused', async () => {
    const exportId = await offer();
    const { context, sent } = fakeContext(OWNER.id);
    await exports.answer(context, { action: 'accept', context: { exportId }, uploadInfo: { ...uploadInfo(), uploadUrl: 'http://10.0.0.5/upload' } });
    assert.equal(upload.received.length, 0);
    assert.match(String(sent[0]), /couldn't upload/);
  });

  it('the CSV opens safely in Excel: BOM, quoting, formulas neutralised', () => {
    assert.ok(csv.startsWith('\uFEFFat,event\r\n'));
    assert.ok(csv.includes(`'=cmd,"Zoë, ""quoted"""`));
  });
});

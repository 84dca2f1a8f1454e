/**
 * `npm start`'s first minutes: the start-up ends with two plain lines (not JSON) for people, where the bot
 * listens and how to talk to it; and `npm run playground` finds a License Desk already running on the port.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BotProcess } from '../support/bot-process';
import { runningLicenseDesk } from '../../src/tools/playground';

describe('start-up: what `npm start` says last (integration, separate process)', function () {
  this.timeout(60000);
  let dataDir = '';
  let bot: BotProcess | undefined;
  before(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'license-desk-startup-'));
  });
  after(async () => {
    await bot?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('ends with where the bot listens and `npm run playground`, in plain text; the playground sees it running', async () => {
    bot = new BotProcess({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir });
    await bot.start();
    const deadline = Date.now() + 10000;
    while (!/npm run playground/.test(bot.output) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    const lines = bot.output.split('\n').map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('(node:') && !line.startsWith('(Use `node'));
    const [listens, talk] = lines.slice(-2);
    const port = new URL(bot.url).port;
    assert.equal(listens, `License Desk listens on http://localhost:${port}/api/messages`);
    assert.match(talk ?? '', /^To talk to it, run `npm run playground` in another terminal/);
    for (const line of [listens, talk]) assert.ok(!line?.startsWith('{'), 'plain text, not JSON');
    assert.equal(await runningLicenseDesk(Number(port)), `http://127.0.0.1:${port}`);
  });

  it('the playground finds no License Desk on a port nobody answers', async () => {
    assert.equal(await runningLicenseDesk(1), undefined);
  });
});

/**
 * What a License Desk process holds at idle (its require cache, read inside the real process over IPC): packages
 * that only some configurations or some turns need are loaded when first needed, not at start-up (see the lazy
 * loaders in src/app.ts, src/storage/open-state-for-config.ts, cards/fill-template.ts, src/domain/duration.ts).
 * Asserts on module presence only, never on memory or time.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startHarness, type Harness } from '../support/harness';
import { BotProcess } from '../support/bot-process';
import { adaptiveCardOf, choiceButtons } from '../support/cards';
import type { LoadedModulesAnswer, LoadedModulesRequest } from '../support/loaded-modules-probe';
import { TeamsUser } from '../support/teams-user';

const PROBE = path.resolve(__dirname, '../support/loaded-modules-probe.js');
const SOURCE_ROOT = path.resolve(__dirname, '../..');

/** Package (or app folder) → how to recognise its files in the require cache. */
const node = (name: string) => (file: string) => file.includes(`${path.sep}node_modules${path.sep}${name}${path.sep}`);
const appFolder = (folder: string) => (file: string) => file.startsWith(path.join(SOURCE_ROOT, folder) + path.sep);

/** Needed only in some configurations or on some turns: never at idle in GRAPH_BASE_URL mode with embedded state. */
const LAZY: readonly (readonly [string, (file: string) => boolean])[] = [
  ['@azure/storage-blob (Blob state only)', node('@azure/storage-blob')],
  ['botbuilder-azure-blobs (Blob state only)', node('botbuilder-azure-blobs')],
  ['the Graph emulator (demo mode only)', appFolder('src/emulator')],
  ['adaptivecards-templating (first card)', node('adaptivecards-templating')],
  ['adaptive-expressions (first card)', node('adaptive-expressions')],
  ['@microsoft/recognizers-text-date-time (first duration)', node('@microsoft/recognizers-text-date-time')],
  ['@microsoft/recognizers-text-number (first duration: the date-time recognizer needs it)', node('@microsoft/recognizers-text-number')],
];
/** Loaded by botbuilder's prompts, which the dialogs do not use (dialogs/questions.ts): never in a chat turn. */
const NOT_FOR_CHAT: readonly (readonly [string, (file: string) => boolean])[] = [
  ['@microsoft/recognizers-text-suite (botbuilder prompt cultures)', node('@microsoft/recognizers-text-suite')],
  ['@microsoft/recognizers-text-choice (botbuilder prompts)', node('@microsoft/recognizers-text-choice')],
  ['globalize (botbuilder prompts)', node('globalize')],
];
/** Never in a running bot at all. */
const DEV_ONLY: readonly (readonly [string, (file: string) => boolean])[] = [
  ['jsdom', node('jsdom')],
  ['mocha', node('mocha')],
  ['playwright-core', node('playwright-core')],
  ['typescript', node('typescript')],
  ['azurite', node('azurite')],
  ['adaptivecards (the renderer, tests only)', node('adaptivecards')],
];

/** License Desk as its own process with the probe preloaded; ready when it logs its messaging endpoint. */
class ProbedBot {
  private bot?: BotProcess;

  get url(): string {
    return this.bot?.url ?? '';
  }

  async start(environment: Record<string, string>): Promise<void> {
    this.bot = new BotProcess({ ...environment, PORT: '0', HOST: '127.0.0.1' }, { nodeArgs: ['-r', PROBE], ipc: true });
    await this.bot.start(30000);
  }

  async loadedFiles(): Promise<readonly string[]> {
    const child = this.bot?.process;
    if (!child?.connected) throw new Error('the bot process is not running');
    return new Promise((resolve) => {
      const onMessage = (message: LoadedModulesAnswer) => {
        if (message?.type !== 'loaded-modules') return;
        child.off('message', onMessage);
        resolve(message.files);
      };
      child.on('message', onMessage);
      const request: LoadedModulesRequest = { type: 'loaded-modules' };
      child.send(request);
    });
  }

  async stop(): Promise<void> {
    await this.bot?.stop('SIGTERM');
  }
}

const loaded = (files: readonly string[], matches: (file: string) => boolean) => files.some(matches);

describe('start-up footprint: what the bot process loads before it needs it (integration)', function () {
  this.timeout(90000);

  describe('GRAPH_BASE_URL mode with embedded state', () => {
    let h: Harness;
    const bot = new ProbedBot();

    before(async () => {
      h = await startHarness();
      await h.app.close(); // the bot runs as its own process here, so that its require cache is its own
      await bot.start(h.environment);
    });
    after(async () => {
      await bot.stop();
      await h.connector.stop();
      await h.emulator.close();
      fs.rmSync(h.dataDir, { recursive: true, force: true });
    });

    it('holds the chat path at idle (the probe sees the process)', async () => {
      const files = await bot.loadedFiles();
      for (const [name, matches] of [['botbuilder', node('botbuilder')], ['restify', node('restify')], ['the app', appFolder('src')]] as const) {
        assert.ok(loaded(files, matches), `${name} is loaded`);
      }
    });

    for (const [name, matches] of [...LAZY, ...NOT_FOR_CHAT, ...DEV_ONLY]) {
      it(`has not loaded ${name} at idle`, async () => {
        const files = await bot.loadedFiles();
        assert.deepEqual(files.filter(matches).map((file) => path.relative(SOURCE_ROOT, file)), []);
      });
    }

    it('loads the card templating with the first card, and the request goes through', async () => {
      const user = (name: string) => {
        const person = h.tenant.users.find((candidate) => candidate.displayName === name);
        assert.ok(person, name);
        return new TeamsUser({ aadObjectId: person.id, name, tenantId: h.tenant.tenantId }, () => bot.url, h.connector);
      };
      const rita = user('Rita Requester');
      assert.equal(await rita.say('give Alice Anders a calling plan'), 200);
      await h.connector.waitFor((entry) => choiceButtons(entry).includes('Send for approval'), 'the confirmation prompt');
      assert.equal(loaded(await bot.loadedFiles(), node('adaptivecards-templating')), false, 'no card yet');
      assert.equal(await rita.say('Send for approval'), 200);
      await h.connector.waitFor((entry) => adaptiveCardOf(entry) !== undefined, 'the approval card');
      const files = await bot.loadedFiles();
      assert.ok(loaded(files, node('adaptivecards-templating')), 'adaptivecards-templating is loaded once a card was sent');
      assert.equal(loaded(files, appFolder('src/emulator')), false, 'the emulator is still not loaded');
      assert.equal(loaded(files, node('@azure/storage-blob')), false, 'Blob storage is still not loaded');
      for (const [name, matches] of NOT_FOR_CHAT) assert.equal(loaded(files, matches), false, `${name} is still not loaded after a whole request`);
    });
  });

  describe('demo mode', () => {
    const bot = new ProbedBot();
    let dataDir = '';

    before(async () => {
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'license-desk-footprint-'));
      await bot.start({ DATA_DIR: dataDir });
    });
    after(async () => {
      await bot.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    });

    it('loads the embedded Graph emulator, and still not Blob storage', async () => {
      const files = await bot.loadedFiles();
      assert.ok(loaded(files, appFolder('src/emulator')), 'the emulator is loaded in demo mode');
      assert.equal(loaded(files, node('@azure/storage-blob')), false);
      assert.equal(loaded(files, node('botbuilder-azure-blobs')), false);
    });
  });
});

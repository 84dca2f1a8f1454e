import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEMO_BOT_ID, PackagingError, fillPlaceholders, packageApp, placeholderValues } from '../../src/tools/package-app';
import { readZip } from './read-zip';

const ROOT = path.resolve(__dirname, '../../..');
const BOT_ID = '0f6e3d2c-1b0a-4987-8765-43210fedcba9';
const APP_ID = '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d';
const EXPECTED_FILES = ['manifest.json', 'color.png', 'outline.png', 'zh-cn.json', 'zh-tw.json', 'ja-jp.json', 'fr-fr.json'];

describe('npm run package', () => {
  let directory = '';
  beforeEach(() => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'package-app-'));
  });
  afterEach(() => fs.rmSync(directory, { recursive: true, force: true }));

  const build = (env: Record<string, string | undefined>, demo = false) =>
    packageApp({ rootDir: ROOT, env, demo, outFile: path.join(directory, 'app.zip') });

  it('writes a zip with exactly the manifest, the icons and the localization files at its root', async () => {
    const result = await build({ MicrosoftAppId: BOT_ID });
    const files = readZip(fs.readFileSync(result.outFile));
    assert.deepEqual(files.map((file) => file.name), EXPECTED_FILES);
    assert.deepEqual(result.files, EXPECTED_FILES);
    for (const name of EXPECTED_FILES.slice(1)) {
      assert.deepEqual(files.find((file) => file.name === name)?.data, fs.readFileSync(path.join(ROOT, 'teamsAppManifest', name)), name);
    }
  });

  it('fills the ids from MicrosoftAppId and TEAMS_APP_ID', async () => {
    const result = await build({ MicrosoftAppId: BOT_ID, TEAMS_APP_ID: APP_ID });
    const manifestFile = readZip(fs.readFileSync(result.outFile)).find((file) => file.name === 'manifest.json');
    const text = manifestFile?.data.toString('utf8') ?? '';
    assert.doesNotMatch(text, /\$\{\{/);
    const manifest = JSON.parse(text) as { id: string; bots: { botId: string }[]; webApplicationInfo: { id: string; resource: string } };
    assert.equal(manifest.id, APP_ID);
    assert.equal(manifest.bots[0]?.botId, BOT_ID);
    assert.deepEqual(manifest.webApplicationInfo, { id: BOT_ID, resource: `api://botid-${BOT_ID}` });
  });

  it('uses the bot id as app id when TEAMS_APP_ID is not set', () => {
    assert.deepEqual(placeholderValues({ MicrosoftAppId: BOT_ID, TEAMS_APP_ID: '' }, false), { BOT_ID, TEAMS_APP_ID: BOT_ID });
  });

  it('uses the demo id with --demo when MicrosoftAppId is not set, and the real one when it is', async () => {
    assert.equal((await build({}, true)).botId, DEMO_BOT_ID);
    assert.equal((await build({ MicrosoftAppId: BOT_ID }, true)).botId, BOT_ID);
  });

  const refusals: readonly [string, Record<string, string | undefined>, RegExp][] = [
    ['MicrosoftAppId missing', {}, /MicrosoftAppId is not set.*--demo/s],
    ['MicrosoftAppId blank', { MicrosoftAppId: '  ' }, /MicrosoftAppId is not set/],
    ['MicrosoftAppId not a GUID', { MicrosoftAppId: 'my-bot' }, /MicrosoftAppId must be a GUID/],
    ['TEAMS_APP_ID not a GUID', { MicrosoftAppId: BOT_ID, TEAMS_APP_ID: '123' }, /TEAMS_APP_ID must be a GUID/],
  ];
  for (const [name, env, message] of refusals) {
    it(`refuses with a clear message: ${name}`, async () => {
      await assert.rejects(build(env), (error: unknown) => error instanceof PackagingError && message.test(error.message));
      assert.equal(fs.existsSync(path.join(directory, 'app.zip')), false);
    });
  }

  it('refuses a placeholder nobody fills', () => {
    assert.throws(() => fillPlaceholders('{"id":"${{OTHER}}"}', { BOT_ID }, 'manifest.json'), /OTHER/);
    assert.equal(fillPlaceholders('{"id":"${{ BOT_ID }}"}', { BOT_ID }, 'manifest.json'), `{"id":"${BOT_ID}"}`);
  });
});

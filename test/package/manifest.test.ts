import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppManifestUtils } from '@microsoft/app-manifest';
import { fillPlaceholders, schemaFailures } from '../../src/tools/package-app';

const ROOT = path.resolve(__dirname, '../../..');
const SOURCE = path.join(ROOT, 'teamsAppManifest');
const BOT_ID = '0f6e3d2c-1b0a-4987-8765-43210fedcba9';
const APP_ID = '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d';
const LANGUAGES = ['zh-cn', 'zh-tw', 'ja-jp', 'fr-fr'];

interface Command {
  readonly title: string;
  readonly description?: string;
}
interface Manifest {
  readonly $schema: string;
  readonly manifestVersion: string;
  readonly id: string;
  readonly name: { readonly short: string; readonly full?: string };
  readonly description: { readonly short: string; readonly full: string };
  readonly developer: Record<string, string>;
  readonly icons: { readonly color: string; readonly outline: string };
  readonly bots: readonly {
    readonly botId: string;
    readonly scopes: readonly string[];
    readonly supportsFiles?: boolean;
    readonly commandLists: readonly { readonly scopes: readonly string[]; readonly commands: readonly Command[] }[];
  }[];
  readonly webApplicationInfo: { readonly id: string; readonly resource: string };
  readonly localizationInfo: {
    readonly defaultLanguageTag: string;
    readonly additionalLanguages: readonly { readonly languageTag: string; readonly file: string }[];
  };
}

const template = fs.readFileSync(path.join(SOURCE, 'manifest.json'), 'utf8');
const filledJson = fillPlaceholders(template, { BOT_ID, TEAMS_APP_ID: APP_ID }, 'manifest.json');
const manifest = JSON.parse(filledJson) as Manifest;
const readLocalization = (file: string) =>
  JSON.parse(fs.readFileSync(path.join(SOURCE, file), 'utf8')) as Record<string, string> & { $schema: string };

async function validateFile(json: string): Promise<string[]> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'manifest-'));
  try {
    const file = path.join(directory, 'manifest.json');
    fs.writeFileSync(file, json);
    const [, failures] = await AppManifestUtils.readAndValidateTeamsManifest(file);
    return failures;
  } finally {
    fs.rmSync(directory, { recursive: true, force: true });
  }
}

describe('Teams app manifest', () => {
  it('uses only the BOT_ID and TEAMS_APP_ID placeholders', () => {
    const names = [...template.matchAll(/\$\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1]);
    assert.deepEqual([...new Set(names)].sort(), ['BOT_ID', 'TEAMS_APP_ID']);
  });

  it('names a bundled developer.microsoft.com schema, version 1.19 or newer', () => {
    const [major = 0, minor = 0] = manifest.manifestVersion.split('.').map(Number);
    assert.ok(major > 1 || (major === 1 && minor >= 19), manifest.manifestVersion);
    assert.equal(
      manifest.$schema,
      `https://developer.microsoft.com/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`,
    );
    const bundled = require.resolve(`@microsoft/app-manifest/build/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`);
    assert.ok(fs.existsSync(bundled));
  });

  it('validates against the official schema offline with zero errors', async () => {
    assert.deepEqual(await validateFile(filledJson), []);
  });

  it('is refused by the same validation when a field breaks the schema', async () => {
    const broken = { ...manifest, name: { short: 'x'.repeat(31) }, accentColor: 'purple' };
    const failures = await validateFile(JSON.stringify(broken));
    assert.ok(failures.some((failure) => failure.startsWith('/name/short')), failures.join('\n'));
    assert.ok(failures.some((failure) => failure.startsWith('/accentColor')), failures.join('\n'));
  });

  it('fills the app id, the bot id and the SSO resource', () => {
    assert.equal(manifest.id, APP_ID);
    assert.equal(manifest.bots[0]?.botId, BOT_ID);
    assert.deepEqual(manifest.webApplicationInfo, { id: BOT_ID, resource: `api://botid-${BOT_ID}` });
  });

  it('has https developer links and both icons', () => {
    for (const key of ['websiteUrl', 'privacyUrl', 'termsOfUseUrl']) {
      assert.match(manifest.developer[key] ?? '', /^https:\/\//, key);
    }
    assert.deepEqual(manifest.icons, { color: 'color.png', outline: 'outline.png' });
  });

  it('offers the bot in personal, team and group chat scopes, with files', () => {
    const bot = manifest.bots[0];
    assert.deepEqual([...(bot?.scopes ?? [])].sort(), ['groupChat', 'personal', 'team']);
    assert.equal(bot?.supportsFiles, true);
  });

  describe('command lists', () => {
    const lists = manifest.bots[0]?.commandLists ?? [];
    const titlesFor = (scope: string) => lists.find((list) => list.scopes.includes(scope))?.commands.map((command) => command.title);
    const teamCommands = ['help', 'seats', 'pending', 'status', 'audit', 'assign', 'remove', 'bulk assign', 'bulk remove', 'cancel'];

    it('has one list per scope', () => {
      assert.deepEqual(lists.map((list) => list.scopes), [['personal'], ['team'], ['groupChat']]);
    });

    it('offers request examples, "my requests" and help in personal chat', () => {
      const titles = titlesFor('personal') ?? [];
      assert.ok(titles.length >= 5, titles.join(', '));
      assert.ok(titles.includes('my requests') && titles.includes('help'));
    });

    for (const scope of ['team', 'groupChat']) {
      it(`offers the admin commands in ${scope}`, () => {
        assert.deepEqual(titlesFor(scope), teamCommands);
      });
    }

    it('gives every command a short title and a description', () => {
      for (const command of lists.flatMap((list) => list.commands)) {
        assert.ok(command.title.length > 0 && command.title.length <= 32, command.title);
        assert.ok((command.description ?? '').length > 0 && (command.description ?? '').length <= 128, command.title);
      }
    });
  });

  describe('localization', () => {
    it('defaults to en-us and adds zh-cn, zh-tw, ja-jp and fr-fr', () => {
      assert.equal(manifest.localizationInfo.defaultLanguageTag, 'en-us');
      assert.deepEqual(
        manifest.localizationInfo.additionalLanguages.map((language) => [language.languageTag, language.file]),
        LANGUAGES.map((tag) => [tag, `${tag}.json`]),
      );
    });

    for (const tag of LANGUAGES) {
      describe(tag, () => {
        const localized = readLocalization(`${tag}.json`);

        it('validates against the bundled Localization schema', async () => {
          assert.match(localized.$schema, new RegExp(`/teams/v${manifest.manifestVersion.replace('.', '\\.')}/MicrosoftTeams\\.Localization\\.schema\\.json$`));
          assert.deepEqual(await schemaFailures(localized), []);
        });

        it('translates the names and descriptions', () => {
          assert.equal(localized['name.short'], manifest.name.short, 'the brand stays');
          for (const key of ['name.full', 'description.short', 'description.full'] as const) {
            const english = key === 'name.full' ? manifest.name.full : manifest.description[key === 'description.short' ? 'short' : 'full'];
            assert.ok(localized[key] && localized[key] !== english, `${key} translated`);
          }
        });

        it('translates every command description, for commands that exist', () => {
          const lists = manifest.bots[0]?.commandLists ?? [];
          for (const [listIndex, list] of lists.entries()) {
            for (const commandIndex of list.commands.keys()) {
              const key = `bots[0].commandLists[${listIndex}].commands[${commandIndex}].description`;
              assert.ok(localized[key] && localized[key] !== list.commands[commandIndex]?.description, key);
            }
          }
          for (const key of Object.keys(localized).filter((name) => name.startsWith('bots['))) {
            const match = /^bots\[0\]\.commandLists\[(\d+)\]\.commands\[(\d+)\]\.(title|description)$/.exec(key);
            assert.ok(match, key);
            assert.ok(lists[Number(match[1])]?.commands[Number(match[2])], `${key} points at a command`);
          }
        });
      });
    }

    it('is refused when a localized string breaks the schema', async () => {
      const broken = { ...readLocalization('fr-fr.json'), 'name.short': 'x'.repeat(31), 'bots[0].unknown': 'x' };
      const failures = await schemaFailures(broken);
      assert.ok(failures.length >= 2, failures.join('\n'));
    });
  });
});

/**
 * `npm run playground`: License Desk on the demo tenant with Microsoft 365 Agents Playground in front
 * of it. A Playground has one current user and no way to switch, so each person of the story gets
 * their own Playground, as each would have their own Teams client: Megan Bowen (the approver) and
 * Alex Wilber (the requester). Both talk to the same bot; the bot reaches Megan proactively through
 * the conversation her Playground opened. The end-to-end test starts the Playgrounds the same way.
 *
 *   npm run playground                         Playgrounds on 56151 (Megan) and 56150 (Alex) in front of License Desk:
 *                                              the one `npm start` runs on PORT (default 3978) when it answers
 *                                              /healthz there, otherwise its own, with its own DATA_DIR under a
 *                                              temp folder (unless DATA_DIR is set), so it never meets the state
 *                                              file lock of another License Desk
 *   node dist/src/tools/playground.js --print-config ["Megan Bowen"]
 *                                              the Playground config for one person (the repo's
 *                                              .m365agentsplayground.yml is Alex's)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startLicenseDesk, type RunningLicenseDesk } from '../app';
import { loadConfig } from '../config';
import { createLogger } from '../logger';

/** A person as the Playground's config file describes one (its field names, typo included). */
export interface PlaygroundPerson {
  /** The Teams channel id of the user (`from.id`), not an Entra id. */
  readonly id: string;
  readonly name: string;
  readonly userPrincipleName: string;
  readonly aadObjectId: string;
  readonly givenName: string;
  readonly surname: string;
  readonly email: string;
}

/** The Playground's six default people (package 0.2.28); the demo tenant knows them by aadObjectId. */
export const PLAYGROUND_PEOPLE: readonly PlaygroundPerson[] = [
  person('user-id-0', 'Alex', 'Wilber', 'alexw', '20'),
  person('user-id-1', 'Megan', 'Bowen', 'meganb', '21'),
  person('user-id-2', 'Adele', 'Vance', 'adelev', '22'),
  person('user-id-3', 'Isaiah', 'Langer', 'isaiah', '23', 'isaiahl'),
  person('user-id-4', 'Patti', 'Fernandez', 'pattif', '24'),
  person('user-id-5', 'Lynne', 'Robbins', 'lynner', '25'),
];

export const PLAYGROUND_TENANT_ID = '00000000-0000-0000-0000-0000000000001';
export const REQUESTER = 'Alex Wilber';
export const APPROVER = 'Megan Bowen';

function person(id: string, givenName: string, surname: string, upnName: string, idSuffix: string, mailName = upnName): PlaygroundPerson {
  return {
    id,
    name: `${givenName} ${surname}`,
    userPrincipleName: `${upnName}@example.com`,
    aadObjectId: `00000000-0000-0000-0000-00000000000${idSuffix}`,
    givenName,
    surname,
    email: `${mailName}@example.com`,
  };
}

/** The config file (schema 0.1.1) of one person's Playground. */
export interface PlaygroundConfig {
  readonly version: '0.1.1';
  readonly tenantId: string;
  readonly bot: { readonly id: string; readonly name: string };
  readonly currentUser: PlaygroundPerson;
  /** Everyone else: the schema wants exactly five. */
  readonly users: readonly PlaygroundPerson[];
  readonly personalChat: { readonly id: string };
  readonly groupChat: { readonly id: string; readonly name: string };
  readonly team: {
    readonly id: string;
    readonly name: string;
    readonly aadGroupId: string;
    readonly channels: readonly { readonly id: string; readonly name: string }[];
  };
}

/**
 * The Playground of `currentUserName`. The group chat and the team are the same in everyone's
 * Playground (one tenant, one team); each person has their own personal chat with the bot.
 */
export function playgroundConfig(currentUserName: string): PlaygroundConfig {
  const currentUser = PLAYGROUND_PEOPLE.find((candidate) => candidate.name === currentUserName);
  if (!currentUser) {
    throw new Error(`"${currentUserName}" is not a Playground person; pick one of: ${PLAYGROUND_PEOPLE.map((p) => p.name).join(', ')}.`);
  }
  return {
    version: '0.1.1',
    tenantId: PLAYGROUND_TENANT_ID,
    bot: { id: '00000000-0000-0000-0000-00000000000011', name: 'License Desk' },
    currentUser,
    users: PLAYGROUND_PEOPLE.filter((other) => other !== currentUser),
    personalChat: { id: `personal-chat-${currentUser.id}` },
    groupChat: { id: 'group-chat-licensing', name: 'Licensing questions' },
    team: {
      id: 'team-it-operations',
      name: 'IT Operations',
      // "All Company" in the demo tenant
      aadGroupId: '00000000-0000-0000-0000-000000000905',
      channels: [{ id: 'channel-licences', name: 'Licences' }],
    },
  };
}

const YAML_HEADER = [
  '# yaml-language-server: $schema=https://aka.ms/teams-app-test-tool-config/0.1.1/config.schema.json',
  '# Microsoft 365 Agents Playground: who is who when you chat with License Desk locally.',
  '# The people are the Playground\'s defaults; the demo tenant (src/emulator/demo-tenant.json) knows them',
  '# by aadObjectId. `npm run playground` starts one Playground per person from configs like this one.',
  '# Generated: node dist/src/tools/playground.js --print-config > .m365agentsplayground.yml',
];

/** YAML for the config; strings are double-quoted (JSON strings are valid YAML scalars). */
export function playgroundConfigYaml(config: PlaygroundConfig): string {
  return `${[...YAML_HEADER, ...yamlLines(config, '')].join('\n')}\n`;
}

function yamlLines(value: object, indent: string): string[] {
  const lines: string[] = [];
  for (const [key, item] of Object.entries(value)) {
    if (Array.isArray(item)) {
      lines.push(`${indent}${key}:`);
      for (const element of item as object[]) {
        const [first = '', ...rest] = yamlLines(element, `${indent}    `);
        lines.push(`${indent}  - ${first.trimStart()}`, ...rest);
      }
    } else if (typeof item === 'object' && item !== null) {
      lines.push(`${indent}${key}:`, ...yamlLines(item, `${indent}  `));
    } else {
      lines.push(`${indent}${key}: ${JSON.stringify(item)}`);
    }
  }
  return lines;
}

export interface PlaygroundOptions {
  /** Whose Playground: one of PLAYGROUND_PEOPLE's names. */
  readonly person: string;
  /** The bot's messaging endpoint, e.g. http://127.0.0.1:3978/api/messages. */
  readonly botEndpoint: string;
  /** 0: any free port. A taken port makes the Playground pick a free one itself. */
  readonly port: number;
  /** Receives the config and log files, and is the Playground's working directory. */
  readonly workDir: string;
}

export interface RunningPlayground {
  readonly person: string;
  readonly url: string;
  readonly port: number;
  /** Where the bot sends its replies to this Playground (its mocked Bot Connector). */
  readonly serviceUrl: string;
  /** What the Playground printed so far (for failure messages). */
  output(): string;
  stop(): Promise<void>;
}

export const PLAYGROUND_CLI = require.resolve('@microsoft/m365agentsplayground/cli.js');
const START_TIMEOUT_MS = 30000;

/** Starts one person's Playground (offline: no telemetry, no browser) and waits until it listens. */
export async function startPlayground(options: PlaygroundOptions): Promise<RunningPlayground> {
  const slug = options.person.toLowerCase().replace(/[^a-z]+/g, '-');
  const configFile = path.join(options.workDir, `${slug}.m365agentsplayground.yml`);
  fs.writeFileSync(configFile, playgroundConfigYaml(playgroundConfig(options.person)));
  const child = spawn(
    process.execPath,
    [PLAYGROUND_CLI, '-e', options.botEndpoint, '-c', 'msteams', '--disable-telemetry', '-p', String(options.port)],
    {
      cwd: options.workDir,
      env: {
        ...process.env,
        TEAMSAPPTESTER_BROWSER: 'none',
        APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
        M365_AGENTS_PLAYGROUND_CONFIG_PATH: configFile,
        M365_AGENTS_PLAYGROUND_LOGFILE: path.join(options.workDir, `${slug}.log`),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => fail(`did not start within ${START_TIMEOUT_MS / 1000} s`), START_TIMEOUT_MS);
    const fail = (why: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`The Playground for ${options.person} ${why}:\n${output}`));
    };
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const listening = /Listening on (\d+)/.exec(output);
      if (listening) {
        clearTimeout(timer);
        resolve(Number(listening[1]));
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code, signal) => fail(`exited (${signal ?? code}) before it listened`));
  });
  return {
    person: options.person,
    url: `http://localhost:${port}`,
    port,
    serviceUrl: `http://localhost:${port}/_connector`,
    output: () => output,
    stop: () => stopChild(child),
  };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Megan's first: the bot learns her personal chat when her Playground connects, as when she installs the app. */
const PLAYGROUNDS = [
  { person: APPROVER, port: 56151, role: 'approver' },
  { person: REQUESTER, port: 56150, role: 'requester' },
] as const;

async function main(argv: readonly string[]): Promise<void> {
  const printAt = argv.indexOf('--print-config');
  if (printAt >= 0) {
    process.stdout.write(playgroundConfigYaml(playgroundConfig(argv[printAt + 1] ?? REQUESTER)));
    return;
  }
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'license-desk-playground-'));
  const config = loadConfig({ ...process.env, DATA_DIR: process.env['DATA_DIR'] ?? path.join(workDir, 'data') });
  const log = createLogger(config.logLevel);
  const running = await runningLicenseDesk(config.port);
  let bot: RunningLicenseDesk | undefined;
  const playgrounds: RunningPlayground[] = [];
  let endpointLine = '';
  const stop = async () => {
    for (const playground of playgrounds) await playground.stop();
    await bot?.close();
    fs.rmSync(workDir, { recursive: true, force: true });
  };
  process.once('SIGINT', () => void stop().then(() => process.exit(0)));
  process.once('SIGTERM', () => void stop().then(() => process.exit(0)));
  try {
    // `npm start` is running: talk to it. Otherwise a License Desk of our own, on PORT if free (any port if not).
    if (running === undefined) bot = await startLicenseDesk((await portIsFree(config.port)) ? config : { ...config, port: 0 }, { log });
    const botUrl = running ?? bot?.url ?? '';
    const botEndpoint = `${botUrl}/api/messages`;
    endpointLine = running
      ? `License Desk: ${botEndpoint} (the one \`npm start\` runs; Playgrounds attached to it)`
      : `License Desk: ${botEndpoint} (started by the playground, Graph: ${bot?.graphDescription}, data in ${config.dataDir})`;
    for (const { person, port } of PLAYGROUNDS) playgrounds.push(await startPlayground({ person, botEndpoint, port, workDir }));
  } catch (error) {
    await stop();
    throw error;
  }
  const [approver, requester] = playgrounds;
  const lines = [endpointLine];
  if (config.graph.kind !== 'demo') lines.push('Note: the Playground people exist only in the demo tenant; unset the Graph variables to use it.');
  if (config.bot.appId) lines.push('Note: MicrosoftAppId is set, so the bot refuses the Playground\'s unsigned requests; unset it here.');
  lines.push(
    'Open both Playgrounds, Megan\'s first, and keep both tabs open (reloading a tab clears its chat):',
    `  ${approver?.person} (approver):  ${approver?.url}`,
    `  ${requester?.person} (requester): ${requester?.url}`,
    'As Alex, type "give Alice a calling plan"; approve in Megan\'s tab. Ctrl+C stops everything.',
  );
  process.stdout.write(`\n${lines.join('\n')}\n\n`);
}

/** The URL of a License Desk answering /healthz on this port of the loopback interface, if one does. */
export async function runningLicenseDesk(port: number): Promise<string | undefined> {
  if (port === 0) return undefined;
  const url = `http://127.0.0.1:${port}`;
  try {
    const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
    const body = (await response.json().catch(() => undefined)) as { status?: unknown } | undefined;
    return response.ok && body?.status === 'ok' ? url : undefined;
  } catch {
    return undefined;
  }
}

async function portIsFree(port: number): Promise<boolean> {
  if (port === 0) return true;
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}

/**
 * Where a process's time went, from a V8 .cpuprofile (node --cpu-prof): every sample is charged to the innermost
 * frame that belongs to a known part (the SQLite state, the Graph client, the Bot Connector client, dialogs …), so
 * that time inside node's own HTTP or promise code lands on whoever asked for it.
 * Usage: node dist/test/bench/cpu-profile-summary.js <file.cpuprofile> [top functions]
 */
import fs from 'node:fs';

interface CallFrame {
  readonly functionName: string;
  readonly url: string;
  readonly lineNumber: number;
}
interface ProfileNode {
  readonly id: number;
  readonly callFrame: CallFrame;
  readonly children?: readonly number[];
}
interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

const PARTS: readonly (readonly [string, (frame: CallFrame) => boolean])[] = [
  ['garbage collection', (frame) => frame.functionName === '(garbage collector)'],
  ['module loading (start-up)', (frame) => /^Module\._(load|compile)$/.test(frame.functionName)],
  ['state storage (SQLite WASM, src/storage)', (frame) => /node-sqlite3-wasm|^wasm:|\/dist\/src\/storage\//.test(frame.url)],
  ['Graph client (SDK, src/graph)', (frame) => /microsoft-graph-client|\/dist\/src\/graph\//.test(frame.url)],
  ['Bot Connector client (replies)', (frame) => /botframework-connector|@azure\/core-|@typespec\/ts-http-runtime|botframework-schema/.test(frame.url)],
  ['restify (incoming HTTP)', (frame) => /node_modules\/restify\/|find-my-way/.test(frame.url)],
  ['dialogs and recognizers', (frame) => /botbuilder-dialogs|@microsoft\/recognizers-text/.test(frame.url)],
  ['botbuilder (adapter, turn, state)', (frame) => /node_modules\/(botbuilder|botbuilder-core|botbuilder-stdlib|botframework-[a-z-]+)\//.test(frame.url)],
  ['i18next', (frame) => /i18next/.test(frame.url)],
  ['domain (parse, rules)', (frame) => /\/dist\/src\/domain\//.test(frame.url)],
  ['License Desk code (bot, services, dialogs, cards)', (frame) => /\/dist\/(src|dialogs|cards)\//.test(frame.url)],
];

export function summarize(profile: CpuProfile): { busyMs: number; parts: [string, number][]; functions: [string, number][] } {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const selfTime = new Map<number, number>();
  profile.samples.forEach((id, index) => selfTime.set(id, (selfTime.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0)));
  const parts = new Map<string, number>();
  const functions = new Map<string, number>();
  let busy = 0;
  for (const [id, micros] of selfTime) {
    const leaf = nodes.get(id)?.callFrame;
    if (!leaf || leaf.functionName === '(idle)') continue;
    busy += micros;
    let part = 'node runtime and other';
    for (let current: number | undefined = id; current !== undefined; current = parents.get(current)) {
      const frame = nodes.get(current)?.callFrame;
      const match = frame && PARTS.find(([, test]) => test(frame));
      if (match) {
        part = match[0];
        break;
      }
    }
    parts.set(part, (parts.get(part) ?? 0) + micros);
    const name = `${leaf.functionName || '(anonymous)'} ${leaf.url.replace(/^.*node_modules\//, '').replace(/^.*\/dist\//, '')}:${leaf.lineNumber + 1}`;
    functions.set(name, (functions.get(name) ?? 0) + micros);
  }
  const sorted = (map: Map<string, number>) => [...map].sort((a, b) => b[1] - a[1]).map(([key, micros]) => [key, micros / 1000] as [string, number]);
  return { busyMs: busy / 1000, parts: sorted(parts), functions: sorted(functions) };
}

if (require.main === module) {
  const [file, top] = process.argv.slice(2);
  if (!file) throw new Error('usage: cpu-profile-summary <file.cpuprofile> [top functions]');
  const { busyMs, parts, functions } = summarize(JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile);
  const startUp = parts.find(([part]) => part.startsWith('module loading'))?.[1] ?? 0;
  const afterStart = busyMs - startUp;
  console.log(`busy ${busyMs.toFixed(0)} ms, of which ${startUp.toFixed(0)} ms loading modules; shares below exclude module loading`);
  for (const [part, value] of parts) if (!part.startsWith('module loading')) console.log(`${((value / afterStart) * 100).toFixed(1).padStart(5)}%  ${value.toFixed(0).padStart(7)} ms  ${part}`);
  console.log('\nfunctions by self time:');
  for (const [name, value] of functions.slice(0, Number(top ?? 25))) console.log(`${((value / busyMs) * 100).toFixed(1).padStart(5)}%  ${name}`);
}

/**
 * How well the parser understands people as they write (node dist/test/bench/understanding.bench.js): the corpus in
 * test/fixtures/utterances/ parsed entry by entry. Prints accuracy per language and per kind of phrase, then every
 * miss and, apart, every wrong request (a request other than the one meant: worse than a miss). Asserts nothing;
 * test/unit/understanding-corpus.test.ts holds the floor.
 */
import { CORPUS_LANGUAGES, describe, scoreCorpus, tally, type Scored, type Tally } from './understanding-corpus';
import { printTable } from './bench-report';

const percent = (part: number, whole: number): string => (whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(1)}%`);
const row = (key: string, value: Tally): string[] => [key, String(value.total), String(value.right), String(value.total - value.right - value.wrong), String(value.wrong), percent(value.right, value.total)];
const HEADER = ['', 'entries', 'right', 'missed', 'wrong', 'accuracy'];

function listOf(title: string, items: readonly Scored[]): void {
  console.log(`\n${title} (${items.length})`);
  for (const item of items) {
    const meant = `${item.entry.intent} [${(item.entry.products ?? []).join(', ')}] person=${item.entry.person ?? '-'}`;
    console.log(`  ${item.language.padEnd(5)} ${item.entry.kind.padEnd(13)} ${JSON.stringify(item.entry.text)}\n        meant: ${meant}\n        read:  ${describe(item.parsed)}`);
  }
}

function main(): void {
  const scored = scoreCorpus();
  const byLanguage = tally(scored, (item) => item.language);
  printTable('Understanding per language', HEADER, CORPUS_LANGUAGES.map((language) => row(language, byLanguage.get(language) ?? { total: 0, right: 0, wrong: 0 })));
  const all = tally(scored, () => 'all').get('all');
  if (all) console.log(row('all', all).join('  '));
  const byKind = tally(scored, (item) => item.entry.kind);
  printTable('Understanding per kind of phrase', HEADER, [...byKind.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([kind, value]) => row(kind, value)));
  listOf('Misses (not understood: the bot asks back)', scored.filter((item) => item.outcome === 'miss'));
  listOf('Wrong requests (understood as something else)', scored.filter((item) => item.outcome === 'wrong'));
}

main();

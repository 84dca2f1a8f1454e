/**
 * The utterance corpus (test/fixtures/utterances/*.jsonl) and its score, shared by `npm run bench:understanding`
 * and the unit test that keeps it from regressing. Each entry says what a message means; the parser's reading is
 * one of: right, a miss (nothing or a question back: the dialog asks) or a wrong request (a request other than the
 * one meant, or a request where none was meant). A wrong request is worse than a miss, so it is counted apart.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseUtterance, type ParsedUtterance, type PersonReference } from '../../src/domain/parse';

export const CORPUS_LANGUAGES = ['en', 'zh-CN', 'zh-TW', 'ja', 'fr'] as const;
export type CorpusLanguage = (typeof CORPUS_LANGUAGES)[number];

export interface CorpusEntry {
  readonly text: string;
  readonly intent: 'assign' | 'remove' | 'question' | 'unknown';
  /** A name as written, an e-mail address, or "$self" for the requester; absent when the text names nobody. */
  readonly person?: string;
  /** Ask keys (catalog part numbers), in any order. */
  readonly products?: readonly string[];
  /** Seconds, when the text says how long. */
  readonly duration?: number;
  /** The kind of phrase, for the per-kind figures: plain, polite, change, removal, typo, question… */
  readonly kind: string;
}

export type Outcome = 'right' | 'miss' | 'wrong';

export interface Scored {
  readonly language: CorpusLanguage;
  readonly entry: CorpusEntry;
  readonly parsed: ParsedUtterance;
  readonly outcome: Outcome;
}

const CORPUS_DIR = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'utterances');

export function loadCorpus(language: CorpusLanguage): CorpusEntry[] {
  const file = path.join(CORPUS_DIR, `${language.toLowerCase()}.jsonl`);
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as CorpusEntry);
}

export function scoreCorpus(): Scored[] {
  return CORPUS_LANGUAGES.flatMap((language) =>
    loadCorpus(language).map((entry) => {
      const parsed = parseUtterance(entry.text);
      return { language, entry, parsed, outcome: judge(entry, parsed) };
    }),
  );
}

/** A request the bot would act on: products and a person, not a question, nothing to ask back. */
export function readsAsRequest(parsed: ParsedUtterance): boolean {
  return !parsed.question && parsed.products.length > 0 && parsed.person !== undefined && parsed.productCandidates.length === 0;
}

export function judge(entry: CorpusEntry, parsed: ParsedUtterance): Outcome {
  if (entry.intent === 'question') return parsed.question ? 'right' : readsAsRequest(parsed) ? 'wrong' : 'miss';
  if (entry.intent === 'unknown') return readsAsRequest(parsed) ? 'wrong' : 'right';
  // A request without a person is right when the parser found the products and asks who.
  const complete = entry.person === undefined ? !parsed.question && parsed.products.length > 0 && parsed.person === undefined : readsAsRequest(parsed);
  if (!complete) return parsed.person !== undefined && parsed.products.length > 0 && !parsed.question && parsed.productCandidates.length === 0 ? 'wrong' : 'miss';
  const same =
    parsed.action === entry.intent &&
    samePerson(entry.person, parsed.person) &&
    sameProducts(entry.products ?? [], parsed.products) &&
    (entry.duration === undefined || parsed.duration?.seconds === entry.duration);
  return same ? 'right' : 'wrong';
}

function samePerson(expected: string | undefined, actual: PersonReference | undefined): boolean {
  if (expected === undefined || actual === undefined) return expected === actual;
  if (expected === '$self') return actual.kind === 'self';
  if (actual.kind === 'self') return false;
  const squash = (text: string): string => text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
  return squash(expected) === squash(actual.value);
}

function sameProducts(expected: readonly string[], actual: readonly string[]): boolean {
  return expected.length === actual.length && expected.every((key) => actual.includes(key));
}

export interface Tally {
  readonly total: number;
  readonly right: number;
  readonly wrong: number;
}

/** Right, wrong and total per group (language, kind…). */
export function tally(scored: readonly Scored[], groupOf: (item: Scored) => string): Map<string, Tally> {
  const groups = new Map<string, Tally>();
  for (const item of scored) {
    const key = groupOf(item);
    const before = groups.get(key) ?? { total: 0, right: 0, wrong: 0 };
    groups.set(key, { total: before.total + 1, right: before.right + (item.outcome === 'right' ? 1 : 0), wrong: before.wrong + (item.outcome === 'wrong' ? 1 : 0) });
  }
  return groups;
}

/** How the parser read an entry, in one line, for the lists of misses. */
export function describe(parsed: ParsedUtterance): string {
  const person = parsed.person === undefined ? '-' : parsed.person.kind === 'self' ? 'self' : parsed.person.value;
  const flags = [parsed.question ? 'question' : '', parsed.productCandidates.length > 0 ? `candidates ${parsed.productCandidates.join('|')}` : ''].filter(Boolean);
  return `${parsed.action} [${parsed.products.join(', ')}] person=${person}${parsed.unmatchedText ? ` unmatched="${parsed.unmatchedText}"` : ''}${flags.length ? ` ${flags.join(' ')}` : ''}`;
}

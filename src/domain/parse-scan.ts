/**
 * The lexicon of the utterance parser (every vocabulary phrase with its role) and the scan that
 * finds phrases in folded text: at each position the longest phrase wins, then matching resumes
 * after it. Matching is a plain character walk (no regular expressions), linear in practice.
 */
import { ASK_ALIASES, CATALOG } from './catalog';
import { BLANK, foldPhrase, isCompactChar, isWordChar } from './parse-text';
import { NEUTRAL_PRODUCTS, VOCABULARIES, type ParseLanguage, type Vocabulary } from './vocabulary';

/** In order of precedence when two roles claim the same span. */
export const TERM_ROLES = [
  'product',
  'removeVerb',
  'changeVerb',
  'assignVerb',
  'questionWord',
  'questionMark',
  'personFollows',
  'personPrecedes',
  'sourceFollows',
  'sourcePrecedes',
  'self',
  'article',
  'licenceNoun',
  'filler',
] as const;
export type TermRole = (typeof TERM_ROLES)[number];

export interface Term {
  readonly phrase: string;
  readonly role: TermRole;
  readonly partNumber: string | undefined;
  /** Empty for language-neutral phrases (part numbers, "E3"). */
  readonly languages: readonly ParseLanguage[];
  readonly pluralSuffixes: readonly string[];
  readonly pattern: TermPattern;
}

/** Per phrase position: may the blank be absent, may text blanks be skipped before the character. */
export interface TermPattern {
  readonly blankOptional: readonly boolean[];
  readonly blanksSkippable: readonly boolean[];
  readonly startsWithWordChar: boolean;
  readonly endsWithWordChar: boolean;
}

export interface TermMatch {
  readonly start: number;
  readonly end: number;
  readonly term: Term;
  /** Languages of every phrase that fits this span exactly ("a" is English, "à" folds to it too). */
  readonly languages: readonly ParseLanguage[];
}

export interface Lexicon {
  /** Terms by the first character of their folded phrase, longest phrase first. */
  readonly byFirstChar: ReadonlyMap<string, readonly Term[]>;
}

const ROLE_FIELDS: readonly (readonly [TermRole, keyof Omit<Vocabulary, 'language' | 'products' | 'pluralSuffixes'>])[] = [
  ['removeVerb', 'removeVerbs'],
  ['changeVerb', 'changeVerbs'],
  ['assignVerb', 'assignVerbs'],
  ['questionWord', 'questionWords'],
  ['questionMark', 'questionMarks'],
  ['personFollows', 'personFollows'],
  ['personPrecedes', 'personPrecedes'],
  ['sourceFollows', 'sourceFollows'],
  ['sourcePrecedes', 'sourcePrecedes'],
  ['self', 'self'],
  ['article', 'articles'],
  ['licenceNoun', 'licenceNouns'],
  ['filler', 'fillers'],
];

interface TermEntry {
  phrase: string;
  role: TermRole;
  partNumber: string | undefined;
  languages: Set<ParseLanguage>;
  suffixes: Set<string>;
}

/** Collects phrases as terms; identical phrases of several languages (same role and part number) are merged. */
class TermCollector {
  private readonly entries = new Map<string, TermEntry>();

  add(text: string, role: TermRole, partNumber: string | undefined, vocabulary?: Vocabulary): void {
    const phrase = foldPhrase(text);
    if (phrase === '') return;
    const key = `${role}\u0001${partNumber ?? ''}\u0001${phrase}`;
    const entry = this.entries.get(key) ?? { phrase, role, partNumber, languages: new Set(), suffixes: new Set() };
    if (vocabulary) {
      entry.languages.add(vocabulary.language);
      if (role === 'product' || role === 'licenceNoun') vocabulary.pluralSuffixes.forEach((suffix) => entry.suffixes.add(suffix));
    }
    this.entries.set(key, entry);
  }

  terms(): Term[] {
    return [...this.entries.values()].map((entry) => ({
      phrase: entry.phrase,
      role: entry.role,
      partNumber: entry.partNumber,
      languages: [...entry.languages],
      pluralSuffixes: [...entry.suffixes],
      pattern: patternOf(entry.phrase),
    }));
  }
}

function productTerms(): readonly Term[] {
  const products = new TermCollector();
  CATALOG.forEach((product) => products.add(product.partNumber, 'product', product.partNumber));
  // The seeds' spellings of part numbers, typed by people who learnt them from the articles.
  Object.entries(ASK_ALIASES).forEach(([alias, key]) => products.add(alias, 'product', key));
  NEUTRAL_PRODUCTS.forEach(({ partNumber, phrases }) => phrases.forEach((phrase) => products.add(phrase, 'product', partNumber)));
  for (const vocabulary of VOCABULARIES) {
    vocabulary.products.forEach(({ partNumber, phrases }) => phrases.forEach((phrase) => products.add(phrase, 'product', partNumber, vocabulary)));
  }
  return products.terms();
}

/**
 * Product terms: the same in every lexicon (every language's product names are always recognised), so they are
 * built once and shared by the six lexicons rather than copied into each (they are six in seven terms).
 */
export const PRODUCT_TERMS = productTerms();

/** Builds the lexicon: the neutral products and part numbers, every language's products, and the
 * other roles of the given languages only. Identical phrases of several languages are merged. */
export function buildLexicon(functionWordLanguages: readonly ParseLanguage[]): Lexicon {
  const functionWords = new TermCollector();
  for (const vocabulary of VOCABULARIES) {
    if (!functionWordLanguages.includes(vocabulary.language)) continue;
    for (const [role, field] of ROLE_FIELDS) vocabulary[field].forEach((phrase) => functionWords.add(phrase, role, undefined, vocabulary));
  }

  const byFirstChar = new Map<string, Term[]>();
  for (const term of [...PRODUCT_TERMS, ...functionWords.terms()]) {
    const first = term.phrase.charAt(0);
    const list = byFirstChar.get(first) ?? [];
    list.push(term);
    byFirstChar.set(first, list);
  }
  for (const list of byFirstChar.values()) list.sort((a, b) => b.phrase.length - a.phrase.length || TERM_ROLES.indexOf(a.role) - TERM_ROLES.indexOf(b.role));
  return { byFirstChar };
}

/** Leftmost-longest phrase matches in folded text; CLAIMED characters never match. */
export function scanTerms(folded: string, lexicon: Lexicon): TermMatch[] {
  const matches: TermMatch[] = [];
  let position = 0;
  while (position < folded.length) {
    const best = bestMatchAt(folded, position, lexicon);
    if (best) {
      matches.push(best);
      position = best.end;
    } else {
      position += 1;
    }
  }
  return matches;
}

function bestMatchAt(folded: string, start: number, lexicon: Lexicon): TermMatch | undefined {
  const candidates = lexicon.byFirstChar.get(folded.charAt(start));
  if (!candidates) return undefined;
  const insideWord = isWordChar(folded[start - 1]);
  let best: { end: number; term: Term; languages: Set<ParseLanguage> } | undefined;
  for (const term of candidates) {
    if (insideWord && term.pattern.startsWithWordChar) continue;
    const end = matchEnd(folded, start, term);
    if (end === undefined || (best && end < best.end)) continue;
    if (!best || end > best.end) best = { end, term, languages: new Set() };
    term.languages.forEach((language) => best?.languages.add(language));
  }
  return best && { start, end: best.end, term: best.term, languages: [...best.languages] };
}

/** Where the term's phrase ends when it matches at start, undefined otherwise. */
function matchEnd(folded: string, start: number, term: Term): number | undefined {
  const { phrase, pattern } = term;
  let at = start;
  for (let index = 0; index < phrase.length; index += 1) {
    const char = phrase.charAt(index);
    if (char === BLANK) {
      const blanksEnd = skipBlanks(folded, at);
      if (blanksEnd === at && !pattern.blankOptional[index]) return undefined;
      at = blanksEnd;
      continue;
    }
    if (pattern.blanksSkippable[index]) at = skipBlanks(folded, at);
    if (folded.charAt(at) !== char) return undefined;
    at += 1;
  }
  return endWithSuffix(folded, at, term);
}

/** The phrase must not end inside a word; a plural suffix may extend it ("plans"). */
function endWithSuffix(folded: string, end: number, term: Term): number | undefined {
  if (!term.pattern.endsWithWordChar || !isWordChar(folded[end])) return end;
  for (const suffix of term.pluralSuffixes) {
    if (folded.startsWith(suffix, end) && !isWordChar(folded[end + suffix.length])) return end + suffix.length;
  }
  return undefined;
}

/**
 * How a phrase matches, worked out once: a blank in the phrase matches a run of blanks and is
 * optional next to CJK; blanks in the text are skipped inside CJK phrases ("通话 计划").
 */
function patternOf(phrase: string): TermPattern {
  const chars = [...phrase];
  const blankOptional: boolean[] = [];
  const blanksSkippable: boolean[] = [];
  for (let index = 0; index < phrase.length; index += 1) {
    const previous = phrase[index - 1];
    const nextToCompact = isCompactChar(previous) || isCompactChar(phrase[index + 1]) || isCompactChar(phrase[index]);
    blankOptional.push(nextToCompact);
    blanksSkippable.push(index > 0 && previous !== BLANK && nextToCompact);
  }
  return {
    blankOptional,
    blanksSkippable,
    startsWithWordChar: isWordChar(chars[0]),
    endsWithWordChar: isWordChar(chars[chars.length - 1]),
  };
}

function skipBlanks(folded: string, at: number): number {
  let position = at;
  while (folded.charAt(position) === BLANK) position += 1;
  return position;
}

/** The language whose phrases matched most often (ties: the one matched first); neutral phrases do not vote. */
export function detectLanguage(matches: readonly TermMatch[]): ParseLanguage | undefined {
  const votes = new Map<ParseLanguage, { count: number; first: number }>();
  for (const match of matches) {
    for (const language of match.languages) {
      const vote = votes.get(language) ?? { count: 0, first: match.start };
      vote.count += 1;
      votes.set(language, vote);
    }
  }
  let winner: ParseLanguage | undefined;
  let best = { count: 0, first: Infinity };
  for (const [language, vote] of votes) {
    if (vote.count > best.count || (vote.count === best.count && vote.first < best.first)) {
      winner = language;
      best = vote;
    }
  }
  return winner;
}

const ALL_LANGUAGES = VOCABULARIES.map((vocabulary) => vocabulary.language);
/** Every language's function words: used to find out which language the text is in. */
export const FULL_LEXICON = buildLexicon(ALL_LANGUAGES);
/** Per language: all products, but only that language's function words. */
export const LEXICON_BY_LANGUAGE: ReadonlyMap<ParseLanguage, Lexicon> = new Map(ALL_LANGUAGES.map((language) => [language, buildLexicon([language])]));

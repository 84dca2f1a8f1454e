/**
 * Product names with a slip ("caling plan", "audio conferncing", "phone sytem", "teams phnoe"): words no phrase
 * covered are compared with the product phrases. One close product is read as that product; several close
 * products are handed back as candidates, for the dialog to ask "did you mean …?". Only Latin-script phrases and
 * whole words are compared: a CJK character is a word of its own, and one changed character makes another word.
 *
 * How close: Damerau-Levenshtein distance ≤ 1 for phrases under 8 letters, ≤ 2 for longer ones but ≤ 1 in each
 * word ("phone systemic" is no slip of "phone system"); phrases under
 * 6 letters ("e3", "teams") and free words under 4 letters are never corrected, as names are that short too
 * ("give Teans a calling plan" names Teans). A slip in a number ("microsoft 365 e4", "skype plan 3") may mean
 * another product, so it is always asked back, even when one product is close.
 */
import { editDistanceWithin } from './edit-distance';
import { PRODUCT_TERMS, type Term, type TermMatch, type TermRole } from './parse-scan';
import { isWordChar } from './parse-text';

export interface FuzzyReading {
  /** The matches with each corrected phrase in place of the words it covers. */
  readonly matches: TermMatch[];
  /** Spans close to several products, with their part numbers. */
  readonly ambiguous: readonly { readonly start: number; readonly end: number; readonly partNumbers: readonly string[] }[];
}

/**
 * Terms a corrected window never swallows: verbs and the requester say what is asked and for whom. Anything else
 * ("plan" in "caling plan", "teams" in "teams phnoe", "d'" in "forfiat d'appels") may be part of a slip.
 */
const KEPT_ROLES: readonly TermRole[] = ['assignVerb', 'removeVerb', 'changeVerb', 'self', 'questionWord'];
const MAX_WINDOW_WORDS = 4;
const MIN_PHRASE_LETTERS = 6;
const MIN_FREE_WORD = 4;
const LATIN_PHRASE = /^[a-z0-9' ]+$/;

interface Word {
  readonly start: number;
  readonly end: number;
  /** The match covering the word, if any. */
  readonly match: TermMatch | undefined;
}

interface FuzzyTerm {
  readonly term: Term;
  readonly letters: number;
}

const FUZZY_TERMS: readonly FuzzyTerm[] = PRODUCT_TERMS.filter((term) => LATIN_PHRASE.test(term.phrase) && term.partNumber !== undefined)
  .map((term) => ({ term, letters: term.phrase.replace(/ /g, '').length }))
  .filter((entry) => entry.letters >= MIN_PHRASE_LETTERS);

const boundOf = (letters: number): number => (letters < 8 ? 1 : 2);
const MAX_BOUND = 2;

/** The phrases by length: a window is compared only with phrases at most MAX_BOUND characters longer or shorter. */
const TERMS_BY_LENGTH: ReadonlyMap<number, readonly FuzzyTerm[]> = FUZZY_TERMS.reduce((byLength, entry) => {
  byLength.set(entry.term.phrase.length, [...(byLength.get(entry.term.phrase.length) ?? []), entry]);
  return byLength;
}, new Map<number, FuzzyTerm[]>());

/**
 * Slips are looked for in texts of request length only: the comparison costs a few milliseconds per hundred words,
 * and a long text (a pasted e-mail) is read on its exact phrases, as before.
 */
const MAX_CORRECTED_TEXT = 400;

export function correctProducts(folded: string, matches: readonly TermMatch[]): FuzzyReading {
  if (folded.length > MAX_CORRECTED_TEXT) return { matches: [...matches], ambiguous: [] };
  const words = wordsOf(folded, matches);
  const corrected: TermMatch[] = [];
  const ambiguous: { start: number; end: number; partNumbers: string[] }[] = [];
  let index = 0;
  while (index < words.length) {
    const found = closestAt(folded, words, index);
    if (!found) {
      index += 1;
      continue;
    }
    const partNumbers = [...new Set(found.terms.map((term) => term.partNumber ?? ''))];
    const [only] = found.terms;
    const numberChanged = found.terms.some((term) => digitsOf(term.phrase) !== digitsOf(folded.slice(found.start, found.end)));
    if (partNumbers.length === 1 && only && !numberChanged) corrected.push({ start: found.start, end: found.end, term: only, languages: [] });
    else ambiguous.push({ start: found.start, end: found.end, partNumbers });
    index = found.nextWord;
  }
  if (corrected.length === 0 && ambiguous.length === 0) return { matches: [...matches], ambiguous };
  const taken = [...corrected, ...ambiguous];
  const kept = matches.filter((match) => !taken.some((span) => match.start >= span.start && match.end <= span.end));
  return { matches: [...kept, ...corrected].sort((a, b) => a.start - b.start), ambiguous };
}

/** The widest window of words starting at the index that is close to a product phrase, if any. */
function closestAt(folded: string, words: readonly Word[], index: number): { start: number; end: number; nextWord: number; terms: Term[] } | undefined {
  for (let size = Math.min(MAX_WINDOW_WORDS, words.length - index); size >= 1; size -= 1) {
    const window = words.slice(index, index + size);
    if (!correctable(folded, window)) continue;
    const first = window[0];
    const last = window[window.length - 1];
    if (!first || !last) continue;
    const text = folded.slice(first.start, last.end).replace(/ +/g, ' ');
    const close = closestTerms(text);
    if (close.length > 0) return { start: first.start, end: last.end, nextWord: index + size, terms: close };
  }
  return undefined;
}

/** The product terms at the smallest distance from the text (not 0: exact phrases were matched already). */
function closestTerms(text: string): Term[] {
  let best = Infinity;
  let terms: Term[] = [];
  const nearby: FuzzyTerm[] = [];
  for (let length = text.length - MAX_BOUND; length <= text.length + MAX_BOUND; length += 1) nearby.push(...(TERMS_BY_LENGTH.get(length) ?? []));
  for (const { term, letters } of nearby) {
    const distance = editDistanceWithin(text, term.phrase, boundOf(letters));
    if (distance === undefined || distance === 0 || distance > best || !oneSlipPerWord(text, term.phrase)) continue;
    if (distance < best) {
      best = distance;
      terms = [];
    }
    terms.push(term);
  }
  return terms;
}

const digitsOf = (text: string): string => text.replace(/[^0-9]/g, '');

/**
 * Each word has at most one slip when the words line up: "audio conferncing" is a slip, "phone systemic" is
 * another word (two edits in one word). Words run together ("audioconferncing") are judged on the whole.
 */
function oneSlipPerWord(text: string, phrase: string): boolean {
  const written = text.split(' ');
  const meant = phrase.split(' ');
  if (written.length !== meant.length) return true;
  return written.every((word, index) => editDistanceWithin(word, meant[index] ?? '', 1) !== undefined);
}

/**
 * A window may be corrected when its words follow each other (blanks or an apostrophe between them), one of them
 * is free and long enough, and every phrase it touches lies wholly inside it and is no verb and not the requester.
 */
function correctable(folded: string, window: readonly Word[]): boolean {
  const first = window[0];
  const last = window[window.length - 1];
  if (!first || !last) return false;
  if (!window.some((word) => word.match === undefined && word.end - word.start >= MIN_FREE_WORD)) return false;
  for (let index = 1; index < window.length; index += 1) {
    const between = folded.slice(window[index - 1]?.end ?? 0, window[index]?.start ?? 0);
    if (between.replace(/'/g, ' ').trim() !== '') return false;
  }
  return window.every(
    (word) => word.match === undefined || (!KEPT_ROLES.includes(word.match.term.role) && word.match.start >= first.start && word.match.end <= last.end),
  );
}

/** Runs of Latin letters and digits, each with the phrase match covering its start. */
function wordsOf(folded: string, matches: readonly TermMatch[]): Word[] {
  const words: Word[] = [];
  let start = -1;
  for (let position = 0; position <= folded.length; position += 1) {
    // An apostrophe ends a word: "l'audioconferance" is the article and the slip.
    const inWord = position < folded.length && isWordChar(folded.charAt(position));
    if (inWord && start === -1) start = position;
    if (!inWord && start !== -1) {
      const wordStart = start;
      words.push({ start: wordStart, end: position, match: matches.find((match) => match.start <= wordStart && match.end > wordStart) });
      start = -1;
    }
  }
  return words;
}

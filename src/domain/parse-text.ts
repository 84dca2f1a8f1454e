/**
 * Text normalization for the utterance parser. Two strings of equal length come out, so that a
 * span found in one can be cut from the other:
 * - display: NFKC, apostrophes unified, whitespace collapsed; names are cut from it as written;
 * - folded: display lowercased, Latin accents removed, punctuation/symbols/emoji turned into blanks;
 *   vocabulary is matched against it.
 */

/** Placeholder in folded text for characters already claimed (mentions, e-mail addresses). */
export const CLAIMED = '\u0000';
export const BLANK = ' ';

export interface NormalizedText {
  readonly display: string;
  readonly folded: string;
}

const APOSTROPHES = /[\u2018\u2019\u02BC\u00B4`\uFF07]/g;
const WHITESPACE_RUN = /\s+/g;
/** Symbols that carry meaning inside names, addresses and phrases ("d'appels", "&", "+"). */
const KEPT_SYMBOLS = new Set(["'", '&', '@', '_', '+']);
const LETTER_OR_NUMBER = /[\p{L}\p{N}]/u;
const LATIN = /\p{Script=Latin}/u;
const COMBINING_MARKS = /\p{M}/gu;
const WORD_CHAR = /[\p{Script=Latin}\p{N}_]/u;
const COMPACT_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30FC]/u;

export function normalizeText(text: string): NormalizedText {
  const display = text.normalize('NFKC').replace(APOSTROPHES, "'").replace(WHITESPACE_RUN, ' ').trim();
  let folded = '';
  for (const char of display) folded += foldChar(char);
  return { display, folded };
}

/** A vocabulary phrase folded like user text, with blanks collapsed. */
export function foldPhrase(phrase: string): string {
  return normalizeText(phrase).folded.replace(/ {2,}/g, ' ').trim();
}

/** Characters that glue into words in Latin-script text: a phrase must not start or end inside such a run. */
export function isWordChar(char: string | undefined): boolean {
  return char !== undefined && WORD_CHAR.test(char);
}

/** CJK characters: written without spaces, so spaces around them are optional when matching. */
export function isCompactChar(char: string | undefined): boolean {
  return char !== undefined && COMPACT_CHAR.test(char);
}

/** The folded form of one code point, always of the same UTF-16 length (keeps both strings aligned). */
function foldChar(char: string): string {
  if (LETTER_OR_NUMBER.test(char)) {
    let folded = char.toLowerCase();
    if (LATIN.test(char)) folded = folded.normalize('NFD').replace(COMBINING_MARKS, '');
    return folded.length === char.length ? folded : char;
  }
  if (KEPT_SYMBOLS.has(char)) return char;
  return BLANK.repeat(char.length);
}

/**
 * "2", "the second one", "deuxième", "第二个", "2番目": which button a person means when they answer a choice with its
 * position instead of its text. Digits (full-width ones too, after NFKC) and the words for one to ten in the four
 * languages the bot speaks, as ordinals or plain numbers. Ordinals are looked for first, then numbers, and the first
 * one in the text wins (as botbuilder's recognizeChoices does). Pure, no botbuilder.
 */

/** Ordinal words and their position. */
const ORDINALS: ReadonlyMap<string, number> = wordTable([
  ['first 1st premier premiere 1er 1re 1ere', 1],
  ['second 2nd deuxieme seconde 2e 2eme', 2],
  ['third 3rd troisieme 3e 3eme', 3],
  ['fourth 4th quatrieme 4e 4eme', 4],
  ['fifth 5th cinquieme 5e 5eme', 5],
  ['sixth 6th sixieme 6e 6eme', 6],
  ['seventh 7th septieme 7e 7eme', 7],
  ['eighth 8th huitieme 8e 8eme', 8],
  ['ninth 9th neuvieme 9e 9eme', 9],
  ['tenth 10th dixieme 10e 10eme', 10],
]);

/** Cardinal words (English and French) and their value. */
const CARDINALS: ReadonlyMap<string, number> = wordTable([
  ['one un une', 1],
  ['two deux', 2],
  ['three trois', 3],
  ['four quatre', 4],
  ['five cinq', 5],
  ['six', 6],
  ['seven sept', 7],
  ['eight huit', 8],
  ['nine neuf', 9],
  ['ten dix', 10],
]);

/** Chinese and Japanese numerals one to ten. */
const CJK_DIGITS = '一二三四五六七八九十';
const CJK_NUMBER = `(?:\\d+|[${CJK_DIGITS}两兩])`;
/** 第二, 第二个, 第2個, 二番目, 2番目, 二つ目. */
const CJK_ORDINAL = new RegExp(`第(${CJK_NUMBER})|(${CJK_NUMBER})(?:番目|つ目|個目|个)`, 'u');
/** A numeral alone ("二", "2"), with at most a counter after it. */
const CJK_CARDINAL_ALONE = new RegExp(`^(${CJK_NUMBER})(?:個|个|つ|番)?$`, 'u');

/** The 1-based position the text names, if it names one. */
export function choiceNumber(text: string): number | undefined {
  const normalized = text.normalize('NFKC').toLowerCase().trim();
  const cjkOrdinal = CJK_ORDINAL.exec(normalized);
  const words = normalized
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  const ordinal = words.map((word) => ORDINALS.get(word)).find((value) => value !== undefined);
  if (ordinal !== undefined) return ordinal;
  if (cjkOrdinal) return cjkValue(cjkOrdinal[1] ?? cjkOrdinal[2] ?? '');
  const cardinal = words.map((word) => (/^\d+$/.test(word) ? Number(word) : CARDINALS.get(word))).find((value) => value !== undefined);
  if (cardinal !== undefined) return cardinal;
  const cjkAlone = CJK_CARDINAL_ALONE.exec(normalized);
  return cjkAlone ? cjkValue(cjkAlone[1] ?? '') : undefined;
}

function cjkValue(numeral: string): number | undefined {
  if (/^\d+$/.test(numeral)) return Number(numeral);
  if (numeral === '两' || numeral === '兩') return 2;
  const index = CJK_DIGITS.indexOf(numeral);
  return index >= 0 ? index + 1 : undefined;
}

function wordTable(rows: readonly (readonly [string, number])[]): Map<string, number> {
  return new Map(rows.flatMap(([words, value]) => words.split(' ').map((word) => [word, value] as const)));
}

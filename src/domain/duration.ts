/**
 * How long a licence is wanted for: "for two weeks", "两周", "兩週", "2週間", "pendant deux semaines".
 * Pure: Microsoft's maintained recognizer (@microsoft/recognizers-text-date-time) reads the duration; this file
 * chooses the culture, adapts the text the library cannot read itself, and maps the span back to the input.
 *
 * What the library (1.1.x) covers: English, Chinese (Simplified only) and French; no Japanese model.
 * - Traditional Chinese is converted character for character (兩→两, 週→周, 個→个 …) before the Chinese model,
 *   so spans keep their positions.
 * - Japanese is the closest supported approach: its duration units are rewritten into Chinese ones
 *   (週間→周, 日間→天, か月/ヶ月→个月, 年間→年; the numerals are shared) and read by the Chinese model, with each
 *   rewritten character remembering where it came from.
 * Only spans of a day or more count: a licence is not granted for minutes, and "120 minute calling plan" is a
 * product (callers also pass the product spans as `ignore`, so the product always wins).
 */
import type * as DateTimeRecognizers from '@microsoft/recognizers-text-date-time';
import type { ParseLanguage } from './vocabulary';

export interface DurationMatch {
  readonly seconds: number;
  /** The span in the text given, end exclusive. */
  readonly start: number;
  readonly end: number;
}

export interface Span {
  readonly start: number;
  readonly end: number;
}

const DAY_SECONDS = 86_400;

/** Words that lead into a duration ("for two weeks", "pendant deux semaines", "为期两周"): part of its span. */
const LEAD_INS: Readonly<Record<Culture, RegExp>> = {
  'en-us': /\b(for|during)\s*$/i,
  'zh-cn': /(为期|為期)\s*$/,
  'fr-fr': /\b(pendant|pour|durant)\s*$/i,
};
/** Long texts are not chat requests; the recognizer's regular expressions are not cheap on them. */
const MAX_TEXT_LENGTH = 500;

type Culture = 'en-us' | 'zh-cn' | 'fr-fr';

/** Units of a day or more per language: the recognizer runs only when one is present. */
const UNIT_HINTS: Readonly<Record<Culture, RegExp>> = {
  'en-us': /\b(days?|weeks?|fortnight|months?|years?)\b/i,
  'zh-cn': /[天日周星礼月年]/,
  'fr-fr': /\b(jours?|semaines?|mois|ans?|ann[eé]es?|quinzaine)\b/i,
};

/** Traditional characters of duration phrases → Simplified; one for one, so positions stay. */
const TRADITIONAL_TO_SIMPLIFIED: Readonly<Record<string, string>> = { 兩: '两', 週: '周', 個: '个', 禮: '礼', 來: '来', 幾: '几' };

/** Japanese duration units → Chinese ones (longest first). */
const JAPANESE_UNITS: readonly (readonly [string, string])[] = [
  ['ヶ月間', '个月'],
  ['か月間', '个月'],
  ['カ月間', '个月'],
  ['ヵ月間', '个月'],
  ['ヶ月', '个月'],
  ['か月', '个月'],
  ['カ月', '个月'],
  ['ヵ月', '个月'],
  ['箇月', '个月'],
  ['週間', '周'],
  ['日間', '天'],
  ['年間', '年'],
  ['週', '周'],
];

interface Rewritten {
  readonly text: string;
  /** For each character of text: the span of the original it came from. */
  readonly origin: readonly Span[];
}

/** The first duration of a day or more in the text that does not overlap an ignored span. */
export function findDuration(text: string, language: ParseLanguage | undefined, ignore: readonly Span[] = []): DurationMatch | undefined {
  if (text.length > MAX_TEXT_LENGTH) return undefined;
  const { culture, rewritten } = prepare(text, language);
  if (!UNIT_HINTS[culture].test(rewritten.text)) return undefined;
  for (const found of recognize(rewritten.text, culture)) {
    const first = rewritten.origin[found.start];
    const last = rewritten.origin[found.end];
    if (!first || !last) continue;
    const span = { start: first.start, end: last.end };
    if (found.seconds < DAY_SECONDS || ignore.some((other) => overlaps(span, other))) continue;
    const leadIn = LEAD_INS[culture].exec(text.slice(0, span.start));
    return { seconds: found.seconds, start: leadIn ? leadIn.index : span.start, end: span.end };
  }
  return undefined;
}

function prepare(text: string, language: ParseLanguage | undefined): { culture: Culture; rewritten: Rewritten } {
  switch (language) {
    case 'zh-CN':
      return { culture: 'zh-cn', rewritten: identity(text) };
    case 'zh-TW':
      return { culture: 'zh-cn', rewritten: { text: [...text].map((char) => TRADITIONAL_TO_SIMPLIFIED[char] ?? char).join(''), origin: identity(text).origin } };
    case 'ja':
      return { culture: 'zh-cn', rewritten: rewriteJapanese(text) };
    case 'fr':
      return { culture: 'fr-fr', rewritten: identity(text) };
    default:
      return { culture: 'en-us', rewritten: identity(text) };
  }
}

function identity(text: string): Rewritten {
  return { text, origin: Array.from({ length: text.length }, (_, index) => ({ start: index, end: index + 1 })) };
}

function rewriteJapanese(text: string): Rewritten {
  let rewritten = '';
  const origin: Span[] = [];
  let index = 0;
  while (index < text.length) {
    const unit = JAPANESE_UNITS.find(([japanese]) => text.startsWith(japanese, index));
    const [source, target] = unit ?? [text.charAt(index), text.charAt(index)];
    for (const char of target) {
      rewritten += char;
      origin.push({ start: index, end: index + source.length });
    }
    index += source.length;
  }
  return { text: rewritten, origin };
}

/** The library's duration results: start and end (inclusive) in the text it was given. */
function recognize(text: string, culture: Culture): { seconds: number; start: number; end: number }[] {
  const { recognizeDateTime } = dateTimeRecognizers();
  let results: ReturnType<typeof recognizeDateTime>;
  try {
    results = recognizeDateTime(text, culture);
  } catch {
    // Some Chinese phrasings ("两周后") make the library throw; such a text has no usable duration.
    return [];
  }
  return results.flatMap((result) => {
    const values = (result.resolution as { values?: { type?: string; value?: string }[] } | null)?.values ?? [];
    const value = values.find((candidate) => candidate.type === 'duration');
    const seconds = Number(value?.value);
    return value && Number.isFinite(seconds) && seconds > 0 ? [{ seconds, start: result.start, end: result.end }] : [];
  });
}

/**
 * Required the first time a text names a unit of a day or more, not at start-up: the library is a 1.8 MB bundle of
 * every culture's patterns (its source text alone is 3.5 MB of heap) that most requests never need.
 */
function dateTimeRecognizers(): typeof DateTimeRecognizers {
  return require('@microsoft/recognizers-text-date-time') as typeof DateTimeRecognizers;
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

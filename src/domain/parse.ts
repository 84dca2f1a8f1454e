/**
 * The utterance parser: a chat message ("give Alice a calling plan", "给Alice分配通话计划",
 * "Aliceに通話プランを割り当てて", "attribue un forfait d'appels à Alice") becomes an action,
 * catalog part numbers and a reference to a person. Pure and synchronous.
 *
 * Steps: normalize; claim mentions and e-mail addresses; find vocabulary phrases (longest match,
 * products in every language); detect the language, then read the function words of that language
 * only; read product names with a slip on the words left (parse-fuzzy); what no phrase covers is left as gaps, one
 * of which may be the person. A verb of change asks for its target (parse-change); a question is flagged and never
 * read as a request by the dialog (parse-question).
 */
import { findDuration } from './duration';
import { changeTargets } from './parse-change';
import { correctProducts } from './parse-fuzzy';
import { isQuestion } from './parse-question';
import { choosePerson, claimAddresses, type Segment } from './parse-person';
import { FULL_LEXICON, LEXICON_BY_LANGUAGE, detectLanguage, scanTerms, type TermMatch } from './parse-scan';
import { BLANK, CLAIMED, normalizeText } from './parse-text';
import type { ParseLanguage } from './vocabulary';

export type { ParseLanguage } from './vocabulary';

export type PersonReference =
  | { kind: 'email'; value: string } // something@domain: a UPN or mail address
  | { kind: 'name'; value: string } // "Alice", "Megan Bowen", "爱丽丝", "アリス", or a <at>mention</at>
  | { kind: 'self' }; // the requester: "give me …", "我需要", "私に", "moi"

export interface ParsedUtterance {
  action: 'assign' | 'remove';
  /** Catalog part numbers in order of mention, without duplicates. */
  products: string[];
  person: PersonReference | undefined;
  /** The language whose vocabulary matched, if any. */
  language: ParseLanguage | undefined;
  /** What no phrase and no person covered, e.g. an unknown product name. */
  unmatchedText: string;
  /** How long the licence is wanted for ("for two weeks"); absent when not said. */
  duration?: { seconds: number };
  /** The text asks something ("what licences does Alice have?"): it is never a request to change anything. */
  question: boolean;
  /** Products a misspelt phrase is close to when it is close to several: the dialog asks which one was meant. */
  productCandidates: string[];
}

export function parseUtterance(text: string): ParsedUtterance {
  const { display, folded } = normalizeText(text);
  const claimed = claimAddresses(display, folded);
  const firstPass = scanTerms(claimed.folded, FULL_LEXICON);
  const language = detectLanguage(firstPass);
  const lexicon = language && LEXICON_BY_LANGUAGE.get(language);
  const exact = verbsReadAsNames(lexicon ? scanTerms(claimed.folded, lexicon) : firstPass, claimed.folded);
  // Slips in product names are read after the exact phrases, on the words those left; a slip close to several
  // products is claimed like an address (neither a person nor unmatched text) and its products handed back.
  const fuzzy = correctProducts(claimed.folded, exact);
  const scanned = fuzzy.matches;
  const afterSlips = fuzzy.ambiguous.reduce((folded, span) => claimRange(folded, span.start, span.end), claimed.folded);
  // A duration is read after the products, so that "120 minute calling plan" stays a product; its span is then
  // claimed like an address, so it becomes neither part of the person nor unmatched text.
  const productSpans = scanned.filter((match) => match.term.role === 'product');
  const duration = findDuration(display, language, productSpans);
  const matches = duration ? scanned.filter((match) => match.end <= duration.start || match.start >= duration.end) : scanned;
  const remaining = duration ? claimRange(afterSlips, duration.start, duration.end) : afterSlips;

  const segments = toSegments(matches, claimed.addresses, remaining);
  const changing = matches.some((match) => match.term.role === 'changeVerb');
  // A change ("switch off" is a removal, "switch to" a change) asks for its target: an assign.
  const action = !changing && matches.some((match) => match.term.role === 'removeVerb') ? 'remove' : 'assign';
  // "from"-like markers point at the person of a removal and of a change ("change the calling plan of Hugo").
  const { person, gapIndex } = choosePerson(segments, action === 'remove' || changing, display);
  const unmatchedText = segments
    .filter((segment, index) => segment.kind === 'gap' && index !== gapIndex)
    .map((segment) => display.slice(segment.start, segment.end))
    .join(' ');
  const products = changing ? changeTargets(productsOf(matches)) : productsOf(matches);
  const question = isQuestion(matches, display);
  return { action, products, person, language, unmatchedText, question, productCandidates: candidatesOf(fuzzy.ambiguous, products), ...(duration ? { duration: { seconds: duration.seconds } } : {}) };
}

/** Part numbers of the ambiguous slips, except those the text asks for anyway. */
function candidatesOf(ambiguous: readonly { partNumbers: readonly string[] }[], products: readonly string[]): string[] {
  return [...new Set(ambiguous.flatMap((span) => span.partNumbers))].filter((key) => !products.includes(key));
}

function claimRange(folded: string, start: number, end: number): string {
  return folded.slice(0, start) + CLAIMED.repeat(end - start) + folded.slice(end);
}

/**
 * A Latin-script verb right after another verb, or right before "'s"/"needs", is a name that
 * happens to be a verb ("give Grant a calling plan", "Grant needs E3"): it is left for the person.
 * CJK verbs are exempt, as they chain naturally ("申请开通").
 */
function verbsReadAsNames(matches: readonly TermMatch[], folded: string): TermMatch[] {
  const isLatinVerb = (match: TermMatch | undefined): boolean =>
    match !== undefined && (match.term.role === 'assignVerb' || match.term.role === 'removeVerb' || match.term.role === 'changeVerb') && match.term.pattern.startsWithWordChar;
  const adjacent = (first: TermMatch, second: TermMatch): boolean => folded.slice(first.end, second.start).trim() === '';
  return matches.filter((match, index) => {
    if (!isLatinVerb(match)) return true;
    const previous = matches[index - 1];
    const next = matches[index + 1];
    const afterVerb = previous !== undefined && isLatinVerb(previous) && adjacent(previous, match);
    const beforeMarker = next !== undefined && next.term.role === 'personPrecedes' && adjacent(match, next);
    return !afterVerb && !beforeMarker;
  });
}

function productsOf(matches: readonly TermMatch[]): string[] {
  const partNumbers = matches.flatMap((match) => (match.term.role === 'product' && match.term.partNumber ? [match.term.partNumber] : []));
  return [...new Set(partNumbers)];
}

/** Terms and addresses in text order, with the uncovered text between them as gaps. */
function toSegments(matches: readonly TermMatch[], addresses: readonly Segment[], folded: string): Segment[] {
  const covered: Segment[] = [...matches.map((match): Segment => ({ kind: 'term', start: match.start, end: match.end, term: match.term })), ...addresses];
  covered.sort((a, b) => a.start - b.start);
  const segments: Segment[] = [];
  let position = 0;
  for (const segment of [...covered, undefined]) {
    const gap = trimGap(folded, position, segment ? segment.start : folded.length);
    if (gap) segments.push(gap);
    if (segment) {
      segments.push(segment);
      position = segment.end;
    }
  }
  return segments;
}

/** The uncovered range without blanks at either end; undefined when nothing is left. */
function trimGap(folded: string, from: number, to: number): Segment | undefined {
  const isEmpty = (char: string): boolean => char === BLANK || char === CLAIMED;
  let start = from;
  let end = to;
  while (start < end && isEmpty(folded.charAt(start))) start += 1;
  while (end > start && isEmpty(folded.charAt(end - 1))) end -= 1;
  return start < end ? { kind: 'gap', start, end } : undefined;
}

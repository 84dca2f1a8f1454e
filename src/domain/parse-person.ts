/**
 * Who a request is about. Mentions and e-mail addresses are claimed from the text first; otherwise
 * the person is the unknown text ("gap") that the sentence structure points at:
 * a marker before it ("to Alice", "给Alice"), a marker after it ("Alice's", "Aliceに"), a verb right
 * before it ("give Alice …"), then the requester themself ("me", "我"), then a lone gap.
 */
import type { PersonReference } from './parse';
import type { Term, TermRole } from './parse-scan';
import { CLAIMED } from './parse-text';

export type Segment =
  | { readonly kind: 'term'; readonly start: number; readonly end: number; readonly term: Term }
  | { readonly kind: 'address'; readonly start: number; readonly end: number; readonly person: PersonReference }
  | { readonly kind: 'gap'; readonly start: number; readonly end: number };

export interface ClaimedText {
  /** The folded text with every claimed span replaced by CLAIMED. */
  readonly folded: string;
  readonly addresses: readonly Extract<Segment, { kind: 'address' }>[];
}

export interface PersonChoice {
  readonly person: PersonReference | undefined;
  /** Index in the segments of the gap the person was read from. */
  readonly gapIndex: number | undefined;
}

const MENTION = /<at>([^<>]{1,256})<\/at>/gi;
const EMAIL_LOCAL_CHAR = /[A-Za-z0-9._%+-]/;
const EMAIL_DOMAIN_CHAR = /[A-Za-z0-9.-]/;

/** Claims Teams mentions (<at>Name</at>) and e-mail addresses, in that order of precedence. */
export function claimAddresses(display: string, folded: string): ClaimedText {
  const addresses: Extract<Segment, { kind: 'address' }>[] = [];
  const claimed = [...folded];
  const claim = (start: number, end: number, person: PersonReference): void => {
    for (let index = start; index < end; index += 1) claimed[index] = CLAIMED;
    addresses.push({ kind: 'address', start, end, person });
  };
  for (const mention of display.matchAll(MENTION)) {
    const name = (mention[1] ?? '').trim();
    if (name !== '') claim(mention.index, mention.index + mention[0].length, { kind: 'name', value: name });
  }
  let at = display.indexOf('@');
  while (at !== -1) {
    const email = emailAround(display, at);
    if (email && claimed.slice(email.start, email.end).every((char) => char !== CLAIMED)) {
      claim(email.start, email.end, { kind: 'email', value: display.slice(email.start, email.end) });
    }
    at = display.indexOf('@', email ? email.end : at + 1);
  }
  addresses.sort((a, b) => a.start - b.start);
  return { folded: claimed.join(''), addresses };
}

/** Expands around an "@" without regular expressions, so a long text without addresses stays linear. */
function emailAround(display: string, at: number): { start: number; end: number } | undefined {
  let start = at;
  while (start > 0 && EMAIL_LOCAL_CHAR.test(display.charAt(start - 1))) start -= 1;
  while (display.charAt(start) === '.') start += 1;
  let end = at + 1;
  while (end < display.length && EMAIL_DOMAIN_CHAR.test(display.charAt(end))) end += 1;
  while (end > at + 1 && /[.-]/.test(display.charAt(end - 1))) end -= 1;
  const domain = display.slice(at + 1, end);
  const dot = domain.lastIndexOf('.');
  return start < at && dot > 0 && dot < domain.length - 2 ? { start, end } : undefined;
}

/** removing: "from"-like markers (sourceFollows/sourcePrecedes) point at the person too (removals and changes). */
export function choosePerson(segments: readonly Segment[], removing: boolean, display: string): PersonChoice {
  const address = segments.find((segment) => segment.kind === 'address');
  if (address?.kind === 'address') return { person: address.person, gapIndex: undefined };
  const follows: readonly TermRole[] = removing ? ['personFollows', 'sourceFollows'] : ['personFollows'];
  const precedes: readonly TermRole[] = removing ? ['personPrecedes', 'sourcePrecedes'] : ['personPrecedes'];
  const verbs: readonly TermRole[] = ['assignVerb', 'removeVerb', 'changeVerb'];

  const candidates = [
    ...segments.map((segment, index) => {
      if (hasRole(segment, follows)) return neighbourGap(segments, index, 1);
      if (hasRole(segment, precedes)) return neighbourGap(segments, index, -1);
      return undefined;
    }),
    ...segments.map((segment, index) => (hasRole(segment, verbs) ? thingFree(segments, neighbourGap(segments, index, 1)) : undefined)),
  ];
  for (const gapIndex of candidates) {
    const name = gapIndex === undefined ? '' : nameIn(segments, gapIndex, display);
    if (name !== '') return { person: { kind: 'name', value: name }, gapIndex };
  }
  if (segments.some((segment) => hasRole(segment, ['self']))) return { person: { kind: 'self' }, gapIndex: undefined };
  return loneGap(segments, display);
}

/** The only gap of the text is the person, unless an article or a licence noun marks it as a thing. */
function loneGap(segments: readonly Segment[], display: string): PersonChoice {
  const gaps = segments.flatMap((segment, index) => (segment.kind === 'gap' ? [index] : []));
  const gapIndex = gaps.length === 1 ? thingFree(segments, gaps[0]) : undefined;
  if (gapIndex === undefined || hasRole(segments[neighbourIndex(segments, gapIndex, -1)], ['article'])) {
    return { person: undefined, gapIndex: undefined };
  }
  const name = nameIn(segments, gapIndex, display);
  return name === '' ? { person: undefined, gapIndex: undefined } : { person: { kind: 'name', value: name }, gapIndex };
}

/** The gap unless a licence noun follows it ("a unicorn licence" names a product, not a person). */
function thingFree(segments: readonly Segment[], gapIndex: number | undefined): number | undefined {
  if (gapIndex === undefined) return undefined;
  return hasRole(segments[gapIndex + 1], ['licenceNoun']) ? undefined : gapIndex;
}

/** The index of the gap next to the segment in the given direction, fillers skipped. */
function neighbourGap(segments: readonly Segment[], index: number, direction: 1 | -1): number | undefined {
  const neighbour = neighbourIndex(segments, index, direction);
  return segments[neighbour]?.kind === 'gap' ? neighbour : undefined;
}

function neighbourIndex(segments: readonly Segment[], index: number, direction: 1 | -1): number {
  let neighbour = index + direction;
  while (hasRole(segments[neighbour], ['filler'])) neighbour += direction;
  return neighbour;
}

function hasRole(segment: Segment | undefined, roles: readonly TermRole[]): boolean {
  return segment?.kind === 'term' && roles.includes(segment.term.role);
}

/** The gap's text as written, without a stray "@" or quote around it. */
function nameIn(segments: readonly Segment[], gapIndex: number, display: string): string {
  const segment = segments[gapIndex];
  if (!segment) return '';
  return display.slice(segment.start, segment.end).replace(/^[@']+/, '').replace(/'+$/, '').trim();
}

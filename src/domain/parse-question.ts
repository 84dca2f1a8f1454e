/**
 * Whether a message asks something rather than asks for something. A question is never turned into a request:
 * "does Alice have a calling plan?" names a person and a product, yet must change nothing.
 * - a question word ("what", "who", "how many", "什么", "誰", "combien") always makes a question;
 * - a question mark ("does", "吗", "ですか", "est-ce que", or "?") makes one only when no verb asks for a change,
 *   as polite requests are written as questions too ("can I get Teams Phone?", "能给我开通音频会议吗").
 */
import type { TermMatch, TermRole } from './parse-scan';

/** "?" and its full-width form (NFKC already maps "？" to "?"): punctuation, the same in every language. */
const QUESTION_PUNCTUATION = /\?/;
const CHANGE_VERBS: readonly TermRole[] = ['assignVerb', 'removeVerb', 'changeVerb'];

export function isQuestion(matches: readonly TermMatch[], display: string): boolean {
  if (matches.some((match) => match.term.role === 'questionWord')) return true;
  const marked = QUESTION_PUNCTUATION.test(display) || matches.some((match) => match.term.role === 'questionMark');
  return marked && !matches.some((match) => CHANGE_VERBS.includes(match.term.role));
}

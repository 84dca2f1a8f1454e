/**
 * Whether a message is a question about licences rather than a request: "what licences does Alice have?",
 * "does Alice have a calling plan?", "who approves for Alice?", "how many calling plans are left?", in the five
 * languages. Pure. A question is answered from what the directory says and changes nothing.
 */
import { QUESTION_PATTERNS, type QuestionKind } from './question-patterns';

export type { QuestionKind } from './question-patterns';

export interface Question {
  readonly kind: QuestionKind;
  /** The person as written (honorifics included), for questions about someone. */
  readonly person?: string;
  /** The licence as written, for "does … have …" and "how many … are left". */
  readonly product?: string;
}

export function detectQuestion(text: string): Question | undefined {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  for (const { kind, pattern, person, product } of QUESTION_PATTERNS) {
    const match = pattern.exec(trimmed);
    if (!match) continue;
    const who = person === undefined ? undefined : match[person]?.trim();
    const what = product === undefined ? undefined : match[product]?.trim();
    if ((person !== undefined && !who) || (product !== undefined && !what)) continue;
    return { kind, ...(who ? { person: who } : {}), ...(what ? { product: what } : {}) };
  }
  return undefined;
}

/**
 * Validates the value of an `adaptiveCard/action` invoke (Universal Actions). Teams sends
 * `{ action: { type: "Action.Execute", id?, verb, data }, trigger: "manual" | "automatic" }`, with the
 * card's input values (here: "comment") merged into `action.data`. Card data is only a pointer: the
 * bot reloads the request by id and never trusts anything else the card carries.
 */
import { z } from 'zod';

export const CARD_VERBS = ['approve', 'reject', 'refresh'] as const;
export type CardVerb = (typeof CARD_VERBS)[number];

export const MAX_COMMENT_LENGTH = 500;

export interface CardAction {
  readonly verb: CardVerb;
  readonly requestId: string;
  /** The approver's comment, trimmed; absent when empty or on refresh. */
  readonly comment?: string;
}

const invokeValueSchema = z.object({
  action: z.object({
    type: z.literal('Action.Execute'),
    verb: z.enum(CARD_VERBS),
    data: z.object({
      requestId: z.uuid(),
      comment: z.string().trim().max(MAX_COMMENT_LENGTH).optional(),
    }),
  }),
});

export function parseCardAction(value: unknown): CardAction | undefined {
  const parsed = invokeValueSchema.safeParse(value);
  if (!parsed.success) return undefined;
  const { verb, data } = parsed.data.action;
  const comment = verb === 'refresh' ? undefined : data.comment;
  return comment ? { verb, requestId: data.requestId, comment } : { verb, requestId: data.requestId };
}

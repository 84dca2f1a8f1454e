/**
 * The shape an activity must have before anything else looks at it: the fields the bot and botbuilder read, with
 * the types and sizes they assume. Anything else (`{}`, a text that is an object, a missing sender) is answered 400
 * with no detail — before authentication has a say or a turn starts, so garbage costs nothing and tells nothing.
 * What is merely odd (unknown entity kinds, strange locales, extra fields) passes: the bot answers it with words.
 */
import type { Activity } from 'botbuilder';
import { validateAndFixActivity } from 'botbuilder/lib/activityValidator';
import { z } from 'zod';

/**
 * Longest message text read: a pasted bulk list is the longest legitimate text, and a list file is at most
 * 1 MiB (src/services/bulk/bulk-limits.ts); the request body itself is capped at 4 MiB by the server.
 */
export const MAX_ACTIVITY_TEXT = 1_048_576;

const shortText = (max: number) => z.string().max(max);
const account = z.looseObject({ id: shortText(1024), name: shortText(1024).nullish(), aadObjectId: shortText(256).nullish() });

const activityShape = z.looseObject({
  type: shortText(64).min(1),
  id: shortText(1024).nullish(),
  name: shortText(256).nullish(),
  channelId: shortText(64),
  serviceUrl: shortText(2048).regex(/^https?:\/\//i),
  from: account,
  recipient: account.nullish(),
  conversation: z.looseObject({ id: shortText(1024), tenantId: shortText(256).nullish() }),
  text: shortText(MAX_ACTIVITY_TEXT).nullish(),
  locale: shortText(4096).nullish(),
  entities: z.array(z.unknown()).nullish(),
  attachments: z.array(z.unknown()).nullish(),
  channelData: z.record(z.string(), z.unknown()).nullish(),
});

/** The activity, or undefined when it is not one the bot can take. */
export function parseActivity(body: unknown): Activity | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  if (!activityShape.safeParse(body).success) return undefined;
  return validateAndFixActivity(body as Activity);
}
